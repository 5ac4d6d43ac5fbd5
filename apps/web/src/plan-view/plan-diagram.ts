// The physical plan as a diagram, the way Kafka Streams users draw `describe()` output: topics
// outside, each sub-topology a box around its sources, processors, sinks and state stores.
import type { PhysicalPlan } from '@topology-studio/shared'
import type { LayoutBox, LayoutEdge } from '../layout/layered-layout'

export type DiagramItem =
  | {
      readonly id: string
      readonly kind: 'topic'
      readonly name: string
      /** Set for the topics the application creates itself. */
      readonly internal: 'repartition' | 'changelog' | null
    }
  | {
      readonly id: string
      readonly kind: 'source' | 'processor' | 'sink'
      readonly name: string
      readonly subtopology: number
      readonly logicalNodeId: string | null
      readonly stores: readonly string[]
    }
  | {
      readonly id: string
      readonly kind: 'store'
      readonly name: string
      readonly subtopology: number
      readonly logicalNodeId: string | null
      readonly changelogTopic: string | null
    }
  | { readonly id: string; readonly kind: 'subtopology'; readonly number: number; global: boolean }

export interface DiagramLink extends LayoutEdge {
  /** `store` links a processor to a store it uses: drawn dashed, with no arrow. */
  readonly kind: 'record' | 'store'
}

export interface PlanDiagram {
  readonly items: ReadonlyMap<string, DiagramItem>
  /** Boxes to lay out: topics at the top level, everything else inside its sub-topology. */
  readonly boxes: readonly LayoutBox[]
  readonly links: readonly DiagramLink[]
}

export const topicItemId = (name: string) => `topic:${name}`
export const nodeItemId = (name: string) => `node:${name}`
export const storeItemId = (name: string) => `store:${name}`
export const subtopologyItemId = (id: number) => `subtopology:${id}`

// describe() names are long upper-case words in a monospace font of about 7 px per character.
const CHAR_WIDTH = 7.2
const boxWidth = (text: string, min: number) =>
  Math.max(min, Math.ceil(text.length * CHAR_WIDTH) + 28)
const NODE_HEIGHT = 46
const TOPIC_HEIGHT = 36

/** Turns a plan into diagram items, the boxes to lay out and the links between them. */
export function planDiagram(plan: PhysicalPlan): PlanDiagram {
  const items = new Map<string, DiagramItem>()
  const links: DiagramLink[] = []
  const internal = new Map(plan.internalTopics.map((t) => [t.name, t.type]))
  const topicBoxes = new Map<string, LayoutBox>()
  const members = new Map<number, LayoutBox[]>()
  const inSubtopology = (id: number, box: LayoutBox) =>
    members.set(id, [...(members.get(id) ?? []), box])

  const topic = (name: string): string => {
    const id = topicItemId(name)
    if (!items.has(id)) {
      items.set(id, { id, kind: 'topic', name, internal: internal.get(name) ?? null })
      topicBoxes.set(id, { id, width: boxWidth(name, 120), height: TOPIC_HEIGHT })
    }
    return id
  }

  for (const node of plan.nodes) {
    const id = nodeItemId(node.name)
    items.set(id, {
      id,
      kind: node.type,
      name: node.name,
      subtopology: node.subtopology,
      logicalNodeId: node.logicalNodeId ?? null,
      stores: node.stores,
    })
    inSubtopology(node.subtopology, { id, width: boxWidth(node.name, 160), height: NODE_HEIGHT })
    for (const name of node.topics ?? []) {
      links.push({ id: `${name}->${node.name}`, kind: 'record', source: topic(name), target: id })
    }
    if (node.topicPattern !== undefined) {
      const pattern = topic(node.topicPattern)
      links.push({ id: `${pattern}->${node.name}`, kind: 'record', source: pattern, target: id })
    }
    const sinkTopic = node.topic ?? node.topicExtractor
    if (sinkTopic !== undefined) {
      links.push({
        id: `${node.name}->${sinkTopic}`,
        kind: 'record',
        source: id,
        target: topic(sinkTopic),
      })
    }
    for (const successor of node.successors) {
      links.push({
        id: `${node.name}->${successor}`,
        kind: 'record',
        source: id,
        target: nodeItemId(successor),
      })
    }
  }

  for (const store of plan.stores) {
    const id = storeItemId(store.name)
    const users = store.processors.map((name) => plan.nodes.find((n) => n.name === name))
    const subtopology = users.find((n) => n !== undefined)?.subtopology ?? 0
    items.set(id, {
      id,
      kind: 'store',
      name: store.name,
      subtopology,
      logicalNodeId: store.logicalNodeId ?? null,
      changelogTopic: store.changelogTopic ?? null,
    })
    inSubtopology(subtopology, { id, width: boxWidth(store.name, 140), height: NODE_HEIGHT })
    for (const processor of store.processors) {
      links.push({
        id: `${processor}--${store.name}`,
        kind: 'store',
        source: nodeItemId(processor),
        target: id,
      })
    }
  }

  const groups: LayoutBox[] = plan.subtopologies.map((subtopology) => {
    const id = subtopologyItemId(subtopology.id)
    items.set(id, { id, kind: 'subtopology', number: subtopology.id, global: subtopology.global })
    return { id, width: 0, height: 0, children: members.get(subtopology.id) ?? [] }
  })
  return { items, boxes: [...topicBoxes.values(), ...groups], links }
}
