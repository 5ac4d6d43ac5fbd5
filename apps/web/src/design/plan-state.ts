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
import { planOverlay, type PlanOverlay } from './plan-overlay'

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
  const plannedInMs = now() - started
  return { diagnostics, plan, byNode, byEdge, shapes, overlay, serdes, plannedInMs }
}
