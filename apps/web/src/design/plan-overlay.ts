// What the plan says about each design node and edge, for drawing it on the canvas: the
// sub-topology a node runs in, the repartition topic Kafka Streams inserts on an edge, and the
// stores a node keeps.
import type { GraphEdge, PhysicalNode, PhysicalPlan, TopologyGraph } from '@topology-studio/shared'

export interface RepartitionMarker {
  readonly topic: string
  /** The sub-topologies writing the topic and the one reading it back. */
  readonly from: readonly number[]
  readonly to: number | null
}

export interface PlanOverlay {
  /** The sub-topology where the node's own processor runs (after any repartition it needs). */
  readonly subtopologyOf: ReadonlyMap<string, number>
  /** Design edges into a node that repartitions, with the topic inserted there. */
  readonly repartitionOn: ReadonlyMap<string, RepartitionMarker>
  readonly storesOf: ReadonlyMap<string, readonly string[]>
  /** The processor nodes (as describe() names them) each design node became. */
  readonly processorsOf: ReadonlyMap<string, readonly string[]>
}

export const EMPTY_OVERLAY: PlanOverlay = {
  subtopologyOf: new Map(),
  repartitionOn: new Map(),
  storesOf: new Map(),
  processorsOf: new Map(),
}

export function planOverlay(graph: TopologyGraph, plan: PhysicalPlan | null): PlanOverlay {
  if (plan === null) return EMPTY_OVERLAY
  const physical = new Map(plan.nodes.map((n) => [n.name, n]))
  const subtopologyOf = new Map<string, number>()
  const repartitionOn = new Map<string, RepartitionMarker>()
  const topics = new Map(plan.internalTopics.map((t) => [t.name, t]))
  const inputs = new Map<string, GraphEdge[]>()
  for (const edge of graph.edges)
    inputs.set(edge.target, [...(inputs.get(edge.target) ?? []), edge])
  for (const { nodeId, physicalNodes, subtopologies } of plan.logicalNodes) {
    const last = subtopologies.at(-1)
    if (last !== undefined) subtopologyOf.set(nodeId, last)
    // A repartition topic written by the node's own sink: it sits on the edges into the node.
    for (const name of physicalNodes) {
      const node = physical.get(name)
      if (node?.type !== 'sink' || node.topic === undefined) continue
      const topic = topics.get(node.topic)
      if (topic?.type !== 'repartition') continue
      // A join repartitions only the side whose key changed: the edge from the design node
      // that feeds this sink, not every edge into the join.
      const into = inputs.get(nodeId) ?? []
      const feeders =
        into.length > 1 ? upstreamDesignNodes(physical, node, nodeId) : new Set<string>()
      for (const edge of into) {
        // The feeder may sit further up than the edge (groupByKey and windowedBy have no
        // processor of their own).
        if (feeders.size > 0) {
          const upstream = designAncestors(inputs, edge.source)
          if (![...feeders].some((id) => upstream.has(id))) continue
        }
        repartitionOn.set(edge.id, {
          topic: topic.name,
          from: topic.sinkOf ?? [],
          to: topic.sourceOf ?? null,
        })
      }
    }
  }
  const storesOf = new Map<string, string[]>()
  for (const store of plan.stores) {
    if (store.logicalNodeId === undefined) continue
    storesOf.set(store.logicalNodeId, [...(storesOf.get(store.logicalNodeId) ?? []), store.name])
  }
  const processorsOf = new Map(plan.logicalNodes.map((p) => [p.nodeId, p.physicalNodes]))
  return { subtopologyOf, repartitionOn, storesOf, processorsOf }
}

/**
 * The design nodes whose processors feed a physical node, walking back through the processors
 * that belong to `owner` itself (a repartition's filter and sink belong to the operation that
 * needs it).
 */
function upstreamDesignNodes(
  physical: ReadonlyMap<string, PhysicalNode>,
  start: PhysicalNode,
  owner: string,
): Set<string> {
  const found = new Set<string>()
  const seen = new Set<string>()
  const pending = [...start.predecessors]
  while (pending.length > 0) {
    const name = pending.pop() as string
    if (seen.has(name)) continue
    seen.add(name)
    const node = physical.get(name)
    if (node === undefined) continue
    if (node.logicalNodeId !== undefined && node.logicalNodeId !== owner)
      found.add(node.logicalNodeId)
    else pending.push(...node.predecessors)
  }
  return found
}

/** A design node and every node upstream of it. */
function designAncestors(
  inputs: ReadonlyMap<string, readonly GraphEdge[]>,
  id: string,
): Set<string> {
  const found = new Set<string>()
  const pending = [id]
  while (pending.length > 0) {
    const next = pending.pop() as string
    if (found.has(next)) continue
    found.add(next)
    for (const edge of inputs.get(next) ?? []) pending.push(edge.source)
  }
  return found
}
