import { describe, expect, it } from 'vitest'
import { evaluateExpression, ExpressionError } from './evaluate-expression'
import { expressionBuiltins } from './expression-builtins'
import { expressionRuntime } from './expression-runtime'
import { parseExpression } from './parse-expression'

const value = {
  text: '  Hello World  ',
  csv: 'a,b,,c',
  tags: ['kafka', 'streams', 42],
  price: -2.5,
  json: '{"a":[1,2]}',
  nested: { b: 1, a: 2 },
}

function run(source: string): unknown {
  const parsed = parseExpression(source)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return evaluateExpression(parsed.expression, { value })
}

function errorOf(source: string): ExpressionError {
  try {
    run(source)
  } catch (error) {
    if (error instanceof ExpressionError) return error
    throw error
  }
  throw new Error(`expected '${source}' to throw`)
}

describe('built-in functions', () => {
  it('implements every declared built-in in the runtime', () => {
    for (const name of Object.keys(expressionBuiltins)) {
      expect(expressionRuntime).toHaveProperty(name, expect.any(Function))
    }
  })

  it('lowercases, uppercases and trims strings', () => {
    expect([run("lower('AbC')"), run("upper('AbC')"), run('trim(value.text)')]).toEqual([
      'abc',
      'ABC',
      'Hello World',
    ])
  })

  it('measures the length of strings and arrays', () => {
    expect([run("length('kafka')"), run('length(value.tags)')]).toEqual([5, 3])
  })

  it('splits a string by a separator, keeping empty parts', () => {
    expect(run("split(value.csv, ',')")).toEqual(['a', 'b', '', 'c'])
  })

  it('concatenates its arguments as text, skipping nulls', () => {
    expect(run("concat('k', '-', 1, value.missing, true)")).toBe('k-1true')
  })

  it('concatenates arrays and objects as JSON', () => {
    expect(run('concat([1], { a: 1 })')).toBe('[1]{"a":1}')
  })

  it('takes a substring from a start index to an optional end index', () => {
    expect([run("substring('kafka', 1, 3)"), run("substring('kafka', 2)")]).toEqual(['af', 'fka'])
  })

  it('clamps substring indexes to the string', () => {
    expect([run("substring('kafka', -5, 99)"), run("substring('kafka', 4, 1)")]).toEqual([
      'kafka',
      '',
    ])
  })

  it('tests prefixes and suffixes', () => {
    expect([run("startsWith('kafka', 'ka')"), run("endsWith('kafka', 'ka')")]).toEqual([true, true])
  })

  it('finds a substring with contains', () => {
    expect([run("contains('streams', 'ream')"), run("contains('streams', 'x')")]).toEqual([
      true,
      false,
    ])
  })

  it('finds an array element by value with contains', () => {
    expect([run('contains(value.tags, 42)'), run("contains(value.tags, '42')")]).toEqual([
      true,
      false,
    ])
  })

  it('replaces every occurrence literally', () => {
    expect(run("replace('a.b.c', '.', '$&')")).toBe('a$&b$&c')
  })

  it('leaves the string unchanged when replacing an empty search string', () => {
    expect(run("replace('abc', '', '-')")).toBe('abc')
  })

  it('converts numeric text and booleans to numbers', () => {
    expect([run("toNumber(' 12.5 ')"), run('toNumber(true)'), run('toNumber(7)')]).toEqual([
      12.5, 1, 7,
    ])
  })

  it('gives null for text that is not a number', () => {
    expect([run("toNumber('abc')"), run("toNumber('')")]).toEqual([null, null])
  })

  it('converts values to text, arrays and objects as JSON', () => {
    expect([run('toString(1.5)'), run('toString(false)'), run('toString([1, 2])')]).toEqual([
      '1.5',
      'false',
      '[1,2]',
    ])
  })

  it('computes abs, round, floor and ceil', () => {
    expect([
      run('abs(value.price)'),
      run('round(value.price)'),
      run('floor(value.price)'),
      run('ceil(value.price)'),
    ]).toEqual([2.5, -2, -3, -2])
  })

  it('picks the smallest and largest number, ignoring nulls', () => {
    expect([run('min(3, value.missing, 1, 2)'), run('max(3, value.missing, 1, 2)')]).toEqual([1, 3])
  })

  it('gives null from min and max when every argument is null', () => {
    expect(run('max(value.missing)')).toBeNull()
  })

  it('returns the first non-null argument from coalesce', () => {
    expect([run("coalesce(value.region, 'unknown')"), run('coalesce(null, 0, 1)')]).toEqual([
      'unknown',
      0,
    ])
  })

  it('does not evaluate coalesce arguments after the first non-null one', () => {
    expect(run("coalesce('set', value * 2)")).toBe('set')
  })

  it('tests for null with isNull', () => {
    expect([run('isNull(value.missing)'), run('isNull(0)')]).toEqual([true, false])
  })

  it('lists the keys of an object in insertion order', () => {
    expect(run('keys(value.nested)')).toEqual(['b', 'a'])
  })

  it('parses JSON text', () => {
    expect(run('parseJson(value.json).a[1]')).toBe(2)
  })
})

describe('built-ins with null and wrong types', () => {
  it('returns null when the main argument is null', () => {
    const calls = [
      'lower(null)',
      'upper(null)',
      'trim(null)',
      'length(null)',
      "split(null, ',')",
      'substring(null, 1)',
      "startsWith(null, 'a')",
      "endsWith(null, 'a')",
      "contains(null, 'a')",
      "replace(null, 'a', 'b')",
      'toNumber(null)',
      'toString(null)',
      'abs(null)',
      'round(null)',
      'floor(null)',
      'ceil(null)',
      'keys(null)',
      'parseJson(null)',
    ]
    expect(calls.filter((call) => run(call) !== null)).toEqual([])
  })

  it('throws for a string function given a number, naming the function and the column', () => {
    const error = errorOf('1 + lower(5)')
    expect([error.message, error.column]).toEqual([
      'lower() expects a string, got number (column 5)',
      5,
    ])
  })

  it('throws for length of an object', () => {
    expect(errorOf('length(value.nested)').reason).toBe(
      'length() expects a string or an array, got object',
    )
  })

  it('throws for a non-number given to a math function', () => {
    expect(errorOf("abs('1')").reason).toBe('abs() expects a number, got string')
  })

  it('throws for keys of an array', () => {
    expect(errorOf('keys(value.tags)').reason).toBe('keys() expects an object, got array')
  })

  it('throws for text that is not JSON, naming parseJson', () => {
    expect(errorOf("parseJson('{')").reason).toMatch(/^parseJson\(\) could not parse its argument/)
  })

  it('throws for a null separator given to split', () => {
    expect(errorOf("split('a', null)").reason).toBe('split() expects a string separator, got null')
  })

  it('reports errors from variadic built-ins at the function name', () => {
    expect(errorOf("  max(1, 'a', 2)").column).toBe(3)
  })
})
