import { addHistograms, emptyLatencyHistogram, latencyBucket } from './latency-histogram'
import { describe, expect, it } from 'vitest'
import { emptyNodeMetrics, type NodeMetricsSnapshot } from './node-telemetry'
import { nodeRates } from './node-rates'

const node = (name: string, recordsIn: number, recordsOut: number): NodeMetricsSnapshot => ({
  ...emptyNodeMetrics(name),
  recordsIn,
  recordsOut,
})

describe('node rates', () => {
  it('divides the counters gained since the previous sample by the time between them', () => {
    const rates = nodeRates(
      [{ ...node('a', 100, 50), processTimeMs: 40 }],
      [{ ...node('a', 600, 300), processTimeMs: 90 }, node('b', 20, 0)],
      500,
    )
    expect(rates).toEqual([
      {
        node: 'a',
        recordsInPerSecond: 1000,
        recordsOutPerSecond: 500,
        droppedPerSecond: 0,
        errorsPerSecond: 0,
        latencyP50Ms: null,
        latencyP99Ms: null,
        processMsPerSecond: 100,
      },
      {
        node: 'b',
        recordsInPerSecond: 40,
        recordsOutPerSecond: 0,
        droppedPerSecond: 0,
        errorsPerSecond: 0,
        latencyP50Ms: null,
        latencyP99Ms: null,
        processMsPerSecond: 0,
      },
    ])
  })

  it('reads p50 and p99 process latency from the calls of the interval only', () => {
    const before = { ...node('a', 0, 0), processLatency: emptyLatencyHistogram() }
    const histogram = emptyLatencyHistogram()
    histogram[latencyBucket(0.05)] = 99
    histogram[latencyBucket(8)] = 1
    const now = { ...node('a', 100, 100), processLatency: addHistograms(histogram, histogram) }
    const [rate] = nodeRates([{ ...before, processLatency: histogram }], [now], 1000)
    expect(rate?.latencyP50Ms).toBeGreaterThanOrEqual(0.05)
    expect(rate?.latencyP50Ms).toBeLessThan(0.05 * Math.SQRT2)
    expect(rate?.latencyP99Ms).toBeLessThan(0.05 * Math.SQRT2)
    expect(
      nodeRates([before], [{ ...before, processLatency: histogram }], 1000)[0]?.latencyP99Ms,
    ).toBeGreaterThanOrEqual(0.05)
  })

  it('reports no rate for an empty interval', () => {
    expect(nodeRates([node('a', 1, 1)], [node('a', 5, 5)], 0)[0]?.recordsInPerSecond).toBe(0)
  })
})
