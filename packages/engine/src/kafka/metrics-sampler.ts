// Samples a running instance's metrics on a timer, with per-node rates since the previous sample.
import { nodeRates, type MetricsSample } from '../telemetry/node-rates'
import type { StreamsMetrics } from '../telemetry/streams-telemetry'

/** Calls `listener` every `intervalMs` with a sample; returns a function that stops it. */
export function sampleMetrics(
  metrics: () => StreamsMetrics,
  listener: (sample: MetricsSample) => void,
  intervalMs: number,
  now: () => number = Date.now,
): () => void {
  let previous = metrics()
  let previousAt = now()
  const timer = setInterval(() => {
    const current = metrics()
    const at = now()
    listener({ ...current, at, rates: nodeRates(previous.nodes, current.nodes, at - previousAt) })
    previous = current
    previousAt = at
  }, intervalMs)
  return () => clearInterval(timer)
}
