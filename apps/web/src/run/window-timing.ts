// Time made visible for a windowed aggregation during a run: when each window closes in stream
// time, whether it is still open in the task that holds it, and in plain words why its result
// has not been emitted yet.
import type { GraphNode, TaskRunMetrics, TopologyGraph, Window } from '@topology-studio/shared'

export interface WindowedAggregation {
  readonly window: Window
  /** The suppress right after the aggregation, if any. */
  readonly suppress: {
    readonly label: string
    readonly params: Extract<GraphNode, { kind: 'suppress' }>['params']
  } | null
  readonly commitIntervalMs: number
  /** Whether updates pass through the record cache (statestore.cache.max.bytes > 0). */
  readonly cached: boolean
}

export interface WindowState {
  /** Stream time at which the window stops taking records (and a final result is due). */
  readonly closesAt: number
  /** The holding task's stream time, or null while it is unknown. */
  readonly streamTime: number | null
  readonly open: boolean
  /** The answer to "why has this not been emitted yet?" (or what has happened to it). */
  readonly why: string
}

const DEFAULT_COMMIT_INTERVAL_MS = 30_000

function label(node: GraphNode): string {
  return node.label !== undefined && node.label !== '' ? node.label : node.id
}

function numberConfig(graph: TopologyGraph, key: string): number | undefined {
  const value = graph.config[key]
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN
  return Number.isFinite(number) ? number : undefined
}

/**
 * The window and what follows a windowed aggregation node of the design, or null; for a suppress
 * right after one, that aggregation's.
 */
export function windowedAggregationOf(
  graph: TopologyGraph,
  nodeId: string,
): WindowedAggregation | null {
  const node = graph.nodes.find((n) => n.id === nodeId)
  if (node === undefined) return null
  if (node.kind === 'suppress') {
    const input = graph.edges.find((e) => e.target === nodeId)
    return input === undefined || input.source === nodeId
      ? null
      : windowedAggregationOf(graph, input.source)
  }
  let window: Window | undefined
  if (node.kind === 'cogroup') window = node.params.window
  else if (node.kind === 'count' || node.kind === 'reduce' || node.kind === 'aggregate') {
    const input = graph.edges.find((e) => e.target === nodeId)
    const upstream = graph.nodes.find((n) => n.id === input?.source)
    if (upstream?.kind === 'windowedBy') window = upstream.params.window
  }
  if (window === undefined) return null
  const next = graph.edges
    .filter((e) => e.source === nodeId)
    .map((e) => graph.nodes.find((n) => n.id === e.target))
    .find((n) => n?.kind === 'suppress')
  const cacheBytes =
    numberConfig(graph, 'statestore.cache.max.bytes') ??
    numberConfig(graph, 'cache.max.bytes.buffering')
  const exactlyOnce = String(graph.config['processing.guarantee'] ?? '').startsWith('exactly_once')
  return {
    window,
    suppress: next?.kind === 'suppress' ? { label: label(next), params: next.params } : null,
    commitIntervalMs:
      numberConfig(graph, 'commit.interval.ms') ?? (exactlyOnce ? 100 : DEFAULT_COMMIT_INTERVAL_MS),
    cached: cacheBytes !== 0,
  }
}

/**
 * Stream time at which a window closes: its end plus grace; a session can still grow by a record
 * up to the inactivity gap after its end, so it closes a gap later.
 */
export function closesAt(window: Window, bounds: { start: number; end: number }): number {
  const grace = window.graceMs ?? 0
  return window.type === 'session'
    ? bounds.end + window.inactivityGapMs + grace
    : bounds.end + grace
}

/** A duration as people say it: 400 ms, 2 s, 1.5 min, 3 h. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${+(ms / 1000).toFixed(1)} s`
  if (ms < 3_600_000) return `${+(ms / 60_000).toFixed(1)} min`
  return `${+(ms / 3_600_000).toFixed(1)} h`
}

export function formatStreamTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '')
}

function whatMovesStreamTime(task: TaskRunMetrics, closes: number): string {
  const partitions = task.partitions.map((p) => `${p.topic}-${p.partition}`).join(', ')
  const waiting = task.partitions.reduce((n, p) => n + p.lag, 0)
  const only = task.partitions.length === 1 ? 'its only partition' : 'any of its partitions'
  return waiting > 0
    ? ` ${waiting} record${waiting === 1 ? '' : 's'} of ${partitions} wait to be processed; stream time moves on as they are.`
    : ` Stream time only moves when a record arrives: nothing is waiting on ${partitions}, so it stays put until ${only} receives a record with a timestamp of ${formatStreamTime(closes)} or later.`
}

/** Where one window stands in the task that holds it, and why it has or has not been emitted. */
export function windowState(
  aggregation: WindowedAggregation,
  bounds: { start: number; end: number },
  task: TaskRunMetrics | undefined,
): WindowState {
  const { window, suppress } = aggregation
  const closes = closesAt(window, bounds)
  const streamTime = task === undefined || task.streamTime < 0 ? null : task.streamTime
  const open = streamTime === null || streamTime < closes
  const grace = window.graceMs ?? 0
  const rule =
    window.type === 'session'
      ? `session end ${formatStreamTime(bounds.end)} + inactivity gap ${formatDuration(window.inactivityGapMs)} + grace ${formatDuration(grace)}`
      : `window end ${formatStreamTime(bounds.end)} + grace ${formatDuration(grace)}`
  const taskName = task === undefined ? 'its task' : `task ${task.taskId}`

  if (streamTime === null || task === undefined) {
    return {
      closesAt: closes,
      streamTime,
      open,
      why: `It closes when the stream time of ${taskName} reaches ${formatStreamTime(closes)} (${rule}); that task's stream time is not known yet.`,
    }
  }
  const behind = `the stream time of ${taskName} is ${formatStreamTime(streamTime)}, ${formatDuration(closes - streamTime)} short of ${formatStreamTime(closes)} (${rule})`

  if (suppress !== null && suppress.params.mode === 'untilWindowCloses') {
    return open
      ? {
          closesAt: closes,
          streamTime,
          open,
          why: `${suppress.label} holds results until their window closes, and ${behind}.${whatMovesStreamTime(task, closes)}`,
        }
      : {
          closesAt: closes,
          streamTime,
          open,
          why: `Closed at stream time ${formatStreamTime(closes)}: ${suppress.label} emits its final result once a record reaches it after that (records for the window that arrive now are dropped as late).`,
        }
  }
  if (suppress !== null && suppress.params.mode === 'untilTimeLimit') {
    return {
      closesAt: closes,
      streamTime,
      open,
      why: `${suppress.label} holds each key's updates for ${formatDuration(suppress.params.timeLimitMs)} of stream time after its first buffered update, then emits the latest; ${open ? behind : `the window closed at ${formatStreamTime(closes)}`}.`,
    }
  }
  const emitted = aggregation.cached
    ? `Updates are emitted as they happen, through the record cache: the latest result of a window leaves on commit (every ${formatDuration(aggregation.commitIntervalMs)}) or when the cache is full, so a result can be up to that late.`
    : 'Updates are emitted as they happen: the record cache is off, so every update leaves at once.'
  return {
    closesAt: closes,
    streamTime,
    open,
    why: open
      ? `${emitted} The window takes records until it closes; ${behind}.`
      : `${emitted} Closed at stream time ${formatStreamTime(closes)}: records for it that arrive now are dropped as late.`,
  }
}
