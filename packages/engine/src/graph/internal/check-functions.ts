import { isUnwrittenFunction, type Diagnostic, type GraphNode } from '@topology-studio/shared'
import { checkExpression } from '../../expression/compile-expression'
import { functionVariables } from '../function-variables'
import { createDiagnostic } from '../diagnostic-codes'
import type { CheckContext } from './check-context'
import { functionParamsOf, type LocatedFunctionParam } from './function-params-of'
import { isBlank } from './kafka-names'
import { nodeLabel } from './node-label'

/**
 * Checks every function param: expressions must parse; code must not be empty (it is compiled
 * only where it runs); a custom processor must be code; an import's stand-in code is flagged.
 */
export function checkFunctions({ index }: CheckContext): Diagnostic[] {
  return index.nodeList.flatMap((node) =>
    functionParamsOf(node).flatMap((located) => checkFunction(node, located)),
  )
}

function checkFunction(node: GraphNode, { path, param }: LocatedFunctionParam): Diagnostic[] {
  const label = nodeLabel(node)
  const place = { nodeId: node.id, param: path }
  if (isBlank(param.source)) {
    return [
      createDiagnostic('function/empty', { node: label, param: path, lang: param.lang }, place),
    ]
  }
  if (isUnwrittenFunction(param)) {
    return [createDiagnostic('function/unwritten', { node: label, param: path }, place)]
  }
  if (param.lang === 'code') return []
  if (node.kind === 'process') {
    return [createDiagnostic('function/code-required', { node: label, param: path }, place)]
  }
  const variables = functionVariables(node.kind, path)
  const [problem] = checkSafely(param.source, variables)
  if (problem === undefined) return []
  const { message, column } = problem
  if (message.startsWith('Unknown variable')) {
    const args = { node: label, param: path, message, column, variables: variables.join(', ') }
    return [createDiagnostic('expression/unknown-variable', args, { ...place, column })]
  }
  const args = { node: label, param: path, message, column }
  return [createDiagnostic('expression/syntax', args, { ...place, column })]
}

// The canvas re-validates on every edit while most expressions stay the same, so results are
// kept per (variables, source), bounded so a long session cannot grow it without limit.
const checked = new Map<string, ReturnType<typeof checkExpression>>()
const MAX_CHECKED = 4096

// The parser's contract is to return errors as values; a throw is still reported against the
// param rather than aborting the whole validation.
function checkSafely(
  source: string,
  variables: readonly string[],
): ReturnType<typeof checkExpression> {
  const key = `${variables.join(',')}\u0000${source}`
  const cached = checked.get(key)
  if (cached !== undefined) return cached
  let problems: ReturnType<typeof checkExpression>
  try {
    problems = checkExpression(source, variables)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    problems = [{ message, column: 1 }]
  }
  if (checked.size >= MAX_CHECKED) checked.delete(checked.keys().next().value as string)
  checked.set(key, problems)
  return problems
}
