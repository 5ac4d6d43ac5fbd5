// Messages between the page and the Web Worker that simulates a design (simulation-worker.ts).
import type {
  NodeRecord,
  RunError,
  RunFollow,
  RunMetrics,
  RunStatus,
  RunTap,
  SampleDataKind,
  Serde,
  TopologyGraph,
} from '@topology-studio/shared'
import type { StorePageRequest, StoreWrite } from '@topology-studio/engine'

/** The newest records of each sink topic that a view carries. */
export const OUTPUTS_SHOWN = 200

/** How a topic's records are written and read: the serdes the design uses for it. */
export interface TopicCodec {
  readonly keySerde: Serde
  readonly valueSerde: Serde
}

/** A topic the design gives no serdes: as `default.key.serde` unset, text both ways. */
export const DEFAULT_CODEC: TopicCodec = { keySerde: 'String', valueSerde: 'String' }

/** An input record as typed or generated, with values as JSON in its topic's serdes. */
export interface InputDraft {
  readonly topic: string
  readonly key: unknown
  readonly value: unknown
  readonly timestamp: number
  readonly partition?: number
}

/** An input record waiting to be produced. */
export interface PendingInput extends InputDraft {
  readonly id: number
}

export interface SimulationStart {
  readonly runId: string
  readonly designId: string
  readonly design: TopologyGraph
  /** Partition counts of the topics the design reads and writes; others have one. */
  readonly partitions: Readonly<Record<string, number>>
  readonly codecs: Readonly<Record<string, TopicCodec>>
  /** The simulated wall clock at the start, ms since the epoch. */
  readonly wallClockMs: number
}

/** A record as the page shows it: key and value decoded, where it was written. */
export interface ShownRecord {
  readonly key: unknown
  readonly value: unknown
  readonly timestamp: number | null
  readonly partition: number
  readonly offset: number
}

/** What the last step did, in design nodes. */
export interface ShownStep {
  readonly number: number
  readonly taskId: string
  readonly record: NodeRecord
  /** The design nodes the record reached, in order, with what each received. */
  readonly path: readonly { readonly nodeId: string; readonly records: readonly NodeRecord[] }[]
  readonly storeWrites: readonly StoreWrite[]
  /** Records written to topics the design's sinks name. */
  readonly outputs: number
}

/** Everything the simulator panel shows besides what a live run shows. */
export interface SimulationView {
  readonly running: boolean
  /** True when tasks run per sub-topology and partition; false: as TopologyTestDriver. */
  readonly partitioned: boolean
  /** The topics of the simulated cluster the design names, with their partition counts. */
  readonly topics: readonly { readonly topic: string; readonly partitions: number }[]
  /** The first inputs waiting to be sent (at most 50). */
  readonly pending: readonly PendingInput[]
  /** How many inputs wait to be sent. */
  readonly pendingCount: number
  /** Inputs produced so far. */
  readonly produced: number
  /** Records queued in tasks, not yet processed. */
  readonly queued: number
  readonly steps: number
  readonly wallClockMs: number
  readonly playing: boolean
  readonly perSecond: number
  /** The design node whose breakpoint paused the play, if one did. */
  readonly pausedAt: string | null
  readonly lastStep: ShownStep | null
  /** The newest records of each sink topic, oldest first. */
  readonly outputs: readonly { readonly topic: string; readonly records: readonly ShownRecord[] }[]
}

/** A simulation saved as a TopologyTestDriver test file. */
export interface SavedTest {
  readonly fileName: string
  readonly text: string
  readonly inputs: number
  /** Output records the test expects. */
  readonly outputs: number
}

export type ToSimulation = { readonly requestId: number } & (
  | ({ readonly type: 'start' } & SimulationStart)
  /** `forget`: the inputs sent and to send go too (another design was opened). */
  | { readonly type: 'stop'; readonly forget?: boolean }
  | { readonly type: 'add-inputs'; readonly inputs: readonly InputDraft[] }
  | {
      readonly type: 'generate'
      readonly topic: string
      readonly kind: SampleDataKind
      readonly count: number
      readonly firstTimestamp: number
      readonly spacingMs: number
    }
  | { readonly type: 'remove-input'; readonly id: number }
  | { readonly type: 'clear-inputs' }
  | { readonly type: 'step' }
  | { readonly type: 'play'; readonly perSecond: number }
  | { readonly type: 'pause' }
  | { readonly type: 'advance'; readonly ms: number }
  | { readonly type: 'breakpoints'; readonly nodeIds: readonly string[] }
  | { readonly type: 'tap'; readonly nodeId: string; readonly enabled: boolean }
  | { readonly type: 'follow'; readonly key: string; readonly enabled: boolean }
  | { readonly type: 'state-page'; readonly request: StorePageRequest }
  | { readonly type: 'save-test' }
)

export type FromSimulation =
  | {
      readonly type: 'reply'
      readonly requestId: number
      readonly ok: true
      readonly value: unknown
    }
  | {
      readonly type: 'reply'
      readonly requestId: number
      readonly ok: false
      readonly message: string
    }
  | { readonly type: 'status'; readonly status: RunStatus }
  | { readonly type: 'metrics'; readonly metrics: RunMetrics }
  | { readonly type: 'tap'; readonly tap: RunTap }
  | { readonly type: 'follow'; readonly follow: RunFollow }
  | { readonly type: 'error'; readonly error: RunError }
  | { readonly type: 'view'; readonly view: SimulationView }
