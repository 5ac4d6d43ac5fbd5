// Auto-layout of a design: its nodes in layers from sources on the left to sinks on the right.
import type { Position, TopologyGraph } from '@topology-studio/shared'
import { layeredLayout } from './layered-layout'

export interface Size {
  readonly width: number
  readonly height: number
}

/** What an operator node measures before React Flow has drawn it. */
export const DEFAULT_NODE_SIZE: Size = { width: 180, height: 80 }

/** New positions for every node, as one move the caller can record as a single undo step. */
export async function layoutDesign(
  graph: TopologyGraph,
  sizeOf: (id: string) => Size | undefined = () => undefined,
): Promise<{ id: string; position: Position }[]> {
  const placed = await layeredLayout(
    graph.nodes.map((node) => ({ id: node.id, ...(sizeOf(node.id) ?? DEFAULT_NODE_SIZE) })),
    graph.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target })),
  )
  return graph.nodes.flatMap((node) => {
    const box = placed.get(node.id)
    // Whole pixels on the canvas's 10-pixel grid, so nodes line up with the snap grid.
    const snap = (value: number) => Math.round(value / 10) * 10
    return box === undefined ? [] : [{ id: node.id, position: { x: snap(box.x), y: snap(box.y) } }]
  })
}
