import { wordCountDesign, type GraphNode, type TopologyGraph } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { diffDesigns, upgradeReport } from './compare-designs'

function edit(graph: TopologyGraph, id: string, params: object): TopologyGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) =>
      n.id === id ? ({ ...n, params: { ...n.params, ...params } } as GraphNode) : n,
    ),
  }
}

describe('diffDesigns', () => {
  it('tells added, removed and changed nodes and edges, ignoring moves', () => {
    const before = wordCountDesign()
    const moved = before.nodes.map((n) => ({ ...n, position: { x: n.position.x + 5, y: 9 } }))
    const after: TopologyGraph = {
      ...before,
      nodes: [
        ...moved
          .filter((n) => n.id !== 'changes')
          .map((n) => (n.id === 'count' ? ({ ...n, label: 'Tally' } as GraphNode) : n)),
        {
          id: 'peek',
          kind: 'peek',
          position: { x: 0, y: 0 },
          params: { action: { lang: 'expression', source: 'value' } },
        },
      ],
      edges: [
        ...before.edges.filter((e) => e.source !== 'changes' && e.target !== 'changes'),
        { id: 'x', source: 'count', target: 'peek' },
      ],
    }
    const diff = diffDesigns(before, after)
    expect(Object.fromEntries(diff.nodes)).toEqual({
      lines: 'unchanged',
      words: 'unchanged',
      'by-word': 'unchanged',
      count: 'changed',
      changes: 'removed',
      out: 'unchanged',
      peek: 'added',
    })
    const edges = Object.fromEntries([...diff.edges].map(([key, { change }]) => [key, change]))
    expect(edges).toMatchObject({
      'lines->words': 'unchanged',
      'count->changes': 'removed',
      'changes->out': 'removed',
      'count->peek': 'added',
    })
  })
})

describe('upgradeReport', () => {
  it('calls an unchanged design safe', () => {
    const report = upgradeReport(wordCountDesign(), wordCountDesign())
    expect(report).toEqual({
      findings: [],
      losesState: false,
      verdict: expect.stringMatching(/^Safe to redeploy/),
    })
  })

  it('says plainly that renaming a store loses its state, with its topics', () => {
    const report = upgradeReport(
      wordCountDesign(),
      edit(wordCountDesign(), 'count', { storeName: 'totals' }),
    )
    expect(report.losesState).toBe(true)
    expect(report.verdict).toMatch(/^Redeploying loses state/)
    expect(report.findings).toEqual([
      { kind: 'store-renamed', store: 'counts', to: 'totals', node: 'count "Count"' },
      { kind: 'changelog-renamed', topic: 'counts-changelog', to: 'totals-changelog' },
      { kind: 'repartition-renamed', topic: 'counts-repartition', to: 'totals-repartition' },
    ])
  })

  it('reports a sink serde change without calling it a loss of state', () => {
    const report = upgradeReport(
      wordCountDesign(),
      edit(wordCountDesign(), 'out', { valueSerde: 'Json' }),
    )
    expect(report.losesState).toBe(false)
    expect(report.findings).toEqual([
      {
        kind: 'serde-changed',
        node: 'sink "Word counts"',
        side: 'value',
        from: 'Long',
        to: 'Json',
        stateful: false,
      },
    ])
  })

  it('reports a store whose node is gone as dropped, with its changelog', () => {
    const before = wordCountDesign()
    const after: TopologyGraph = {
      ...before,
      nodes: before.nodes.filter((n) => !['by-word', 'count', 'changes'].includes(n.id)),
      edges: [
        { id: 'a', source: 'lines', target: 'words' },
        { id: 'b', source: 'words', target: 'out' },
      ],
    }
    const report = upgradeReport(before, edit(after, 'out', { valueSerde: 'String' }))
    expect(report.findings).toEqual(
      expect.arrayContaining([
        { kind: 'store-dropped', store: 'counts', node: 'count "Count"' },
        { kind: 'changelog-dropped', topic: 'counts-changelog' },
        { kind: 'repartition-dropped', topic: 'counts-repartition' },
      ]),
    )
    expect(report.losesState).toBe(true)
  })

  it('needs both versions to plan', () => {
    const broken = { ...wordCountDesign(), edges: [] }
    expect(upgradeReport(wordCountDesign(), broken)).toMatchObject({
      findings: null,
      verdict: expect.stringContaining('new version has errors'),
    })
  })
})
