// A node's live numbers drawn on a canvas: a metrics update then redraws a bitmap, where text in
// the DOM would be laid out again (and its node, and the canvas) every second.
import { HISTORY_SECONDS } from '../stores/run-store'
import type { StatLine, StatTone } from './node-stats-lines'

export const SPARK_WIDTH = 120
export const SPARK_HEIGHT = 18
const LINE_HEIGHT = 12
const SPARK_GAP = 2
const FONT_SIZE = 10
/** The widest the numbers get: the content width of the widest node. */
const MAX_WIDTH = 220

export interface StatsPalette {
  readonly colours: Readonly<Record<StatTone, string>>
  readonly fonts: Readonly<Record<StatTone, string>>
  readonly spark: string
}

/** The page's colours and font as the numbers are drawn in them, read from the canvas's style. */
export function paletteOf(canvas: HTMLCanvasElement): StatsPalette {
  const style = getComputedStyle(canvas)
  const font = (weight: number) => `${weight} ${FONT_SIZE}px ${style.fontFamily}`
  const variable = (name: string) => style.getPropertyValue(name).trim() || style.color
  return {
    colours: { strong: style.color, muted: variable('--text-muted'), alarm: variable('--alarm') },
    fonts: { strong: font(600), muted: font(400), alarm: font(600) },
    spark: variable('--spark'),
  }
}

/** The points of a sparkline of `values` (the newest on the right), scaled to its tallest value. */
export function sparkline(values: readonly number[]): { x: number; y: number }[] {
  let top = 1
  for (const value of values) if (value > top) top = value
  const step = SPARK_WIDTH / (HISTORY_SECONDS - 1)
  const start = SPARK_WIDTH - (values.length - 1) * step
  return values.map((value, at) => ({
    x: start + at * step,
    y: SPARK_HEIGHT - (value / top) * (SPARK_HEIGHT - 2) - 1,
  }))
}

/** Height in CSS pixels of the numbers: a row per line, and the sparkline below them. */
export function statsHeight(lines: number, withSpark: boolean): number {
  return lines * LINE_HEIGHT + (withSpark ? SPARK_GAP + SPARK_HEIGHT : 0)
}

/**
 * Draws the lines and the sparkline, `scale` device pixels to a CSS pixel. The canvas only ever
 * widens, so that a rate gaining a digit does not resize its node back and forth.
 */
export function drawStats(
  canvas: HTMLCanvasElement,
  palette: StatsPalette,
  lines: readonly StatLine[],
  history: readonly number[] | undefined,
  scale: number,
): void {
  const context = canvas.getContext('2d')
  if (context === null) return
  const spark = history !== undefined && history.length > 1
  let width = Math.max(SPARK_WIDTH, parseFloat(canvas.style.width) || 0)
  for (const line of lines) {
    context.font = palette.fonts[line.tone]
    width = Math.max(width, Math.ceil(context.measureText(line.text).width))
  }
  width = Math.min(MAX_WIDTH, width)
  const height = statsHeight(lines.length, spark)
  const pixelWidth = Math.ceil(width * scale)
  const pixelHeight = Math.ceil(height * scale)
  if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
    canvas.width = pixelWidth
    canvas.height = pixelHeight
    canvas.style.width = `${pixelWidth / scale}px`
    canvas.style.height = `${pixelHeight / scale}px`
  }
  context.setTransform(scale, 0, 0, scale, 0, 0)
  context.clearRect(0, 0, width, height)
  context.textBaseline = 'middle'
  lines.forEach((line, index) => {
    context.font = palette.fonts[line.tone]
    context.fillStyle = palette.colours[line.tone]
    context.fillText(line.text, 0, (index + 0.5) * LINE_HEIGHT, width)
  })
  if (!spark) return
  const top = lines.length * LINE_HEIGHT + SPARK_GAP
  context.beginPath()
  sparkline(history).forEach(({ x, y }, at) => {
    if (at === 0) context.moveTo(x, top + y)
    else context.lineTo(x, top + y)
  })
  context.strokeStyle = palette.spark
  context.lineWidth = 1.2
  context.stroke()
}
