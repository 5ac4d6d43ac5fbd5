import { describe, expect, it } from 'vitest'
import { parseExpression } from './parse-expression'

function errorOf(source: string): { message: string; column: number } {
  const result = parseExpression(source)
  if (result.ok) throw new Error(`expected '${source}' not to parse`)
  return result.error
}

describe('syntax errors point at the offending column', () => {
  it('reports an unclosed parenthesis at the end of input, naming where it opened', () => {
    expect(errorOf('a + (value.a * 2')).toEqual({
      message: "Expected ')' to close '(' opened at column 5, found end of input",
      column: 17,
    })
  })

  it('reports an unclosed string at its opening quote', () => {
    expect(errorOf("lower('abc")).toEqual({
      message:
        "Expected the closing quote (') of the string opened at column 7, found end of input",
      column: 7,
    })
  })

  it('reports a trailing operator at the end of input', () => {
    expect(errorOf('value.a +')).toEqual({
      message: "Expected an expression after '+', found end of input",
      column: 10,
    })
  })

  it('reports an unknown function at its name', () => {
    expect(errorOf('value.a == foo(1)')).toEqual({
      message: "Expected a built-in function, found unknown function 'foo'",
      column: 12,
    })
  })

  it('suggests the built-in when only the letter case of a function name is wrong', () => {
    expect(errorOf('LOWER(x)').message).toContain("did you mean 'lower'?")
  })

  it('reports too many arguments at the function name', () => {
    expect(errorOf('  lower(a, b)')).toEqual({
      message: 'Expected 1 argument for lower(s: string): string, found 2',
      column: 3,
    })
  })

  it('reports too few arguments at the function name', () => {
    expect(errorOf("x + replace(s, 'a')")).toEqual({
      message:
        'Expected 3 arguments for replace(s: string, from: string, to: string): string, found 2',
      column: 5,
    })
  })

  it('reports a character that is not part of the language', () => {
    expect(errorOf('value.@x')).toEqual({ message: "Unexpected character '@'", column: 7 })
  })

  it('reports a double dot at the second dot', () => {
    expect(errorOf('a..b')).toEqual({
      message: "Expected a property name after '.', found '.'",
      column: 3,
    })
  })

  it("reports a conditional without ':' at the token found instead", () => {
    expect(errorOf('a ? b c')).toEqual({
      message: "Expected ':' to complete the '?' at column 3, found 'c'",
      column: 7,
    })
  })

  it('reports empty input at column 1', () => {
    expect(errorOf('')).toEqual({
      message: 'Expected an expression, found end of input',
      column: 1,
    })
  })

  it('reports blank input at column 1', () => {
    expect(errorOf('   ').column).toBe(1)
  })

  it("reports an unexpected ')' at its column", () => {
    expect(errorOf('value.a)')).toEqual({
      message: "Expected end of input, found ')' with no matching '('",
      column: 8,
    })
  })

  it('reports a missing object value at the token found instead', () => {
    expect(errorOf('{ a: }')).toEqual({
      message: "Expected a value for key 'a', found '}'",
      column: 6,
    })
  })

  it("reports a missing ':' after an object key", () => {
    expect(errorOf('{ a 1 }')).toEqual({
      message: "Expected ':' after key 'a', found number 1",
      column: 5,
    })
  })

  it('reports a duplicate object key at the second key', () => {
    expect(errorOf('{ a: 1, a: 2 }')).toEqual({ message: "Duplicate key 'a' in object", column: 9 })
  })

  it('reports a missing comma between array elements', () => {
    expect(errorOf('[1 2]')).toEqual({
      message: "Expected ',' or ']' to close '[' opened at column 1, found number 2",
      column: 4,
    })
  })

  it('reports an unclosed index bracket', () => {
    expect(errorOf('value[0')).toEqual({
      message: "Expected ']' to close '[' opened at column 6, found end of input",
      column: 8,
    })
  })

  it('reports an unknown escape sequence at its backslash', () => {
    expect(errorOf(String.raw`'a\qb'`)).toMatchObject({ column: 3 })
  })

  it('reports a number followed by letters', () => {
    expect(errorOf('12abc')).toEqual({
      message: "Expected an operator after number 12, found 'a'",
      column: 3,
    })
  })

  it('suggests an index when a number follows a dot', () => {
    expect(errorOf('value.items.0')).toEqual({
      message: "Expected a property name after '.', found number 0; use [0] for an index",
      column: 13,
    })
  })

  it("suggests '==' for a single '='", () => {
    expect(errorOf('a = 1')).toEqual({
      message: "Unexpected character '=': use '==' to compare",
      column: 3,
    })
  })

  it('rejects chained comparisons at the second operator', () => {
    expect(errorOf('1 < a < 3')).toMatchObject({ column: 7 })
  })

  it('rejects calling a member, since only built-ins are functions', () => {
    expect(errorOf('value.text.toLowerCase()')).toMatchObject({ column: 23 })
  })

  it('rejects two expressions side by side at the second one', () => {
    expect(errorOf('a b')).toEqual({
      message: "Expected an operator or end of input, found 'b'",
      column: 3,
    })
  })

  it('reports the leftmost problem when there are several', () => {
    expect(errorOf("a b @ 'unclosed").column).toBe(3)
  })
})

describe('resource limits', () => {
  it('returns an error instead of overflowing on deeply nested parentheses', () => {
    expect(errorOf('('.repeat(10_000) + '1' + ')'.repeat(10_000)).message).toBe(
      'Expression is nested too deeply',
    )
  })

  it('returns an error instead of overflowing on a very long operator chain', () => {
    expect(errorOf(Array.from({ length: 5_000 }, () => 'a').join(' + ')).message).toBe(
      'Expression is nested too deeply',
    )
  })
})
