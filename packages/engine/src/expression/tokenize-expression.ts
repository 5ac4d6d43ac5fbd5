import { ExpressionError } from './expression-error'

export type Punctuator =
  | '('
  | ')'
  | '['
  | ']'
  | '{'
  | '}'
  | ','
  | ':'
  | '?'
  | '.'
  | '!'
  | '*'
  | '/'
  | '%'
  | '+'
  | '-'
  | '<'
  | '<='
  | '>'
  | '>='
  | '=='
  | '!='
  | '&&'
  | '||'

export type Token =
  | {
      readonly type: 'number'
      readonly value: number
      readonly text: string
      readonly start: number
    }
  | {
      readonly type: 'string'
      readonly value: string
      readonly text: string
      readonly start: number
    }
  | { readonly type: 'identifier'; readonly value: string; readonly start: number }
  | { readonly type: 'punctuator'; readonly value: Punctuator; readonly start: number }
  | { readonly type: 'end'; readonly start: number }

const twoCharacterPunctuators = new Set(['<=', '>=', '==', '!=', '&&', '||'])
const oneCharacterPunctuators = new Set('()[]{},:?.!*/%+-<>')
const misspelledOperators = new Map([
  ['=', "use '==' to compare"],
  ['&', "use '&&' or 'and'"],
  ['|', "use '||' or 'or'"],
])
const escapes = new Map([
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['b', '\b'],
  ['f', '\f'],
  ['v', '\v'],
  ['0', '\0'],
  ['\\', '\\'],
  ["'", "'"],
  ['"', '"'],
  ['/', '/'],
])

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9'
const isIdentifierStart = (c: string | undefined) => c !== undefined && /[A-Za-z_]/.test(c)
const isIdentifierPart = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c)

/** Splits source into tokens lazily, so the leftmost problem is the one reported. */
export function* tokenizeExpression(source: string): Generator<Token, void, undefined> {
  let index = 0
  while (index < source.length) {
    const c = source[index] as string
    const start = index + 1
    if (/\s/.test(c)) {
      index++
    } else if (isDigit(c)) {
      index = readNumberEnd(source, index)
      const text = source.slice(start - 1, index)
      yield { type: 'number', value: Number(text), text, start }
    } else if (isIdentifierStart(c)) {
      while (isIdentifierPart(source[index])) index++
      yield { type: 'identifier', value: source.slice(start - 1, index), start }
    } else if (c === "'" || c === '"') {
      const [value, end] = readString(source, index)
      yield { type: 'string', value, text: source.slice(start - 1, end), start }
      index = end
    } else {
      const pair = source.slice(index, index + 2)
      const punctuator = twoCharacterPunctuators.has(pair) ? pair : c
      if (punctuator === '==' && source[index + 2] === '=') {
        throw new ExpressionError("Unexpected '===': use '==', which never converts types", start)
      }
      if (!twoCharacterPunctuators.has(punctuator) && !oneCharacterPunctuators.has(punctuator)) {
        const hint = misspelledOperators.get(c)
        throw new ExpressionError(`Unexpected character '${c}'${hint ? `: ${hint}` : ''}`, start)
      }
      yield { type: 'punctuator', value: punctuator as Punctuator, start }
      index += punctuator.length
    }
  }
  yield { type: 'end', start: source.length + 1 }
}

function readDigits(source: string, index: number): number {
  let end = index
  while (isDigit(source[end])) end++
  return end
}

function readNumberEnd(source: string, index: number): number {
  let end = readDigits(source, index)
  if (source[end] === '.' && isDigit(source[end + 1])) end = readDigits(source, end + 1)
  if (source[end] === 'e' || source[end] === 'E') {
    const sign = source[end + 1] === '+' || source[end + 1] === '-' ? 1 : 0
    if (!isDigit(source[end + 1 + sign])) {
      throw new ExpressionError('Expected digits after the exponent of a number', end + 2 + sign)
    }
    end = readDigits(source, end + 1 + sign)
  }
  if (isIdentifierPart(source[end])) {
    throw new ExpressionError(
      `Expected an operator after number ${source.slice(index, end)}, found '${source[end]}'`,
      end + 1,
    )
  }
  return end
}

/** Returns the string's value and the index after its closing quote. */
function readString(source: string, index: number): [string, number] {
  const quote = source[index]
  let value = ''
  let i = index + 1
  while (i < source.length) {
    const c = source[i] as string
    if (c === quote) return [value, i + 1]
    if (c !== '\\') {
      value += c
      i++
      continue
    }
    const [text, end] = readEscape(source, i)
    value += text
    i = end
  }
  throw new ExpressionError(
    `Expected the closing quote (${quote}) of the string opened at column ${index + 1}, found end of input`,
    index + 1,
  )
}

function readEscape(source: string, index: number): [string, number] {
  const c = source[index + 1]
  if (c === undefined) return ['', index + 1]
  const simple = escapes.get(c)
  if (simple !== undefined) return [simple, index + 2]
  if (c === 'u') {
    const braced = source[index + 2] === '{'
    const match = braced
      ? /^\{([0-9A-Fa-f]{1,6})\}/.exec(source.slice(index + 2))
      : /^[0-9A-Fa-f]{4}/.exec(source.slice(index + 2))
    const hex = match ? (match[1] ?? match[0]) : undefined
    const code = hex === undefined ? NaN : parseInt(hex, 16)
    if (match && code <= 0x10ffff) return [String.fromCodePoint(code), index + 2 + match[0].length]
    throw new ExpressionError(
      'Expected 4 hex digits or {hex} after \\u in a unicode escape',
      index + 1,
    )
  }
  throw new ExpressionError(
    `Unknown escape sequence '\\${c}': use \\\\ for a backslash, or \\n, \\t, \\', \\"`,
    index + 1,
  )
}

/** How a token is named in "Expected …, found …" messages. */
export function describeToken(token: Token): string {
  switch (token.type) {
    case 'end':
      return 'end of input'
    case 'number':
      return `number ${token.text}`
    case 'string':
      return `string ${token.text.length > 24 ? `${token.text.slice(0, 20)}...` : token.text}`
    default:
      return `'${token.value}'`
  }
}
