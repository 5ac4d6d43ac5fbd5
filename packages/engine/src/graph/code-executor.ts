/** Where a user function comes from, for error messages. */
export interface FunctionOrigin {
  readonly nodeId: string
  readonly param: string
}

/**
 * Turns JavaScript source text of a node parameter into a function. The engine default runs
 * it natively; the server and the browser simulator plug in a sandbox.
 */
export interface CodeExecutor {
  compile(source: string, origin: FunctionOrigin): (...args: unknown[]) => unknown
}

/** Thrown when a node's JavaScript parameter does not compile to a function. */
export class UserCodeError extends Error {
  override readonly name = 'UserCodeError'

  constructor(
    message: string,
    readonly origin: FunctionOrigin,
  ) {
    super(message)
  }
}

/** Compiles with the JavaScript engine this runs in: trusted code only. */
export const nativeCodeExecutor: CodeExecutor = {
  compile(source, origin) {
    let compiled: unknown
    try {
      compiled = new Function(`"use strict"; return (${source}\n)`)()
    } catch (error) {
      throw new UserCodeError(
        `The code of ${origin.param} on node ${origin.nodeId} does not compile: ${(error as Error).message}`,
        origin,
      )
    }
    if (typeof compiled !== 'function') {
      throw new UserCodeError(
        `The code of ${origin.param} on node ${origin.nodeId} must be a function, e.g. (key, value) => ..., but is ${typeof compiled}`,
        origin,
      )
    }
    return compiled as (...args: unknown[]) => unknown
  },
}
