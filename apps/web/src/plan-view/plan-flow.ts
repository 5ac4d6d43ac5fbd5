// A laid-out plan diagram as React Flow nodes and edges.
import { MarkerType, type Edge, type Node } from '@xyflow/react'
import type { PlacedBox } from '../layout/layered-layout'
import type { DiagramItem, PlanDiagram } from './plan-diagram'

export interface PlanNodeData extends Record<string, unknown> {
  readonly item: DiagramItem
  /** The design node the item was made from, as `count "counts"`, when known. */
  readonly designNode: string | null
  readonly highlighted: boolean
}

export type PlanFlowNode = Node<PlanNodeData, 'planItem' | 'subtopology'>

function logicalNodeOf(item: DiagramItem): string | null {
  return item.kind === 'topic' || item.kind === 'subtopology' ? null : item.logicalNodeId
}

/**
 * React Flow nodes for a laid-out diagram. Groups come before their children (React Flow needs
 * a parent first); items made from `highlight` are marked so hovering shows the mapping.
 */
export function planFlowNodes(
  diagram: PlanDiagram,
  placed: ReadonlyMap<string, PlacedBox>,
  designNodeName: (id: string) => string | null,
  highlight: string | null,
): PlanFlowNode[] {
  const nodes: PlanFlowNode[] = []
  const ordered = [...placed.entries()].sort(
    ([, a], [, b]) => Number(a.parentId !== null) - Number(b.parentId !== null),
  )
  for (const [id, box] of ordered) {
    const item = diagram.items.get(id)
    if (item === undefined) continue
    const logical = logicalNodeOf(item)
    nodes.push({
      id,
      type: item.kind === 'subtopology' ? 'subtopology' : 'planItem',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      ...(box.parentId === null ? {} : { parentId: box.parentId }),
      draggable: false,
      connectable: false,
      ...(item.kind === 'subtopology' ? { zIndex: -1, selectable: false } : {}),
      data: {
        item,
        designNode: logical === null ? null : designNodeName(logical),
        highlighted: logical !== null && logical === highlight,
      },
    })
  }
  return nodes
}

export function planFlowEdges(diagram: PlanDiagram): Edge[] {
  return diagram.links.map((link) =>
    link.kind === 'store'
      ? {
          id: link.id,
          source: link.source,
          target: link.target,
          className: 'plan-edge--store',
          selectable: false,
        }
      : {
          id: link.id,
          source: link.source,
          target: link.target,
          markerEnd: { type: MarkerType.ArrowClosed },
          selectable: false,
        },
  )
}

/** The design node an item was made from, for hover mapping. */
export { logicalNodeOf }
