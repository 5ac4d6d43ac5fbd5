import type {
  BinaryExpression,
  CallExpression,
  Expression,
  ObjectExpression,
} from './expression-ast'
import { isBuiltinName } from './expression-builtins'
import { ExpressionError, locateError } from './expression-error'
import { add, div, eq, ge, get, gt, le, lt, mod, mul, neg, sub } from './expression-operators'
import { expressionRuntime } from './expression-runtime'

export type ExpressionScope = Readonly<Record<string, unknown>>
export type ExpressionClosure = (scope: ExpressionScope) => unknown
export type VariableResolver = (name: string, column: number) => ExpressionClosure

type Operands = (left: unknown, right: unknown) => unknown

/**
 * Turns the AST into nested closures once, so evaluating a record is plain function calls with
 * no dispatch on node kinds. Number-only fast paths are inlined; every other case goes through the
 * runtime helper, which is what gives exported code the same behaviour.
 */
export function buildExpressionClosure(
  expression: Expression,
  resolveVariable: VariableResolver,
): ExpressionClosure {
  const build = (node: Expression): ExpressionClosure => {
    switch (node.kind) {
      case 'literal': {
        const value = node.value
        return () => value
      }
      case 'variable':
        return resolveVariable(node.name, node.start)
      case 'member': {
        const object = build(node.object)
        const property = node.property
        return (scope) => get(object(scope), property)
      }
      case 'index': {
        const object = build(node.object)
        const index = build(node.index)
        return (scope) => get(object(scope), index(scope))
      }
      case 'call':
        return buildCall(node, node.arguments.map(build))
      case 'unary': {
        const operand = build(node.operand)
        if (node.operator === '!') return (scope) => !operand(scope)
        const negate = locate1(neg, node.start)
        return (scope) => {
          const value = operand(scope)
          return typeof value === 'number' ? -value : negate(value)
        }
      }
      case 'binary':
        return buildBinary(node, build(node.left), build(node.right))
      case 'conditional': {
        const test = build(node.test)
        const consequent = build(node.consequent)
        const alternate = build(node.alternate)
        return (scope) => (test(scope) ? consequent(scope) : alternate(scope))
      }
      case 'array': {
        const elements = node.elements.map(build)
        return (scope) => elements.map((element) => element(scope))
      }
      case 'object':
        return buildObject(
          node,
          node.properties.map((property) => build(property.value)),
        )
    }
  }
  return build(expression)
}

function locate1(fn: (value: unknown) => unknown, column: number) {
  return (value: unknown) => {
    try {
      return fn(value)
    } catch (error) {
      throw locateError(error, column)
    }
  }
}

function locate2(fn: Operands, column: number): Operands {
  return (left, right) => {
    try {
      return fn(left, right)
    } catch (error) {
      throw locateError(error, column)
    }
  }
}

const slowPaths: Readonly<Record<Exclude<BinaryExpression['operator'], '&&' | '||'>, Operands>> = {
  '+': add,
  '-': sub,
  '*': mul,
  '/': div,
  '%': mod,
  '<': lt,
  '<=': le,
  '>': gt,
  '>=': ge,
  '==': eq,
  '!=': (left, right) => !eq(left, right),
}

const fastPaths: Readonly<
  Partial<Record<BinaryExpression['operator'], (a: number, b: number) => unknown>>
> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
}

function buildBinary(
  node: BinaryExpression,
  left: ExpressionClosure,
  right: ExpressionClosure,
): ExpressionClosure {
  const operator = node.operator
  if (operator === '&&') return (scope) => left(scope) && right(scope)
  if (operator === '||') return (scope) => left(scope) || right(scope)
  if (operator === '==') {
    return (scope) => {
      const a = left(scope)
      const b = right(scope)
      return a === b || eq(a, b)
    }
  }
  if (operator === '!=') {
    return (scope) => {
      const a = left(scope)
      const b = right(scope)
      return a !== b && !eq(a, b)
    }
  }
  const slow = locate2(slowPaths[operator], node.operatorStart)
  const fast = fastPaths[operator]
  if (fast === undefined) return (scope) => slow(left(scope), right(scope))
  return (scope) => {
    const a = left(scope)
    const b = right(scope)
    return typeof a === 'number' && typeof b === 'number' ? fast(a, b) : slow(a, b)
  }
}

function buildCall(node: CallExpression, args: readonly ExpressionClosure[]): ExpressionClosure {
  if (node.callee === 'coalesce') {
    // Lazy, like the `??` chain it exports to: later arguments are not evaluated once one is set.
    return (scope) => {
      for (const arg of args) {
        const value = arg(scope)
        if (value !== null && value !== undefined) return value
      }
      return null
    }
  }
  const column = node.start
  // A hand-built tree could name an inherited property such as 'constructor'.
  if (!isBuiltinName(node.callee)) {
    throw new ExpressionError(`Unknown function '${String(node.callee)}'`, column)
  }
  const fn = expressionRuntime[node.callee] as (...values: unknown[]) => unknown
  const [first, second] = args
  if (args.length === 1 && first) {
    const call = locate1(fn, column)
    return (scope) => call(first(scope))
  }
  if (args.length === 2 && first && second) {
    const call = locate2(fn, column)
    return (scope) => call(first(scope), second(scope))
  }
  return (scope) => {
    const values = args.map((arg) => arg(scope))
    try {
      return fn(...values)
    } catch (error) {
      throw locateError(error, column)
    }
  }
}

function buildObject(
  node: ObjectExpression,
  values: readonly ExpressionClosure[],
): ExpressionClosure {
  const keys = node.properties.map((property) => property.key)
  // Assigning '__proto__' would replace the prototype instead of adding a field.
  const defineOwn = keys.includes('__proto__')
  return (scope) => {
    const result: Record<string, unknown> = {}
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string
      const value = (values[i] as ExpressionClosure)(scope)
      if (defineOwn && key === '__proto__') {
        Object.defineProperty(result, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        })
      } else {
        result[key] = value
      }
    }
    return result
  }
}
