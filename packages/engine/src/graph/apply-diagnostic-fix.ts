import {
  GraphNodeSchema,
  type DiagnosticFix,
  type GraphNode,
  type TopologyGraph,
} from '@topology-studio/shared'

/**
 * The design with a diagnostic's fix applied to its node. Returns the same graph when the node
 * is gone or the fix would not give a valid node (the design changed since it was proposed).
 */
export function applyDiagnosticFix(graph: TopologyGraph, fix: DiagnosticFix): TopologyGraph {
  let changed = false
  const nodes = graph.nodes.map((node): GraphNode => {
    if (node.id !== fix.nodeId) return node
    const candidate =
      fix.kind === undefined
        ? { ...node, params: { ...node.params, ...fix.params } }
        : { ...node, kind: fix.kind, params: fix.params }
    const parsed = GraphNodeSchema.safeParse(candidate)
    if (!parsed.success) return node
    changed = true
    return parsed.data
  })
  return changed ? { ...graph, nodes } : graph
}
