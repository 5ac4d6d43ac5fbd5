import type { Diagnostic, GraphNode, TopologyGraph } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { applyDiagnosticFix } from '../apply-diagnostic-fix'
import { validateGraph } from '../validate-graph'

const expr = (source: string) => ({ lang: 'expression' as const, source })
const at = { x: 0, y: 0 }

function design(middle: GraphNode[], tail: GraphNode[] = []): TopologyGraph {
  const chain = [
    { id: 'in', kind: 'stream', position: at, params: { topics: ['in'] } } as GraphNode,
    ...middle,
    ...tail,
    { id: 'out', kind: 'sink', position: at, params: { topic: 'out' } } as GraphNode,
  ]
  return {
    version: 1,
    name: 'lints',
    applicationId: 'lints',
    config: { 'default.key.serde': 'String', 'default.value.serde': 'String' },
    nodes: chain,
    edges: chain.slice(1).map((node, i) => ({
      id: `e${i}`,
      source: chain[i]!.id,
      target: node.id,
    })),
  }
}

const node = (id: string, kind: GraphNode['kind'], params: object) =>
  ({ id, kind, position: at, params }) as GraphNode
const lints = (graph: TopologyGraph) =>
  validateGraph(graph).filter((d) => d.code.startsWith('lint/'))

/** Applies the only lint's fix and checks that the design is then clean of lints. */
function fixesItself(graph: TopologyGraph): { diagnostic: Diagnostic; fixed: TopologyGraph } {
  const [diagnostic, ...rest] = lints(graph)
  expect(rest).toEqual([])
  expect(diagnostic?.fix).toBeDefined()
  const fixed = applyDiagnosticFix(graph, diagnostic!.fix!)
  expect(fixed).not.toBe(graph)
  expect(lints(fixed)).toEqual([])
  expect(validateGraph(fixed).filter((d) => d.severity === 'error')).toEqual([])
  return { diagnostic: diagnostic!, fixed }
}

const counted = [node('count', 'count', { storeName: 'counts' }), node('changes', 'toStream', {})]

describe('lints', () => {
  it('turn a groupBy that keeps the key into groupByKey', () => {
    const { diagnostic, fixed } = fixesItself(
      design([node('group', 'groupBy', { keySelector: expr(' key '), name: 'g' })], counted),
    )
    expect(diagnostic).toMatchObject({ severity: 'warning', code: 'lint/needless-repartition' })
    expect(fixed.nodes[1]).toMatchObject({ kind: 'groupByKey', params: { name: 'g' } })
  })

  it('turn a map that keeps the key into mapValues with the same value', () => {
    const { fixed } = fixesItself(
      design([node('m', 'map', { key: expr('key'), value: expr('upper(value)') })]),
    )
    expect(fixed.nodes[1]).toMatchObject({
      kind: 'mapValues',
      params: { mapper: expr('upper(value)') },
    })
  })

  it('leave a groupBy alone that picks a new key', () => {
    expect(
      lints(design([node('group', 'groupBy', { keySelector: expr('value') })], counted)),
    ).toEqual([])
  })

  it('bound an unbounded suppress, strictly when it waits for windows to close', () => {
    const windowed = [
      node('group', 'groupByKey', {}),
      node('w', 'windowedBy', { window: { type: 'tumbling', sizeMs: 1000, graceMs: 100 } }),
      node('count', 'count', { storeName: 'counts' }),
    ]
    const { fixed } = fixesItself(
      design(windowed, [
        node('final', 'suppress', { mode: 'untilWindowCloses' }),
        node('changes', 'toStream', {}),
      ]),
    )
    expect(fixed.nodes.find((n) => n.id === 'final')?.params).toMatchObject({
      whenFull: 'shutDown',
      maxBytes: 10 * 1024 * 1024,
    })
  })

  it('give a window without grace as much grace as it is long, at most a minute', () => {
    const { diagnostic, fixed } = fixesItself(
      design(
        [
          node('group', 'groupByKey', {}),
          node('w', 'windowedBy', {
            window: { type: 'hopping', sizeMs: 300_000, advanceMs: 60_000 },
          }),
        ],
        counted,
      ),
    )
    expect(diagnostic).toMatchObject({ code: 'lint/no-grace', param: 'window.graceMs' })
    expect(fixed.nodes.find((n) => n.id === 'w')?.params).toEqual({
      window: { type: 'hopping', sizeMs: 300_000, advanceMs: 60_000, graceMs: 60_000 },
    })
  })
})

describe('applyDiagnosticFix', () => {
  it('keeps the design when the fix no longer fits its node', () => {
    const graph = design([node('m', 'mapValues', { mapper: expr('value') })])
    const fix = { title: 'x', nodeId: 'm', kind: 'groupByKey', params: { predicate: 1 } }
    expect(applyDiagnosticFix(graph, fix)).toBe(graph)
    expect(applyDiagnosticFix(graph, { ...fix, nodeId: 'gone' })).toBe(graph)
  })
})
