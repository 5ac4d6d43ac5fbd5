// The simulator with one partition per topic must behave exactly as TopologyTestDriver: every
// scenario of the corpus, piped record by record and stepped until idle, writes the same records
// (sinks, repartition topics and changelogs) in the same order, and fails at the same step.
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  compileGraph,
  TopologySimulator,
  TopologyTestDriver,
  type Serde,
} from '@topology-studio/engine'
import { describe, expect, it } from 'vitest'
import { driverProps, inputValue, pipe, sourceSerde } from './run-on-engine'
import { loadScenario, type Scenario } from './scenario'
import { renderBytes } from './scenario-result'

const scenarios = join(dirname(fileURLToPath(import.meta.url)), 'scenarios')
const files = readdirSync(scenarios).filter((name) => name.endsWith('.json'))
const encoder = new TextEncoder()
const bytes: Serde<Uint8Array> = {
  name: 'ByteArray',
  serialize: (_topic, data) => data,
  deserialize: (_topic, data) => data,
}

interface Written {
  readonly records: Record<string, string[]>
  readonly failedAt: number | null
}

function render(record: {
  key: Uint8Array | null
  value: Uint8Array | null
  timestamp: number | null
  headers: readonly { key: string; value: Uint8Array | null }[]
}): string {
  return JSON.stringify([
    renderBytes(record.key),
    renderBytes(record.value),
    record.timestamp,
    record.headers.map((h) => [h.key, renderBytes(h.value)]),
  ])
}

function onDriver(scenario: Scenario): Written {
  const { topology } = compileGraph(scenario.graph)
  if (topology === null) throw new Error(`${scenario.name} does not compile`)
  const props = driverProps(scenario)
  const driver = new TopologyTestDriver(topology, props, 0)
  let failedAt: number | null = null
  for (const [index, step] of scenario.steps.entries()) {
    try {
      if ('pipe' in step) pipe(driver, scenario.graph, props, step.pipe)
      else driver.advanceWallClockTime(step.advanceWallClock)
    } catch {
      failedAt = index
      break
    }
  }
  const records: Record<string, string[]> = {}
  for (const topic of driver.producedTopicNames()) {
    records[topic] = driver
      .createOutputTopic(topic, bytes, bytes)
      .readRecordsToList()
      .map((r) =>
        render({ key: r.key(), value: r.value(), timestamp: r.timestamp(), headers: r.headers() }),
      )
  }
  driver.close()
  return { records, failedAt }
}

function onSimulator(scenario: Scenario): Written & { partitioned: boolean } {
  const { topology } = compileGraph(scenario.graph)
  if (topology === null) throw new Error(`${scenario.name} does not compile`)
  const props = driverProps(scenario)
  const simulator = new TopologySimulator(topology, { props, initialWallClockMs: 0 })
  let failedAt: number | null = null
  for (const [index, step] of scenario.steps.entries()) {
    try {
      if ('pipe' in step) {
        const { topic, key, value, timestamp, headers } = step.pipe
        const keySerde = sourceSerde(scenario.graph, props, topic, 'keySerde', 'default.key.serde')
        const valueSerde = sourceSerde(
          scenario.graph,
          props,
          topic,
          'valueSerde',
          'default.value.serde',
        )
        simulator.produce(topic, {
          key: keySerde.serialize(topic, inputValue(key, keySerde)),
          value: valueSerde.serialize(topic, inputValue(value, valueSerde)),
          timestamp,
          headers: (headers ?? []).map((h) => ({
            key: h.key,
            value: h.value === null ? null : encoder.encode(h.value),
          })),
        })
      } else simulator.advanceWallClockTime(step.advanceWallClock)
      simulator.runUntilIdle()
    } catch {
      failedAt = index
      break
    }
  }
  const records: Record<string, string[]> = {}
  for (const topic of simulator.writtenTopics()) {
    // The simulator's log holds the piped records too; the driver's outputs do not.
    const produced = simulator.records(topic).filter((r) => !r.fromInput)
    if (produced.length > 0) records[topic] = produced.map(render)
  }
  const partitioned = simulator.isPartitioned()
  simulator.close()
  return { records, failedAt, partitioned }
}

describe('the simulator with one partition per topic', () => {
  it.each(files)('writes what TopologyTestDriver writes: %s', (file) => {
    const scenario = loadScenario(join(scenarios, file))
    const driver = onDriver(scenario)
    const simulated = onSimulator(scenario)
    expect(simulated.failedAt).toBe(driver.failedAt)
    // A repartition() with its own partition count runs tasks per partition, as on a cluster:
    // the same records come out, in partition order rather than the driver's.
    const ownCount = scenario.graph.nodes.some(
      (node) => node.kind === 'repartition' && (node.params.numberOfPartitions ?? 1) > 1,
    )
    expect(simulated.partitioned).toBe(ownCount)
    if (!ownCount) expect(simulated.records).toEqual(driver.records)
    else {
      const sorted = (written: Written['records']) =>
        Object.fromEntries(Object.entries(written).map(([t, records]) => [t, [...records].sort()]))
      expect(sorted(simulated.records)).toEqual(sorted(driver.records))
    }
  })
})
