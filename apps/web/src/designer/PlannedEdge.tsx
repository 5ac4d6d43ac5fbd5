import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  type Edge,
  type EdgeProps,
  useStore,
} from '@xyflow/react'
import type { EdgeLabels } from '../design/plan-state'
import { useEdgeWidth, useOnPath } from '../run/run-context'
import { EDGE_LABEL_MIN_ZOOM } from './zoom-levels'

export type PlannedFlowEdge = Edge<EdgeLabels, 'planned'>

/**
 * A design edge with the key and value serdes of its records; where Kafka Streams inserts a
 * repartition topic, a marker names it. During a run its width follows the records' rate.
 */
export function PlannedEdge(props: EdgeProps<PlannedFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath(props)
  const marker = props.data?.repartition ?? null
  const serdes = props.data?.serdes ?? null
  const readable = useStore((s) => s.transform[2] >= EDGE_LABEL_MIN_ZOOM)
  // During a run, an edge is as thick as the records its source sends down it.
  const width = useEdgeWidth(props.source)
  // A followed key that reached both ends travelled along the edge.
  const sourceOnPath = useOnPath(props.source)
  const targetOnPath = useOnPath(props.target)
  const onPath = sourceOnPath && targetOnPath
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        {...(onPath ? { className: 'edge--on-path' } : {})}
        {...(width === undefined ? {} : { style: { ...props.style, strokeWidth: width } })}
        {...(props.markerEnd === undefined ? {} : { markerEnd: props.markerEnd })}
      />
      {(marker !== null || (serdes !== null && readable)) && (
        <EdgeLabelRenderer>
          <div
            className="edge-labels"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {marker !== null && (
              <div
                className="repartition-marker"
                data-testid={`repartition-${props.id}`}
                title={props.data?.reason ?? undefined}
              >
                ⇄ {marker.topic}
              </div>
            )}
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
