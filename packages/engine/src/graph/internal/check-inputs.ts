import {
  JOIN_PORTS,
  type Diagnostic,
  type GraphNode,
  type GraphNodeOfKind,
} from '@topology-studio/shared'
import { createDiagnostic } from '../diagnostic-codes'
import type { CheckContext } from './check-context'
import { inputsOf, labelOf } from './graph-index'
import { nodeLabel } from './node-label'
import { SOURCE_KINDS } from './shape-rules'

/**
 * Checks how many inputs each node has: none for sources, one per side for joins, two or more
 * for merge, exactly one for everything else; and that join inputs name their side.
 */
export function checkInputs({ index }: CheckContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const node of index.nodeList) {
    const inputs = inputsOf(index, node.id)
    const label = nodeLabel(node)
    const place = { nodeId: node.id }
    if (SOURCE_KINDS.has(node.kind)) {
      for (const edge of inputs) {
        const at = { ...place, edgeId: edge.id }
        diagnostics.push(createDiagnostic('node/unexpected-input', { node: label }, at))
      }
      continue
    }
    if (node.kind === 'join') {
      diagnostics.push(...checkJoinInputs(node, label, index))
      continue
    }
    if (node.kind === 'cogroup') {
      diagnostics.push(...checkCogroupInputs(node, label, index))
      continue
    }
    for (const edge of inputs) {
      if (edge.targetPort === undefined) continue
      const args = { edgeId: edge.id, node: label, port: edge.targetPort, end: 'target' as const }
      diagnostics.push(createDiagnostic('edge/ignored-port', args, { edgeId: edge.id }))
    }
    if (node.kind === 'merge') {
      if (inputs.length < 2) {
        const args = { node: label, need: 'two' as const, count: inputs.length }
        diagnostics.push(createDiagnostic('node/missing-input', args, place))
      }
    } else if (inputs.length === 0) {
      const args = { node: label, need: 'one' as const, count: 0 }
      diagnostics.push(createDiagnostic('node/missing-input', args, place))
    } else if (inputs.length > 1) {
      const args = { node: label, count: inputs.length }
      diagnostics.push(createDiagnostic('node/too-many-inputs', args, place))
    }
  }
  return diagnostics
}

function checkJoinInputs(
  node: GraphNode,
  label: string,
  index: CheckContext['index'],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const inputs = inputsOf(index, node.id)
  for (const edge of inputs) {
    if (edge.targetPort === 'left' || edge.targetPort === 'right') continue
    const args = {
      edgeId: edge.id,
      node: label,
      port: edge.targetPort,
      problem: 'join-side' as const,
    }
    diagnostics.push(
      createDiagnostic('edge/invalid-port', args, { edgeId: edge.id, nodeId: node.id }),
    )
  }
  for (const side of JOIN_PORTS) {
    const count = inputs.filter((edge) => edge.targetPort === side).length
    const place = { nodeId: node.id, param: side }
    if (count === 0) {
      diagnostics.push(
        createDiagnostic('node/missing-input', { node: label, need: side, count }, place),
      )
    } else if (count > 1) {
      diagnostics.push(
        createDiagnostic('node/too-many-inputs', { node: label, count, side }, place),
      )
    }
  }
  return diagnostics
}

/** Each input of a cogroup takes exactly one grouped stream, on the port named by its id. */
function checkCogroupInputs(
  node: GraphNodeOfKind<'cogroup'>,
  label: string,
  index: CheckContext['index'],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const edges = inputsOf(index, node.id)
  const ids = node.params.inputs.map((input) => input.id)
  for (const edge of edges) {
    if (edge.targetPort !== undefined && ids.includes(edge.targetPort)) continue
    const args = { edgeId: edge.id, node: label, port: edge.targetPort, inputs: ids }
    diagnostics.push(
      createDiagnostic('cogroup/unknown-input', args, { edgeId: edge.id, nodeId: node.id }),
    )
  }
  // Kafka Streams keeps one aggregator per grouped stream: a second would replace the first.
  const inputsBySource = new Map<string, string[]>()
  for (const edge of edges) {
    if (edge.targetPort === undefined || !ids.includes(edge.targetPort)) continue
    inputsBySource.set(edge.source, [...(inputsBySource.get(edge.source) ?? []), edge.targetPort])
  }
  for (const [source, inputs] of inputsBySource) {
    if (inputs.length < 2) continue
    const args = { node: label, source: labelOf(index, source), inputs }
    diagnostics.push(createDiagnostic('cogroup/same-grouped-stream', args, { nodeId: node.id }))
  }
  node.params.inputs.forEach(({ id }, position) => {
    const count = edges.filter((edge) => edge.targetPort === id).length
    const place = { nodeId: node.id, param: `inputs[${position}]` }
    if (count === 0) {
      diagnostics.push(createDiagnostic('cogroup/missing-input', { node: label, input: id }, place))
    } else if (count > 1) {
      diagnostics.push(
        createDiagnostic('cogroup/too-many-inputs', { node: label, input: id, count }, place),
      )
    }
  })
  return diagnostics
}
