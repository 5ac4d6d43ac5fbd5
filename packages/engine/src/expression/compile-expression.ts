import { buildExpressionClosure } from './build-expression-closure'
import type { ExpressionClosure } from './build-expression-closure'
import type { Expression } from './expression-ast'
import { ExpressionError } from './expression-error'
import { parseExpression } from './parse-expression'

export type CompiledExpression = (scope: Readonly<Record<string, unknown>>) => unknown

export type ExpressionProblem = { message: string; column: number }

/** Every variable reference in the expression, in source order. */
function collectVariables(expression: Expression, found: { name: string; start: number }[]) {
  switch (expression.kind) {
    case 'literal':
      return
    case 'variable':
      found.push({ name: expression.name, start: expression.start })
      return
    case 'member':
      collectVariables(expression.object, found)
      return
    case 'index':
      collectVariables(expression.object, found)
      collectVariables(expression.index, found)
      return
    case 'call':
      for (const arg of expression.arguments) collectVariables(arg, found)
      return
    case 'unary':
      collectVariables(expression.operand, found)
      return
    case 'binary':
      collectVariables(expression.left, found)
      collectVariables(expression.right, found)
      return
    case 'conditional':
      collectVariables(expression.test, found)
      collectVariables(expression.consequent, found)
      collectVariables(expression.alternate, found)
      return
    case 'array':
      for (const element of expression.elements) collectVariables(element, found)
      return
    case 'object':
      for (const property of expression.properties) collectVariables(property.value, found)
  }
}

function analyse(
  source: string,
  variables: readonly string[],
): { expression: Expression | undefined; problems: ExpressionProblem[] } {
  const parsed = parseExpression(source)
  if (!parsed.ok) return { expression: undefined, problems: [parsed.error] }
  const references: { name: string; start: number }[] = []
  collectVariables(parsed.expression, references)
  const known = new Set(variables)
  const available = variables.length > 0 ? variables.join(', ') : 'none'
  const problems = references
    .filter((reference) => !known.has(reference.name))
    .map((reference) => ({
      message: `Unknown variable '${reference.name}'; available: ${available}`,
      column: reference.start,
    }))
  return { expression: parsed.expression, problems }
}

/** Syntax errors and unknown variables of `source`, as values, for the property panel. */
export function checkExpression(source: string, variables: readonly string[]): ExpressionProblem[] {
  return analyse(source, variables).problems
}

function lenientVariable(name: string): ExpressionClosure {
  // Names that objects inherit must not read Object.prototype when the scope lacks them.
  if (name in Object.prototype) {
    return (scope) => (Object.hasOwn(scope, name) ? (scope[name] ?? null) : null)
  }
  return (scope) => {
    const value = scope[name]
    return value === undefined ? null : value
  }
}

/**
 * Parses `source` once and checks that it only uses `variables`, then returns a fast evaluator.
 * A declared variable missing from a scope reads as null.
 *
 * @throws ExpressionError for a syntax error or an unknown variable, with its column.
 * @example compileExpression("value.price > 100", ['key', 'value'])({ key: 'k', value })
 */
export function compileExpression(
  source: string,
  variables: readonly string[],
): CompiledExpression {
  const { expression, problems } = analyse(source, variables)
  const [problem] = problems
  if (problem !== undefined) throw new ExpressionError(problem.message, problem.column)
  if (expression === undefined) throw new ExpressionError('Expected an expression', 1)
  return buildExpressionClosure(expression, lenientVariable)
}
