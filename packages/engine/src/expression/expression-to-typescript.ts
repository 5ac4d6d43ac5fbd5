import type { BinaryOperator, Expression, LiteralValue } from './expression-ast'
import { ExpressionError } from './expression-error'

const helperFor: Readonly<Record<Exclude<BinaryOperator, '&&' | '||'>, string>> = {
  '+': 'add',
  '-': 'sub',
  '*': 'mul',
  '/': 'div',
  '%': 'mod',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
  '==': 'eq',
  '!=': 'ne',
}

// Binding strength of what is emitted natively; everything else is a call or a literal.
const precedence = { conditional: 1, '||': 2, '&&': 3, unary: 4, atom: 5 } as const

const reservedWords = new Set(
  (
    'expr break case catch class const continue debugger default delete do else enum export ' +
    'extends false finally for function if import in instanceof new null return super switch ' +
    'this throw true try typeof var void while with yield let static implements interface ' +
    'package private protected public await arguments eval undefined NaN Infinity'
  ).split(' '),
)

function quote(text: string): string {
  const escaped = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")
  return `'${escaped}'`
}

function literal(value: LiteralValue): string {
  if (typeof value === 'string') return quote(value)
  if (typeof value !== 'number') return String(value)
  if (Number.isNaN(value)) return 'NaN'
  if (Object.is(value, -0)) return '-0'
  return String(value)
}

function propertyKey(key: string): string {
  if (key === '__proto__') return `[${quote(key)}]`
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : quote(key)
}

/** Collects `a.b[c].d` into a root and its keys, so it exports as one `expr.path` call. */
function memberChain(expression: Expression, keys: string[]): Expression {
  let current = expression
  while (current.kind === 'member' || current.kind === 'index') {
    keys.unshift(current.kind === 'member' ? quote(current.property) : emit(current.index, 0))
    current = current.object
  }
  return current
}

function emit(expression: Expression, context: number): string {
  const wrap = (own: number, code: string) => (own < context ? `(${code})` : code)
  switch (expression.kind) {
    case 'literal':
      return literal(expression.value)
    case 'variable':
      if (reservedWords.has(expression.name)) {
        throw new ExpressionError(
          `Variable '${expression.name}' cannot be exported: the name is reserved in generated TypeScript`,
          expression.start,
        )
      }
      return expression.name
    case 'member':
    case 'index': {
      const keys: string[] = []
      const root = emit(memberChain(expression, keys), 0)
      return keys.length === 1
        ? `expr.get(${root}, ${keys[0]})`
        : `expr.path(${root}, ${keys.join(', ')})`
    }
    case 'call': {
      if (expression.callee === 'coalesce') {
        // `??` may not be mixed with unparenthesised `&&` or `||`.
        const values = expression.arguments.map((arg) => emit(arg, precedence.unary))
        const last = expression.arguments[expression.arguments.length - 1]
        // Only a variable can be undefined; the language has no undefined, so end with null.
        if (last?.kind === 'variable') values.push('null')
        return `(${values.join(' ?? ')})`
      }
      const args = expression.arguments.map((arg) => emit(arg, 0))
      return `expr.${expression.callee}(${args.join(', ')})`
    }
    case 'unary':
      return expression.operator === '!'
        ? wrap(precedence.unary, `!${emit(expression.operand, precedence.unary)}`)
        : `expr.neg(${emit(expression.operand, 0)})`
    case 'binary': {
      const operator = expression.operator
      if (operator === '&&' || operator === '||') {
        const own = precedence[operator]
        const code = `${emit(expression.left, own)} ${operator} ${emit(expression.right, own + 1)}`
        return wrap(own, code)
      }
      return `expr.${helperFor[operator]}(${emit(expression.left, 0)}, ${emit(expression.right, 0)})`
    }
    case 'conditional': {
      const own = precedence.conditional
      const test = emit(expression.test, own + 1)
      const code = `${test} ? ${emit(expression.consequent, own)} : ${emit(expression.alternate, own)}`
      return wrap(own, code)
    }
    case 'array':
      return `[${expression.elements.map((element) => emit(element, 0)).join(', ')}]`
    case 'object': {
      if (expression.properties.length === 0) return '{}'
      const fields = expression.properties.map(
        (property) => `${propertyKey(property.key)}: ${emit(property.value, 0)}`,
      )
      return `{ ${fields.join(', ')} }`
    }
  }
}

/**
 * TypeScript source with the same behaviour as the expression, for code export. It expects the
 * scope's variables as same-named bindings and the runtime helpers as `expr` (see README.md).
 */
export function expressionToTypeScript(expression: Expression): string {
  const code = emit(expression, 0)
  // A bare object literal would read as a block in an arrow function body.
  return expression.kind === 'object' ? `(${code})` : code
}
