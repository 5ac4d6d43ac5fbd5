import type { TopologyGraph } from '@topology-studio/shared'
import { wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { isOptimized, optimizationEffect } from './optimization-effect'

// A table read from a topic and joined by a stream: optimized, the table's topic doubles as its
// changelog, so Kafka Streams creates no changelog topic for it.
const tableDesign: TopologyGraph = {
  version: 1,
  name: 'Enrich',
  applicationId: 'enrich',
  config: {},
  nodes: [
    { id: 'clicks', kind: 'stream', position: { x: 0, y: 0 }, params: { topics: ['clicks'] } },
    {
      id: 'users',
      kind: 'table',
      position: { x: 0, y: 100 },
      params: { topic: 'users', storeName: 'users-store' },
    },
    {
      id: 'join',
      kind: 'join',
      position: { x: 200, y: 0 },
      params: {
        joinType: 'inner',
        joiner: { lang: 'expression', source: 'left' },
      },
    },
    { id: 'out', kind: 'sink', position: { x: 400, y: 0 }, params: { topic: 'enriched' } },
  ],
  edges: [
    { id: 'e1', source: 'clicks', target: 'join', targetPort: 'left' },
    { id: 'e2', source: 'users', target: 'join', targetPort: 'right' },
    { id: 'e3', source: 'join', target: 'out' },
  ],
}

describe('optimizationEffect', () => {
  it('reports the changelog topic a source table no longer needs', () => {
    const effect = optimizationEffect(tableDesign)
    expect(effect).not.toBeNull()
    expect(effect!.changes).toEqual(['no changelog topic users-store-changelog'])
  })

  it('reports no change for word count, whose describe() is the same both ways', () => {
    const effect = optimizationEffect(wordCountDesign())
    expect(effect!.changes).toEqual([])
    expect(effect!.diff.every((line) => line.kind === 'same')).toBe(true)
  })

  it('is null for a design with errors', () => {
    const broken = { ...tableDesign, edges: tableDesign.edges.slice(1) }
    expect(optimizationEffect(broken)).toBeNull()
  })

  it('reads the setting as Kafka Streams does: absent and "none" mean off', () => {
    expect(isOptimized(tableDesign)).toBe(false)
    expect(isOptimized({ ...tableDesign, config: { 'topology.optimization': 'none' } })).toBe(false)
    expect(isOptimized({ ...tableDesign, config: { 'topology.optimization': 'all' } })).toBe(true)
  })
})
