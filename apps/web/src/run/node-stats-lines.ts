import type { NodeRunMetrics } from '@topology-studio/shared'
import type { NodeLoad } from './bottlenecks'

/** How a line of a node's live numbers reads: strong, muted, or in the colour of a problem. */
export type StatTone = 'strong' | 'muted' | 'alarm'

export interface StatLine {
  /** What the line shows, for the fallback text and its test id. */
  readonly role: 'rate' | 'total' | 'busy' | 'failures'
  readonly text: string
  readonly tone: StatTone
}

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

/** The lines a node shows during a run, top to bottom. */
export function statLines(metrics: NodeRunMetrics, load: NodeLoad | undefined): StatLine[] {
  const lines: StatLine[] = [
    {
      role: 'rate',
      text: `in ${formatRate(metrics.recordsInPerSecond)} · out ${formatRate(metrics.recordsOutPerSecond)}`,
      tone: 'strong',
    },
    {
      role: 'total',
      text: `Σ ${formatCount(metrics.recordsIn)} / ${formatCount(metrics.recordsOut)}`,
      tone: 'muted',
    },
  ]
  if (load !== undefined && load.share > 0)
    lines.push({
      role: 'busy',
      text: `${load.bottleneck !== null ? '⚠ bottleneck · ' : ''}${Math.round(load.share * 100)} % of processing`,
      tone: load.bottleneck !== null ? 'alarm' : 'muted',
    })
  const failures = [
    metrics.errors > 0 && `${formatCount(metrics.errors)} failed`,
    metrics.dropped > 0 && `${formatCount(metrics.dropped)} dropped`,
  ].filter((part) => part !== false)
  if (failures.length > 0)
    lines.push({ role: 'failures', text: failures.join(' · '), tone: 'alarm' })
  return lines
}

/** What hovering a node's numbers says: its totals and latency, and why it is a bottleneck. */
export function statTitle(metrics: NodeRunMetrics, load: NodeLoad | undefined): string {
  const latency =
    metrics.latencyP50Ms === null
      ? 'no latency measured yet'
      : `latency p50 ${metrics.latencyP50Ms.toFixed(1)} ms, p99 ${(metrics.latencyP99Ms ?? 0).toFixed(1)} ms`
  const totals = `${formatCount(metrics.recordsIn)} records in, ${formatCount(metrics.recordsOut)} out; ${latency}`
  return load?.bottleneck == null ? totals : `${totals}\n${load.bottleneck}`
}
