// The form of a node's parameters, read from the params themselves and the design schema: what
// each value is (a function, a duration, a serde, …), and which optional ones the kind accepts.
import { checkExpression, functionVariables } from '@topology-studio/engine'
import {
  GraphNodeSchema,
  JOIN_TYPES,
  SerdeSchema,
  type FunctionParam,
  type GraphNode,
} from '@topology-studio/shared'

export type ParamField =
  | { readonly kind: 'function'; readonly path: string; readonly value: FunctionParam }
  | {
      readonly kind: 'choice'
      readonly path: string
      readonly value: string
      readonly options: readonly string[]
    }
  | { readonly kind: 'duration'; readonly path: string; readonly value: number }
  | { readonly kind: 'number'; readonly path: string; readonly value: number }
  | { readonly kind: 'text'; readonly path: string; readonly value: string }
  | { readonly kind: 'list'; readonly path: string; readonly value: readonly string[] }
  | { readonly kind: 'flag'; readonly path: string; readonly value: boolean }
  | { readonly kind: 'fixed'; readonly path: string; readonly value: string }

const SERDES = SerdeSchema.options
/** Keys whose value picks a variant of the params (changing them would change their shape). */
const VARIANT_KEYS = new Set(['type', 'mode'])
const OPTIONAL_KEYS: readonly { key: string; sample: unknown }[] = [
  { key: 'name', sample: 'x' },
  { key: 'storeName', sample: 'x' },
  { key: 'keySerde', sample: 'String' },
  { key: 'valueSerde', sample: 'String' },
]

function isFunctionParam(value: unknown): value is FunctionParam {
  return (
    typeof value === 'object' &&
    value !== null &&
    'lang' in value &&
    'source' in value &&
    typeof (value as FunctionParam).source === 'string'
  )
}

function fieldsOf(value: unknown, path: string, out: ParamField[]): void {
  const key = path.replace(/^.*\./, '')
  if (isFunctionParam(value)) out.push({ kind: 'function', path, value })
  else if (typeof value === 'string' && VARIANT_KEYS.has(key))
    out.push({ kind: 'fixed', path, value })
  else if (typeof value === 'string' && key.endsWith('Serde'))
    out.push({ kind: 'choice', path, value, options: SERDES })
  else if (typeof value === 'string' && key === 'joinType')
    out.push({ kind: 'choice', path, value, options: JOIN_TYPES })
  else if (typeof value === 'string') out.push({ kind: 'text', path, value })
  else if (typeof value === 'number' && key.endsWith('Ms'))
    out.push({ kind: 'duration', path, value })
  else if (typeof value === 'number') out.push({ kind: 'number', path, value })
  else if (typeof value === 'boolean') out.push({ kind: 'flag', path, value })
  else if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    out.push({ kind: 'list', path, value: value as string[] })
  else if (Array.isArray(value)) value.forEach((item, i) => fieldsOf(item, `${path}.${i}`, out))
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) fieldsOf(v, path === '' ? k : `${path}.${k}`, out)
  }
}

/** The fields of a node's params, with the optional ones its kind accepts but it lacks. */
export function paramFields(node: GraphNode): ParamField[] {
  const fields: ParamField[] = []
  fieldsOf(node.params, '', fields)
  const params = node.params as Record<string, unknown>
  for (const { key, sample } of OPTIONAL_KEYS) {
    if (key in params) continue
    const accepted = GraphNodeSchema.safeParse({ ...node, params: { ...params, [key]: sample } })
    if (!accepted.success) continue
    fields.push(
      key.endsWith('Serde')
        ? { kind: 'choice', path: key, value: '', options: SERDES }
        : { kind: 'text', path: key, value: '' },
    )
  }
  return fields
}

/** The params with one value replaced (an empty optional value removes the key). */
export function withParam(params: unknown, path: string, value: unknown): unknown {
  const [head = '', ...rest] = path.split('.')
  if (rest.length === 0) {
    if (Array.isArray(params)) return params.map((v, i) => (String(i) === head ? value : v))
    const copy = { ...(params as Record<string, unknown>) }
    if (value === '' || value === undefined) delete copy[head]
    else copy[head] = value
    return copy
  }
  if (Array.isArray(params)) {
    return params.map((v, i) => (String(i) === head ? withParam(v, rest.join('.'), value) : v))
  }
  const record = params as Record<string, unknown>
  return { ...record, [head]: withParam(record[head], rest.join('.'), value) }
}

/** Parse problems of an expression parameter, with the variables its place offers. */
export function expressionProblems(node: GraphNode, path: string, source: string): string[] {
  return checkExpression(source, functionVariables(node.kind, path)).map(
    (p) => `column ${p.column}: ${p.message}`,
  )
}
