import { JOIN_PORTS, type Diagnostic, type GraphNode } from '@topology-studio/shared'
import { createDiagnostic } from '../diagnostic-codes'
import type { CheckContext } from './check-context'
import { inputsOf } from './graph-index'
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
