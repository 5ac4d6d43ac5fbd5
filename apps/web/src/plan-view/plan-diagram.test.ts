import { planGraph } from '@topology-studio/engine'
import { wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { planDiagram, storeItemId, subtopologyItemId, topicItemId } from './plan-diagram'

function wordCountPlan() {
  const { plan } = planGraph(
    wordCountDesign({ input: 'lines', output: 'counts', applicationId: 'wc' }),
  )
  if (plan === null) throw new Error('word count does not plan')
  return plan
}

describe('planDiagram', () => {
  const plan = wordCountPlan()
  const diagram = planDiagram(plan)

  it('draws every processor node inside the box of its sub-topology', () => {
    const groups = diagram.boxes.filter((b) => b.children !== undefined)
    expect(groups.map((g) => g.id)).toEqual([subtopologyItemId(0), subtopologyItemId(1)])
    for (const node of plan.nodes) {
      const group = groups.find((g) => g.id === subtopologyItemId(node.subtopology))!
      expect(group.children!.map((c) => c.id)).toContain(`node:${node.name}`)
    }
  })

  it('draws source, sink and repartition topics once each, outside the sub-topologies', () => {
    const topics = diagram.boxes.filter((b) => b.id.startsWith('topic:')).map((b) => b.id)
    const repartition = plan.internalTopics.find((t) => t.type === 'repartition')!.name
    expect(topics.sort()).toEqual(
      [topicItemId('lines'), topicItemId('counts'), topicItemId(repartition)].sort(),
    )
    expect(diagram.items.get(topicItemId(repartition))).toMatchObject({ internal: 'repartition' })
    expect(diagram.items.get(topicItemId('lines'))).toMatchObject({ internal: null })
    // The repartition topic is written by sub-topology 0 and read by sub-topology 1.
    const into = diagram.links.filter((l) => l.target === topicItemId(repartition))
    const out = diagram.links.filter((l) => l.source === topicItemId(repartition))
    expect(into).toHaveLength(1)
    expect(out).toHaveLength(1)
  })

  it('attaches each store to its sub-topology and its processors, with its changelog', () => {
    const store = plan.stores[0]!
    const item = diagram.items.get(storeItemId(store.name))
    expect(item).toMatchObject({
      kind: 'store',
      subtopology: 1,
      changelogTopic: store.changelogTopic,
    })
    const storeLinks = diagram.links.filter((l) => l.kind === 'store')
    expect(storeLinks.map((l) => l.source)).toEqual(store.processors.map((p) => `node:${p}`))
  })

  it('links every successor named in the plan', () => {
    const successorLinks = plan.nodes.reduce((sum, n) => sum + n.successors.length, 0)
    const nodeToNode = diagram.links.filter(
      (l) => l.source.startsWith('node:') && l.target.startsWith('node:'),
    )
    expect(nodeToNode).toHaveLength(successorLinks)
  })

  it('keeps the design node each processor came from, for hover mapping', () => {
    const mapped = [...diagram.items.values()].filter(
      (i) => i.kind === 'processor' && i.logicalNodeId !== null,
    )
    expect(mapped.length).toBeGreaterThan(0)
  })
})
