import { describe, expect, it } from 'vitest'
import type { Expression } from './expression-ast'
import { parseExpression } from './parse-expression'

function parse(source: string): Expression {
  const result = parseExpression(source)
  if (!result.ok) throw new Error(`${result.error.message} at ${result.error.column}`)
  return result.expression
}

/** A compact rendering of the tree, so precedence reads at a glance. */
function shape(expression: Expression): string {
  switch (expression.kind) {
    case 'literal':
      return JSON.stringify(expression.value)
    case 'variable':
      return expression.name
    case 'member':
      return `${shape(expression.object)}.${expression.property}`
    case 'index':
      return `${shape(expression.object)}[${shape(expression.index)}]`
    case 'call':
      return `${expression.callee}(${expression.arguments.map(shape).join(', ')})`
    case 'unary':
      return `(${expression.operator}${shape(expression.operand)})`
    case 'binary':
      return `(${shape(expression.left)} ${expression.operator} ${shape(expression.right)})`
    case 'conditional':
      return `(${shape(expression.test)} ? ${shape(expression.consequent)} : ${shape(expression.alternate)})`
    case 'array':
      return `[${expression.elements.map(shape).join(', ')}]`
    case 'object':
      return `{${expression.properties.map((p) => `${p.key}: ${shape(p.value)}`).join(', ')}}`
  }
}

const tree = (source: string) => shape(parse(source))

describe('literals', () => {
  it('reads integers, decimals and exponents as numbers', () => {
    expect([tree('42'), tree('1.5'), tree('1.5e3'), tree('2E-2'), tree('1e+2')]).toEqual([
      '42',
      '1.5',
      '1500',
      '0.02',
      '100',
    ])
  })

  it('folds a minus sign before a number into a negative literal', () => {
    expect(parse('-5')).toEqual({ kind: 'literal', value: -5, start: 1 })
  })

  it('reads single- and double-quoted strings', () => {
    expect([tree("'single'"), tree('"double quoted"')]).toEqual(['"single"', '"double quoted"'])
  })

  it('decodes backslash escapes inside strings', () => {
    expect(parse(String.raw`'a\'b\"c\\d\ne\tf\u0041\u{1F600}\/'`)).toMatchObject({
      value: 'a\'b"c\\d\ne\tfA😀/',
    })
  })

  it('keeps the other quote character unescaped inside a string', () => {
    expect(parse(`"it's"`)).toMatchObject({ value: "it's" })
  })

  it('reads true, false and null as literals', () => {
    expect([tree('true'), tree('false'), tree('null')]).toEqual(['true', 'false', 'null'])
  })
})

describe('access and calls', () => {
  it('parses dotted member access and bracket access', () => {
    expect(tree("value.items[0].sku['weird key']")).toBe('value.items[0].sku["weird key"]')
  })

  it('accepts keywords as property names after a dot', () => {
    expect(tree('value.not.and.null')).toBe('value.not.and.null')
  })

  it('parses calls of built-in functions with nested arguments', () => {
    expect(tree("split(lower(value.text), ' ')")).toBe('split(lower(value.text), " ")')
  })

  it('parses array and object literals with identifier and string keys', () => {
    expect(tree("{ isin: value.isin, 'a b': [1, 2,], }")).toBe('{isin: value.isin, a b: [1, 2]}')
  })

  it('parses an empty array and an empty object', () => {
    expect([tree('[]'), tree('{}')]).toEqual(['[]', '{}'])
  })
})

describe('names that JavaScript objects inherit', () => {
  it('reads toString and constructor as ordinary variables', () => {
    expect([parse('toString'), parse('constructor')]).toEqual([
      { kind: 'variable', name: 'toString', start: 1 },
      { kind: 'variable', name: 'constructor', start: 1 },
    ])
  })

  it('rejects constructor as a function name', () => {
    expect(parseExpression('constructor(1)')).toMatchObject({ ok: false, error: { column: 1 } })
  })
})

describe('precedence', () => {
  it('binds * tighter than +', () => {
    expect(tree('1 + 2 * 3')).toBe('(1 + (2 * 3))')
  })

  it('groups + and - from the left', () => {
    expect(tree('1 - 2 + 3')).toBe('((1 - 2) + 3)')
  })

  it('groups * / % from the left', () => {
    expect(tree('8 / 4 % 3 * 2')).toBe('(((8 / 4) % 3) * 2)')
  })

  it('binds arithmetic tighter than comparison', () => {
    expect(tree('a + 1 > b * 2')).toBe('((a + 1) > (b * 2))')
  })

  it('binds comparison tighter than equality', () => {
    expect(tree('a < b == c >= d')).toBe('((a < b) == (c >= d))')
  })

  it('binds equality tighter than &&', () => {
    expect(tree('a == 1 && b != 2')).toBe('((a == 1) && (b != 2))')
  })

  it('binds && tighter than ||', () => {
    expect(tree('a || b && c')).toBe('(a || (b && c))')
  })

  it('binds || tighter than the conditional', () => {
    expect(tree('a || b ? c : d')).toBe('((a || b) ? c : d)')
  })

  it('nests conditionals to the right', () => {
    expect(tree('a ? b : c ? d : e')).toBe('(a ? b : (c ? d : e))')
  })

  it('binds unary operators tighter than binary ones', () => {
    expect(tree('!a && -b < c')).toBe('((!a) && ((-b) < c))')
  })

  it('binds member access tighter than unary minus', () => {
    expect(tree('-value.delta')).toBe('(-value.delta)')
  })

  it('lets parentheses override precedence', () => {
    expect(tree('(1 + 2) * 3')).toBe('((1 + 2) * 3)')
  })

  it('reads and, or and not as &&, || and !', () => {
    expect(tree('not a and b or c')).toBe('(((!a) && b) || c)')
  })
})

describe('columns', () => {
  it('records the 1-based start column of every node', () => {
    expect(parse('  a.b + f')).toMatchObject({
      kind: 'binary',
      start: 3,
      operatorStart: 7,
      left: { kind: 'member', start: 3, object: { start: 3 } },
      right: { kind: 'variable', start: 9 },
    })
  })

  it('records the column of each object key', () => {
    expect(parse('{ a: 1, bb: 2 }')).toMatchObject({
      properties: [
        { key: 'a', start: 3 },
        { key: 'bb', start: 9 },
      ],
    })
  })
})
