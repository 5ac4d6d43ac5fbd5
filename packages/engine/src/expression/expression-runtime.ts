import type { BuiltinName } from './expression-builtins'
import {
  abs,
  ceil,
  coalesce,
  concat,
  contains,
  endsWith,
  floor,
  isNull,
  keys,
  length,
  lower,
  max,
  min,
  parseJson,
  replace,
  round,
  split,
  startsWith,
  substring,
  toNumber,
  toString,
  trim,
  upper,
} from './expression-functions'
import {
  add,
  div,
  eq,
  ge,
  get,
  gt,
  le,
  lt,
  mod,
  mul,
  ne,
  neg,
  path,
  sub,
} from './expression-operators'

type RuntimeFunction = (...args: never[]) => unknown

const builtins = {
  lower,
  upper,
  trim,
  length,
  split,
  concat,
  substring,
  startsWith,
  endsWith,
  contains,
  replace,
  toNumber,
  toString,
  abs,
  round,
  floor,
  ceil,
  min,
  max,
  coalesce,
  isNull,
  keys,
  parseJson,
} satisfies Record<BuiltinName, RuntimeFunction>

/**
 * The helpers that give expressions their meaning. The evaluator calls them, and code exported
 * by `expressionToTypeScript` calls them as `expr.<name>`, so both behave identically.
 */
export const expressionRuntime = {
  ...builtins,
  get,
  path,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  add,
  sub,
  mul,
  div,
  mod,
  neg,
}

export type ExpressionRuntime = typeof expressionRuntime
