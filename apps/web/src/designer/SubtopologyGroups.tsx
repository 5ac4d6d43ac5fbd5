import { ViewportPortal } from '@xyflow/react'
import { useMemo } from 'react'
import { subtopologyColor } from './subtopology-colors'

const PADDING = 16

interface PlacedNode {
  readonly id: string
  readonly position: { readonly x: number; readonly y: number }
  readonly measured?: { readonly width?: number; readonly height?: number }
}

/**
 * A tinted box behind the nodes of each sub-topology, labelled with its number. Computed from
 * the canvas's own nodes (with their measured sizes), so panning does not recompute it.
 */
export function SubtopologyGroups({
  nodes,
  subtopologyOf,
}: {
  nodes: readonly PlacedNode[]
  subtopologyOf: ReadonlyMap<string, number>
}) {
  const boxes = useMemo(() => {
    const found = new Map<number, { x0: number; y0: number; x1: number; y1: number }>()
    for (const node of nodes) {
      const id = subtopologyOf.get(node.id)
      const width = node.measured?.width
      const height = node.measured?.height
      if (id === undefined || width === undefined || height === undefined) continue
      const box = found.get(id) ?? { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity }
      found.set(id, {
        x0: Math.min(box.x0, node.position.x),
        y0: Math.min(box.y0, node.position.y),
        x1: Math.max(box.x1, node.position.x + width),
        y1: Math.max(box.y1, node.position.y + height),
      })
    }
    return found
  }, [nodes, subtopologyOf])
  return (
    <ViewportPortal>
      {[...boxes].map(([id, box]) => (
        <div
          key={id}
          className="subtopology-group"
          data-testid={`subtopology-${id}`}
          style={{
            transform: `translate(${box.x0 - PADDING}px, ${box.y0 - PADDING - 14}px)`,
            width: box.x1 - box.x0 + 2 * PADDING,
            height: box.y1 - box.y0 + 2 * PADDING + 14,
            borderColor: subtopologyColor(id, 0.6),
            background: subtopologyColor(id, 0.07),
          }}
        >
          <span className="subtopology-group__label" style={{ color: subtopologyColor(id) }}>
            Sub-topology {id}
          </span>
        </div>
      ))}
    </ViewportPortal>
  )
}
