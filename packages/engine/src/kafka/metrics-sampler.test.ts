import { describe, expect, it } from 'vitest'
import type { NodeMetricsSnapshot } from '../telemetry/node-telemetry'
import { nodeRates } from './metrics-sampler'

const node = (name: string, recordsIn: number, recordsOut: number): NodeMetricsSnapshot => ({
  node: name,
  recordsIn,
  recordsOut,
  errors: 0,
  dropped: 0,
  droppedByReason: {},
  processTimeMs: 0,
})

describe('node rates', () => {
  it('divides the counters gained since the previous sample by the time between them', () => {
    const rates = nodeRates([node('a', 100, 50)], [node('a', 600, 300), node('b', 20, 0)], 500)
    expect(rates).toEqual([
      {
        node: 'a',
        recordsInPerSecond: 1000,
        recordsOutPerSecond: 500,
        droppedPerSecond: 0,
        errorsPerSecond: 0,
      },
      {
        node: 'b',
        recordsInPerSecond: 40,
        recordsOutPerSecond: 0,
        droppedPerSecond: 0,
        errorsPerSecond: 0,
      },
    ])
  })

  it('reports no rate for an empty interval', () => {
    expect(nodeRates([node('a', 1, 1)], [node('a', 5, 5)], 0)[0]?.recordsInPerSecond).toBe(0)
  })
})
