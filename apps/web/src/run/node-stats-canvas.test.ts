import { describe, expect, it } from 'vitest'
import { HISTORY_SECONDS } from '../stores/run-store'
import { SPARK_HEIGHT, SPARK_WIDTH, sparkline, statsHeight } from './node-stats-canvas'

describe('node numbers on a canvas', () => {
  it('draws the newest rate at the right edge, scaled to the tallest', () => {
    const points = sparkline([0, 5, 10])
    expect(points.at(-1)).toEqual({ x: SPARK_WIDTH, y: 1 })
    expect(points[0]?.y).toBe(SPARK_HEIGHT - 1)
    expect(points[1]?.x).toBeCloseTo(SPARK_WIDTH - SPARK_WIDTH / (HISTORY_SECONDS - 1))
  })

  it('spreads a full minute across the whole width, and keeps an idle node on the baseline', () => {
    const points = sparkline(Array.from({ length: HISTORY_SECONDS }, () => 0))
    expect(points[0]?.x).toBeCloseTo(0)
    expect(points.every((point) => point.y === SPARK_HEIGHT - 1)).toBe(true)
  })

  it('is as tall as its lines, and the sparkline when there is one', () => {
    expect(statsHeight(2, false)).toBe(24)
    expect(statsHeight(3, true)).toBe(36 + 2 + SPARK_HEIGHT)
  })
})
