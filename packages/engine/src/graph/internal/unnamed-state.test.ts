import { wordCountDesign, type GraphNode, type TopologyGraph } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { applyDiagnosticFix } from '../apply-diagnostic-fix'
import { planGraph } from '../plan-graph'

const unnamed = (graph: TopologyGraph) =>
  planGraph(graph).diagnostics.filter((d) => d.code === 'lint/unnamed-state')

function withoutStoreName(graph: TopologyGraph, id: string): TopologyGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (n.id === id ? ({ ...n, params: {} } as GraphNode) : n)),
  }
}

describe('lint/unnamed-state', () => {
  it('points at a count whose store has a generated name, and names it after the node', () => {
    const graph = withoutStoreName(wordCountDesign(), 'count')
    const [lint, ...rest] = unnamed(graph)
    expect(rest).toEqual([])
    expect(lint).toMatchObject({
      severity: 'info',
      nodeId: 'count',
      param: 'storeName',
      message: expect.stringContaining('KSTREAM-AGGREGATE-STATE-STORE-0000000003'),
      fix: {
        title: 'Name it "count-store"',
        nodeId: 'count',
        params: { storeName: 'count-store' },
      },
    })
    const fixed = applyDiagnosticFix(graph, lint!.fix!)
    expect(unnamed(fixed)).toEqual([])
    expect(planGraph(fixed).plan?.stores.map((s) => s.name)).toEqual(['count-store'])
  })

  it('says nothing about stores the design names', () => {
    expect(unnamed(wordCountDesign())).toEqual([])
  })

  it('reports a stream-stream join once for its two window stores', () => {
    const at = { x: 0, y: 0 }
    const graph: TopologyGraph = {
      version: 1,
      name: 'join',
      applicationId: 'join',
      config: { 'default.key.serde': 'String', 'default.value.serde': 'String' },
      nodes: [
        { id: 'a', kind: 'stream', position: at, params: { topics: ['a'] } },
        { id: 'b', kind: 'stream', position: at, params: { topics: ['b'] } },
        {
          id: 'j',
          kind: 'join',
          label: 'Match orders',
          position: at,
          params: {
            joinType: 'inner',
            joiner: { lang: 'expression', source: 'left' },
            window: { beforeMs: 1000, afterMs: 1000, graceMs: 0 },
          },
        },
        { id: 'out', kind: 'sink', position: at, params: { topic: 'out' } },
      ],
      edges: [
        { id: 'aj', source: 'a', target: 'j', targetPort: 'left' },
        { id: 'bj', source: 'b', target: 'j', targetPort: 'right' },
        { id: 'jo', source: 'j', target: 'out' },
      ],
    }
    expect(planGraph(graph).plan?.stores).toHaveLength(2)
    expect(unnamed(graph).map((d) => d.fix?.params)).toEqual([{ storeName: 'match-orders-store' }])
  })
})
