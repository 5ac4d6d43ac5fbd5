// Messages between the server and the worker thread that runs one design on a cluster.
import type {
  NodeRecord,
  RunFollow,
  RunMetrics,
  RunTap,
  StatePageRequestSchema,
  StreamsConfigValue,
  TopologyGraph,
} from '@topology-studio/shared'
import type { z } from 'zod'
import type { ApiErrorCode } from '../http/api-error'
import type { ClusterSettings } from '../clusters/kafka-client-options'

export interface StartRun {
  readonly type: 'start'
  readonly runId: string
  readonly design: TopologyGraph
  readonly cluster: ClusterSettings
  readonly config: Readonly<Record<string, StreamsConfigValue>>
  readonly metricsIntervalMs: number
}

export type ToRunWorker =
  | StartRun
  | { readonly type: 'stop'; readonly timeoutMs: number }
  | {
      readonly type: 'tap'
      readonly requestId: number
      readonly nodeId: string
      readonly enabled: boolean
    }
  | {
      readonly type: 'follow'
      readonly requestId: number
      readonly key: string
      readonly enabled: boolean
    }
  | {
      readonly type: 'state-page'
      readonly requestId: number
      readonly request: Omit<z.output<typeof StatePageRequestSchema>, 'runId'>
    }

export type FromRunWorker =
  | {
      readonly type: 'status'
      readonly streamsState: string
      readonly restoreProgress: number | null
      readonly restoring: boolean
    }
  | { readonly type: 'metrics'; readonly metrics: Omit<RunMetrics, 'runId'> }
  | { readonly type: 'tap'; readonly taps: readonly Omit<RunTap, 'runId'>[] }
  | { readonly type: 'follow'; readonly follows: readonly Omit<RunFollow, 'runId'>[] }
  | {
      readonly type: 'error'
      readonly message: string
      readonly nodeId: string | null
      readonly record: NodeRecord | null
    }
  | { readonly type: 'stopped' }
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
      readonly code: ApiErrorCode
      readonly message: string
    }

export type { StatePageResult } from '@topology-studio/engine'
