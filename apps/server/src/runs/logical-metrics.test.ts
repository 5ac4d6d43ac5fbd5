import { emptyNodeMetrics, planGraph } from '@topology-studio/engine'
import type { MetricsSample } from '@topology-studio/engine/kafka'
import { wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { logicalNodeMetrics, logicalNodeShapes } from './logical-metrics'

const { plan } = planGraph(wordCountDesign())
if (plan === null) throw new Error('word count does not plan')
const shapes = logicalNodeShapes(plan)

function sample(counts: Record<string, [number, number]>): MetricsSample {
  const nodes = Object.entries(counts).map(([node, [recordsIn, recordsOut]]) => ({
    ...emptyNodeMetrics(node),
    recordsIn,
    recordsOut,
  }))
  return {
    state: 'RUNNING',
    threads: [],
    nodes,
    at: 0,
    rates: nodes.map((n) => ({
      node: n.node,
      recordsInPerSecond: n.recordsIn,
      recordsOutPerSecond: n.recordsOut,
      droppedPerSecond: 0,
      errorsPerSecond: 0,
      latencyP50Ms: null,
      latencyP99Ms: null,
    })),
  }
}

describe('logical node metrics', () => {
  it('counts a repartitioning node where it reads its records back, not twice', () => {
    const count = shapes.find((s) => s.nodeId === 'count')
    expect(count?.entries).toEqual(['counts-repartition-source'])
    expect(count?.exits).toEqual([{ name: 'KSTREAM-AGGREGATE-0000000003', sink: false }])
  })

  it('reads records in at entries and out at exits; a sink writes what it receives', () => {
    const metrics = logicalNodeMetrics(
      shapes,
      sample({
        'KSTREAM-SOURCE-0000000000': [10, 10],
        'KSTREAM-FLATMAPVALUES-0000000001': [10, 40],
        'KSTREAM-KEY-SELECT-0000000002': [40, 40],
        'counts-repartition-filter': [40, 40],
        'counts-repartition-sink': [40, 0],
        'counts-repartition-source': [38, 38],
        'KSTREAM-AGGREGATE-0000000003': [38, 12],
        'KTABLE-TOSTREAM-0000000007': [12, 12],
        'KSTREAM-SINK-0000000008': [12, 0],
      }),
    )
    const byNode = Object.fromEntries(metrics.map((m) => [m.nodeId, [m.recordsIn, m.recordsOut]]))
    expect(byNode).toEqual({
      lines: [10, 10],
      words: [10, 40],
      'by-word': [40, 40],
      count: [38, 12],
      changes: [12, 12],
      out: [12, 12],
    })
  })
})
