// Rates from counters: each sample of a running instance's metrics carries records in and out
// per second of every node since the previous sample (totals never go backwards, as closed
// tasks' counters are kept).
import { histogramSince, latencyQuantile } from './latency-histogram'
import type { NodeMetricsSnapshot } from './node-telemetry'
import type { StreamsMetrics } from './streams-telemetry'

export interface NodeRate {
  readonly node: string
  readonly recordsInPerSecond: number
  readonly recordsOutPerSecond: number
  readonly droppedPerSecond: number
  readonly errorsPerSecond: number
  /** Process latency over the interval (including downstream nodes); null without records. */
  readonly latencyP50Ms: number | null
  readonly latencyP99Ms: number | null
  /**
   * Milliseconds per second spent in the node's `process`, including the downstream nodes it
   * forwards to (they run inside it); its own share is this minus its successors'.
   */
  readonly processMsPerSecond: number
}

export interface MetricsSample extends StreamsMetrics {
  /** Wall-clock time of the sample (ms since the epoch). */
  readonly at: number
  readonly rates: readonly NodeRate[]
}

export function nodeRates(
  previous: readonly NodeMetricsSnapshot[],
  current: readonly NodeMetricsSnapshot[],
  elapsedMs: number,
): NodeRate[] {
  const before = new Map(previous.map((n) => [n.node, n]))
  const perSecond = (now: number, then: number | undefined) =>
    elapsedMs <= 0 ? 0 : (Math.max(0, now - (then ?? 0)) * 1000) / elapsedMs
  return current.map((n) => {
    const b = before.get(n.node)
    const latency = histogramSince(n.processLatency, b?.processLatency)
    return {
      node: n.node,
      recordsInPerSecond: perSecond(n.recordsIn, b?.recordsIn),
      recordsOutPerSecond: perSecond(n.recordsOut, b?.recordsOut),
      droppedPerSecond: perSecond(n.dropped, b?.dropped),
      errorsPerSecond: perSecond(n.errors, b?.errors),
      latencyP50Ms: latencyQuantile(latency, 0.5),
      latencyP99Ms: latencyQuantile(latency, 0.99),
      processMsPerSecond: perSecond(n.processTimeMs, b?.processTimeMs),
    }
  })
}
