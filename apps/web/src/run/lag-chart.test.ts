import { describe, expect, it } from 'vitest'
import { lagChart, roundTop } from './lag-chart'

describe('lag chart', () => {
  it('rounds the top of the chart up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 10, 11, 180, 201, 4_999, 5_001].map(roundTop)).toEqual([
      1, 1, 5, 10, 20, 200, 500, 5_000, 10_000,
    ])
  })

  it('draws each sub-topology over the same time axis, lag 0 at the bottom', () => {
    const chart = lagChart(
      new Map([
        [
          1,
          [
            { at: 2_000, lag: 50 },
            { at: 4_000, lag: 0 },
          ],
        ],
        [
          0,
          [
            { at: 0, lag: 0 },
            { at: 4_000, lag: 100 },
          ],
        ],
      ]),
      200,
      100,
    )
    expect(chart).toEqual({
      top: 100,
      spanSeconds: 4,
      lines: [
        { subtopology: 0, points: '0.0,100.0 200.0,0.0' },
        { subtopology: 1, points: '100.0,50.0 200.0,100.0' },
      ],
    })
    expect(lagChart(new Map(), 200, 100)).toEqual({ top: 1, spanSeconds: 0, lines: [] })
  })
})
