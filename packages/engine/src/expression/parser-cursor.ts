import type { Expression } from './expression-ast'
import { ExpressionError } from './expression-error'
import { describeToken, tokenizeExpression } from './tokenize-expression'
import type { Punctuator, Token } from './tokenize-expression'

// Deep nesting would overflow the call stack here, in the evaluator or in the code exporter,
// and parseExpression must never throw.
const maxDepth = 256
const maxHeight = 512

export function fail(reason: string, column: number): never {
  throw new ExpressionError(reason, column)
}

/** The token stream under the parser, with the checks every grammar rule shares. */
export class ParserCursor {
  private readonly tokens: Iterator<Token, void>
  protected token: Token
  private depth = 0
  private readonly heights = new WeakMap<Expression, number>()

  constructor(source: string) {
    this.tokens = tokenizeExpression(source)
    this.token = this.pull()
  }

  private pull(): Token {
    const next = this.tokens.next()
    return next.done ? { type: 'end', start: Number.MAX_SAFE_INTEGER } : next.value
  }

  protected advance(): Token {
    const current = this.token
    if (current.type !== 'end') this.token = this.pull()
    return current
  }

  protected isPunctuator(value: Punctuator): boolean {
    return this.token.type === 'punctuator' && this.token.value === value
  }

  protected canStartExpression(): boolean {
    const token = this.token
    if (token.type === 'identifier') return token.value !== 'and' && token.value !== 'or'
    if (token.type !== 'punctuator') return token.type !== 'end'
    return ['(', '[', '{', '!', '-'].includes(token.value)
  }

  protected expectOperand(after: string): void {
    if (!this.canStartExpression()) {
      fail(
        `Expected an expression after ${after}, found ${describeToken(this.token)}`,
        this.token.start,
      )
    }
  }

  protected expectClosing(closing: Punctuator, opening: Token, expected = `'${closing}'`): void {
    if (!this.isPunctuator(closing)) {
      const open = opening.type === 'punctuator' ? opening.value : closing
      const found = describeToken(this.token)
      fail(
        `Expected ${expected} to close '${open}' opened at column ${opening.start}, found ${found}`,
        this.token.start,
      )
    }
    this.advance()
  }

  protected node<T extends Expression>(node: T, children: readonly Expression[]): T {
    let height = 1
    for (const child of children) height = Math.max(height, (this.heights.get(child) ?? 1) + 1)
    if (height > maxHeight) fail('Expression is nested too deeply', node.start)
    this.heights.set(node, height)
    return node
  }

  protected nested<T>(parse: () => T): T {
    if (++this.depth > maxDepth) fail('Expression is nested too deeply', this.token.start)
    try {
      return parse()
    } finally {
      this.depth--
    }
  }
}
