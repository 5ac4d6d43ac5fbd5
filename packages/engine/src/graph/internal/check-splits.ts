import { DEFAULT_BRANCH_PORT, type Diagnostic } from '@topology-studio/shared'
import { createDiagnostic } from '../diagnostic-codes'
import type { CheckContext } from './check-context'
import { isBlank } from './kafka-names'
import { nodeLabel } from './node-label'

/** Checks that a split has branches and that branch ids, which edges refer to, are usable. */
export function checkSplits({ index }: CheckContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const node of index.nodeList) {
    if (node.kind !== 'split') continue
    const label = nodeLabel(node)
    if (node.params.branches.length === 0) {
      const place = { nodeId: node.id, param: 'branches' }
      diagnostics.push(createDiagnostic('split/no-branches', { node: label }, place))
    }
    const seen = new Set<string>()
    node.params.branches.forEach(({ id }, position) => {
      const problem = isBlank(id)
        ? ('blank' as const)
        : id === DEFAULT_BRANCH_PORT
          ? ('reserved' as const)
          : seen.has(id)
            ? ('duplicate' as const)
            : undefined
      seen.add(id)
      if (problem === undefined) return
      const place = { nodeId: node.id, param: `branches[${position}].id` }
      const args = { node: label, branchId: id, problem }
      diagnostics.push(createDiagnostic('split/invalid-branch-id', args, place))
    })
  }
  return diagnostics
}
