// A design diff as React Flow nodes and edges: the union of both versions, each element marked
// with what happened to it. Removed nodes keep their old place, the rest take the new one.
import type { ChangeKind, DesignDiff } from '@topology-studio/engine'
import type { GraphNode, TopologyGraph } from '@topology-studio/shared'
import type { Edge, Node } from '@xyflow/react'

export interface DiffNodeData extends Record<string, unknown> {
  readonly node: GraphNode
  readonly change: ChangeKind
}

export type DiffFlowNode = Node<DiffNodeData, 'diff'>

export function diffFlow(
  before: TopologyGraph,
  after: TopologyGraph,
  diff: DesignDiff,
): { nodes: DiffFlowNode[]; edges: Edge[] } {
  const byId = new Map([...before.nodes, ...after.nodes].map((n) => [n.id, n]))
  for (const node of after.nodes) byId.set(node.id, node)
  const nodes = [...diff.nodes].flatMap(([id, change]): DiffFlowNode[] => {
    const node = byId.get(id)
    return node === undefined
      ? []
      : [
          {
            id,
            type: 'diff',
            position: node.position,
            draggable: false,
            connectable: false,
            data: { node, change },
          },
        ]
  })
  const edges = [...diff.edges].map(([key, { edge, change }]) => ({
    id: key,
    source: edge.source,
    target: edge.target,
    className: `diff-edge diff-edge--${change}`,
    selectable: false,
  }))
  return { nodes, edges }
}
