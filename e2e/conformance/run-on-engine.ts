// Runs a scenario in the engine's TopologyTestDriver and reports it in the shared result shape.
import {
  compileGraph,
  configuredSerde,
  serdeByName,
  TestRecord,
  TopologyTestDriver,
  ValueAndTimestamp,
  type Serde,
  type Windowed,
} from '@topology-studio/engine'
import type { TopologyGraph } from '@topology-studio/shared'
import type { Pipe, Scenario } from './scenario'
import {
  renderBytes,
  type OutputRecord,
  type ScenarioError,
  type ScenarioResult,
  type StoreContents,
  type StoreEntry,
} from './scenario-result'

const bytes: Serde<Uint8Array> = {
  name: 'ByteArray',
  serialize: (_topic, data) => data,
  deserialize: (_topic, data) => data,
}
const encoder = new TextEncoder()

export function runOnEngine(scenario: Scenario): ScenarioResult {
  const { topology, diagnostics } = compileGraph(scenario.graph)
  if (topology === null) {
    const errors = diagnostics.filter((d) => d.severity === 'error')
    return {
      name: scenario.name,
      describe: null,
      outputs: {},
      stores: {},
      error: {
        phase: 'build',
        step: null,
        message: errors.map((d) => `${d.nodeId ?? ''}: ${d.message}`).join('; '),
      },
    }
  }
  const describe = topology.describe().toString()
  const props = driverProps(scenario)
  const outputs: Record<string, OutputRecord[]> = {}
  const stores: Record<string, StoreContents> = {}
  let error: ScenarioError | null = null
  let driver: TopologyTestDriver | null = null
  try {
    driver = new TopologyTestDriver(topology, props, 0)
    for (const [index, step] of scenario.steps.entries()) {
      try {
        if ('pipe' in step) pipe(driver, scenario.graph, props, step.pipe)
        else driver.advanceWallClockTime(step.advanceWallClock)
      } catch (cause) {
        error = errorOf('step', index, cause)
        break
      }
    }
    for (const topic of scenario.outputs) outputs[topic] = readOutputs(driver, topic)
    for (const name of scenario.stores ?? []) stores[name] = readStore(driver, name)
  } catch (cause) {
    error ??= errorOf('driver', null, cause)
  } finally {
    driver?.close()
  }
  return { name: scenario.name, describe, outputs, stores, error }
}

export function errorOf(phase: string, step: number | null, cause: unknown): ScenarioError {
  let message = cause instanceof Error ? cause.message : String(cause)
  for (let c = cause instanceof Error ? cause.cause : undefined; c;) {
    message += ` <- ${c instanceof Error ? c.message : String(c)}`
    c = c instanceof Error ? c.cause : undefined
  }
  return { phase, step, message }
}

export function driverProps(scenario: Scenario): Record<string, string | number | boolean> {
  return {
    'application.id': scenario.graph.applicationId,
    ...scenario.graph.config,
    ...scenario.props,
  }
}

export function pipe(
  driver: TopologyTestDriver,
  graph: TopologyGraph,
  props: Record<string, unknown>,
  record: Pipe,
): void {
  const keySerde = sourceSerde(graph, props, record.topic, 'keySerde', 'default.key.serde')
  const valueSerde = sourceSerde(graph, props, record.topic, 'valueSerde', 'default.value.serde')
  const input = driver.createInputTopic(record.topic, keySerde, valueSerde)
  const headers = (record.headers ?? []).map((h) => ({
    key: h.key,
    value: h.value === null ? null : encoder.encode(h.value),
  }))
  input.pipeInput(
    new TestRecord(
      inputValue(record.key, keySerde),
      inputValue(record.value, valueSerde),
      headers,
      record.timestamp,
    ),
  )
}

/** JSON input as the serde expects it: text becomes UTF-8 bytes for ByteArray. */
export function inputValue(json: unknown, serde: Serde<unknown>): unknown {
  if (serde.name === 'ByteArray' && typeof json === 'string') return encoder.encode(json)
  return json
}

/** The serde of the source node reading a topic, else the default from the config. */
export function sourceSerde(
  graph: TopologyGraph,
  props: Record<string, unknown>,
  topic: string,
  param: 'keySerde' | 'valueSerde',
  defaultKey: string,
): Serde<unknown> {
  for (const node of graph.nodes) {
    let serdes: { keySerde?: string | undefined; valueSerde?: string | undefined } | null = null
    if (node.kind === 'stream') {
      const p = node.params
      const reads =
        'topics' in p ? p.topics.includes(topic) : new RegExp(`^(?:${p.topicPattern})$`).test(topic)
      if (reads) serdes = p
    } else if (
      (node.kind === 'table' || node.kind === 'globalTable') &&
      node.params.topic === topic
    ) {
      serdes = node.params
    }
    if (serdes === null) continue
    const name = serdes[param]
    if (name !== undefined) return serdeByName(name) as Serde<unknown>
    break
  }
  const configured = configuredSerde(props, defaultKey)
  if (configured === null) {
    throw new Error(`No ${param} for topic ${topic}: set it on the source node or ${defaultKey}`)
  }
  return configured
}

function readOutputs(driver: TopologyTestDriver, topic: string): OutputRecord[] {
  if (!driver.producedTopicNames().has(topic)) return []
  return driver
    .createOutputTopic(topic, bytes, bytes)
    .readRecordsToList()
    .map((record) => ({
      key: renderBytes(record.key()),
      value: renderBytes(record.value()),
      timestamp: record.timestamp(),
      headers: record.headers().map((h) => ({ key: h.key, value: renderBytes(h.value) })),
    }))
}

function readStore(driver: TopologyTestDriver, name: string): StoreContents {
  const timestampedKv = driver.getTimestampedKeyValueStore<unknown, unknown>(name)
  const kv = timestampedKv ?? driver.getKeyValueStore<unknown, unknown>(name)
  if (kv !== null) {
    const entries = [...kv.all()].map((e) => ({ key: plain(e.key), ...valueOf(e.value) }))
    return { type: 'keyValue', entries }
  }
  const window =
    driver.getTimestampedWindowStore<unknown, unknown>(name) ??
    driver.getWindowStore<unknown, unknown>(name)
  if (window !== null) {
    return { type: 'window', entries: [...window.all()].map((e) => windowEntry(e.key, e.value)) }
  }
  const session = driver.getSessionStore<unknown, unknown>(name)
  if (session !== null) {
    const all = session.findSessions(null, null, 0, Number.MAX_SAFE_INTEGER)
    return { type: 'session', entries: [...all].map((e) => windowEntry(e.key, e.value)) }
  }
  return { type: driver.getAllStateStores().has(name) ? 'unknown' : 'missing', entries: [] }
}

function windowEntry(key: Windowed<unknown>, value: unknown): StoreEntry {
  return {
    key: plain(key.key()),
    start: key.window().start(),
    end: key.window().end(),
    ...valueOf(value),
  }
}

function valueOf(value: unknown): { value: unknown; timestamp?: number } {
  if (value instanceof ValueAndTimestamp) {
    return { value: plain(value.value()), timestamp: value.timestamp() }
  }
  return { value: plain(value) }
}

/** Store contents as JSON (byte arrays rendered like record bytes). */
function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return renderBytes(value)
  return JSON.parse(JSON.stringify(value ?? null)) as unknown
}
