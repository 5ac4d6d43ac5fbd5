// "Save as test": a simulation's inputs, and the outputs TopologyTestDriver writes for them, as
// a vitest file on the engine's TopologyTestDriver that a developer can keep beside their code.
import {
  builtInSerde,
  compileGraph,
  fromBase64,
  jsonSafe,
  TestRecord,
  TopologyTestDriver,
  type CodeExecutor,
} from '@topology-studio/engine'
import type { TopologyGraph } from '@topology-studio/shared'
import { DEFAULT_CODEC, type TopicCodec } from './simulation-protocol'
import type { SimulationEvent } from './simulation-session'

export interface ExpectedRecord {
  readonly key: unknown
  readonly value: unknown
  readonly timestamp: number | null
}

export interface SavedTestInput {
  readonly design: TopologyGraph
  readonly events: readonly SimulationEvent[]
  readonly codecs: Readonly<Record<string, TopicCodec>>
  /** The simulated wall clock when the simulation started. */
  readonly wallClockMs: number
  /** The sink topics whose records the test expects, in the design's order. */
  readonly outputTopics: readonly string[]
  /** Whether the simulation ran on several partitions (its outputs may be ordered otherwise). */
  readonly partitioned: boolean
}

/** A value as the serde takes it: ByteArray values travel as base64 text. */
function forSerde(serde: string, value: unknown): unknown {
  if (serde !== 'ByteArray' || typeof value !== 'string') return value
  const bytes = fromBase64(value)
  if (bytes === null) throw new Error(`A ByteArray value is not base64: ${value}`)
  return bytes
}

/** What TopologyTestDriver writes to each output topic for the simulation's inputs. */
export function driverOutputs(
  input: SavedTestInput,
  codeExecutor: CodeExecutor,
): Record<string, ExpectedRecord[]> {
  const { topology, diagnostics } = compileGraph(input.design, { codeExecutor })
  if (topology === null) {
    throw new Error(diagnostics.find((d) => d.severity === 'error')?.message ?? 'no topology')
  }
  const driver = new TopologyTestDriver(
    topology,
    { 'application.id': input.design.applicationId },
    input.wallClockMs,
  )
  try {
    const codec = (topic: string) => input.codecs[topic] ?? DEFAULT_CODEC
    for (const event of input.events) {
      if (event.kind === 'advance') {
        driver.advanceWallClockTime(event.ms)
        continue
      }
      const { topic, key, value, timestamp } = event.input
      const { keySerde, valueSerde } = codec(topic)
      driver
        .createInputTopic(topic, builtInSerde(keySerde), builtInSerde(valueSerde))
        .pipeInput(
          new TestRecord(forSerde(keySerde, key), forSerde(valueSerde, value), [], timestamp),
        )
    }
    const produced = driver.producedTopicNames()
    return Object.fromEntries(
      input.outputTopics.map((topic) => {
        if (!produced.has(topic)) return [topic, []]
        const { keySerde, valueSerde } = codec(topic)
        const records = driver
          .createOutputTopic(topic, builtInSerde(keySerde), builtInSerde(valueSerde))
          .readRecordsToList()
          .map((r) => ({
            key: jsonSafe(r.key()),
            value: jsonSafe(r.value()),
            timestamp: r.timestamp(),
          }))
        return [topic, records]
      }),
    )
  } finally {
    driver.close()
  }
}

/** A JavaScript identifier from a topic name: `stock-trades` becomes `stockTrades`. */
function identifier(topic: string, taken: Set<string>): string {
  const words = topic.split(/[^A-Za-z0-9]+/).filter((w) => w !== '')
  let name = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]?.toUpperCase() + w.slice(1)))
    .join('')
  if (name === '' || /^\d/.test(name)) name = `topic${name}`
  let unique = name
  for (let n = 2; taken.has(unique); n++) unique = `${name}${n}`
  taken.add(unique)
  return unique
}

const literal = (value: unknown) => JSON.stringify(value)

