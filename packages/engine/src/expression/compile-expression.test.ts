import { describe, expect, it } from 'vitest'
import { checkExpression, compileExpression } from './compile-expression'
import { ExpressionError } from './expression-error'

const recordVariables = ['key', 'value'] as const

function compileErrorOf(source: string, variables: readonly string[] = recordVariables) {
  try {
    compileExpression(source, variables)
  } catch (error) {
    if (error instanceof ExpressionError) return { reason: error.reason, column: error.column }
    throw error
  }
  throw new Error(`expected '${source}' not to compile`)
}

describe('compileExpression', () => {
  it('returns a function that evaluates the expression for each scope', () => {
    const isBigBuy = compileExpression("value.price > 100 && lower(value.side) == 'buy'", [
      'key',
      'value',
    ])
    expect([
      isBigBuy({ key: 'a', value: { price: 150, side: 'BUY' } }),
      isBigBuy({ key: 'b', value: { price: 150, side: 'sell' } }),
      isBigBuy({ key: 'c', value: { price: 50, side: 'buy' } }),
    ]).toEqual([true, false, false])
  })

  it('evaluates an aggregator over the aggregate and the value', () => {
    const adder = compileExpression('aggregate + value.qty', ['key', 'value', 'aggregate'])
    expect(adder({ key: 'k', value: { qty: 2 }, aggregate: 40 })).toBe(42)
  })

  it('evaluates a joiner over left and right', () => {
    const joiner = compileExpression("left.name + ' ' + right.city", ['left', 'right'])
    expect(joiner({ left: { name: 'Ada' }, right: { city: 'London' } })).toBe('Ada London')
  })

  it('throws for an unknown variable at its column, listing the available ones', () => {
    expect(compileErrorOf('value.qty > 0 && vaule.qty < 9')).toEqual({
      reason: "Unknown variable 'vaule'; available: key, value",
      column: 18,
    })
  })

  it('throws syntax errors with their column', () => {
    expect(compileErrorOf('value.qty >')).toEqual({
      reason: "Expected an expression after '>', found end of input",
      column: 12,
    })
  })

  it('reads a declared variable missing from the scope as null', () => {
    expect(compileExpression('isNull(aggregate)', ['aggregate'])({})).toBe(true)
  })

  it('does not read an inherited property for a declared variable missing from the scope', () => {
    expect(compileExpression('toString', ['toString'])({})).toBeNull()
  })

  it('reports type errors at run time with the column of the operator', () => {
    const times = compileExpression('value.qty * 2', ['value'])
    expect(() => times({ value: { qty: 'three' } })).toThrowError(
      new ExpressionError("Operator '*' expects numbers, got string and number", 11),
    )
  })

  it('evaluates a simple predicate at more than a million records per second', () => {
    const predicate = compileExpression('value.qty > 0 && value.side == "buy"', ['key', 'value'])
    const scopes = Array.from({ length: 1000 }, (_, i) => ({
      key: `k${i}`,
      value: { qty: i % 3, side: i % 2 ? 'buy' : 'sell' },
    }))
    const started = Date.now()
    let matches = 0
    for (let round = 0; round < 1000; round++) {
      for (const scope of scopes) if (predicate(scope)) matches++
    }
    expect(matches).toBe(333_000)
    expect(Date.now() - started).toBeLessThan(1000)
  })
})

describe('checkExpression', () => {
  it('returns no problems for a valid expression', () => {
    expect(checkExpression('concat(key, "-", value.region)', recordVariables)).toEqual([])
  })

  it('returns every unknown variable with its column', () => {
    expect(checkExpression('a + value.x + b', ['value'])).toEqual([
      { message: "Unknown variable 'a'; available: value", column: 1 },
      { message: "Unknown variable 'b'; available: value", column: 15 },
    ])
  })

  it('finds variables inside calls, indexes, literals and conditionals', () => {
    const problems = checkExpression('x ? [lower(y)] : { k: value[z] }', ['value'])
    expect(problems.map((problem) => problem.column)).toEqual([1, 12, 29])
  })

  it('returns the syntax error as the only problem', () => {
    expect(checkExpression('lower(', recordVariables)).toEqual([
      { message: "Expected an argument or ')', found end of input", column: 7 },
    ])
  })

  it('says that no variables are available when none are declared', () => {
    expect(checkExpression('value', [])).toEqual([
      { message: "Unknown variable 'value'; available: none", column: 1 },
    ])
  })
})
