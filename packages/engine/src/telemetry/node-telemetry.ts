import { addHistograms, emptyLatencyHistogram, latencyBucket } from './latency-histogram'
import type { RecordTap } from './record-tap'

/** Why a node dropped a record, as Kafka's dropped-records metric reasons. */
export type DropReason =
  | 'null-key'
  | 'null-value'
  | 'expired-window'
  | 'late-record'
  | 'invalid-timestamp'
  | 'deserialization-error'
  | 'processing-error'
  | 'unknown'

/** Counters of one processor node in one task; cheap plain fields read by samplers. */
export class NodeTelemetry {
  recordsIn = 0
  recordsOut = 0
  errors = 0
  dropped = 0
  /** Total time inside `process`, including downstream nodes, when a clock is attached. */
  processTimeMs = 0
  /** Calls of `process` per latency bucket (see latency-histogram.ts), when a clock is attached. */
  readonly processLatency = emptyLatencyHistogram()
  readonly droppedByReason = new Map<DropReason, number>()
  /** Null until a tap is opened, so untapped nodes pay one null check per record. */
  tap: RecordTap | null = null
  /** The records of followed keys through this node, while keys are followed. */
  follow: RecordTap | null = null

  constructor(readonly nodeName: string) {}

  recordDropped(reason: DropReason): void {
    this.dropped++
    this.droppedByReason.set(reason, (this.droppedByReason.get(reason) ?? 0) + 1)
  }

  recordProcessTime(ms: number): void {
    this.processTimeMs += ms
    const bucket = latencyBucket(ms)
    this.processLatency[bucket] = (this.processLatency[bucket] ?? 0) + 1
  }

  snapshot(): NodeMetricsSnapshot {
    return {
      node: this.nodeName,
      recordsIn: this.recordsIn,
      recordsOut: this.recordsOut,
      errors: this.errors,
      dropped: this.dropped,
      droppedByReason: Object.fromEntries(this.droppedByReason),
      processTimeMs: this.processTimeMs,
      processLatency: [...this.processLatency],
    }
  }
}

export interface NodeMetricsSnapshot {
  readonly node: string
  readonly recordsIn: number
  readonly recordsOut: number
  readonly errors: number
  readonly dropped: number
  readonly droppedByReason: Readonly<Partial<Record<DropReason, number>>>
  readonly processTimeMs: number
  /** Calls of `process` per latency bucket; `latencyQuantile` reads p50 and p99 from it. */
  readonly processLatency: readonly number[]
}

/** A record as a processor node saw it, with where its task read it from. */
export interface NodeRecord {
  readonly key: unknown
  readonly value: unknown
  readonly timestamp: number
  /** The source topic of the record being processed; null inside a punctuation. */
  readonly topic: string | null
  readonly partition: number
  readonly offset: number
}

/** A warning the runtime would log, e.g. a record skipped for an expired window. */
export interface RuntimeWarning {
  readonly taskId: string
  readonly node: string
  readonly reason: DropReason
  readonly message: string
  /** The record that a processor failed on, when one was skipped for a processing error. */
  readonly record?: NodeRecord
}

/** A node that has seen nothing yet: every counter at zero. */
export function emptyNodeMetrics(node: string): NodeMetricsSnapshot {
  return new NodeTelemetry(node).snapshot()
}

/** The counters of one node in two tasks (or two runs of a task), added up. */
export function sumNodeMetrics(
  a: NodeMetricsSnapshot,
  b: NodeMetricsSnapshot,
): NodeMetricsSnapshot {
  const dropped: Record<string, number> = { ...a.droppedByReason }
  for (const [reason, n] of Object.entries(b.droppedByReason))
    dropped[reason] = (dropped[reason] ?? 0) + (n ?? 0)
  return {
    node: a.node,
    recordsIn: a.recordsIn + b.recordsIn,
    recordsOut: a.recordsOut + b.recordsOut,
    errors: a.errors + b.errors,
    dropped: a.dropped + b.dropped,
    droppedByReason: dropped,
    processTimeMs: a.processTimeMs + b.processTimeMs,
    processLatency: addHistograms(a.processLatency, b.processLatency),
  }
}

/** Records of several tasks in one list: by timestamp, then partition and offset. */
export function oldestFirst(records: NodeRecord[]): NodeRecord[] {
  return records.sort(
    (a, b) => a.timestamp - b.timestamp || a.partition - b.partition || a.offset - b.offset,
  )
}
