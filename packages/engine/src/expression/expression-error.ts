/** A problem in an expression, located at a 1-based column of its source. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError'
  /** The message without the column suffix, for UIs that show the column themselves. */
  readonly reason: string
  readonly column: number

  constructor(reason: string, column: number, options?: { cause?: unknown }) {
    super(`${reason} (column ${column})`, options)
    this.reason = reason
    this.column = column
  }
}

/**
 * Thrown by the runtime helpers, which do not know where in the source they were called from;
 * the evaluator turns it into an `ExpressionError` at the calling node's column.
 */
export class ExpressionRuntimeError extends Error {
  override readonly name = 'ExpressionRuntimeError'
}

export function locateError(error: unknown, column: number): unknown {
  return error instanceof ExpressionRuntimeError
    ? new ExpressionError(error.message, column, { cause: error })
    : error
}
