import { describe, expect, it } from 'vitest'
import { evaluateExpression, ExpressionError } from './evaluate-expression'
import { parseExpression } from './parse-expression'

const record = {
  key: 'order-1',
  value: {
    isin: 'US0378331005',
    price: 120,
    qty: 3,
    side: 'BUY',
    region: null,
    deleted: false,
    tags: ['a', 'b', 'c'],
    items: [{ sku: 'sku-1' }],
    'weird key': 'w',
  },
}

function run(source: string, scope: Readonly<Record<string, unknown>> = record): unknown {
  const parsed = parseExpression(source)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return evaluateExpression(parsed.expression, scope)
}

function errorOf(source: string, scope: Readonly<Record<string, unknown>> = record) {
  try {
    run(source, scope)
  } catch (error) {
    if (error instanceof ExpressionError) return { message: error.message, column: error.column }
    throw error
  }
  throw new Error(`expected '${source}' to throw`)
}

describe('variables and access', () => {
  it('reads a field of the value', () => {
    expect(run('value.isin')).toBe('US0378331005')
  })

  it('reads a field whose name needs quoting with brackets', () => {
    expect(run("value['weird key']")).toBe('w')
  })

  it('reads array elements by index', () => {
    expect(run('value.items[0].sku')).toBe('sku-1')
  })

  it('evaluates a computed index', () => {
    expect(run('value.tags[1 + 1]')).toBe('c')
  })

  it('gives null for a missing field', () => {
    expect(run('value.missing')).toBeNull()
  })

  it('gives null for a field of a missing field', () => {
    expect(run('value.missing.deeper[3].name')).toBeNull()
  })

  it('gives null for an index past the end of an array', () => {
    expect(run('value.items[5].sku')).toBeNull()
  })

  it('gives null for a negative or fractional index', () => {
    expect([run('value.tags[-1]'), run('value.tags[0.5]')]).toEqual([null, null])
  })

  it('gives null for a field of a number or a string', () => {
    expect([run('value.price.currency'), run('value.side.length')]).toEqual([null, null])
  })

  it('reads a character of a string by index', () => {
    expect(run('value.side[0]')).toBe('B')
  })

  it('does not expose inherited JavaScript properties', () => {
    expect([run('value.constructor'), run('value.__proto__'), run('value.tags.map')]).toEqual([
      null,
      null,
      null,
    ])
  })

  it('reads a variable whose value is undefined as null', () => {
    expect(run('value', { value: undefined })).toBeNull()
  })

  it('throws for a variable that is not in scope, with its column', () => {
    expect(errorOf('1 + valeu.qty')).toEqual({
      message: "Unknown variable 'valeu'; available: key, value (column 5)",
      column: 5,
    })
  })
})

describe('arithmetic', () => {
  it('adds, subtracts, multiplies, divides and takes remainders', () => {
    expect([run('7 + 2'), run('7 - 2'), run('7 * 2'), run('7 / 2'), run('7 % 2')]).toEqual([
      9, 5, 14, 3.5, 1,
    ])
  })

  it('negates a number', () => {
    expect(run('-value.price')).toBe(-120)
  })

  it('joins text when either side of + is a string', () => {
    expect([run("'n=' + 1"), run("1 + '=n'"), run("'a' + true")]).toEqual(['n=1', '1=n', 'atrue'])
  })

  it('joins null into text as null, like JavaScript', () => {
    expect(run("'region: ' + value.region")).toBe('region: null')
  })

  it('gives null when an arithmetic operand is null', () => {
    expect([run('value.missing * 2'), run('1 + value.missing'), run('-value.missing')]).toEqual([
      null,
      null,
      null,
    ])
  })

  it('follows IEEE division by zero', () => {
    expect(run('1 / 0')).toBe(Infinity)
  })

  it('throws for arithmetic on an object, naming the operator and its column', () => {
    expect(errorOf('value * 2')).toEqual({
      message: "Operator '*' expects numbers, got object and number (column 7)",
      column: 7,
    })
  })

  it('throws for joining text with an array', () => {
    expect(errorOf("'tags: ' + value.tags").column).toBe(10)
  })

  it('throws for negating a string', () => {
    expect(errorOf('-value.side').column).toBe(1)
  })

  it('does not coerce booleans to numbers', () => {
    expect(errorOf('true + 1').message).toContain("Operator '+' expects numbers")
  })
})

