// The lag of each sub-topology over time as lines on a chart: time runs left to right over the
// history kept, lag from 0 at the bottom to a round top.
import type { LagPoint } from './bottlenecks'

export interface LagLine {
  readonly subtopology: number
  readonly points: string
}

export interface LagChartGeometry {
  /** The lag at the top of the chart: the largest seen, rounded up to 1, 2 or 5 × 10ⁿ. */
  readonly top: number
  /** Seconds from the oldest point to the newest. */
  readonly spanSeconds: number
  readonly lines: readonly LagLine[]
}

/** The smallest of 1, 2, 5, 10, 20, 50, … that is at least `value`. */
export function roundTop(value: number): number {
  if (value <= 1) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power
  return 10 * power
}

export function lagChart(
  history: ReadonlyMap<number, readonly LagPoint[]>,
  width: number,
  height: number,
): LagChartGeometry {
  const all = [...history.values()].flat()
  if (all.length === 0) return { top: 1, spanSeconds: 0, lines: [] }
  const first = Math.min(...all.map((p) => p.at))
  const last = Math.max(...all.map((p) => p.at))
  const top = roundTop(Math.max(...all.map((p) => p.lag)))
  const span = Math.max(last - first, 1)
  const x = (at: number) => (((at - first) / span) * width).toFixed(1)
  const y = (lag: number) => (height - (lag / top) * height).toFixed(1)
  return {
    top,
    spanSeconds: Math.round((last - first) / 1000),
    lines: [...history.entries()]
      .sort(([a], [b]) => a - b)
      .map(([subtopology, points]) => ({
        subtopology,
        points: points.map((p) => `${x(p.at)},${y(p.lag)}`).join(' '),
      })),
  }
}
