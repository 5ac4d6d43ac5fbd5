import { HISTORY_SECONDS } from '../stores/run-store'
import { useNodeHistory, useNodeLoad, useNodeMetrics } from './run-context'

const SPARK_WIDTH = 120
const SPARK_HEIGHT = 18

/** Records per second as people read them: 0.4/s, 12/s, 1.2k/s. */
export function formatRate(perSecond: number): string {
  if (perSecond >= 1000) return `${(perSecond / 1000).toFixed(1)}k/s`
  if (perSecond >= 10 || perSecond === 0) return `${Math.round(perSecond)}/s`
  return `${perSecond.toFixed(1)}/s`
}

/** A whole count as people read it: 950, 12.3k, 4.5M. */
export function formatCount(count: number): string {
  if (count >= 1_000_000) return `${(count / 1_000_000).toFixed(1)}M`
  if (count >= 10_000) return `${(count / 1000).toFixed(1)}k`
  return String(count)
}

/** The points of a sparkline of `values` (the newest on the right), scaled to its tallest value. */
export function sparklinePoints(values: readonly number[]): string {
  const top = Math.max(...values, 1)
  const step = SPARK_WIDTH / (HISTORY_SECONDS - 1)
  const start = SPARK_WIDTH - (values.length - 1) * step
  return values
    .map((value, at) => {
      const x = start + at * step
      const y = SPARK_HEIGHT - (value / top) * (SPARK_HEIGHT - 2) - 1
      return `${x.toFixed(1)},${y.toFixed(1)}`
    })
    .join(' ')
}

/** A node's live numbers during a run: rates in and out, totals, failures and the last minute. */
export function NodeRunStats({ nodeId }: { nodeId: string }) {
  const metrics = useNodeMetrics(nodeId)
  const history = useNodeHistory(nodeId)
  const load = useNodeLoad(nodeId)
  if (metrics === undefined) return null
  const latency =
    metrics.latencyP50Ms === null
      ? 'no latency measured yet'
      : `latency p50 ${metrics.latencyP50Ms.toFixed(1)} ms, p99 ${(metrics.latencyP99Ms ?? 0).toFixed(1)} ms`
  const failing = metrics.errors > 0 || metrics.dropped > 0
  const classes = [
    'node-run',
    failing && 'node-run--failing',
    load?.bottleneck != null && 'node-run--bottleneck',
  ].filter(Boolean)
  return (
    <div
      className={classes.join(' ')}
      data-testid={`run-stats-${nodeId}`}
      title={`${formatCount(metrics.recordsIn)} records in, ${formatCount(metrics.recordsOut)} out; ${latency}`}
    >
      <span className="node-run__rate" data-testid={`run-rate-${nodeId}`}>
        in {formatRate(metrics.recordsInPerSecond)} · out {formatRate(metrics.recordsOutPerSecond)}
      </span>
      <span className="node-run__total">
        Σ {formatCount(metrics.recordsIn)} / {formatCount(metrics.recordsOut)}
      </span>
      {load !== undefined && load.share > 0 && (
        <span
          className="node-run__busy"
          data-testid={`run-busy-${nodeId}`}
          title={
            load.bottleneck ??
            "Share of the run's processing time spent in this node's own processors"
          }
        >
          {load.bottleneck !== null && '⚠ bottleneck · '}
          {Math.round(load.share * 100)} % of processing
        </span>
      )}
      {failing && (
        <span className="node-run__failures">
          {metrics.errors > 0 && `${formatCount(metrics.errors)} failed`}
          {metrics.errors > 0 && metrics.dropped > 0 && ' · '}
          {metrics.dropped > 0 && `${formatCount(metrics.dropped)} dropped`}
        </span>
      )}
      {history !== undefined && history.length > 1 && (
        <svg
          className="node-run__spark"
          width={SPARK_WIDTH}
          height={SPARK_HEIGHT}
          aria-hidden="true"
          viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`}
        >
          <polyline points={sparklinePoints(history)} />
        </svg>
      )}
    </div>
  )
}
