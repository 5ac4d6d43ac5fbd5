// What a running KafkaStreams instance reports: events as they happen, and snapshots of its
// threads and tasks (lag, stream time, restore progress, per-node counters) on demand.
import { failedProcessingOf, messageOf } from '../runtime/streams-exception'
import type { NodeRecord, NodeMetricsSnapshot, RuntimeWarning } from './node-telemetry'

export type KafkaStreamsState =
  | 'CREATED'
  | 'REBALANCING'
  | 'RUNNING'
  | 'PENDING_SHUTDOWN'
  | 'NOT_RUNNING'
  | 'PENDING_ERROR'
  | 'ERROR'

export type ThreadState =
  | 'CREATED'
  | 'STARTING'
  | 'PARTITIONS_REVOKED'
  | 'PARTITIONS_ASSIGNED'
  | 'RUNNING'
  | 'PENDING_SHUTDOWN'
  | 'DEAD'

export type StreamsEvent =
  | {
      readonly type: 'state'
      readonly state: KafkaStreamsState
      readonly previous: KafkaStreamsState
    }
  | { readonly type: 'thread-state'; readonly thread: string; readonly state: ThreadState }
  | {
      readonly type: 'rebalance'
      readonly thread: string
      readonly active: readonly string[]
      readonly standby: readonly string[]
    }
  | {
      readonly type: 'restore'
      readonly thread: string
      readonly task: string
      readonly store: string
      readonly restored: number
      readonly total: number
    }
  | { readonly type: 'task-running'; readonly thread: string; readonly task: string }
  | { readonly type: 'warning'; readonly thread: string; readonly warning: RuntimeWarning }
  | {
      readonly type: 'error'
      readonly thread: string
      readonly message: string
      /** The processor the failure started in, and the record it failed on, when known. */
      readonly processor?: string
      readonly record?: NodeRecord
    }
  | {
      readonly type: 'consumer-restart'
      readonly thread: string
      readonly attempt: number
      readonly backoffMs: number
      readonly message: string
    }

export interface PartitionSnapshot {
  readonly topic: string
  readonly partition: number
  /** The next offset to process. */
  readonly position: number
  readonly committed: number | null
  /** The partition's end offset as last seen (high watermark). */
  readonly endOffset: number
  readonly lag: number
  readonly partitionTime: number
}

export interface TaskSnapshot {
  readonly id: string
  readonly kind: 'active' | 'standby'
  readonly state: 'restoring' | 'running' | 'standby'
  readonly streamTime: number
  readonly partitions: readonly PartitionSnapshot[]
  /** Records restored per store when the task was assigned (a promoted standby: its tail). */
  readonly restore: readonly {
    readonly store: string
    readonly restored: number
    readonly total: number
  }[]
  /** Records sent per topic (sinks, repartition topics, changelogs) since the task was assigned. */
  readonly produced: Readonly<Record<string, number>>
  readonly nodes: readonly NodeMetricsSnapshot[]
}

export interface ThreadSnapshot {
  readonly name: string
  readonly state: ThreadState
  readonly rebalances: number
  readonly tasks: readonly TaskSnapshot[]
  /** Counters of tasks this thread ran and closed, so totals never go backwards. */
  readonly closedTaskNodes: readonly NodeMetricsSnapshot[]
}

export interface StreamsMetrics {
  readonly state: KafkaStreamsState
  readonly threads: readonly ThreadSnapshot[]
  /** Every processor node, summed over the tasks of this instance (past and present). */
  readonly nodes: readonly NodeMetricsSnapshot[]
}

/** The error event of a thread that failed with `error`: its message, processor and record. */
export function errorEvent(thread: string, error: unknown): StreamsEvent {
  const started = failedProcessingOf(error)
  return {
    type: 'error',
    thread,
    message: messageOf(error),
    ...(started === null ? {} : { processor: started.processorName }),
    ...(started?.record == null ? {} : { record: started.record }),
  }
}
