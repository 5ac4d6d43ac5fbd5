import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  type Edge,
  type EdgeProps,
} from '@xyflow/react'
import type { RepartitionMarker } from '../design/plan-overlay'

export type PlannedFlowEdge = Edge<
  { repartition: RepartitionMarker | null; reason: string | null },
  'planned'
>

/** A design edge; where Kafka Streams inserts a repartition topic, a marker names it. */
export function PlannedEdge(props: EdgeProps<PlannedFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath(props)
  const marker = props.data?.repartition ?? null
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        {...(props.markerEnd === undefined ? {} : { markerEnd: props.markerEnd })}
      />
      {marker !== null && (
        <EdgeLabelRenderer>
          <div
            className="repartition-marker"
            data-testid={`repartition-${props.id}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={props.data?.reason ?? undefined}
          >
            ⇄ {marker.topic}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  )
}
