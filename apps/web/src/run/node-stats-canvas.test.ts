import { describe, expect, it } from 'vitest'
import { HISTORY_SECONDS } from '../stores/run-store'
import {
  SPARK_HEIGHT,
  SPARK_WIDTH,
  sparkline,
  StatsCanvas,
  statsHeight,
  type StatsPalette,
} from './node-stats-canvas'
import type { StatLine } from './node-stats-lines'

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

/** A canvas whose 2D context records the text drawn and the fonts set. */
function recordingCanvas() {
  const drawn: string[] = []
  const fonts: string[] = []
  const context = {
    set font(font: string) {
      fonts.push(font)
    },
    measureText: (text: string) => ({ width: text.length * 6 }),
    fillText: (text: string) => drawn.push(text),
    clearRect: () => {},
    setTransform: () => {},
    beginPath: () => {},
    moveTo: () => {},
    lineTo: () => {},
    stroke: () => drawn.push('spark'),
  }
  const canvas = { width: 0, height: 0, style: {}, getContext: () => context }
  return { canvas: canvas as unknown as HTMLCanvasElement, drawn, fonts }
}

const palette: StatsPalette = {
  colours: { strong: 'black', muted: 'grey', alarm: 'red' },
  fonts: { strong: 'bold', muted: 'normal', alarm: 'bold' },
  spark: 'blue',
}

const rows = (rate: string, total: string, failures?: string): StatLine[] => [
  { role: 'rate', text: rate, tone: 'strong' },
  { role: 'total', text: total, tone: 'muted' },
  ...(failures === undefined
    ? []
    : [{ role: 'failures' as const, text: failures, tone: 'alarm' as const }]),
]

describe("a node's numbers redrawn", () => {
  it('draws again only the rows whose text changed, and the sparkline', () => {
    const { canvas, drawn, fonts } = recordingCanvas()
    const stats = new StatsCanvas(canvas, palette, 2)
    stats.draw(rows('in 5/s · out 5/s', 'Σ 10 / 10'), [1, 2])
    expect(drawn.splice(0)).toEqual(['in 5/s · out 5/s', 'Σ 10 / 10', 'spark'])
    expect(canvas.width).toBe(SPARK_WIDTH * 2)
    fonts.length = 0
    stats.draw(rows('in 5/s · out 5/s', 'Σ 15 / 15'), [1, 2, 3])
    expect(drawn.splice(0)).toEqual(['Σ 15 / 15', 'spark'])
    expect(fonts).toEqual([])
  })

  it('draws every row when the rows change, and widens for a longer text but never narrows', () => {
    const { canvas, drawn } = recordingCanvas()
    const stats = new StatsCanvas(canvas, palette, 1)
    stats.draw(rows('in 5/s · out 5/s', 'Σ 10 / 10'), undefined)
    drawn.length = 0
    stats.draw(rows('in 5/s · out 5/s', 'Σ 12 / 10', '1 failed'), undefined)
    expect(drawn).toEqual(['in 5/s · out 5/s', '1 failed', 'Σ 12 / 10'])
    expect(canvas.height).toBe(statsHeight(3, false))
    const long = 'in 12.3k/s · out 12.3k/s'
    stats.draw(rows(long, 'Σ 12 / 10'), undefined)
    expect(canvas.width).toBe(long.length * 6 + 4)
    stats.draw(rows('in 5/s · out 5/s', 'Σ 12 / 10'), undefined)
    expect(canvas.width).toBe(long.length * 6 + 4)
    // As wide as the widest node at most.
    stats.draw(rows('x'.repeat(60), 'Σ 12 / 10'), undefined)
    expect(canvas.width).toBe(220)
  })
})
