import { clickEnrichmentDesign, wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { fakeCluster, fakeTopic } from '../stores/cluster-fixtures'
import { createClusterStore } from '../stores/cluster-store'
import { createDesignStore } from './design-store'
import { createPlanStore } from './plan-store'

describe('plan store', () => {
  it('plans the design and re-plans on every edit, with diagnostics on their nodes', () => {
    const design = createDesignStore(wordCountDesign())
    const { store, stop } = createPlanStore(design)
    expect(store.getState().plan?.subtopologies).toHaveLength(2)
    expect(store.getState().diagnostics.filter((d) => d.severity === 'error')).toEqual([])

    // count on an ungrouped stream: the error lands on the count node.
    design.getState().removeEdges(['by-word->count'])
    design.getState().connect({ source: 'words', target: 'count' })
    const { plan, byNode } = store.getState()
    expect(plan).toBeNull()
    expect(byNode.get('count')?.some((d) => d.severity === 'error')).toBe(true)

    design.getState().undo()
    design.getState().undo()
    expect(store.getState().plan?.subtopologies).toHaveLength(2)
    stop()
  })

  it('does not re-plan for selection changes', () => {
    const design = createDesignStore(wordCountDesign())
    const { store, stop } = createPlanStore(design)
    const before = store.getState()
    design.getState().select({ nodes: ['count'] })
    expect(store.getState()).toBe(before)
    stop()
  })

  it('checks joins against the chosen cluster and re-plans when its topics change', async () => {
    // Page views joined as they come, without re-keying: both topics must be co-partitioned.
    const enrichment = clickEnrichmentDesign()
    const design = createDesignStore({
      ...enrichment,
      nodes: enrichment.nodes.filter((n) => n.id !== 'by-page'),
      edges: [
        ...enrichment.edges.filter((e) => e.source !== 'by-page' && e.target !== 'by-page'),
        { id: 'views->enrich', source: 'views', target: 'enrich', targetPort: 'left' },
      ],
    })
    const partitions: Record<string, number> = { 'page-views': 12, pages: 3 }
    const clusters = createClusterStore(
      {
        list: async () => [fakeCluster('local')],
        connect: async () => Promise.reject(new Error('not used')),
        topics: async () => Object.entries(partitions).map(([name, n]) => fakeTopic(name, n)),
      },
      { getItem: () => null, setItem: () => {}, removeItem: () => {} },
    )
    const { store, stop } = createPlanStore(design, clusters)
    const findings = () =>
      store
        .getState()
        .byNode.get('enrich')
        ?.filter((d) => d.code === 'join/not-copartitioned') ?? []
    expect(findings()).toEqual([])
    await clusters.getState().refresh()
    await clusters.getState().choose('local')
    expect(findings()[0]?.message).toContain('page-views (12 partitions), pages (3 partitions)')
    partitions['pages'] = 12
    await clusters.getState().choose('local')
    expect(findings()).toEqual([])
    stop()
  })
})
