// Evaluates the expression cases file (expressions.json) with the engine, in the shape the Java
// evaluator prints: `{ result }` or `{ error }` per case.
import { readFileSync } from 'node:fs'
import { compileExpression } from '@topology-studio/engine'

export interface ExpressionCase {
  readonly source: string
  readonly scope: Readonly<Record<string, unknown>>
}

export interface EvaluatedCase {
  readonly source: string
  readonly result: { result: unknown } | { error: string }
}

export function evaluateExpressionCases(file: string): EvaluatedCase[] {
  const cases = JSON.parse(readFileSync(file, 'utf8')) as ExpressionCase[]
  return cases.map(({ source, scope }) => {
    try {
      const value = compileExpression(source, Object.keys(scope))(scope)
      // Through JSON, as the Java side prints it (-0 and non-finite numbers as JSON writes them).
      return { source, result: { result: JSON.parse(JSON.stringify(value ?? null)) as unknown } }
    } catch (error) {
      return { source, result: { error: (error as Error).message } }
    }
  })
}
