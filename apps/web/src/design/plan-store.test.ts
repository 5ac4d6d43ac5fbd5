import { wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
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
})
