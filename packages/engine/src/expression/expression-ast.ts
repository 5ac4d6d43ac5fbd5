import type { BuiltinName } from './expression-builtins'

/** A node of a parsed expression. `start` is the 1-based column of the node's first character. */
export type Expression =
  | LiteralExpression
  | VariableExpression
  | MemberExpression
  | IndexExpression
  | CallExpression
  | UnaryExpression
  | BinaryExpression
  | ConditionalExpression
  | ArrayExpression
  | ObjectExpression

export type LiteralValue = string | number | boolean | null

export type LiteralExpression = {
  readonly kind: 'literal'
  readonly value: LiteralValue
  readonly start: number
}

/** A name resolved from the caller's scope, such as `key` or `value`. */
export type VariableExpression = {
  readonly kind: 'variable'
  readonly name: string
  readonly start: number
}

/** `object.property` */
export type MemberExpression = {
  readonly kind: 'member'
  readonly object: Expression
  readonly property: string
  readonly start: number
}

/** `object[index]` */
export type IndexExpression = {
  readonly kind: 'index'
  readonly object: Expression
  readonly index: Expression
  readonly start: number
}

export type CallExpression = {
  readonly kind: 'call'
  readonly callee: BuiltinName
  readonly arguments: readonly Expression[]
  readonly start: number
}

/** `not` is parsed as `!`. */
export type UnaryOperator = '!' | '-'

export type UnaryExpression = {
  readonly kind: 'unary'
  readonly operator: UnaryOperator
  readonly operand: Expression
  readonly start: number
}

/** `and` and `or` are parsed as `&&` and `||`. */
export type BinaryOperator =
  '*' | '/' | '%' | '+' | '-' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||'

export type BinaryExpression = {
  readonly kind: 'binary'
  readonly operator: BinaryOperator
  readonly left: Expression
  readonly right: Expression
  readonly start: number
  /** Column of the operator, where type errors are reported. */
  readonly operatorStart: number
}

/** `test ? consequent : alternate` */
export type ConditionalExpression = {
  readonly kind: 'conditional'
  readonly test: Expression
  readonly consequent: Expression
  readonly alternate: Expression
  readonly start: number
}

export type ArrayExpression = {
  readonly kind: 'array'
  readonly elements: readonly Expression[]
  readonly start: number
}

export type ObjectProperty = {
  readonly key: string
  readonly value: Expression
  readonly start: number
}

export type ObjectExpression = {
  readonly kind: 'object'
  readonly properties: readonly ObjectProperty[]
  readonly start: number
}
