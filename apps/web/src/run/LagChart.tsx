import { useStore } from 'zustand'
import { subtopologyColor } from '../designer/subtopology-colors'
import type { RunStore } from '../stores/run-store'
import { lagGrowthPerSecond } from './bottlenecks'
import { lagChart } from './lag-chart'
import { formatCount, formatRate } from './node-stats-lines'

const WIDTH = 300
const HEIGHT = 90

/** Consumer lag of each sub-topology over the last minutes, and whether it grows. */
export function LagChart({ run }: { run: RunStore }) {
  const history = useStore(run, (s) => s.lagHistory)
  if (history.size === 0) return null
  const chart = lagChart(history, WIDTH, HEIGHT)
  return (
    <section className="lag-chart" aria-label="Lag over time">
      <h4>Lag over time</h4>
      <svg
        width="100%"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Records behind per sub-topology over the last ${chart.spanSeconds} s, up to ${chart.top}`}
      >
        <line x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} className="lag-chart__axis" />
        {chart.lines.map((line) => (
          <polyline
            key={line.subtopology}
            points={line.points}
            stroke={subtopologyColor(line.subtopology)}
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
      <div className="lag-chart__scale">
        <span>−{chart.spanSeconds} s</span>
        <span>top {formatCount(chart.top)}</span>
        <span>now</span>
      </div>
      <ul className="lag-chart__legend" data-testid="lag-legend">
        {[...history.entries()]
          .sort(([a], [b]) => a - b)
          .map(([subtopology, points]) => {
            const growth = lagGrowthPerSecond(points)
            return (
              <li key={subtopology}>
                <span
                  className="lag-chart__swatch"
                  style={{ background: subtopologyColor(subtopology) }}
                />
                Sub-topology {subtopology}: {formatCount(points.at(-1)?.lag ?? 0)} behind
                {growth !== null &&
                  (growth >= 1
                    ? `, growing ${formatRate(growth)}`
                    : growth <= -1
                      ? `, catching up ${formatRate(-growth)}`
                      : ', steady')}
              </li>
            )
          })}
      </ul>
    </section>
  )
}
