// Where a run falls behind: each sub-topology's consumer lag over time, whether it grows, and
// which design node takes the processing time, so the slowest part of the topology stands out.
import type { NodeRunMetrics, TaskRunMetrics } from '@topology-studio/shared'

export interface LagPoint {
  /** When the metrics were sampled, ms since the epoch. */
  readonly at: number
  /** Records behind over the sub-topology's active tasks. */
  readonly lag: number
}

export interface NodeLoad {
  /** Share of the run's processing time spent in the node's own processors, 0 to 1. */
  readonly share: number
  readonly heat: 'hot' | 'warm' | null
  /** Why this node holds its sub-topology back, or null. */
  readonly bottleneck: string | null
}

/** How far back lag growth is measured. */
export const LAG_GROWTH_WINDOW_MS = 10_000
/** Growth below this many records per second is noise from the commit and fetch rhythm. */
const GROWING = 1
const HOT = 0.5
const WARM = 0.2
/** A node busy for less than 1 % of a thread is no hot spot, whatever its share of a trickle. */
const NOTICEABLE_MS_PER_SECOND = 10

/** The records behind of each sub-topology now: its active tasks' lags added up. */
export function subtopologyLags(tasks: readonly TaskRunMetrics[]): Map<number, number> {
  const lags = new Map<number, number>()
  for (const task of tasks) {
    if (task.kind !== 'active') continue
    const behind = task.partitions.reduce((sum, p) => sum + p.lag, 0)
    lags.set(task.subtopology, (lags.get(task.subtopology) ?? 0) + behind)
  }
  return lags
}

/**
 * Records per second the lag grew by over the last `windowMs` (negative: catching up), or null
 * with under two seconds of history.
 */
export function lagGrowthPerSecond(
  points: readonly LagPoint[],
  windowMs = LAG_GROWTH_WINDOW_MS,
): number | null {
  const last = points.at(-1)
  if (last === undefined) return null
  const first = points.find((p) => last.at - p.at <= windowMs) ?? last
  const span = last.at - first.at
  if (span < 2_000) return null
  return ((last.lag - first.lag) * 1000) / span
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`
}

/**
 * Each node's share of the processing time; in every sub-topology whose lag grows, its busiest
 * node is named the bottleneck, with the numbers that say so.
 */
export function nodeLoads(
  nodes: ReadonlyMap<string, NodeRunMetrics>,
  subtopologyOf: ReadonlyMap<string, number>,
  lagHistory: ReadonlyMap<number, readonly LagPoint[]>,
): Map<string, NodeLoad> {
  let total = 0
  for (const metrics of nodes.values()) total += metrics.busyMsPerSecond
  const shareOf = (id: string) => (total <= 0 ? 0 : (nodes.get(id)?.busyMsPerSecond ?? 0) / total)

  const busiest = new Map<number, string>()
  for (const id of nodes.keys()) {
    const subtopology = subtopologyOf.get(id)
    if (subtopology === undefined || shareOf(id) <= 0) continue
    const current = busiest.get(subtopology)
    if (current === undefined || shareOf(id) > shareOf(current)) busiest.set(subtopology, id)
  }
  const reasons = new Map<string, string>()
  for (const [subtopology, id] of busiest) {
    const points = lagHistory.get(subtopology) ?? []
    const growth = lagGrowthPerSecond(points)
    const lag = points.at(-1)?.lag ?? 0
    if (growth === null || growth < GROWING || lag <= 0) continue
    reasons.set(
      id,
      `Sub-topology ${subtopology} falls behind: its lag grew by ${Math.round(growth)} records/s ` +
        `over the last ${LAG_GROWTH_WINDOW_MS / 1000} s (${lag} behind now), and this node takes ` +
        `${percent(shareOf(id))} of the run's processing time, the most in the sub-topology.`,
    )
  }

  const loads = new Map<string, NodeLoad>()
  for (const id of nodes.keys()) {
    const share = shareOf(id)
    const noticeable = (nodes.get(id)?.busyMsPerSecond ?? 0) >= NOTICEABLE_MS_PER_SECOND
    loads.set(id, {
      share,
      heat: !noticeable ? null : share >= HOT ? 'hot' : share >= WARM ? 'warm' : null,
      bottleneck: reasons.get(id) ?? null,
    })
  }
  return loads
}
