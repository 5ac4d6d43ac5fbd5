import { clickEnrichmentDesign, type GraphNode } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { designTopics, designTopicsOf, nodeTopics } from './node-topics'

const node = (kind: string, params: object) =>
  ({ id: 'n', kind, position: { x: 0, y: 0 }, params }) as GraphNode

describe('nodeTopics', () => {
  it('names the topics of sources and sinks, not patterns, extractors or other nodes', () => {
    expect(nodeTopics(node('stream', { topics: ['a', '', 'b'] }))).toEqual(['a', 'b'])
    expect(nodeTopics(node('stream', { topicPattern: 'a.*' }))).toEqual([])
    expect(nodeTopics(node('table', { topic: 't' }))).toEqual(['t'])
    expect(nodeTopics(node('globalTable', { topic: '' }))).toEqual([])
    expect(nodeTopics(node('sink', { topic: 'out' }))).toEqual(['out'])
    expect(
      nodeTopics(node('sink', { topicExtractor: { lang: 'expression', source: 'key' } })),
    ).toEqual([])
    expect(
      nodeTopics(node('filter', { predicate: { lang: 'expression', source: 'true' } })),
    ).toEqual([])
  })
})

describe('designTopics', () => {
  it('lists each topic the design names once, and those its sources read or sinks write', () => {
    const design = clickEnrichmentDesign()
    expect(designTopics(design)).toEqual(['page-views', 'pages', 'page-views-enriched'])
    expect(designTopicsOf(design, 'source')).toEqual(['page-views', 'pages'])
    expect(designTopicsOf(design, 'sink')).toEqual(['page-views-enriched'])
  })
})
