import type { Diagnostic, GraphEdge, GraphNode } from '@topology-studio/shared'
import { createDiagnostic } from '../diagnostic-codes'
import { nodeLabel } from './node-label'
import type { ReadGraph } from './read-graph'

/** Lookups over the usable part of a design. */
export interface GraphIndex {
  /** Valid nodes by id; the first one wins when ids repeat. */
  nodes: ReadonlyMap<string, GraphNode>
  /** Valid nodes, in design order, without repeated ids. */
  nodeList: readonly GraphNode[]
  /** Ids of nodes that exist (valid or not). */
  knownIds: ReadonlySet<string>
  /** Edges between existing nodes, without repeats, in design order. */
  edges: readonly GraphEdge[]
  inputs: ReadonlyMap<string, readonly GraphEdge[]>
  outputs: ReadonlyMap<string, readonly GraphEdge[]>
}

const noEdges: readonly GraphEdge[] = []

/** Indexes nodes and edges, reporting repeated ids, dangling edges and repeated connections. */
export function indexGraph(graph: ReadGraph): { index: GraphIndex; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const nodes = new Map<string, GraphNode>()
  const nodeList: GraphNode[] = []
  for (const node of graph.nodes) {
    const first = nodes.get(node.id)
    if (first) {
      const args = { id: node.id, first: nodeLabel(first), second: nodeLabel(node) }
      diagnostics.push(createDiagnostic('graph/duplicate-node-id', args, { nodeId: node.id }))
      continue
    }
    nodes.set(node.id, node)
    nodeList.push(node)
  }
  const knownIds = new Set([...nodes.keys(), ...graph.opaqueNodeIds])
  for (const id of new Set(graph.opaqueNodeIds)) {
    const valid = nodes.get(id)
    const repeats = graph.opaqueNodeIds.filter((opaque) => opaque === id).length
    if (repeats > 1 || valid) {
      const first = valid ? nodeLabel(valid) : `node "${id}"`
      const args = { id, first, second: `node "${id}"` }
      diagnostics.push(createDiagnostic('graph/duplicate-node-id', args, { nodeId: id }))
    }
  }

  const edges: GraphEdge[] = []
  const edgeIds = new Set<string>()
  const connections = new Map<string, GraphEdge>()
  const inputs = new Map<string, GraphEdge[]>()
  const outputs = new Map<string, GraphEdge[]>()
  for (const edge of graph.edges) {
    const place = { edgeId: edge.id }
    if (edgeIds.has(edge.id)) {
      diagnostics.push(createDiagnostic('graph/duplicate-edge-id', { id: edge.id }, place))
    }
    edgeIds.add(edge.id)
    const missingEnd: 'source' | 'target' | undefined = !knownIds.has(edge.source)
      ? 'source'
      : !knownIds.has(edge.target)
        ? 'target'
        : undefined
    if (missingEnd) {
      const missing = missingEnd === 'source' ? edge.source : edge.target
      const args = { edgeId: edge.id, end: missingEnd, missing }
      diagnostics.push(createDiagnostic('graph/dangling-edge', args, place))
      continue
    }
    const key = JSON.stringify([edge.source, edge.sourcePort, edge.target, edge.targetPort])
    const first = connections.get(key)
    if (first) {
      const from = describeEnd(nodes, edge.source, edge.sourcePort)
      const to = describeEnd(nodes, edge.target, edge.targetPort)
      const args = { edgeId: edge.id, firstEdgeId: first.id, from, to }
      diagnostics.push(createDiagnostic('graph/duplicate-edge', args, place))
      continue
    }
    connections.set(key, edge)
    edges.push(edge)
    push(outputs, edge.source, edge)
    push(inputs, edge.target, edge)
  }
  return { index: { nodes, nodeList, knownIds, edges, inputs, outputs }, diagnostics }
}

/** The incoming edges of a node. */
export function inputsOf(index: GraphIndex, nodeId: string): readonly GraphEdge[] {
  return index.inputs.get(nodeId) ?? noEdges
}

/** The outgoing edges of a node. */
export function outputsOf(index: GraphIndex, nodeId: string): readonly GraphEdge[] {
  return index.outputs.get(nodeId) ?? noEdges
}

/** How messages refer to a node that may be invalid. */
export function labelOf(index: GraphIndex, nodeId: string): string {
  const node = index.nodes.get(nodeId)
  return node ? nodeLabel(node) : `node "${nodeId}"`
}

function describeEnd(nodes: ReadonlyMap<string, GraphNode>, id: string, port?: string): string {
  const node = nodes.get(id)
  const label = node ? nodeLabel(node) : `node "${id}"`
  return port === undefined ? label : `${label} (port "${port}")`
}

function push(map: Map<string, GraphEdge[]>, key: string, edge: GraphEdge): void {
  const list = map.get(key)
  if (list) list.push(edge)
  else map.set(key, [edge])
}
