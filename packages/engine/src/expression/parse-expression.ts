import type { Expression } from './expression-ast'
import { ExpressionError } from './expression-error'
import { ExpressionParser } from './expression-parser'

export type ExpressionParseResult =
  { ok: true; expression: Expression } | { ok: false; error: { message: string; column: number } }

/** Parses the expression language; problems come back as a value with a 1-based column. */
export function parseExpression(source: string): ExpressionParseResult {
  if (source.trim() === '') {
    return {
      ok: false,
      error: { message: 'Expected an expression, found end of input', column: 1 },
    }
  }
  try {
    const parser = new ExpressionParser(source)
    const expression = parser.parseTop()
    return { ok: true, expression }
  } catch (error) {
    if (error instanceof ExpressionError) {
      return { ok: false, error: { message: error.reason, column: error.column } }
    }
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, error: { message: `Could not parse: ${message}`, column: 1 } }
  }
}
