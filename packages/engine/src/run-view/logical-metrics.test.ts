import { planGraph } from '../graph/plan-graph'
import type { MetricsSample } from '../telemetry/node-rates'
import { emptyNodeMetrics } from '../telemetry/node-telemetry'
import { wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { logicalNodeMetrics, logicalNodeShapes } from './logical-metrics'

const { plan } = planGraph(wordCountDesign())
if (plan === null) throw new Error('word count does not plan')
const shapes = logicalNodeShapes(plan)

function sample(
  counts: Record<string, [number, number]>,
  processMs: Record<string, number> = {},
): MetricsSample {
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
      processMsPerSecond: processMs[n.node] ?? 0,
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

  it("gives each design node the processing time of its own processors, not its successors'", () => {
    const counts = Object.fromEntries(plan.nodes.map((n) => [n.name, [1, 1] as [number, number]]))
    // Inclusive times, as measured: a source's includes everything its task does for a record.
    const metrics = logicalNodeMetrics(
      shapes,
      sample(counts, {
        'KSTREAM-SOURCE-0000000000': 100,
        'KSTREAM-FLATMAPVALUES-0000000001': 90,
        'KSTREAM-KEY-SELECT-0000000002': 60,
        'counts-repartition-filter': 55,
        'counts-repartition-sink': 50,
        'counts-repartition-source': 300,
        'KSTREAM-AGGREGATE-0000000003': 290,
        'KTABLE-TOSTREAM-0000000007': 20,
        'KSTREAM-SINK-0000000008': 21,
      }),
    )
    const busy = Object.fromEntries(metrics.map((m) => [m.nodeId, m.busyMsPerSecond]))
    expect(busy).toEqual({
      lines: 10,
      words: 30,
      // groupBy: its key selector; the repartition filter and sink belong to the count.
      'by-word': 5,
      count: 5 + 50 + 10 + 270,
      changes: 0,
      out: 21,
    })
  })
})
