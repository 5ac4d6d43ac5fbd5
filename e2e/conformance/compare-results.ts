// Compares the Kafka Streams result of a scenario with the engine's: describe() text byte for
// byte, output records one by one, store contents, and whether and where processing failed.
import { isDeepStrictEqual } from 'node:util'
import type { ScenarioResult, StoreContents, StoreEntry } from './scenario-result'

export interface Comparison {
  readonly describeMatch: boolean
  readonly outputsMatch: boolean
  readonly storesMatch: boolean
  /** What differs first, showing the Kafka Streams side and the engine side; null when equal. */
  readonly firstDifference: string | null
}

export function compareResults(kafka: ScenarioResult, engine: ScenarioResult): Comparison {
  const describe = describeDifference(kafka.describe, engine.describe)
  const outputs = errorDifference(kafka, engine) ?? outputsDifference(kafka, engine)
  const stores = storesDifference(kafka, engine)
  // A side that could not run the scenario at all says why before anything else.
  const runner = [kafka, engine].some((result) => result.error?.phase === 'runner')
  return {
    describeMatch: describe === null,
    outputsMatch: outputs === null,
    storesMatch: stores === null,
    firstDifference: runner ? outputs : (describe ?? outputs ?? stores),
  }
}

function describeDifference(kafka: string | null, engine: string | null): string | null {
  if (kafka === engine) return null
  if (kafka === null || engine === null) {
    return `describe: Kafka Streams ${kafka === null ? 'built nothing' : 'built the topology'}, engine ${engine === null ? 'built nothing' : 'built the topology'}`
  }
  const kafkaLines = kafka.split('\n')
  const engineLines = engine.split('\n')
  for (let i = 0; i < Math.max(kafkaLines.length, engineLines.length); i++) {
    if (kafkaLines[i] !== engineLines[i]) {
      return (
        `describe line ${i + 1}:\n` +
        `  kafka:  ${JSON.stringify(kafkaLines[i] ?? '<end>')}\n` +
        `  engine: ${JSON.stringify(engineLines[i] ?? '<end>')}`
      )
    }
  }
  return 'describe: texts differ'
}

function errorDifference(kafka: ScenarioResult, engine: ScenarioResult): string | null {
  const k = kafka.error
  const e = engine.error
  if (k === null && e === null) return null
  if (k !== null && e !== null && k.phase === e.phase && k.step === e.step) return null
  const show = (error: ScenarioResult['error']) =>
    error === null
      ? 'no error'
      : `${error.phase} error${error.step === null ? '' : ` at step ${error.step}`}: ${error.message}`
  return `error:\n  kafka:  ${show(k)}\n  engine: ${show(e)}`
}

function outputsDifference(kafka: ScenarioResult, engine: ScenarioResult): string | null {
  const topics = new Set([...Object.keys(kafka.outputs), ...Object.keys(engine.outputs)])
  for (const topic of topics) {
    const k = kafka.outputs[topic] ?? []
    const e = engine.outputs[topic] ?? []
    for (let i = 0; i < Math.max(k.length, e.length); i++) {
      if (!isDeepStrictEqual(k[i], e[i])) {
        return (
          `${topic} record ${i + 1} (of ${k.length} vs ${e.length}):\n` +
          `  kafka:  ${k[i] === undefined ? '<none>' : JSON.stringify(k[i])}\n` +
          `  engine: ${e[i] === undefined ? '<none>' : JSON.stringify(e[i])}`
        )
      }
    }
  }
  return null
}

function storesDifference(kafka: ScenarioResult, engine: ScenarioResult): string | null {
  const names = new Set([...Object.keys(kafka.stores), ...Object.keys(engine.stores)])
  for (const name of names) {
    const k = kafka.stores[name]
    const e = engine.stores[name]
    if (k?.type === 'missing') {
      return `store ${name}: Kafka Streams has no store of that name (check the scenario's "stores")`
    }
    if (k?.type !== e?.type) {
      return `store ${name} type:\n  kafka:  ${k?.type ?? '<none>'}\n  engine: ${e?.type ?? '<none>'}`
    }
    const kEntries = ordered(k as StoreContents)
    const eEntries = ordered(e as StoreContents)
    for (let i = 0; i < Math.max(kEntries.length, eEntries.length); i++) {
      if (!isDeepStrictEqual(kEntries[i], eEntries[i])) {
        return (
          `store ${name} entry ${i + 1} (of ${kEntries.length} vs ${eEntries.length}):\n` +
          `  kafka:  ${kEntries[i] === undefined ? '<none>' : JSON.stringify(kEntries[i])}\n` +
          `  engine: ${eEntries[i] === undefined ? '<none>' : JSON.stringify(eEntries[i])}`
        )
      }
    }
  }
  return null
}

/**
 * Key-value stores iterate in serialized-key order in both. Window and session stores iterate
 * in an order that depends on the store implementation (Kafka's RocksDB segments vs in-memory),
 * so they are compared by window, then key.
 */
function ordered(store: StoreContents): readonly StoreEntry[] {
  if (store.type === 'keyValue') return store.entries
  return [...store.entries].sort(
    (a, b) =>
      (a.start ?? 0) - (b.start ?? 0) ||
      (a.end ?? 0) - (b.end ?? 0) ||
      compareText(JSON.stringify(a.key), JSON.stringify(b.key)),
  )
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
