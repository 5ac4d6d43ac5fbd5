import { describe, expect, it } from 'vitest'
import { edgeWidth } from './edge-width'

describe('edge width', () => {
  it('is thin when idle and grows by decade of rate, up to a limit', () => {
    expect(edgeWidth(0)).toBe(1)
    const widths = [1, 10, 100, 1000].map(edgeWidth)
    expect(widths).toEqual([...widths].sort((a, b) => a - b))
    expect(widths[2]! - widths[1]!).toBeCloseTo(widths[3]! - widths[2]!, 1)
    expect(edgeWidth(1e9)).toBe(8)
  })
})
