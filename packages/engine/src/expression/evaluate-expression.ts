import { buildExpressionClosure } from './build-expression-closure'
import type { ExpressionClosure, ExpressionScope } from './build-expression-closure'
import type { Expression } from './expression-ast'
import { ExpressionError } from './expression-error'

export { ExpressionError } from './expression-error'

const closures = new WeakMap<Expression, ExpressionClosure>()

function strictVariable(name: string, column: number): ExpressionClosure {
  return (scope) => {
    if (!Object.hasOwn(scope, name)) {
      const available = Object.keys(scope).join(', ') || 'none'
      throw new ExpressionError(`Unknown variable '${name}'; available: ${available}`, column)
    }
    const value = scope[name]
    return value === undefined ? null : value
  }
}

/**
 * Evaluates a parsed expression against the variables in `scope`. Missing fields give null;
 * unknown variables and type errors throw an `ExpressionError` with the column.
 */
export function evaluateExpression(
  expression: Expression,
  scope: Readonly<Record<string, unknown>>,
): unknown {
  let closure = closures.get(expression)
  if (closure === undefined) {
    closure = buildExpressionClosure(expression, strictVariable)
    closures.set(expression, closure)
  }
  return closure(scope satisfies ExpressionScope)
}
