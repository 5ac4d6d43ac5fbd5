import { planGraph } from '@topology-studio/engine'
import { wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { planToMermaid } from './plan-mermaid'

describe('planToMermaid', () => {
  it('draws word count as a flowchart with its two sub-topologies', () => {
    const { plan } = planGraph(wordCountDesign({ input: 'lines', output: 'word-counts' }))
    expect(planToMermaid(plan!)).toBe(
      [
        'flowchart TB',
        '  t0(["lines"])',
        '  t1(["counts-repartition"])',
        '  t2(["word-counts"])',
        '  subgraph st0["Sub-topology 0"]',
        '    n0["KSTREAM-SOURCE-0000000000"]',
        '    n1["KSTREAM-FLATMAPVALUES-0000000001"]',
        '    n2["KSTREAM-KEY-SELECT-0000000002"]',
        '    n3["counts-repartition-filter"]',
        '    n4["counts-repartition-sink"]',
        '  end',
        '  subgraph st1["Sub-topology 1"]',
        '    n5["counts-repartition-source"]',
        '    n6["KSTREAM-AGGREGATE-0000000003"]',
        '    n7["KTABLE-TOSTREAM-0000000007"]',
        '    n8["KSTREAM-SINK-0000000008"]',
        '    s0[("counts")]',
        '  end',
        '  t0 --> n0',
        '  n0 --> n1',
        '  n1 --> n2',
        '  n2 --> n3',
        '  n3 --> n4',
        '  n4 --> t1',
        '  t1 --> n5',
        '  n5 --> n6',
        '  n6 --> n7',
        '  n7 --> n8',
        '  n8 --> t2',
        '  n6 -.- s0',
        '',
      ].join('\n'),
    )
  })

  it('escapes quotes, as in a topic pattern', () => {
    const graph = wordCountDesign()
    const patterned = {
      ...graph,
      nodes: graph.nodes.map((n) =>
        n.id === 'lines' ? { ...n, params: { topicPattern: 'say"(hi|ho)"' } } : n,
      ),
    } as typeof graph
    const { plan } = planGraph(patterned)
    expect(planToMermaid(plan!)).toContain('t0(["say#quot;(hi|ho)#quot;"])')
  })
})
