import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  type Edge,
  type EdgeProps,
  useStore,
} from '@xyflow/react'
import type { EdgeLabels } from '../design/plan-state'
import { useEdgeRunStyle } from '../run/run-context'
import { EDGE_LABEL_MIN_ZOOM } from './zoom-levels'

export type PlannedFlowEdge = Edge<EdgeLabels, 'planned'>

/** Where Kafka Streams inserts a repartition topic on an edge: a marker naming it. */
export function RepartitionMarker({ edgeId, labels }: { edgeId: string; labels: EdgeLabels }) {
  if (labels.repartition === null) return null
  return (
    <div
      className="repartition-marker"
      data-testid={`repartition-${edgeId}`}
      title={labels.reason ?? undefined}
    >
      ⇄ {labels.repartition.topic}
    </div>
  )
}

/**
 * A design edge with the key and value serdes of its records; where Kafka Streams inserts a
 * repartition topic, a marker names it. During a run its width follows the records' rate.
 */
export function PlannedEdge(props: EdgeProps<PlannedFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath(props)
  const labels = props.data ?? null
  const serdes = labels?.serdes ?? null
  const readable = useStore((s) => s.transform[2] >= EDGE_LABEL_MIN_ZOOM)
  const { width, onPath } = useEdgeRunStyle(props.source, props.target)
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        {...(onPath ? { className: 'edge--on-path' } : {})}
        {...(width === undefined ? {} : { style: { ...props.style, strokeWidth: width } })}
        {...(props.markerEnd === undefined ? {} : { markerEnd: props.markerEnd })}
      />
      {labels !== null && (labels.repartition !== null || (serdes !== null && readable)) && (
        <EdgeLabelRenderer>
          <div
            className="edge-labels"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            <RepartitionMarker edgeId={props.id} labels={labels} />
            {serdes !== null && readable && (
              <div className="edge-serdes" data-testid={`serdes-${props.id}`} title={serdes.title}>
                {serdes.text}
              </div>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  )
}
