import { describe, expect, it } from 'vitest'
import { sampleDataSource } from './sample-data'

const take = (n: number, next: () => { key: string | null; value: string }) =>
  Array.from({ length: n }, () => next())

describe('sampleDataSource', () => {
  it('makes stock trades keyed by ISIN with price, volume and side', () => {
    const trades = take(
      200,
      sampleDataSource('stock-trades', 1, () => 0),
    )
    for (const trade of trades) {
      const value = JSON.parse(trade.value) as Record<string, unknown>
      expect(trade.key).toMatch(/^[A-Z]{2}[A-Z0-9]{9}\d$/)
      expect(value['isin']).toBe(trade.key)
      expect(value['price']).toBeGreaterThan(0)
      expect(value['volume']).toBeGreaterThanOrEqual(1)
      expect(['BUY', 'SELL']).toContain(value['side'])
    }
    expect(new Set(trades.map((t) => t.key)).size).toBeGreaterThan(5)
  })

  it('makes page views keyed by user, some users busier than others', () => {
    const views = take(
      2_000,
      sampleDataSource('page-views', 2, () => 0),
    )
    const perUser = new Map<string, number>()
    for (const view of views) {
      expect(view.key).toMatch(/^user-\d{4}$/)
      expect(JSON.parse(view.value)).toMatchObject({ userId: view.key })
      perUser.set(view.key ?? '', (perUser.get(view.key ?? '') ?? 0) + 1)
    }
    const counts = [...perUser.values()].sort((a, b) => b - a)
    expect(counts[0]).toBeGreaterThan(3 * (counts.at(-1) ?? 0))
  })

  it('makes sentences of several words for word count', () => {
    const sentences = take(
      50,
      sampleDataSource('sentences', 3, () => 0),
    )
    for (const sentence of sentences) {
      expect(sentence.key).toBeNull()
      expect(sentence.value.split(' ').length).toBeGreaterThanOrEqual(4)
    }
  })

  it('repeats itself for the same seed', () => {
    const a = take(
      10,
      sampleDataSource('stock-trades', 7, () => 0),
    )
    const b = take(
      10,
      sampleDataSource('stock-trades', 7, () => 0),
    )
    expect(a).toEqual(b)
  })
})
