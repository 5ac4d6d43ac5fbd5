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
// Sizes are Java ints: they wrap at 2^31, and so does the comparator's subtraction.
function compareNodes(a: SizedNode, b: SizedNode): number {
  if (a === b) return 0
  if (a.size !== b.size) return (b.size - a.size) | 0
  return a.sketch.name < b.sketch.name ? -1 : a.sketch.name > b.sketch.name ? 1 : 0
}

/**
 * Kafka's `updateSize` adds `delta` to the node and recursively to every predecessor, so an
 * ancestor gains `delta` once per path leading down to the node. Counting those paths over the
 * ancestors in topological order gives the same sizes without walking every path, which would
 * take exponential time on designs with many diamonds.
 */
function addSize(node: SizedNode, delta: number): void {
  // Iterative post-order over the predecessors: sub-topologies can be thousands deep.
  const order: SizedNode[] = []
  const visited = new Set<SizedNode>([node])
  const stack: { node: SizedNode; pending: SizedNode[] }[] = [
    { node, pending: node.predecessors.toArray() },
  ]
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { node: SizedNode; pending: SizedNode[] }
    const next = top.pending.pop()
    if (next === undefined) {
      order.push(top.node)
      stack.pop()
    } else if (!visited.has(next)) {
      visited.add(next)
      stack.push({ node: next, pending: next.predecessors.toArray() })
    }
  }
  const paths = new Map<SizedNode, number>([[node, 1]])
  // Reversed post-order puts every node before its predecessors.
  for (let i = order.length - 1; i >= 0; i--) {
    const current = order[i] as SizedNode
    const count = paths.get(current) ?? 0
    current.size = (current.size + Math.imul(delta, count)) | 0
    current.predecessors.forEach((predecessor) => {
      paths.set(predecessor, ((paths.get(predecessor) ?? 0) + count) | 0)
    })
  }
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
