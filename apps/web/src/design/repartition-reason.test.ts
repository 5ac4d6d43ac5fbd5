import { planGraph } from '@topology-studio/engine'
import { wordCountDesign, type TopologyGraph } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { planOverlay } from './plan-overlay'
import { repartitionReason } from './repartition-reason'

function reasonBefore(graph: TopologyGraph, edgeId: string, target: string): string {
  const marker = planOverlay(graph, planGraph(graph).plan).repartitionOn.get(edgeId)
  if (marker === undefined) throw new Error(`no repartition on ${edgeId}`)
  return repartitionReason(graph, target, marker)
}

describe('repartitionReason', () => {
  it('names the operator that changed the key, the one that needs it, and the cost', () => {
    const reason = reasonBefore(wordCountDesign(), 'by-word->count', 'count')
    expect(reason).toMatch(/^groupBy "Group by word" changes the key, so count "Count" needs/)
    expect(reason).toContain('internal topic counts-repartition (sub-topology 0)')
    expect(reason).toContain('sub-topology 1')
    expect(reason).toContain('Grouped.as')
  })

  it('suggests mapValues when a map keeps the key', () => {
    const base = wordCountDesign()
    const graph: TopologyGraph = {
      ...base,
      nodes: [
        ...base.nodes.filter((n) => n.id !== 'by-word'),
        {
          id: 'same-key',
          kind: 'map',
          position: { x: 0, y: 0 },
          params: {
            key: { lang: 'expression', source: 'key' },
            value: { lang: 'expression', source: 'value' },
          },
        },
        { id: 'grouped', kind: 'groupByKey', position: { x: 0, y: 0 }, params: {} },
      ],
      edges: [
        ...base.edges.filter((e) => e.source !== 'words' && e.target !== 'count'),
        { id: 'words->same-key', source: 'words', target: 'same-key' },
        { id: 'same-key->grouped', source: 'same-key', target: 'grouped' },
        { id: 'grouped->count', source: 'grouped', target: 'count' },
      ],
    }
    expect(reasonBefore(graph, 'grouped->count', 'count')).toContain(
      'map "same-key" keeps the key: use mapValues instead',
    )
  })
})
