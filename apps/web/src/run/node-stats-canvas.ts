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
 * A node's numbers on its canvas, `scale` device pixels to a CSS pixel. It keeps what the
 * canvas's context already holds (its font, the widths measured), because setting a font parses
 * it and measuring shapes the text: a redraw of the same rows does neither.
 */
export class StatsCanvas {
  private readonly context: CanvasRenderingContext2D | null
  private font = ''
  /** CSS pixels; only ever widens, so that a rate gaining a digit does not resize its node back and forth. */
  private width = SPARK_WIDTH
  /** The longest text of each row measured so far: a text no longer than that fits. */
  private readonly measured = new Map<StatLine['role'], number>()
  /** The rows on the canvas now; none until it is first drawn. */
  private drawn: readonly StatLine[] = []

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly palette: StatsPalette,
    private readonly scale: number,
  ) {
    this.context = canvas.getContext('2d')
    if (this.context !== null) this.prepare(this.context)
  }

  draw(lines: readonly StatLine[], history: readonly number[] | undefined): void {
    const context = this.context
    if (context === null) return
    for (const line of lines) {
      if (line.text.length <= (this.measured.get(line.role) ?? 0)) continue
      this.measured.set(line.role, line.text.length)
      this.setFont(context, line.tone)
      // A little over the text, for a later text as long but of wider glyphs.
      const wanted = Math.ceil(context.measureText(line.text).width) + 4
      this.width = Math.min(MAX_WIDTH, Math.max(this.width, wanted))
    }
    const spark = history !== undefined && history.length > 1
    // A resize clears the canvas and forgets the rows drawn, so that all are drawn again.
    this.fit(context, this.width, statsHeight(lines.length, spark))
    // Only the rows whose text changed are drawn again: shaping text is most of the cost.
    const same = sameRows(this.drawn, lines)
    // Bold rows first, then the rest: a font set at most twice, and none when it is the last one.
    const order = this.font === this.palette.fonts.muted ? [false, true] : [true, false]
    for (const bold of order)
      lines.forEach((line, index) => {
        if ((line.tone !== 'muted') !== bold) return
        if (same && sameLine(this.drawn[index], line)) return
        context.clearRect(0, index * LINE_HEIGHT, this.width, LINE_HEIGHT)
        this.setFont(context, line.tone)
        context.fillStyle = this.palette.colours[line.tone]
        context.fillText(line.text, 0, (index + 0.5) * LINE_HEIGHT)
      })
    this.drawn = lines
    const top = lines.length * LINE_HEIGHT
    context.clearRect(0, top, this.width, SPARK_GAP + SPARK_HEIGHT)
    if (spark) this.drawSpark(context, history, top + SPARK_GAP)
  }

  /** Sizes the canvas to hold the rows. */
  private fit(context: CanvasRenderingContext2D, width: number, height: number): void {
    const pixelWidth = Math.ceil(width * this.scale)
    const pixelHeight = Math.ceil(height * this.scale)
    if (this.canvas.width === pixelWidth && this.canvas.height === pixelHeight) return
    // Resizing a canvas resets its context.
    this.canvas.width = pixelWidth
    this.canvas.height = pixelHeight
    this.canvas.style.width = `${pixelWidth / this.scale}px`
    this.canvas.style.height = `${pixelHeight / this.scale}px`
    this.prepare(context)
  }

  private prepare(context: CanvasRenderingContext2D): void {
    context.setTransform(this.scale, 0, 0, this.scale, 0, 0)
    context.textBaseline = 'middle'
    context.strokeStyle = this.palette.spark
    context.lineWidth = 1.2
    this.font = ''
    this.drawn = []
  }

  private setFont(context: CanvasRenderingContext2D, tone: StatTone): void {
    const font = this.palette.fonts[tone]
    if (font === this.font) return
    context.font = font
    this.font = font
  }

  private drawSpark(context: CanvasRenderingContext2D, history: readonly number[], top: number) {
    context.beginPath()
    sparkline(history).forEach(({ x, y }, at) => {
      if (at === 0) context.moveTo(x, top + y)
      else context.lineTo(x, top + y)
    })
    context.stroke()
  }
}

function sameRows(before: readonly StatLine[], now: readonly StatLine[]): boolean {
  return (
    before.length === now.length && before.every((line, index) => line.role === now[index]?.role)
  )
}

function sameLine(before: StatLine | undefined, now: StatLine): boolean {
  return before !== undefined && before.text === now.text && before.tone === now.tone
}
