import { describe, expect, it } from 'vitest'
import { evaluateExpression } from './evaluate-expression'
import type { Expression } from './expression-ast'
import { ExpressionError, ExpressionRuntimeError } from './expression-error'
import { expressionRuntime } from './expression-runtime'
import { expressionToTypeScript } from './expression-to-typescript'
import { parseExpression } from './parse-expression'

function parse(source: string): Expression {
  const result = parseExpression(source)
  if (!result.ok) throw new Error(result.error.message)
  return result.expression
}

const toTypeScript = (source: string) => expressionToTypeScript(parse(source))

const scope = {
  key: 'order-1',
  value: {
    isin: 'US0378331005',
    price: 120,
    qty: 3,
    side: 'BUY',
    text: 'Kafka Streams in TS',
    region: null,
    deleted: false,
    amount: 12,
    delta: 4,
    tags: ['a', 'b', 'c'],
    items: [{ sku: 'sku-1' }],
    'weird key': 'w',
    json: '{"n":1}',
  },
  aggregate: 10,
  left: { name: 'Ada' },
  right: { city: 'London' },
}

/** Runs exported code the way generated code will: variables in scope, runtime as `expr`. */
function runExported(code: string): unknown {
  const names = Object.keys(scope)
  const run = new Function('expr', ...names, `return ${code}`) as (...args: unknown[]) => unknown
  return run(expressionRuntime, ...names.map((name) => scope[name as keyof typeof scope]))
}

function outcome(run: () => unknown): { value: unknown } | { error: string } {
  try {
    return { value: run() }
  } catch (error) {
    if (error instanceof ExpressionError || error instanceof ExpressionRuntimeError) {
      return { error: error instanceof ExpressionError ? error.reason : error.message }
    }
    throw error
  }
}

const equivalenceCases = [
  'value.isin',
  "value.price > 100 && lower(value.side) == 'buy'",
  "split(lower(value.text), ' ')",
  "concat(key, '-', value.region)",
  'aggregate + value.qty',
  '{ isin: value.isin, notional: value.price * value.qty }',
  '[ value.a, value.b ]',
  "value['weird key']",
  'value.items[0].sku',
  'value.items[value.qty - 3]["sku"]',
  "left.name + ' ' + right.city",
  "coalesce(value.region, 'unknown')",
  'coalesce(value.region, value.missing)',
  "coalesce(value.region || value.missing, 'x')",
  "value.amount >= 10 ? 'big' : 'small'",
  'value.deleted ? 1 : value.qty > 2 ? 2 : 3',
  '(value.deleted ? 1 : 2) + 1',
  '!value.deleted',
  '!(value.deleted || value.qty)',
  'not value.deleted and value.qty > 0',
  '(value.deleted or value.qty) and value.price',
  'value.deleted || value.qty && value.price',
  'length(value.tags) > 2',
  '-value.delta',
  '- -value.delta',
  '-5 - -5',
  'null',
  'true',
  '1.5e3',
  '"double quoted"',
  String.raw`'it\'s "quoted"\n\\ \u2028 done'`,
  "{ 'weird key': 1, '__proto__': 2, toString: 3 }",
  '{}',
  '[[1, 2], { a: [] }]',
  "value.missing.deeper + 1 == null || 'a' < 'b'",
  '1 == 1.0 && 1 != "1" && [1] == [1]',
  "'x' + value.region",
  "substring(value.text, 6) + upper(trim(' ok '))",
  "replace(value.text, ' ', '_')",
  'min(value.qty, value.missing, 7) + max(1, 2)',
  'toNumber("12") % 5 / 2 * 3',
  'round(2.5) + floor(-1.5) + ceil(0.2) + abs(-1)',
  "startsWith(value.isin, 'US') && endsWith(value.isin, '5') && contains(value.tags, 'b')",
  'keys(parseJson(value.json))',
  'isNull(value.region) ? toString(value.tags) : 0',
  'value * 2',
  "value.price < 'x'",
  'lower(value.price)',
  "parseJson('{')",
  '-value.side',
]

describe('expressionToTypeScript', () => {
  it.each(equivalenceCases)('exports %s with the same result as the evaluator', (source) => {
    const expression = parse(source)
    const expected = outcome(() => evaluateExpression(expression, scope))
    expect(outcome(() => runExported(expressionToTypeScript(expression)))).toEqual(expected)
  })

  it('uses null-safe helpers for member access and built-ins', () => {
    expect(toTypeScript("lower(value.side) == 'buy'")).toBe(
      "expr.eq(expr.lower(expr.get(value, 'side')), 'buy')",
    )
  })

  it('exports a chain of member accesses as one path call', () => {
    expect(toTypeScript('value.items[0].sku')).toBe("expr.path(value, 'items', 0, 'sku')")
  })

  it('keeps logical and conditional operators native', () => {
    expect(toTypeScript('!a && (b || c) ? d : e')).toBe('!a && (b || c) ? d : e')
  })

  it('exports coalesce as a lazy ?? chain', () => {
    expect(toTypeScript("coalesce(value.region, 'unknown')")).toBe(
      "(expr.get(value, 'region') ?? 'unknown')",
    )
  })

  it('wraps a top-level object literal so it is not read as a block', () => {
    expect(toTypeScript('{ a: 1 }')).toBe('({ a: 1 })')
  })

  it("defines a '__proto__' key as a computed key", () => {
    expect(toTypeScript("{ '__proto__': 1 }")).toBe("({ ['__proto__']: 1 })")
  })

  it('refuses a variable that clashes with the runtime helper or a reserved word', () => {
    expect(() => toTypeScript('1 + expr')).toThrowError(
      new ExpressionError(
        "Variable 'expr' cannot be exported: the name is reserved in generated TypeScript",
        5,
      ),
    )
  })
})
