import type { TopologyGraph } from '@topology-studio/shared'
import { PriorityQueue } from '../../dsl/internal/priority-queue'

/**
 * Nodes in dependency order; among the ready ones, the one listed first in the design goes
 * first. DSL calls happen in this order, so it fixes the counter numbers in processor names,
 * and exported code uses the same order. Returns null when the graph has a cycle.
 */
export function topologicalOrder(graph: TopologyGraph): string[] | null {
  const position = new Map(graph.nodes.map((node, index) => [node.id, index]))
  const indegree = new Map<string, number>(graph.nodes.map((node) => [node.id, 0]))
  const outgoing = new Map<string, string[]>()
  for (const edge of graph.edges) {
    if (!position.has(edge.source) || !position.has(edge.target)) continue
    indegree.set(edge.target, (indegree.get(edge.target) ?? 0) + 1)
    const list = outgoing.get(edge.source) ?? []
    list.push(edge.target)
    outgoing.set(edge.source, list)
  }
  const ready = new PriorityQueue<string>()
  for (const node of graph.nodes) {
    if (indegree.get(node.id) === 0) ready.push(node.id, position.get(node.id) ?? 0)
  }
  const order: string[] = []
  while (ready.size > 0) {
    const id = ready.pop() as string
    order.push(id)
    for (const target of outgoing.get(id) ?? []) {
      const remaining = (indegree.get(target) ?? 0) - 1
      indegree.set(target, remaining)
      if (remaining === 0) ready.push(target, position.get(target) ?? 0)
    }
  }
  return order.length === graph.nodes.length ? order : null
}
