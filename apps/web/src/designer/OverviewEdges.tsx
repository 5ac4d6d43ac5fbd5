import { useStoreApi, ViewportPortal } from '@xyflow/react'
import { memo, useState, useSyncExternalStore } from 'react'
import type { EdgeLabels } from '../design/plan-state'
import { useEdgeRunStyle } from '../run/run-context'
import { EdgeGeometryCache, type EdgeGeometry } from './edge-geometry'
import { RepartitionMarker, type PlannedFlowEdge } from './PlannedEdge'

/**
 * The design's edges when zoomed out, drawn by the canvas itself in one SVG. React Flow keeps
 * four store subscriptions per edge that every frame of a pan calls; with a few hundred edges
 * that was most of a pan's script time. These edges follow the nodes' measured handles, read
 * once per change rather than per frame. At this zoom an edge is under a pixel wide: they are
 * drawn, not picked (zoom in to select one).
 */
export function OverviewEdges({ edges }: { edges: readonly PlannedFlowEdge[] }) {
  const flow = useStoreApi()
  const [cache] = useState(() => new EdgeGeometryCache())
  const read = () => {
    const state = flow.getState()
    return cache.read(edges, state.nodeLookup, state.connectionMode)
  }
  const geometry = useSyncExternalStore(flow.subscribe, read, read)
  return (
    <ViewportPortal>
      <svg className="overview-edges" data-testid="overview-edges" aria-hidden="true">
        {edges.map((edge) => {
          const course = geometry.get(edge.id)
          return course === undefined ? null : (
            <OverviewEdge
              key={edge.id}
              source={edge.source}
              target={edge.target}
              course={course}
              selected={edge.selected === true}
              failing={edge.className === 'edge--error'}
            />
          )
        })}
      </svg>
      {edges.map((edge) => {
        const course = geometry.get(edge.id)
        const labels: EdgeLabels | undefined = edge.data
        return course === undefined ||
          labels === undefined ||
          labels.repartition === null ? null : (
          <div
            key={edge.id}
            className="edge-labels overview-edge-labels"
            style={{
              transform: `translate(-50%, -50%) translate(${course.labelX}px, ${course.labelY}px)`,
            }}
          >
            <RepartitionMarker edgeId={edge.id} labels={labels} />
          </div>
        )
      })}
    </ViewportPortal>
  )
}

const OverviewEdge = memo(function OverviewEdge({
  source,
  target,
  course,
  selected,
  failing,
}: {
  source: string
  target: string
  course: EdgeGeometry
  selected: boolean
  failing: boolean
}) {
  const { width, onPath } = useEdgeRunStyle(source, target)
  return (
    <g
      className={`overview-edge${selected ? ' overview-edge--selected' : ''}${failing ? ' edge--error' : ''}`}
    >
      <path
        className={`react-flow__edge-path${onPath ? ' edge--on-path' : ''}`}
        d={course.path}
        {...(width === undefined ? {} : { style: { strokeWidth: width } })}
      />
    </g>
  )
})
