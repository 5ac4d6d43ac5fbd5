import { useStore, useStoreApi, ViewportPortal } from '@xyflow/react'
import { subtopologyColor } from './subtopology-colors'

const PADDING = 16

/** A tinted box behind the nodes of each sub-topology, labelled with its number. */
export function SubtopologyGroups({
  subtopologyOf,
}: {
  subtopologyOf: ReadonlyMap<string, number>
}) {
  // Measured sizes live in React Flow's own node lookup, which it updates in place: re-render
  // when the text of every node's box changes.
  useStore((s) =>
    [...s.nodeLookup.values()]
      .map(
        (n) =>
          `${n.id}:${n.internals.positionAbsolute.x},${n.internals.positionAbsolute.y},${n.measured.width},${n.measured.height}`,
      )
      .join('|'),
  )
  const nodes = [...useStoreApi().getState().nodeLookup.values()]
  const boxes = new Map<number, { x0: number; y0: number; x1: number; y1: number }>()
  for (const node of nodes) {
    const id = subtopologyOf.get(node.id)
    const width = node.measured?.width
    const height = node.measured?.height
    if (id === undefined || width === undefined || height === undefined) continue
    const box = boxes.get(id) ?? { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity }
    boxes.set(id, {
      x0: Math.min(box.x0, node.internals.positionAbsolute.x),
      y0: Math.min(box.y0, node.internals.positionAbsolute.y),
      x1: Math.max(box.x1, node.internals.positionAbsolute.x + width),
      y1: Math.max(box.y1, node.internals.positionAbsolute.y + height),
    })
  }
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
