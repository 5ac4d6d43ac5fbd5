import { describe, expect, it } from 'vitest'
import { formatCount, formatRate, sparklinePoints } from './NodeRunStats'

describe('node run numbers', () => {
  it('reads rates and counts as people write them', () => {
    expect([0, 0.42, 12.4, 1234].map(formatRate)).toEqual(['0/s', '0.4/s', '12/s', '1.2k/s'])
    expect([950, 12_345, 4_500_000].map(formatCount)).toEqual(['950', '12.3k', '4.5M'])
  })

  it('draws the newest rate at the right edge, scaled to the tallest', () => {
    const points = sparklinePoints([0, 5, 10]).split(' ')
    expect(points.at(-1)).toBe('120.0,1.0')
    expect(points[0]?.endsWith(',17.0')).toBe(true)
  })
})
