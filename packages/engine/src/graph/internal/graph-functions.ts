import type { FunctionParam, NodeKind } from '@topology-studio/shared'
import { compileExpression } from '../../expression/compile-expression'
import type { CodeExecutor } from '../code-executor'
import { functionVariables } from '../function-variables'

type AnyFunction = (...args: unknown[]) => unknown

/**
 * Builds the function a DSL operator receives for a node parameter. Nothing is compiled until
 * the function is first called, so planning a design never evaluates user code.
 */
export function graphFunction(
  param: FunctionParam,
  kind: NodeKind,
  nodeId: string,
  paramPath: string,
  executor: CodeExecutor,
): AnyFunction {
  const variables = functionVariables(kind, paramPath)
  let compiled: AnyFunction | null = null
  const resolve = (): AnyFunction => {
    if (compiled !== null) return compiled
    if (param.lang === 'code') {
      compiled = executor.compile(param.source, { nodeId, param: paramPath })
    } else {
      const expression = compileExpression(param.source, variables)
      compiled = (...args: unknown[]) => {
        const scope: Record<string, unknown> = {}
        variables.forEach((name, index) => (scope[name] = args[index] ?? null))
        return expression(scope)
      }
    }
    return compiled
  }
  // The wrapper's arity tells the runtime which arguments to pass (e.g. a joiner of three
  // parameters gets the key), as Java's ValueJoiner vs ValueJoinerWithKey.
  const arity = param.lang === 'expression' ? variables.length : undefined
  const call = (...args: unknown[]): unknown => resolve()(...args)
  if (arity === undefined) {
    return Object.defineProperty(call, 'length', {
      get: () => resolve().length,
    }) as AnyFunction
  }
  return Object.defineProperty(call, 'length', { value: arity }) as AnyFunction
}

/** Shows the source of a function parameter where Kafka would print a class name. */
export function describeFunction(param: FunctionParam): string {
  return param.lang === 'expression' ? `expression(${param.source})` : param.source
}
