import { planGraph } from '@topology-studio/engine'
import { clickEnrichmentDesign, wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { EMPTY_OVERLAY, planOverlay } from './plan-overlay'

describe('planOverlay', () => {
  it('places word count in two sub-topologies split by the repartition before count', () => {
    const graph = wordCountDesign()
    const overlay = planOverlay(graph, planGraph(graph).plan)
    expect(Object.fromEntries(overlay.subtopologyOf)).toEqual({
      lines: 0,
      words: 0,
      'by-word': 0,
      count: 1,
      changes: 1,
      out: 1,
    })
    expect(Object.fromEntries(overlay.repartitionOn)).toEqual({
      'by-word->count': { topic: 'counts-repartition', from: [0], to: 1 },
    })
    expect(overlay.storesOf.get('count')).toEqual(['counts'])
  })

  it('lists the processors each design node became', () => {
    const graph = wordCountDesign()
    const overlay = planOverlay(graph, planGraph(graph).plan)
    expect(overlay.processorsOf.get('by-word')).toEqual(['KSTREAM-KEY-SELECT-0000000002'])
    expect(overlay.processorsOf.get('count')).toContain('KSTREAM-AGGREGATE-0000000003')
  })

  it('marks only the join input whose key changed, not the table side', () => {
    const graph = clickEnrichmentDesign()
    const overlay = planOverlay(graph, planGraph(graph).plan)
    expect([...overlay.repartitionOn.keys()]).toEqual(['by-page->enrich'])
    expect(overlay.repartitionOn.get('by-page->enrich')?.topic).toBe('enrich-with-page-repartition')
  })

  it('is empty when the design does not plan', () => {
    expect(planOverlay(wordCountDesign(), null)).toBe(EMPTY_OVERLAY)
  })
})
