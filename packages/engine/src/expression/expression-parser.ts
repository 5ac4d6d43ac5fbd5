import type { BinaryOperator, Expression, ObjectProperty, UnaryOperator } from './expression-ast'
import { describeArity, expressionBuiltins, isBuiltinName } from './expression-builtins'
import { fail, ParserCursor } from './parser-cursor'
import { describeToken } from './tokenize-expression'
import type { Punctuator } from './tokenize-expression'

const binaryLevels: readonly (readonly string[])[] = [
  ['||', 'or'],
  ['&&', 'and'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/', '%'],
]
const relationalLevel = 3
const wordOperators = new Map<string, BinaryOperator>([
  ['or', '||'],
  ['and', '&&'],
])
const literalWords = new Map<string, boolean | null>([
  ['true', true],
  ['false', false],
  ['null', null],
])

/** Recursive descent with one token of lookahead; throws `ExpressionError` on the first problem. */
export class ExpressionParser extends ParserCursor {
  parseTop(): Expression {
    const expression = this.parseConditional()
    if (this.token.type !== 'end') {
      const found = describeToken(this.token)
      if (this.isPunctuator(')')) {
        fail(`Expected end of input, found ${found} with no matching '('`, this.token.start)
      }
      fail(`Expected an operator or end of input, found ${found}`, this.token.start)
    }
    return expression
  }

  private operatorAt(level: number): string | undefined {
    const token = this.token
    if (token.type !== 'punctuator' && token.type !== 'identifier') return undefined
    return binaryLevels[level]?.includes(token.value) ? token.value : undefined
  }

  private parseConditional(): Expression {
    return this.nested(() => {
      const test = this.parseBinary(0)
      if (!this.isPunctuator('?')) return test
      const question = this.advance()
      this.expectOperand("'?'")
      const consequent = this.parseConditional()
      if (!this.isPunctuator(':')) {
        fail(
          `Expected ':' to complete the '?' at column ${question.start}, found ${describeToken(this.token)}`,
          this.token.start,
        )
      }
      this.advance()
      this.expectOperand("':'")
      const alternate = this.parseConditional()
      return this.node({ kind: 'conditional', test, consequent, alternate, start: test.start }, [
        test,
        consequent,
        alternate,
      ])
    })
  }

  private parseBinary(level: number): Expression {
    if (level === binaryLevels.length) return this.parseUnary()
    let left = this.parseBinary(level + 1)
    for (let word = this.operatorAt(level); word !== undefined; word = this.operatorAt(level)) {
      const operatorToken = this.advance()
      this.expectOperand(`'${word}'`)
      const right = this.parseBinary(level + 1)
      const operator = wordOperators.get(word) ?? (word as BinaryOperator)
      left = this.node(
        {
          kind: 'binary',
          operator,
          left,
          right,
          start: left.start,
          operatorStart: operatorToken.start,
        },
        [left, right],
      )
      if (level === relationalLevel && this.operatorAt(level) !== undefined) {
        fail(
          `Expected '&&' between comparisons, found ${describeToken(this.token)}: comparisons cannot be chained`,
          this.token.start,
        )
      }
    }
    return left
  }

  private parseUnary(): Expression {
    const token = this.token
    const isNot = token.type === 'identifier' && token.value === 'not'
    const isSymbol = token.type === 'punctuator' && (token.value === '!' || token.value === '-')
    if (!isNot && !isSymbol) return this.parsePostfix()
    this.advance()
    this.expectOperand(`'${isNot ? 'not' : token.value}'`)
    const operand = this.nested(() => this.parseUnary())
    const operator: UnaryOperator = isNot || token.value === '!' ? '!' : '-'
    if (operator === '-' && operand.kind === 'literal' && typeof operand.value === 'number') {
      return { kind: 'literal', value: -operand.value, start: token.start }
    }
    return this.node({ kind: 'unary', operator, operand, start: token.start }, [operand])
  }

  private parsePostfix(): Expression {
    let expression = this.parsePrimary()
    for (;;) {
      if (this.isPunctuator('.')) {
        this.advance()
        const name = this.token
        if (name.type !== 'identifier') {
          const hint = name.type === 'number' ? `; use [${name.text}] for an index` : ''
          fail(
            `Expected a property name after '.', found ${describeToken(name)}${hint}`,
            name.start,
          )
        }
        this.advance()
        expression = this.node(
          { kind: 'member', object: expression, property: name.value, start: expression.start },
          [expression],
        )
      } else if (this.isPunctuator('[')) {
        const open = this.advance()
        this.expectOperand("'['")
        const index = this.parseConditional()
        this.expectClosing(']', open)
        expression = this.node(
          { kind: 'index', object: expression, index, start: expression.start },
          [expression, index],
        )
      } else if (this.isPunctuator('(')) {
        fail(
          `Expected an operator, found '(': only built-in functions can be called, like lower(x)`,
          this.token.start,
        )
      } else {
        return expression
      }
    }
  }

  private parsePrimary(): Expression {
    const token = this.token
    if (token.type === 'number' || token.type === 'string') {
      this.advance()
      return { kind: 'literal', value: token.value, start: token.start }
    }
    if (token.type === 'identifier') return this.parseIdentifier(token.value, token.start)
    if (this.isPunctuator('(')) {
      const open = this.advance()
      this.expectOperand("'('")
      const inner = this.parseConditional()
      this.expectClosing(')', open)
      return inner
    }
    if (this.isPunctuator('[')) return this.parseArray()
    if (this.isPunctuator('{')) return this.parseObject()
    return fail(`Expected an expression, found ${describeToken(token)}`, token.start)
  }

  private parseIdentifier(name: string, start: number): Expression {
    this.advance()
    const literal = literalWords.get(name)
    if (literal !== undefined) return { kind: 'literal', value: literal, start }
    if (!this.isPunctuator('(')) return { kind: 'variable', name, start }
    if (!isBuiltinName(name)) {
      const match = Object.keys(expressionBuiltins).find(
        (b) => b.toLowerCase() === name.toLowerCase(),
      )
      const hint = match ? `; did you mean '${match}'?` : ''
      fail(`Expected a built-in function, found unknown function '${name}'${hint}`, start)
    }
    const args = this.parseList(')', 'an argument')
    const builtin = expressionBuiltins[name]
    if (args.length < builtin.minArguments || args.length > builtin.maxArguments) {
      fail(
        `Expected ${describeArity(builtin)} for ${builtin.signature}, found ${args.length}`,
        start,
      )
    }
    return this.node({ kind: 'call', callee: name, arguments: args, start }, args)
  }

  /** Comma-separated expressions up to `closing`; a trailing comma is allowed. */
  private parseList(closing: Punctuator, what: string): Expression[] {
    const open = this.advance()
    const items: Expression[] = []
    while (!this.isPunctuator(closing)) {
      if (!this.canStartExpression()) {
        const expected = items.length === 0 ? `${what} or '${closing}'` : `${what}`
        fail(`Expected ${expected}, found ${describeToken(this.token)}`, this.token.start)
      }
      items.push(this.parseConditional())
      if (!this.isPunctuator(',')) break
      this.advance()
    }
    this.expectClosing(closing, open, `',' or '${closing}'`)
    return items
  }

  private parseArray(): Expression {
    const start = this.token.start
    const elements = this.parseList(']', 'an element')
    return this.node({ kind: 'array', elements, start }, elements)
  }

  private parseObject(): Expression {
    const open = this.advance()
    const properties: ObjectProperty[] = []
    const seen = new Set<string>()
    while (!this.isPunctuator('}')) {
      const keyToken = this.token
      if (keyToken.type !== 'identifier' && keyToken.type !== 'string') {
        fail(
          `Expected a key (a name or a string) or '}', found ${describeToken(keyToken)}`,
          keyToken.start,
        )
      }
      const key = keyToken.value
      if (seen.has(key)) fail(`Duplicate key '${key}' in object`, keyToken.start)
      seen.add(key)
      this.advance()
      if (!this.isPunctuator(':')) {
        fail(
          `Expected ':' after key '${key}', found ${describeToken(this.token)}`,
          this.token.start,
        )
      }
      this.advance()
      if (!this.canStartExpression()) {
        fail(
          `Expected a value for key '${key}', found ${describeToken(this.token)}`,
          this.token.start,
        )
      }
      properties.push({ key, value: this.parseConditional(), start: keyToken.start })
      if (!this.isPunctuator(',')) break
      this.advance()
    }
    this.expectClosing('}', open, "',' or '}'")
    const values = properties.map((property) => property.value)
    return this.node({ kind: 'object', properties, start: open.start }, values)
  }
}