describe('comparison and equality', () => {
  it('compares numbers', () => {
    expect([run('1 < 2'), run('2 <= 2'), run('3 > 2'), run('2 >= 3')]).toEqual([
      true,
      true,
      true,
      false,
    ])
  })

  it('compares strings in code unit order', () => {
    expect(run("'apple' < 'banana'")).toBe(true)
  })

  it('is false when comparing with null', () => {
    expect([run('value.missing > 1'), run('value.missing <= 1')]).toEqual([false, false])
  })

  it('throws when comparing a number with a string', () => {
    expect(errorOf("value.price > '100'")).toEqual({
      message: "Operator '>' cannot compare number with string (column 13)",
      column: 13,
    })
  })

  it('does not convert types for ==', () => {
    expect([run("1 == '1'"), run('0 == false'), run("null == ''")]).toEqual([false, false, false])
  })

  it('treats a missing field as equal to null', () => {
    expect(run('value.missing == null')).toBe(true)
  })

  it('compares arrays and objects by content', () => {
    expect([run('[1, { a: 2 }] == [1, { a: 2 }]'), run('{ a: 1 } != { a: 1, b: 2 }')]).toEqual([
      true,
      true,
    ])
  })

  it('compares strings with != by value', () => {
    expect(run("value.side != 'BUY'")).toBe(false)
  })
})

describe('logic', () => {
  it('negates truthiness with ! and not', () => {
    expect([run('!value.deleted'), run('not value.price'), run('!value.missing')]).toEqual([
      true,
      false,
      true,
    ])
  })

  it('combines predicates with && and and', () => {
    expect(run("value.price > 100 && lower(value.side) == 'buy' and value.qty > 0")).toBe(true)
  })

  it('returns the deciding operand of || like JavaScript', () => {
    expect(run("value.region || 'unknown'")).toBe('unknown')
  })

  it('does not evaluate the right side of && when the left is falsy', () => {
    expect(run('value.deleted && value * 2')).toBe(false)
  })

  it('does not evaluate the right side of or when the left is truthy', () => {
    expect(run('true or value * 2')).toBe(true)
  })

  it('chooses a branch with the conditional operator', () => {
    expect(run("value.price >= 100 ? 'big' : 'small'")).toBe('big')
  })

  it('only evaluates the chosen branch', () => {
    expect(run('value.deleted ? value * 2 : 1')).toBe(1)
  })
})

describe('literals', () => {
  it('builds objects from fields', () => {
    expect(run('{ isin: value.isin, notional: value.price * value.qty }')).toEqual({
      isin: 'US0378331005',
      notional: 360,
    })
  })

  it('builds arrays from fields', () => {
    expect(run('[value.qty, value.missing]')).toEqual([3, null])
  })

  it('builds a fresh object on every evaluation', () => {
    const parsed = parseExpression('{ a: 1 }')
    if (!parsed.ok) throw new Error(parsed.error.message)
    expect(evaluateExpression(parsed.expression, {})).not.toBe(
      evaluateExpression(parsed.expression, {}),
    )
  })

  it("keeps a '__proto__' key as a plain field", () => {
    const result = run("{ '__proto__': 1 }") as Record<string, unknown>
    expect([Object.getPrototypeOf(result), Object.keys(result)]).toEqual([
      Object.prototype,
      ['__proto__'],
    ])
  })

  it('evaluates null, true and exponent literals', () => {
    expect([run('null'), run('true'), run('1.5e3')]).toEqual([null, true, 1500])
  })
})
