import { clickEnrichmentDesign, wordCountDesign, type TopologyGraph } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { fakeCluster, fakeTopic } from '../stores/cluster-fixtures'
import { createClusterStore } from '../stores/cluster-store'
import { createDesignStore } from './design-store'
import { createPlanStore, onlyMoved, planOf, type RemotePlanner } from './plan-store'
import type { PlannedDesign } from './plan-state'

/** A remote planner that holds every request until the test answers it. */
function heldPlanner() {
  const requests: { graph: TopologyGraph; resolve: (planned: PlannedDesign) => void }[] = []
  const remote: RemotePlanner = {
    plan: (graph) => new Promise((resolve) => requests.push({ graph, resolve })),
  }
  return { requests, remote }
}

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
        createTopic: async () => Promise.reject(new Error('not used')),
      },
      { getItem: () => null, setItem: () => {}, removeItem: () => {} },
    )
    const { store, stop } = createPlanStore(design, { clusters })
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

  it('plans off the main thread once plans take longer than a frame, never going back in time', async () => {
    const design = createDesignStore(wordCountDesign())
    const { requests, remote } = heldPlanner()
    const { store, stop } = createPlanStore(design, { remote, frameBudgetMs: -1 })
    expect(store.getState().planner).toBe('main')

    design.getState().rename('First')
    design.getState().rename('Second')
    // One request in flight at a time; the canvas keeps the last plan, marked as behind.
    expect(requests).toHaveLength(1)
    expect(store.getState().planning).toBe(true)
    const older = planOf(requests[0]!.graph)
    requests[0]!.resolve({ ...older, plannedInMs: 99 })
    await Promise.resolve()
    // The answer is for an older graph: shown (newer than what was), still marked as behind,
    // and the newest graph is sent.
    expect(store.getState()).toMatchObject({ plannedInMs: 99, planning: true })
    expect(requests).toHaveLength(2)
    expect(requests[1]!.graph.name).toBe('Second')
    const planned = planOf(requests[1]!.graph)
    requests[1]!.resolve(planned)
    await Promise.resolve()
    expect(store.getState()).toMatchObject({ planner: 'worker', planning: false })
    expect(store.getState().plan).toEqual(planned.plan)
    stop()
  })

  it('plans on the main thread again when the worker fails', async () => {
    const design = createDesignStore(wordCountDesign())
    const remote: RemotePlanner = { plan: () => Promise.reject(new Error('worker gone')) }
    const { store, stop } = createPlanStore(design, { remote, frameBudgetMs: -1 })
    design.getState().removeEdges(['by-word->count'])
    await Promise.resolve()
    await Promise.resolve()
    expect(store.getState()).toMatchObject({ planner: 'main', planning: false })
    expect(store.getState().plan).toBeNull()
    // Later edits are planned here at once, without asking the broken worker again.
    design.getState().undo()
    expect(store.getState().plan).not.toBeNull()
    stop()
  })

  it('comes back to the main thread only once plans take half a frame, so edits do not alternate', async () => {
    const design = createDesignStore(wordCountDesign())
    const { requests, remote } = heldPlanner()
    const { store, stop } = createPlanStore(design, { remote, frameBudgetMs: 12 })
    store.setState({ plannedInMs: 20 })
    const answer = async (plannedInMs: number) => {
      const request = requests[requests.length - 1]!
      request.resolve({ ...planOf(request.graph), plannedInMs })
      await Promise.resolve()
    }
    design.getState().rename('A')
    await answer(8)
    design.getState().rename('B')
    expect(requests).toHaveLength(2)
    await answer(4)
    design.getState().rename('C')
    expect(requests).toHaveLength(2)
    expect(store.getState()).toMatchObject({ planner: 'main', planning: false })
    stop()
  })

  it('keeps planning off the main thread when an edit breaks the design and the next mends it', async () => {
    const design = createDesignStore(wordCountDesign())
    const { requests, remote } = heldPlanner()
    const { store, stop } = createPlanStore(design, { remote, frameBudgetMs: 12 })
    store.setState({ plannedInMs: 20 })
    design.getState().removeEdges(['by-word->count'])
    expect(requests).toHaveLength(1)
    // Planned only up to its error, the broken design was quick to plan.
    requests[0]!.resolve({ ...planOf(requests[0]!.graph), plannedInMs: 2 })
    await Promise.resolve()
    expect(store.getState().plan).toBeNull()
    // The undo compiles the whole design again, which took 20 ms last time: not here.
    design.getState().undo()
    expect(requests).toHaveLength(2)
    expect(store.getState().planning).toBe(true)
    stop()
  })

  it('has the worker plan a design in the background once a plan here took longer than a frame', () => {
    const design = createDesignStore(wordCountDesign())
    const prepared: TopologyGraph[] = []
    const remote: RemotePlanner = {
      plan: () => Promise.reject(new Error('not used')),
      prepare: (graph) => prepared.push(graph),
    }
    const { store, stop } = createPlanStore(design, { remote, frameBudgetMs: 1e-9 })
    store.setState({ plannedInMs: 0 })
    design.getState().rename('Slow to plan')
    expect(store.getState().planner).toBe('main')
    expect(prepared.map((graph) => graph.name)).toEqual(['Slow to plan'])
    stop()
  })

  it('does not re-plan when nodes only move, as on every frame of a drag', () => {
    const design = createDesignStore(wordCountDesign())
    const { store, stop } = createPlanStore(design)
    const before = store.getState()
    design.getState().moveNodes([{ id: 'count', position: { x: 999, y: 999 } }], false)
    expect(store.getState()).toBe(before)
    design.getState().moveNodes([{ id: 'count', position: { x: 990, y: 990 } }])
    expect(store.getState()).toBe(before)
    design.getState().rename('Renamed')
    expect(store.getState()).not.toBe(before)
    stop()
  })
})

describe('onlyMoved', () => {
  it('ignores where nodes sit, not what they do', () => {
    const design = wordCountDesign()
    const moved = {
      ...design,
      nodes: design.nodes.map((n) => ({ ...n, position: { x: n.position.x + 10, y: 5 } })),
    }
    expect(onlyMoved(design, moved)).toBe(true)
    const renamed = { ...design, nodes: design.nodes.map((n) => ({ ...n, label: 'x' })) }
    expect(onlyMoved(design, renamed)).toBe(false)
    expect(onlyMoved(design, { ...design, edges: design.edges.slice(1) })).toBe(false)
  })
})
