export type BuiltinName =
  | 'lower'
  | 'upper'
  | 'trim'
  | 'length'
  | 'split'
  | 'concat'
  | 'substring'
  | 'startsWith'
  | 'endsWith'
  | 'contains'
  | 'replace'
  | 'toNumber'
  | 'toString'
  | 'abs'
  | 'round'
  | 'floor'
  | 'ceil'
  | 'min'
  | 'max'
  | 'coalesce'
  | 'isNull'
  | 'keys'
  | 'parseJson'

export type BuiltinSignature = {
  /** Fewest arguments accepted. */
  readonly minArguments: number
  /** Most arguments accepted; `Infinity` for variadic functions. */
  readonly maxArguments: number
  /** How the function is written in the property panel's help. */
  readonly signature: string
}

const unary = (signature: string): BuiltinSignature => ({
  minArguments: 1,
  maxArguments: 1,
  signature,
})
const variadic = (signature: string): BuiltinSignature => ({
  minArguments: 1,
  maxArguments: Infinity,
  signature,
})

/** Every function an expression may call, with its accepted argument counts. */
export const expressionBuiltins: Readonly<Record<BuiltinName, BuiltinSignature>> = {
  lower: unary('lower(s: string): string'),
  upper: unary('upper(s: string): string'),
  trim: unary('trim(s: string): string'),
  length: unary('length(x: string | array): number'),
  split: { minArguments: 2, maxArguments: 2, signature: 'split(s: string, sep: string): array' },
  concat: variadic('concat(...parts): string'),
  substring: {
    minArguments: 2,
    maxArguments: 3,
    signature: 'substring(s: string, start: number, end?: number): string',
  },
  startsWith: {
    minArguments: 2,
    maxArguments: 2,
    signature: 'startsWith(s: string, prefix: string): boolean',
  },
  endsWith: {
    minArguments: 2,
    maxArguments: 2,
    signature: 'endsWith(s: string, suffix: string): boolean',
  },
  contains: {
    minArguments: 2,
    maxArguments: 2,
    signature: 'contains(x: string | array, item): boolean',
  },
  replace: {
    minArguments: 3,
    maxArguments: 3,
    signature: 'replace(s: string, from: string, to: string): string',
  },
  toNumber: unary('toNumber(x): number'),
  toString: unary('toString(x): string'),
  abs: unary('abs(n: number): number'),
  round: unary('round(n: number): number'),
  floor: unary('floor(n: number): number'),
  ceil: unary('ceil(n: number): number'),
  min: variadic('min(...n: number): number'),
  max: variadic('max(...n: number): number'),
  coalesce: variadic('coalesce(...x): any'),
  isNull: unary('isNull(x): boolean'),
  keys: unary('keys(o: object): array'),
  parseJson: unary('parseJson(s: string): any'),
}

export function isBuiltinName(name: string): name is BuiltinName {
  return Object.hasOwn(expressionBuiltins, name)
}

/** "1 argument", "2 to 3 arguments", "at least 1 argument" */
export function describeArity({ minArguments, maxArguments }: BuiltinSignature): string {
  const count = (n: number) => `${n} argument${n === 1 ? '' : 's'}`
  if (minArguments === maxArguments) return count(minArguments)
  if (maxArguments === Infinity) return `at least ${count(minArguments)}`
  return `${minArguments} to ${maxArguments} arguments`
}
