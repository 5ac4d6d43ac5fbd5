import {
  GraphEdgeSchema,
  GraphNodeSchema,
  TopologyGraphSchema,
  type Diagnostic,
  type GraphEdge,
  type GraphNode,
} from '@topology-studio/shared'
import { createDiagnostic } from '../diagnostic-codes'
import { formatPath } from './node-label'

/** The usable parts of a design that may not match its schema. */
export interface ReadGraph {
  applicationId: string | undefined
  /** Nodes whose shape matches the schema, in design order. */
  nodes: GraphNode[]
  /** Ids of nodes that exist but do not match the schema: edges to them are not dangling. */
  opaqueNodeIds: string[]
  /** Edges whose shape matches the schema, in design order. */
  edges: GraphEdge[]
}

/**
 * Reads a design without trusting its type: data from disk or from a half-finished edit may not
 * match the schema. Every schema violation becomes a diagnostic, and the valid nodes and edges
 * are kept so the other checks can still run.
 */
export function readGraph(input: unknown): { graph: ReadGraph; diagnostics: Diagnostic[] } {
  const parsed = TopologyGraphSchema.safeParse(input)
  if (parsed.success) {
    const { applicationId, nodes, edges } = parsed.data
    return { graph: { applicationId, nodes, opaqueNodeIds: [], edges }, diagnostics: [] }
  }
  const record = isRecord(input) ? input : {}
  const rawNodes = Array.isArray(record['nodes']) ? (record['nodes'] as unknown[]) : []
  const rawEdges = Array.isArray(record['edges']) ? (record['edges'] as unknown[]) : []
  const graph: ReadGraph = {
    applicationId:
      typeof record['applicationId'] === 'string' ? record['applicationId'] : undefined,
    nodes: [],
    opaqueNodeIds: [],
    edges: [],
  }
  for (const raw of rawNodes) {
    const node = GraphNodeSchema.safeParse(raw)
    if (node.success) graph.nodes.push(node.data)
    else if (isRecord(raw) && typeof raw['id'] === 'string') graph.opaqueNodeIds.push(raw['id'])
  }
  for (const raw of rawEdges) {
    const edge = GraphEdgeSchema.safeParse(raw)
    if (edge.success) graph.edges.push(edge.data)
  }
  const diagnostics = parsed.error.issues.map((issue) =>
    createDiagnostic(
      'graph/invalid-schema',
      { path: formatPath(issue.path) || 'the top level', problem: issue.message },
      placeOf(issue.path, rawNodes, rawEdges),
    ),
  )
  return { graph, diagnostics }
}

function placeOf(path: readonly PropertyKey[], rawNodes: unknown[], rawEdges: unknown[]) {
  const [collection, index, field, ...rest] = path
  if (typeof index !== 'number') return {}
  if (collection === 'nodes') {
    const id = idOf(rawNodes[index])
    const param = field === 'params' && rest.length > 0 ? formatPath(rest) : undefined
    return { nodeId: id, param }
  }
  if (collection === 'edges') return { edgeId: idOf(rawEdges[index]) }
  return {}
}

function idOf(value: unknown): string | undefined {
  return isRecord(value) && typeof value['id'] === 'string' ? value['id'] : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
