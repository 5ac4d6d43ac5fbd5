import { z } from 'zod'
import { DiagnosticSchema } from '../diagnostic'
import { StreamsConfigValueSchema } from '../topology-graph'
import { DesignIdSchema } from './designs-api'

/** `POST /api/runs`: a stored design on a connected cluster, with config overrides. */
export const StartRunRequestSchema = z.strictObject({
  designId: DesignIdSchema,
  clusterId: z.string().min(1),
  /** Kafka Streams config keys over the design's own (e.g. `num.stream.threads`). */
  config: z.record(z.string(), StreamsConfigValueSchema).default({}),
})
export type StartRunRequest = z.input<typeof StartRunRequestSchema>

export const RUN_STATES = [
  'starting',
  'rebalancing',
  'restoring',
  'running',
  'stopping',
  'stopped',
  'error',
] as const
export const RunStateSchema = z.enum(RUN_STATES)
export type RunState = z.infer<typeof RunStateSchema>

/** A record as a design node saw it (as JSON), with where its task read it from. */
export const NodeRecordSchema = z.strictObject({
  key: z.unknown(),
  value: z.unknown(),
  timestamp: z.number(),
  /** The source topic of the record being processed; null inside a punctuation. */
  topic: z.string().nullable(),
  partition: z.int(),
  offset: z.number(),
})
export type NodeRecord = z.infer<typeof NodeRecordSchema>

export const RunErrorSchema = z.strictObject({
  message: z.string(),
  /** The design node the failure points to, when known. */
  nodeId: z.string().nullable(),
  at: z.string(),
  /** The record the node failed on, when a processor failed on one. */
  record: NodeRecordSchema.nullable(),
})
export type RunError = z.infer<typeof RunErrorSchema>

export const RunStatusSchema = z.strictObject({
  id: z.string(),
  designId: z.string(),
  designName: z.string(),
  clusterId: z.string(),
  applicationId: z.string(),
  state: RunStateSchema,
  /** KafkaStreams' own state (CREATED, REBALANCING, RUNNING, …). */
  streamsState: z.string(),
  /** Restore progress over all restoring tasks, 0 to 1; null when nothing restores. */
  restoreProgress: z.number().min(0).max(1).nullable(),
  startedAt: z.string(),
  stoppedAt: z.string().nullable(),
  error: RunErrorSchema.nullable(),
})
export type RunStatus = z.infer<typeof RunStatusSchema>

/** `GET /api/runs`: every run since the server started. */
export const RunListSchema = z.strictObject({ runs: z.array(RunStatusSchema) })

/** `POST /api/runs/:id/reset`: what was deleted, as Kafka's application reset tool does. */
export const RunResetSchema = z.strictObject({
  deletedTopics: z.array(z.string()),
  deletedGroup: z.boolean(),
})
export type RunReset = z.infer<typeof RunResetSchema>

/** Why a run was refused: the diagnostics with errors, or the source topics that are missing. */
export const RunRefusalSchema = z.strictObject({
  diagnostics: z.array(DiagnosticSchema),
  missingTopics: z.array(z.string()),
})

export const NodeRunMetricsSchema = z.strictObject({
  /** The design node; its physical processor nodes are summed. */
  nodeId: z.string(),
  recordsIn: z.number(),
  recordsOut: z.number(),
  recordsInPerSecond: z.number(),
  recordsOutPerSecond: z.number(),
  errors: z.number(),
  dropped: z.number(),
  latencyP50Ms: z.number().nullable(),
  latencyP99Ms: z.number().nullable(),
  /**
   * Milliseconds per second spent in the node's own processors, not the downstream nodes they
   * forward to, over every task and thread: where the run's processing time goes.
   */
  busyMsPerSecond: z.number().nonnegative(),
})
export type NodeRunMetrics = z.infer<typeof NodeRunMetricsSchema>

