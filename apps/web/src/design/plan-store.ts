// The plan of the design being edited, re-made by the engine on every edit: diagnostics (also
// indexed by node and edge for the canvas) and the physical plan Kafka Streams would build.
import {
  inferNodeShapes,
  planGraph,
  type ClusterTopics,
  type NodeSerdes,
  type Shape,
} from '@topology-studio/engine'
import type { Diagnostic, PhysicalPlan, TopologyGraph } from '@topology-studio/shared'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { clusterLabel, type ClusterState, type ClusterStore } from '../stores/cluster-store'
import type { DesignStore } from './design-store'
import { planOverlay, type PlanOverlay } from './plan-overlay'

export interface PlanState {
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

export type PlanStore = StoreApi<PlanState>

export function planOf(
  graph: TopologyGraph,
  cluster?: ClusterTopics,
  now: () => number = () => performance.now(),
): PlanState {
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

/** The chosen cluster's topics, once read, as the engine checks designs against them. */
export function clusterTopics(state: ClusterState): ClusterTopics | undefined {
  const name = clusterLabel(state)
  return name === null || state.topics === null ? undefined : { name, partitions: state.topics }
}

/**
 * Follows a design store, and the cluster store if given: every new graph, and every change of
 * the chosen cluster's topics, is planned once. Returns the store and a stop.
 */
export function createPlanStore(
  design: DesignStore,
  clusters?: ClusterStore,
): { store: PlanStore; stop: () => void } {
  const cluster = () => (clusters === undefined ? undefined : clusterTopics(clusters.getState()))
  const store = createStore<PlanState>()(() => planOf(design.getState().graph, cluster()))
  const stopDesign = design.subscribe((state, previous) => {
    if (state.graph !== previous.graph) store.setState(planOf(state.graph, cluster()))
  })
  const stopClusters = clusters?.subscribe((state, previous) => {
    if (state.topics !== previous.topics || state.activeId !== previous.activeId)
      store.setState(planOf(design.getState().graph, cluster()))
  })
  return {
    store,
    stop: () => {
      stopDesign()
      stopClusters?.()
    },
  }
}
