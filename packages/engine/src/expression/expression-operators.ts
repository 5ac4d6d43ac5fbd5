import { ExpressionRuntimeError } from './expression-error'

/** The type names used in error messages, as a user of the language sees values. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Member access that never throws. Only own properties are visible, so `constructor` or
 * `__proto__` cannot reach into JavaScript internals.
 */
export function get(target: unknown, key: unknown): unknown {
  if (target === null || target === undefined) return null
  let name = key
  if (typeof key === 'number') {
    if (Array.isArray(target) || typeof target === 'string') {
      const item: unknown = Number.isInteger(key) && key >= 0 ? target[key] : undefined
      return item === undefined ? null : item
    }
    name = String(key)
  }
  if (typeof name !== 'string' || !isRecord(target) || !Object.hasOwn(target, name)) return null
  const item = target[name]
  return item === undefined ? null : item
}

/** `path(value, 'items', 0, 'sku')` is `value.items[0].sku`. */
export function path(target: unknown, ...keys: readonly unknown[]): unknown {
  let current: unknown = target === undefined ? null : target
  for (const key of keys) current = get(current, key)
  return current
}

/** Value equality: no coercion between types, arrays and objects compared element by element. */
export function eq(left: unknown, right: unknown): boolean {
  if (left === right) return true
  if (left === undefined || left === null) return right === undefined || right === null
  if (typeof left !== 'object' || typeof right !== 'object' || right === null) return false
  if (Array.isArray(left)) {
    return (
      Array.isArray(right) &&
      left.length === right.length &&
      left.every((item, index) => eq(item, right[index]))
    )
  }
  if (Array.isArray(right) || !isRecord(left) || !isRecord(right)) return false
  const leftKeys = Object.keys(left)
  return (
    leftKeys.length === Object.keys(right).length &&
    leftKeys.every((key) => Object.hasOwn(right, key) && eq(left[key], right[key]))
  )
}

export function ne(left: unknown, right: unknown): boolean {
  return !eq(left, right)
}

type Comparable = number | string

function compare(operator: string, left: unknown, right: unknown): 0 | 1 | -1 | null {
  if (left === null || left === undefined || right === null || right === undefined) return null
  const bothNumbers = typeof left === 'number' && typeof right === 'number'
  const bothStrings = typeof left === 'string' && typeof right === 'string'
  if (!bothNumbers && !bothStrings) {
    throw new ExpressionRuntimeError(
      `Operator '${operator}' cannot compare ${typeName(left)} with ${typeName(right)}`,
    )
  }
  const a = left as Comparable
  const b = right as Comparable
  if (a < b) return -1
  if (a > b) return 1
  return a === b ? 0 : null
}

// A comparison with null is false rather than an error, so a predicate over a missing field
// simply does not match.
export function lt(left: unknown, right: unknown): boolean {
  return compare('<', left, right) === -1
}

export function le(left: unknown, right: unknown): boolean {
  const order = compare('<=', left, right)
  return order === -1 || order === 0
}

export function gt(left: unknown, right: unknown): boolean {
  return compare('>', left, right) === 1
}

export function ge(left: unknown, right: unknown): boolean {
  const order = compare('>=', left, right)
  return order === 1 || order === 0
}

function numericOperands(operator: string, left: unknown, right: unknown): boolean {
  const leftOk = left === null || left === undefined || typeof left === 'number'
  const rightOk = right === null || right === undefined || typeof right === 'number'
  if (!leftOk || !rightOk) {
    throw new ExpressionRuntimeError(
      `Operator '${operator}' expects numbers, got ${typeName(left)} and ${typeName(right)}`,
    )
  }
  return typeof left === 'number' && typeof right === 'number'
}

function concatenable(operator: string, value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'object') {
    throw new ExpressionRuntimeError(
      `Operator '${operator}' cannot join a string with ${typeName(value)}; use toString()`,
    )
  }
  return String(value)
}

/** Adds numbers, or joins when either side is a string; null in arithmetic gives null. */
export function add(left: unknown, right: unknown): unknown {
  if (typeof left === 'string' || typeof right === 'string') {
    return concatenable('+', left) + concatenable('+', right)
  }
  return numericOperands('+', left, right) ? (left as number) + (right as number) : null
}

export function sub(left: unknown, right: unknown): number | null {
  return numericOperands('-', left, right) ? (left as number) - (right as number) : null
}

export function mul(left: unknown, right: unknown): number | null {
  return numericOperands('*', left, right) ? (left as number) * (right as number) : null
}

export function div(left: unknown, right: unknown): number | null {
  return numericOperands('/', left, right) ? (left as number) / (right as number) : null
}

export function mod(left: unknown, right: unknown): number | null {
  return numericOperands('%', left, right) ? (left as number) % (right as number) : null
}

export function neg(operand: unknown): number | null {
  if (operand === null || operand === undefined) return null
  if (typeof operand !== 'number') {
    throw new ExpressionRuntimeError(`Operator '-' expects a number, got ${typeName(operand)}`)
  }
  return -operand
}
