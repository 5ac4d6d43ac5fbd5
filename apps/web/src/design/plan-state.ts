// One plan of a design, as the canvas and panels use it: the engine's diagnostics (also indexed
// by node and edge), the physical plan Kafka Streams would build, shapes, overlay and serdes.
// Free of stores and the DOM, so a Web Worker can make it too.
import {
  inferNodeShapes,
  planGraph,
  type ClusterTopics,
  type NodeSerdes,
  type Shape,
} from '@topology-studio/engine'
import type { Diagnostic, PhysicalPlan, TopologyGraph } from '@topology-studio/shared'
import { planOverlay, type PlanOverlay, type RepartitionMarker } from './plan-overlay'
import { repartitionReason } from './repartition-reason'
import { serdeLabel, type SerdeLabel } from './serde-label'

/** What an edge shows: the repartition topic inserted on it, why, and its records' serdes. */
export type EdgeLabels = {
  readonly repartition: RepartitionMarker | null
  readonly reason: string | null
  readonly serdes: SerdeLabel | null
}

/** What one plan of a design gives the canvas and panels. */
export interface PlannedDesign {
  diagnostics: readonly Diagnostic[]
  plan: PhysicalPlan | null
  byNode: ReadonlyMap<string, readonly Diagnostic[]>
  byEdge: ReadonlyMap<string, readonly Diagnostic[]>
  /** What each node outputs (KStream, KGroupedStream, …), for node labels and typed wiring. */
  shapes: ReadonlyMap<string, Shape>
  /** Sub-topologies, repartition markers and stores per design node and edge. */
  overlay: PlanOverlay
  /** The serdes each node's records carry (empty while the design has errors). */
  serdes: Readonly<Record<string, NodeSerdes>>
  /** Each edge's labels, made once per plan rather than on every render of the canvas. */
  edgeLabels: ReadonlyMap<string, EdgeLabels>
  /** How long the last plan took, for the status bar and the re-plan benchmark. */
  plannedInMs: number
}

export function planOf(
  graph: TopologyGraph,
  cluster?: ClusterTopics,
  now: () => number = () => performance.now(),
): PlannedDesign {
  const started = now()
  const { diagnostics, plan, serdes } = planGraph(graph, cluster === undefined ? {} : { cluster })
  const byNode = new Map<string, Diagnostic[]>()
  const byEdge = new Map<string, Diagnostic[]>()
  for (const d of diagnostics) {
    if (d.nodeId !== undefined) byNode.set(d.nodeId, [...(byNode.get(d.nodeId) ?? []), d])
    if (d.edgeId !== undefined) byEdge.set(d.edgeId, [...(byEdge.get(d.edgeId) ?? []), d])
  }
  const overlay = planOverlay(graph, plan)
  const shapes = inferNodeShapes(graph)
  const edgeLabels = new Map(
    graph.edges.map((edge): [string, EdgeLabels] => {
      const marker = overlay.repartitionOn.get(edge.id)
      const carried = serdes[edge.source]
      return [
        edge.id,
        {
          repartition: marker ?? null,
          reason: marker === undefined ? null : repartitionReason(graph, edge.target, marker),
          serdes: carried === undefined ? null : serdeLabel(carried, graph.config),
        },
      ]
    }),
  )
  const plannedInMs = now() - started
  return { diagnostics, plan, byNode, byEdge, shapes, overlay, serdes, edgeLabels, plannedInMs }
}
