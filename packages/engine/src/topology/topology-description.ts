import { javaCollectionToString } from './internal/java-hash-order'

/** One node of a described topology, with neighbour lists in the order Kafka prints them. */
export interface DescribedNode {
  readonly type: 'source' | 'processor' | 'sink'
  readonly name: string
  readonly predecessors: readonly string[]
  readonly successors: readonly string[]
  /** Source: subscribed topics (Java HashSet order); null for a pattern source. */
  readonly topics?: readonly string[] | null
  /** Source: the subscription pattern. */
  readonly topicPattern?: string | null
  /** Processor: connected stores (Java HashSet order). */
  readonly stores?: readonly string[]
  /** Sink: the static topic, or null when an extractor picks it. */
  readonly topic?: string | null
  /** Sink: `toString()` of the topic-name extractor. */
  readonly topicExtractor?: string | null
}

export interface DescribedSubtopology {
  readonly id: number
  /** Nodes in print order: path count descending, then name. */
  readonly nodes: readonly DescribedNode[]
}

export interface DescribedGlobalStore {
  readonly id: number
  readonly source: DescribedNode
  readonly processor: DescribedNode
  readonly storeName: string
  readonly topic: string
}

function nodeNames(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.join(', ')
}

/** Renders one node exactly as Kafka's `TopologyDescription` node `toString()`. */
export function describeNode(node: DescribedNode): string {
  switch (node.type) {
    case 'source': {
      const topics =
        node.topics !== null && node.topics !== undefined
          ? javaCollectionToString(node.topics)
          : (node.topicPattern ?? '')
      return `Source: ${node.name} (topics: ${topics})\n      --> ${nodeNames(node.successors)}`
    }
    case 'processor':
      return (
        `Processor: ${node.name} (stores: ${javaCollectionToString(node.stores ?? [])})\n` +
        `      --> ${nodeNames(node.successors)}\n      <-- ${nodeNames(node.predecessors)}`
      )
    case 'sink': {
      const target =
        node.topic !== null && node.topic !== undefined
          ? `topic: ${node.topic}`
          : `extractor class: ${node.topicExtractor ?? ''}`
      return `Sink: ${node.name} (${target})\n      <-- ${nodeNames(node.predecessors)}`
    }
  }
}

/**
 * The described topology, as `Topology#describe()` returns it. `toString()` is
 * byte-identical to Kafka Streams' `TopologyDescription#toString()`.
 */
export class TopologyDescription {
  constructor(
    private readonly subtopologyList: readonly DescribedSubtopology[],
    private readonly globalStoreList: readonly DescribedGlobalStore[],
  ) {}

  subtopologies(): readonly DescribedSubtopology[] {
    return this.subtopologyList
  }

  globalStores(): readonly DescribedGlobalStore[] {
    return this.globalStoreList
  }

  toString(): string {
    const entries: { id: number; text: string }[] = [
      ...this.subtopologyList.map((subtopology) => ({
        id: subtopology.id,
        text:
          `Sub-topology: ${subtopology.id}\n` +
          subtopology.nodes.map((node) => `    ${describeNode(node)}\n`).join('') +
          '\n',
      })),
      ...this.globalStoreList.map((store) => ({
        id: store.id,
        text:
          `Sub-topology: ${store.id} for global store (will not generate tasks)\n` +
          `    ${describeNode(store.source)}\n    ${describeNode(store.processor)}\n`,
      })),
    ]
    entries.sort((a, b) => a.id - b.id)
    return 'Topologies:\n ' + entries.map((entry) => `  ${entry.text}`).join('')
  }
}
