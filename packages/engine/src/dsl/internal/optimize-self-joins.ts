import type { GraphNode } from './graph-node'
import { StreamStreamJoinNode } from './graph-nodes'

/**
 * `single.store.self.join` (KIP-862): an inner stream–stream join of a stream with itself
 * keeps only the this-side window store; the other-side windowed processor is dropped.
 */
export function optimizeSelfJoins(root: GraphNode): void {
  const visited = new Set<GraphNode>()
  const visit = (node: GraphNode): void => {
    visited.add(node)
    if (node instanceof StreamStreamJoinNode && node.inner && node.parents.length === 1) {
      const parent = node.parents[0] as GraphNode
      const windowed = parent.children.filter((c) => c.buildPriority < node.buildPriority)
      const thisSide = windowed.find((c) => c.nodeName === node.thisWindowedName)
      const otherSide = windowed.find((c) => c.nodeName === node.otherWindowedName)
      if (thisSide !== undefined && otherSide !== undefined) {
        parent.removeChild(otherSide)
        node.selfJoin = true
      }
    }
    for (const child of [...node.children]) if (!visited.has(child)) visit(child)
  }
  visit(root)
}