/** The test file's text: the design, its inputs in order, and the outputs to expect. */
export function savedTestFile(
  input: SavedTestInput,
  expected: Readonly<Record<string, readonly ExpectedRecord[]>>,
): string {
  const codec = (topic: string) => input.codecs[topic] ?? DEFAULT_CODEC
  // Every name the file declares or imports; topics' names get a suffix, so none is a keyword.
  const taken = new Set([
    'design',
    'driver',
    'serde',
    'bytes',
    'base64',
    'topology',
    'diagnostics',
    'codeExecutor',
    'compileGraph',
    'createSandboxedCodeExecutor',
    'serdeByName',
    'TestRecord',
    'TopologyTestDriver',
    'describe',
    'expect',
    'it',
  ])
  const inputTopics = [
    ...new Set(input.events.flatMap((e) => (e.kind === 'input' ? [e.input.topic] : []))),
  ]
  const inputNames = new Map(inputTopics.map((t) => [t, identifier(`${t} input`, taken)]))
  const outputNames = new Map(input.outputTopics.map((t) => [t, identifier(`${t} output`, taken)]))
  const usesBytes = [...inputTopics, ...input.outputTopics].some((topic) =>
    [codec(topic).keySerde, codec(topic).valueSerde].includes('ByteArray'),
  )
  const value = (serde: string, json: unknown) =>
    serde === 'ByteArray' && typeof json === 'string' ? `bytes(${literal(json)})` : literal(json)
  const read = (serde: string, access: string) =>
    serde === 'ByteArray' ? `base64(${access} as Uint8Array | null)` : access
  const lines: string[] = []
  const title = input.design.name
  lines.push(
    `// A TopologyTestDriver test of "${title.replace(/[\r\n]/g, ' ')}", saved from a simulation in Topology Studio:`,
    `// ${input.events.filter((e) => e.kind === 'input').length} input records and the outputs they produce.`,
  )
  if (input.partitioned) {
    lines.push(
      '// The simulation ran on several partitions; TopologyTestDriver runs one, so the expected',
      '// outputs are the ones it writes, which may be ordered otherwise.',
    )
  }
  lines.push(
    `import {`,
    `  compileGraph,`,
    `  createSandboxedCodeExecutor,`,
    `  serdeByName,`,
    `  TestRecord,`,
    `  TopologyTestDriver,`,
    `} from '@topology-studio/engine'`,
    `import { describe, expect, it } from 'vitest'`,
    ``,
    `const design: Parameters<typeof compileGraph>[0] = ${JSON.stringify(input.design, null, 2)}`,
    ``,
    `function serde(name: string) {`,
    `  const found = serdeByName(name)`,
    `  if (found === undefined) throw new Error(\`No built-in serde named \${name}\`)`,
    `  return found`,
    `}`,
  )
  if (usesBytes) {
    lines.push(
      ``,
      `const bytes = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))`,
      `const base64 = (data: Uint8Array | null) =>`,
      `  data === null ? null : btoa(String.fromCharCode(...data))`,
    )
  }
  lines.push(
    ``,
    `describe(${literal(title)}, () => {`,
    `  it('writes the outputs recorded in the simulator', async () => {`,
    `    // JavaScript parameters run in the QuickJS sandbox, as in the simulator.`,
    `    const codeExecutor = await createSandboxedCodeExecutor()`,
    `    const { topology, diagnostics } = compileGraph(design, { codeExecutor })`,
    `    if (topology === null) throw new Error(diagnostics.map((d) => d.message).join('; '))`,
    `    const driver = new TopologyTestDriver(topology, { 'application.id': design.applicationId }, ${input.wallClockMs})`,
    `    try {`,
  )
  for (const topic of inputTopics) {
    const { keySerde, valueSerde } = codec(topic)
    lines.push(
      `      const ${inputNames.get(topic)} = driver.createInputTopic(${literal(topic)}, serde(${literal(keySerde)}), serde(${literal(valueSerde)}))`,
    )
  }
  for (const topic of input.outputTopics) {
    const { keySerde, valueSerde } = codec(topic)
    lines.push(
      `      const ${outputNames.get(topic)} = driver.createOutputTopic(${literal(topic)}, serde(${literal(keySerde)}), serde(${literal(valueSerde)}))`,
    )
  }
  lines.push(``)
  for (const event of input.events) {
    if (event.kind === 'advance') {
      lines.push(`      driver.advanceWallClockTime(${event.ms})`)
      continue
    }
    const { topic, key, value: v, timestamp } = event.input
    const { keySerde, valueSerde } = codec(topic)
    lines.push(
      `      ${inputNames.get(topic)}.pipeInput(new TestRecord(${value(keySerde, key)}, ${value(valueSerde, v)}, [], ${timestamp}))`,
    )
  }
  for (const topic of input.outputTopics) {
    const { keySerde, valueSerde } = codec(topic)
    const records = expected[topic] ?? []
    lines.push(
      ``,
      `      expect(`,
      `        ${outputNames.get(topic)}`,
      `          .readRecordsToList()`,
      `          .map((r) => [${read(keySerde, 'r.key()')}, ${read(valueSerde, 'r.value()')}, r.timestamp()]),`,
      `      ).toEqual([`,
      ...records.map((r) => `        [${literal(r.key)}, ${literal(r.value)}, ${r.timestamp}],`),
      `      ])`,
    )
  }
  lines.push(`    } finally {`, `      driver.close()`, `    }`, `  })`, `})`, ``)
  return lines.join('\n')
}