export const TaskRunMetricsSchema = z.strictObject({
  taskId: z.string(),
  subtopology: z.int(),
  partition: z.int(),
  thread: z.string(),
  kind: z.enum(['active', 'standby']),
  state: z.enum(['restoring', 'running', 'standby']),
  streamTime: z.number(),
  partitions: z.array(
    z.strictObject({
      topic: z.string(),
      partition: z.int(),
      position: z.number(),
      endOffset: z.number(),
      lag: z.number(),
    }),
  ),
  restore: z.array(z.strictObject({ store: z.string(), restored: z.number(), total: z.number() })),
})
export type TaskRunMetrics = z.infer<typeof TaskRunMetricsSchema>

/** A record a node skipped (a processing error under log-and-continue, a late record, …). */
export const SkippedRecordSchema = z.strictObject({
  nodeId: z.string().nullable(),
  /** The processor node, as describe() names it. */
  processor: z.string(),
  taskId: z.string(),
  /** Kafka's dropped-records reason, e.g. `processing-error`, `expired-window`. */
  reason: z.string(),
  message: z.string(),
  /** Wall-clock time it was reported, ms since the epoch. */
  at: z.number(),
  /** The record, for processing errors. */
  record: NodeRecordSchema.nullable(),
})
export type SkippedRecord = z.infer<typeof SkippedRecordSchema>

/** `run:metrics`, once a second: every design node and every task. */
export const RunMetricsSchema = z.strictObject({
  runId: z.string(),
  at: z.number(),
  nodes: z.array(NodeRunMetricsSchema),
  tasks: z.array(TaskRunMetricsSchema),
  /** Records skipped since the previous update, at most a few dozen of them. */
  skipped: z.array(SkippedRecordSchema),
})
export type RunMetrics = z.infer<typeof RunMetricsSchema>

/** `run:tap`: the latest records through a design node. */
export const RunTapSchema = z.strictObject({
  runId: z.string(),
  nodeId: z.string(),
  records: z.array(NodeRecordSchema),
})
export type RunTap = z.infer<typeof RunTapSchema>

export const TapRequestSchema = z.strictObject({
  runId: z.string(),
  nodeId: z.string(),
  enabled: z.boolean(),
})
export type TapRequest = z.infer<typeof TapRequestSchema>

/** Follow a key (its text, as store key filters read it) through every node, or stop. */
export const FollowRequestSchema = z.strictObject({
  runId: z.string(),
  key: z.string().min(1).max(1_000),
  enabled: z.boolean(),
})
export type FollowRequest = z.infer<typeof FollowRequestSchema>

/** `run:follow`, once a second while a key is followed: its latest records at each node. */
export const RunFollowSchema = z.strictObject({
  runId: z.string(),
  key: z.string(),
  nodes: z.array(z.strictObject({ nodeId: z.string(), records: z.array(NodeRecordSchema) })),
})
export type RunFollow = z.infer<typeof RunFollowSchema>

export const StatePageRequestSchema = z.strictObject({
  runId: z.string(),
  store: z.string(),
  /** Only keys whose text starts with this. */
  keyPrefix: z.string().default(''),
  page: z.int().nonnegative().default(0),
  pageSize: z.int().min(1).max(500).default(50),
})
export type StatePageRequest = z.input<typeof StatePageRequestSchema>

export const StateEntrySchema = z.strictObject({
  key: z.unknown(),
  value: z.unknown(),
  /** Window and session stores: the window or session bounds. */
  window: z.strictObject({ start: z.number(), end: z.number() }).nullable(),
  /** The task that holds the entry (`global` for global stores): its stream time governs it. */
  taskId: z.string(),
  /**
   * Suppress buffers: the stream time a held-back change is measured against (its window's end,
   * or the time of the key's first buffered update); null for other stores.
   */
  bufferTime: z.number().nullable(),
})

/** `run:state`: a page of a store's contents. */
export const StatePageSchema = z.strictObject({
  runId: z.string(),
  store: z.string(),
  /** `suppression`: a suppress's buffer, whose entries are the changes it holds back. */
  kind: z.enum(['keyValue', 'window', 'session', 'suppression']),
  keyPrefix: z.string(),
  page: z.int(),
  pageSize: z.int(),
  totalEntries: z.int(),
  entries: z.array(StateEntrySchema),
})
export type StatePage = z.infer<typeof StatePageSchema>
