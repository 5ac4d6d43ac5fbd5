import type { Diagnostic, GraphNode } from '@topology-studio/shared'
import { parseExpression } from '../../expression/parse-expression'
import { createDiagnostic } from '../diagnostic-codes'
import type { CheckContext } from './check-context'
import { functionParamsOf, type LocatedFunctionParam } from './function-params-of'
import { isBlank } from './kafka-names'
import { nodeLabel } from './node-label'

/**
 * Checks every function param: expressions must parse; code must not be empty (it is compiled
 * only where it runs); a custom processor must be code.
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
  if (param.lang === 'code') return []
  if (node.kind === 'process') {
    return [createDiagnostic('function/code-required', { node: label, param: path }, place)]
  }
  const parsed = parseSafely(param.source)
  if (parsed.ok) return []
  const { message, column } = parsed.error
  const args = { node: label, param: path, message, column }
  return [createDiagnostic('expression/syntax', args, { ...place, column })]
}

// The parser's contract is to return errors as values; a throw is still reported against the
// param rather than aborting the whole validation.
function parseSafely(source: string): ReturnType<typeof parseExpression> {
  try {
    return parseExpression(source)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, error: { message, column: 1 } }
  }
}
