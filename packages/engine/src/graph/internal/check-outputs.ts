import { DEFAULT_BRANCH_PORT, type Diagnostic, type GraphNodeOfKind } from '@topology-studio/shared'
import { createDiagnostic } from '../diagnostic-codes'
import type { CheckContext } from './check-context'
import { outputsOf, type GraphIndex } from './graph-index'
import { nodeLabel } from './node-label'

/**
 * Checks outgoing edges: terminal nodes have none, split outputs name an existing branch, and
 * warns about outputs that go nowhere (except where that is the point: sinks, foreach, process).
 */
export function checkOutputs({ index }: CheckContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const node of index.nodeList) {
    const outputs = outputsOf(index, node.id)
    const label = nodeLabel(node)
    if (node.kind === 'sink' || node.kind === 'foreach') {
      for (const edge of outputs) {
        const args = { node: label, kind: node.kind }
        const place = { nodeId: node.id, edgeId: edge.id }
        diagnostics.push(createDiagnostic('node/unexpected-output', args, place))
      }
      continue
    }
    if (node.kind === 'split') {
      diagnostics.push(...checkSplitOutputs(node, label, index))
      continue
    }
    for (const edge of outputs) {
      if (edge.sourcePort === undefined) continue
      const args = { edgeId: edge.id, node: label, port: edge.sourcePort, end: 'source' as const }
      diagnostics.push(createDiagnostic('edge/ignored-port', args, { edgeId: edge.id }))
    }
    if (outputs.length === 0 && node.kind !== 'process') {
      diagnostics.push(createDiagnostic('node/unused-output', { node: label }, { nodeId: node.id }))
    }
  }
  return diagnostics
}

function checkSplitOutputs(
  node: GraphNodeOfKind<'split'>,
  label: string,
  index: GraphIndex,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const { branches, defaultBranch, defaultBranchName } = node.params
  const branchIds = new Set(branches.map((branch) => branch.id))
  const usedPorts = new Set<string | undefined>()
  for (const edge of outputsOf(index, node.id)) {
    usedPorts.add(edge.sourcePort)
    const port = edge.sourcePort
    const problem =
      port === DEFAULT_BRANCH_PORT
        ? defaultBranch
          ? undefined
          : ('split-default' as const)
        : port !== undefined && branchIds.has(port)
          ? undefined
          : ('split-branch' as const)
    if (problem === undefined) continue
    const args = { edgeId: edge.id, node: label, port, problem }
    diagnostics.push(
      createDiagnostic('edge/invalid-port', args, { nodeId: node.id, edgeId: edge.id }),
    )
  }
  branches.forEach((branch, position) => {
    if (usedPorts.has(branch.id) || branch.id === DEFAULT_BRANCH_PORT) return
    const args = { node: label, branch: branch.name ?? branch.id }
    const place = { nodeId: node.id, param: `branches[${position}]` }
    diagnostics.push(createDiagnostic('node/unused-output', args, place))
  })
  if (defaultBranch && !usedPorts.has(DEFAULT_BRANCH_PORT)) {
    const args = { node: label, branch: defaultBranchName ?? DEFAULT_BRANCH_PORT }
    const place = { nodeId: node.id, param: 'defaultBranch' }
    diagnostics.push(createDiagnostic('node/unused-output', args, place))
  }
  return diagnostics
}
