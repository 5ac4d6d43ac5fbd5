import type { DescribedNode } from '../topology-description'
import { javaHashSetOrder } from './java-hash-order'
import { JavaTreeSet } from './java-tree-set'

/** The facts describe() needs of one physical node, before neighbours are ordered. */
export interface NodeSketch {
  readonly type: 'source' | 'processor' | 'sink'
  readonly name: string
  readonly predecessors: readonly string[]
  readonly topics?: readonly string[] | null
  readonly topicPattern?: string | null
  readonly stores?: readonly string[]
  readonly topic?: string | null
  readonly topicExtractor?: string | null
}

interface SizedNode {
  readonly sketch: NodeSketch
  size: number
  readonly predecessors: JavaTreeSet<SizedNode>
  readonly successors: JavaTreeSet<SizedNode>
}

// Kafka's NodeComparator: larger sub-tree first, then name. It reads the sizes current at
// the time of each comparison, which is what makes the neighbour lists order-sensitive.
function compareNodes(a: SizedNode, b: SizedNode): number {
  if (a === b) return 0
  if (a.size !== b.size) return b.size - a.size
  return a.sketch.name < b.sketch.name ? -1 : a.sketch.name > b.sketch.name ? 1 : 0
}

function addSize(node: SizedNode, delta: number): void {
  node.size += delta
  node.predecessors.forEach((predecessor) => addSize(predecessor, delta))
}

/**
 * Orders the nodes of one sub-topology and their neighbour lists as Kafka Streams'
 * `InternalTopologyBuilder#describeSubtopology` does (see semantics reference, Appendix A).
 * `sketches` must be in physical insertion order.
 */
export function describeSubtopologyNodes(sketches: readonly NodeSketch[]): DescribedNode[] {
  const byName = new Map<string, SizedNode>()
  for (const sketch of sketches) {
    byName.set(sketch.name, {
      sketch,
      size: 1,
      predecessors: new JavaTreeSet(compareNodes),
      successors: new JavaTreeSet(compareNodes),
    })
  }
  for (const name of javaHashSetOrder(sketches.map((sketch) => sketch.name))) {
    const node = byName.get(name) as SizedNode
    for (const predecessorName of node.sketch.predecessors) {
      const predecessor = byName.get(predecessorName)
      if (predecessor === undefined) continue
      node.predecessors.add(predecessor)
      predecessor.successors.add(node)
      addSize(predecessor, node.size)
    }
  }
  return [...byName.values()].sort(compareNodes).map((node) => {
    const sketch = node.sketch
    const described: { -readonly [P in keyof DescribedNode]: DescribedNode[P] } = {
      type: sketch.type,
      name: sketch.name,
      predecessors: node.predecessors.toArray().map((p) => p.sketch.name),
      successors: node.successors.toArray().map((s) => s.sketch.name),
    }
    if (sketch.stores !== undefined) described.stores = javaHashSetOrder(sketch.stores)
    if (sketch.topics !== undefined) {
      described.topics = sketch.topics === null ? null : javaHashSetOrder(sketch.topics)
    }
    if (sketch.topicPattern !== undefined) described.topicPattern = sketch.topicPattern
    if (sketch.topic !== undefined) described.topic = sketch.topic
    if (sketch.topicExtractor !== undefined) described.topicExtractor = sketch.topicExtractor
    return described
  })
}
