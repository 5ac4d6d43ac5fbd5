import { useConnection, ViewportPortal } from '@xyflow/react'
import { useStore } from 'zustand'
import type { DesignStore } from '../design/design-store'
import type { PlanStore } from '../design/plan-store'
import { connectionProblem } from './connection-rules'

/**
 * While a wire is dragged over a node that refuses it, says why next to the pointer (React Flow
 * only greys the handle). Rendered inside the canvas.
 */
export function ConnectionHint({ design, plan }: { design: DesignStore; plan: PlanStore }) {
  const connection = useConnection()
  const graph = useStore(design, (s) => s.graph)
  const shapes = useStore(plan, (s) => s.shapes)
  if (!connection.inProgress || connection.toNode === null || connection.isValid !== false) {
    return null
  }
  // A wire can be dragged backwards, from an input handle to an output.
  const [source, target] =
    connection.fromHandle.type === 'source'
      ? [connection.fromNode.id, connection.toNode.id]
      : [connection.toNode.id, connection.fromNode.id]
  const problem = connectionProblem(graph, shapes, source, target)
  if (problem === null) return null
  return (
    <ViewportPortal>
      <div
        className="connection-hint"
        role="tooltip"
        data-testid="connection-hint"
        style={{ transform: `translate(${connection.to.x + 14}px, ${connection.to.y + 14}px)` }}
      >
        {problem}
      </div>
    </ViewportPortal>
  )
}
