import { ExpressionRuntimeError } from './expression-error'
import { eq, typeName } from './expression-operators'

// Every function returns null when its main argument is null ("null in, null out"), so a
// missing field flows through a chain of calls instead of failing the record.

function isMissing(value: unknown): value is null | undefined {
  return value === null || value === undefined
}

function expectString(name: string, value: unknown, what = 'a string'): string {
  if (typeof value !== 'string') {
    throw new ExpressionRuntimeError(`${name}() expects ${what}, got ${typeName(value)}`)
  }
  return value
}

function expectNumber(name: string, value: unknown, what = 'a number'): number {
  if (typeof value !== 'number') {
    throw new ExpressionRuntimeError(`${name}() expects ${what}, got ${typeName(value)}`)
  }
  return value
}

export function lower(s: unknown): string | null {
  return isMissing(s) ? null : expectString('lower', s).toLowerCase()
}

export function upper(s: unknown): string | null {
  return isMissing(s) ? null : expectString('upper', s).toUpperCase()
}

export function trim(s: unknown): string | null {
  return isMissing(s) ? null : expectString('trim', s).trim()
}

export function length(x: unknown): number | null {
  if (isMissing(x)) return null
  if (typeof x === 'string' || Array.isArray(x)) return x.length
  throw new ExpressionRuntimeError(`length() expects a string or an array, got ${typeName(x)}`)
}

export function split(s: unknown, separator: unknown): string[] | null {
  const sep = expectString('split', separator, 'a string separator')
  return isMissing(s) ? null : expectString('split', s).split(sep)
}

/** Joins its arguments as text; null arguments are skipped. */
export function concat(...parts: readonly unknown[]): string {
  let text = ''
  for (const part of parts) {
    if (isMissing(part)) continue
    text += typeof part === 'object' ? JSON.stringify(part) : String(part)
  }
  return text
}

function clampIndex(index: number, size: number): number {
  return Math.min(Math.max(Math.trunc(index), 0), size)
}

/** Characters from `start` up to but excluding `end`, both clamped to the string. */
export function substring(s: unknown, start: unknown, end?: unknown): string | null {
  const from = expectNumber('substring', start, 'a number start')
  const to = isMissing(end) ? undefined : expectNumber('substring', end, 'a number end')
  if (isMissing(s)) return null
  const text = expectString('substring', s)
  const first = clampIndex(from, text.length)
  const last = to === undefined ? text.length : clampIndex(to, text.length)
  return last <= first ? '' : text.slice(first, last)
}

export function startsWith(s: unknown, prefix: unknown): boolean | null {
  const head = expectString('startsWith', prefix, 'a string prefix')
  return isMissing(s) ? null : expectString('startsWith', s).startsWith(head)
}

export function endsWith(s: unknown, suffix: unknown): boolean | null {
  const tail = expectString('endsWith', suffix, 'a string suffix')
  return isMissing(s) ? null : expectString('endsWith', s).endsWith(tail)
}

/** Substring test for strings, membership by value for arrays. */
export function contains(x: unknown, item: unknown): boolean | null {
  if (isMissing(x)) return null
  if (Array.isArray(x)) return x.some((element) => eq(element, item))
  if (typeof x === 'string') {
    return isMissing(item) ? null : x.includes(expectString('contains', item, 'a string item'))
  }
  throw new ExpressionRuntimeError(`contains() expects a string or an array, got ${typeName(x)}`)
}

/** Replaces every occurrence of `from`, literally: `$&` in `to` has no special meaning. */
export function replace(s: unknown, from: unknown, to: unknown): string | null {
  const search = expectString('replace', from, 'a string to search for')
  const replacement = expectString('replace', to, 'a string replacement')
  if (isMissing(s)) return null
  const text = expectString('replace', s)
  return search === '' ? text : text.split(search).join(replacement)
}

/** Parses numeric text; text that is not a number gives null rather than NaN. */
export function toNumber(x: unknown): number | null {
  if (isMissing(x)) return null
  if (typeof x === 'number') return x
  if (typeof x === 'boolean') return x ? 1 : 0
  if (typeof x === 'string') {
    const text = x.trim()
    const parsed = text === '' ? NaN : Number(text)
    return Number.isNaN(parsed) ? null : parsed
  }
  throw new ExpressionRuntimeError(
    `toNumber() expects a string, number or boolean, got ${typeName(x)}`,
  )
}

/** Text of a value; arrays and objects become JSON. */
function toStringValue(x: unknown): string | null {
  if (isMissing(x)) return null
  return typeof x === 'object' ? JSON.stringify(x) : String(x)
}
export { toStringValue as toString }

export function abs(n: unknown): number | null {
  return isMissing(n) ? null : Math.abs(expectNumber('abs', n))
}

/** Halves round toward +Infinity, as in JavaScript's Math.round. */
export function round(n: unknown): number | null {
  return isMissing(n) ? null : Math.round(expectNumber('round', n))
}

export function floor(n: unknown): number | null {
  return isMissing(n) ? null : Math.floor(expectNumber('floor', n))
}

export function ceil(n: unknown): number | null {
  return isMissing(n) ? null : Math.ceil(expectNumber('ceil', n))
}

function extreme(name: string, values: readonly unknown[], pick: (a: number, b: number) => number) {
  let best: number | null = null
  for (const value of values) {
    if (isMissing(value)) continue
    const n = expectNumber(name, value, 'numbers')
    best = best === null ? n : pick(best, n)
  }
  return best
}

/** Smallest of the non-null arguments. */
export function min(...values: readonly unknown[]): number | null {
  return extreme('min', values, Math.min)
}

/** Largest of the non-null arguments. */
export function max(...values: readonly unknown[]): number | null {
  return extreme('max', values, Math.max)
}

export function coalesce(...values: readonly unknown[]): unknown {
  for (const value of values) if (!isMissing(value)) return value
  return null
}

export function isNull(x: unknown): boolean {
  return isMissing(x)
}

export function keys(o: unknown): string[] | null {
  if (isMissing(o)) return null
  if (typeof o !== 'object' || Array.isArray(o)) {
    throw new ExpressionRuntimeError(`keys() expects an object, got ${typeName(o)}`)
  }
  return Object.keys(o)
}

export function parseJson(s: unknown): unknown {
  if (isMissing(s)) return null
  const text = expectString('parseJson', s)
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ExpressionRuntimeError(`parseJson() could not parse its argument: ${reason}`)
  }
}
