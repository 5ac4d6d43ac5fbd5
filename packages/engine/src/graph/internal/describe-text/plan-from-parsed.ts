// Turns checked, parsed describe() text into the PhysicalPlan the canvas draws. The text does
// not say what kind each store is, so every store is a key-value store; global stores are the
// only ones known to have no changelog.
import type {
  InternalTopic,
  PhysicalNode,
  PhysicalPlan,
  PhysicalStore,
  Subtopology,
} from '@topology-studio/shared'
import {
  TopologyDescription,
  type DescribedGlobalStore,
  type DescribedNode,
  type DescribedSubtopology,
} from '../../../topology/topology-description'
import type { ParsedBlock, ParsedDescription, ParsedNode } from './parsed-description'

/** Blocks in id order: the order describe() prints them and the ids a rebuild gives them. */
export function blocksInIdOrder(description: ParsedDescription): ParsedBlock[] {
  return [...description.blocks].sort((a, b) => a.id - b.id)
}

function describedNode(node: ParsedNode): DescribedNode {
  return {
    type: node.type,
    name: node.name,
    predecessors: node.predecessors?.names ?? [],
    successors: node.successors?.names ?? [],
    ...(node.topics !== undefined ? { topics: node.topics } : {}),
    ...(node.topicPattern !== undefined ? { topics: null, topicPattern: node.topicPattern } : {}),
    ...(node.stores !== undefined ? { stores: node.stores } : {}),
    ...(node.topic !== undefined ? { topic: node.topic } : {}),
    ...(node.topicExtractor !== undefined
      ? { topic: null, topicExtractor: node.topicExtractor }
      : {}),
  }
}

/** The text exactly as Kafka Streams prints the parsed structure, with ids 0, 1, 2, … */
export function renderDescription(description: ParsedDescription): string {
  const subtopologies: DescribedSubtopology[] = []
  const globalStores: DescribedGlobalStore[] = []
  blocksInIdOrder(description).forEach((block, id) => {
    const nodes = block.nodes.map(describedNode)
    const [source, processor] = nodes
    if (block.global && source !== undefined && processor !== undefined) {
      globalStores.push({
        id,
        source,
        processor,
        storeName: processor.stores?.[0] ?? '',
        topic: source.topics?.[0] ?? '',
      })
    } else {
      subtopologies.push({ id, nodes })
    }
  })
  return new TopologyDescription(subtopologies, globalStores).toString()
}

function physicalNode(node: ParsedNode, subtopology: number): PhysicalNode {
  return {
    name: node.name,
    type: node.type,
    subtopology,
    ...(node.topics !== undefined ? { topics: [...node.topics] } : {}),
    ...(node.topicPattern !== undefined ? { topicPattern: node.topicPattern } : {}),
    ...(node.topic !== undefined ? { topic: node.topic } : {}),
    ...(node.topicExtractor !== undefined ? { topicExtractor: node.topicExtractor } : {}),
    stores: [...(node.stores ?? [])],
    predecessors: [...(node.predecessors?.names ?? [])],
    successors: [...(node.successors?.names ?? [])],
  }
}

function physicalStores(nodes: readonly PhysicalNode[], globalIds: ReadonlySet<number>) {
  const stores = new Map<string, PhysicalStore>()
  for (const node of nodes) {
    for (const name of node.stores) {
      const global = globalIds.has(node.subtopology)
      const store = stores.get(name) ?? {
        name,
        type: 'keyValue',
        logged: !global,
        global,
        processors: [],
      }
      store.processors.push(node.name)
      stores.set(name, store)
    }
  }
  return [...stores.values()]
}

// A topic that one sub-topology writes and another reads is how the DSL repartitions.
function repartitionTopics(nodes: readonly PhysicalNode[]): InternalTopic[] {
  const readBy = new Map<string, number>()
  for (const node of nodes) {
    for (const topic of node.topics ?? []) readBy.set(topic, node.subtopology)
  }
  const topics = new Map<string, { sourceOf: number; sinkOf: Set<number> }>()
  for (const node of nodes) {
    const sourceOf = node.topic === undefined ? undefined : readBy.get(node.topic)
    if (node.topic === undefined || sourceOf === undefined) continue
    const topic = topics.get(node.topic) ?? { sourceOf, sinkOf: new Set<number>() }
    topic.sinkOf.add(node.subtopology)
    topics.set(node.topic, topic)
  }
  return [...topics.entries()].map(([name, topic]) => ({
    name,
    type: 'repartition',
    sourceOf: topic.sourceOf,
    sinkOf: [...topic.sinkOf].sort((a, b) => a - b),
  }))
}

/** The plan of a checked description; `describe` is its canonical text. */
export function planFromParsed(description: ParsedDescription): PhysicalPlan {
  const blocks = blocksInIdOrder(description)
  const subtopologies: Subtopology[] = blocks.map((block, id) => ({
    id,
    global: block.global,
    nodes: block.nodes.map((node) => node.name),
  }))
  const nodes = blocks.flatMap((block, id) => block.nodes.map((node) => physicalNode(node, id)))
  const globalIds = new Set(subtopologies.filter((s) => s.global).map((s) => s.id))
  return {
    describe: renderDescription(description),
    subtopologies,
    nodes,
    stores: physicalStores(nodes, globalIds),
    internalTopics: repartitionTopics(nodes),
    logicalNodes: [],
  }
}
