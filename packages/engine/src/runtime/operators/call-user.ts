// DSL functions come in Java's two flavours, told apart by arity as the DSL documents:
// a ValueMapper takes (value) and a ValueMapperWithKey (key, value); a ValueJoiner takes
// (left, right) and a ValueJoinerWithKey (key, left, right).

type AnyFunction = (...args: unknown[]) => unknown

export function valueMapper(fn: unknown): (key: unknown, value: unknown) => unknown {
  const f = fn as AnyFunction
  return f.length >= 2 ? (key, value) => f(key, value) : (_key, value) => f(value)
}

export function valueJoiner(fn: unknown): (key: unknown, left: unknown, right: unknown) => unknown {
  const f = fn as AnyFunction
  return f.length >= 3 ? (key, l, r) => f(key, l, r) : (_key, l, r) => f(l, r)
}

/** A KeyValue (or `{ key, value }`) a map/flatMap/groupBy mapper returned. */
export function keyValueOf(result: unknown, what: string): { key: unknown; value: unknown } {
  if (result === null || typeof result !== 'object' || !('key' in result) || !('value' in result)) {
    throw new TypeError(
      `The ${what} must return a KeyValue (KeyValue.pair(key, value) or { key, value }), got ${String(result)}`,
    )
  }
  return result as { key: unknown; value: unknown }
}

export function iterableOf(result: unknown, what: string): Iterable<unknown> {
  if (result === null || typeof result !== 'object' || !(Symbol.iterator in result)) {
    throw new TypeError(
      `The ${what} must return an iterable (e.g. an array), got ${String(result)}`,
    )
  }
  return result as Iterable<unknown>
}
