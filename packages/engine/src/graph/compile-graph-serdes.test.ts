// The serdes a design's records carry, as Kafka Streams' DSL tracks them, and sinks that
// declare a serde the records cannot be written with.
import {
  latestPriceDesign,
  wordCountDesign,
  type GraphNode,
  type TopologyGraph,
} from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { planGraph } from './plan-graph'
import { serdeConflict } from './compile-graph'

const sinkOf = (graph: TopologyGraph) => graph.nodes.find((n) => n.kind === 'sink')!

function withSink(graph: TopologyGraph, params: Record<string, unknown>): TopologyGraph {
  const sink = sinkOf(graph)
  return {
    ...graph,
    nodes: graph.nodes.map((n) =>
      n.id === sink.id ? ({ ...n, params: { topic: 'out', ...params } } as GraphNode) : n,
    ),
  }
}

describe('node serdes', () => {
  it('follow word count: source serdes, dropped by flatMapValues and groupBy, Long from count', () => {
    const { serdes } = planGraph(wordCountDesign())
    expect(serdes).toEqual({
      lines: { key: 'String', value: 'String', keyWindowed: false },
      words: { key: 'String', value: null, keyWindowed: false },
      'by-word': { key: null, value: null, keyWindowed: false },
      count: { key: null, value: 'Long', keyWindowed: false },
      changes: { key: null, value: 'Long', keyWindowed: false },
      out: { key: 'String', value: 'Long', keyWindowed: false },
    })
  })

  it('let a sink without serdes write with the serdes its records carry', () => {
    const { serdes, diagnostics } = planGraph(withSink(wordCountDesign(), {}))
    expect(diagnostics).toEqual([])
    expect(serdes['out']).toEqual({ key: null, value: 'Long', keyWindowed: false })
  })

  it('mark keys windowed after a windowed aggregation until the key is mapped', () => {
    const { serdes } = planGraph(latestPriceDesign())
    expect(serdes['latest']).toMatchObject({ key: 'TimeWindowed(String)', keyWindowed: true })
    expect(serdes['changes']?.keyWindowed).toBe(true)
    expect(serdes['price']).toMatchObject({ key: null, keyWindowed: false })
  })
})

describe('sink serde checks', () => {
  it('refuse a Long count written with a String value serde', () => {
    const { plan, diagnostics } = planGraph(
      withSink(wordCountDesign(), { keySerde: 'String', valueSerde: 'String' }),
    )
    expect(plan).toBeNull()
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'serde/mismatch',
        nodeId: 'out',
        param: 'valueSerde',
        message: expect.stringContaining('carry Long values'),
      }),
    ])
  })

  it('refuse windowed keys written with a plain key serde', () => {
    const graph = latestPriceDesign()
    // Write the windowed results straight after toStream, before the key is mapped.
    const direct: TopologyGraph = {
      ...graph,
      nodes: graph.nodes.filter((n) => n.id !== 'price'),
      edges: [
        ...graph.edges.filter((e) => e.source !== 'price' && e.target !== 'price'),
        { id: 'changes->out', source: 'changes', target: 'out' },
      ],
    }
    const { diagnostics } = planGraph(direct)
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'serde/mismatch', param: 'keySerde' }),
    ])
  })

  it('warn when JSON values are written as strings, which only some may be', () => {
    const graph = latestPriceDesign()
    const trades = graph.nodes.find((n) => n.id === 'trades')!
    const out = { ...sinkOf(graph), params: { topic: 'o', valueSerde: 'String' } } as GraphNode
    const { plan, diagnostics } = planGraph({
      ...graph,
      nodes: [trades, out],
      edges: [{ id: 'trades->out', source: 'trades', target: 'out' }],
    })
    expect(plan).not.toBeNull()
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['warning', 'serde/possible-mismatch'],
    ])
  })
})

describe('serdeConflict', () => {
  it.each([
    ['String', 'String', null],
    ['Long', 'Json', null],
    ['Long', 'String', 'certain'],
    ['String', 'Long', 'certain'],
    ['Integer', 'Long', 'certain'],
    ['ByteArray', 'Json', 'certain'],
    ['Json', 'String', 'possible'],
    ['TimeWindowed(String)', 'String', 'certain'],
  ] as const)('%s written as %s: %s', (carried, declared, expected) => {
    expect(serdeConflict(carried, declared)).toBe(expected)
  })
})
