import { z } from 'zod'
import { SerdeSchema } from '../serde'

const hostPort = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9A-Fa-f:]+\]:\d{1,5}$/, 'must be host:port')

/**
 * How to reach a cluster. Only these client options exist: no free-form properties, so nothing
 * a user types can load classes, open other URLs or switch off checks it does not name.
 */
export const ConnectClusterRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  /** `host:port` list, or one comma-separated string as Kafka clients take it. */
  bootstrapServers: z.union([
    z.array(hostPort).min(1),
    z
      .string()
      .transform((text) => text.split(',').map((s) => s.trim()))
      .pipe(z.array(hostPort).min(1)),
  ]),
  ssl: z
    .union([
      z.boolean(),
      z.strictObject({
        /** PEM text. */
        ca: z.string().optional(),
        cert: z.string().optional(),
        key: z.string().optional(),
        rejectUnauthorized: z.boolean().optional(),
      }),
    ])
    .optional(),
  sasl: z
    .strictObject({
      mechanism: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']),
      username: z.string().min(1),
      password: z.string(),
    })
    .optional(),
})
export type ConnectClusterRequest = z.infer<typeof ConnectClusterRequestSchema>

export const BrokerSchema = z.strictObject({
  nodeId: z.int(),
  host: z.string(),
  port: z.int(),
})

/** A connected cluster as clients see it: never its secrets. */
export const ClusterSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  bootstrapServers: z.array(z.string()),
  ssl: z.boolean(),
  /** The SASL mechanism and user; the password stays on the server. */
  sasl: z.strictObject({ mechanism: z.string(), username: z.string() }).nullable(),
  clusterId: z.string(),
})
export type Cluster = z.infer<typeof ClusterSchema>

/** `GET /api/clusters`. */
export const ClusterListSchema = z.strictObject({ clusters: z.array(ClusterSchema) })

export const ClusterHealthSchema = z.strictObject({
  clusterId: z.string(),
  controller: z.int().nullable(),
  brokers: z.array(BrokerSchema),
  topicCount: z.int().nonnegative(),
  partitionCount: z.int().nonnegative(),
  underReplicatedPartitions: z.int().nonnegative(),
  offlinePartitions: z.int().nonnegative(),
})
export type ClusterHealth = z.infer<typeof ClusterHealthSchema>

export const TopicPartitionInfoSchema = z.strictObject({
  partition: z.int().nonnegative(),
  leader: z.int(),
  replicas: z.array(z.int()),
  isr: z.array(z.int()),
  /** The log start offset: the first offset still stored (null while leaders are elected). */
  startOffset: z.string().nullable(),
  /** The high watermark: the offset the next record will get (null while leaders are elected). */
  endOffset: z.string().nullable(),
})

export const TopicInfoSchema = z.strictObject({
  name: z.string(),
  internal: z.boolean(),
  partitions: z.array(TopicPartitionInfoSchema),
  configs: z.record(z.string(), z.string()),
})
export type TopicInfo = z.infer<typeof TopicInfoSchema>

/** `GET /api/clusters/:id/topics`. */
export const TopicListSchema = z.strictObject({ topics: z.array(TopicInfoSchema) })

const topicName = z
  .string()
  .min(1)
  .max(249)
  .regex(/^[A-Za-z0-9._-]+$/, 'may only hold letters, digits, ".", "_" and "-"')
  .refine((name) => name !== '.' && name !== '..', 'must not be "." or ".."')

export const CreateTopicRequestSchema = z.strictObject({
  name: topicName,
  partitions: z.int().min(1).max(10_000),
  /** -1: the broker's default. */
  replicationFactor: z.int().min(-1).max(32).default(-1),
  configs: z.record(z.string(), z.string()).default({}),
})
export type CreateTopicRequest = z.input<typeof CreateTopicRequestSchema>

/** `GET …/partitions/:p/records?limit&keySerde&valueSerde`: the last records of a partition. */
export const PeekQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(20),
  keySerde: SerdeSchema.default('String'),
  valueSerde: SerdeSchema.default('String'),
})
export type PeekQuery = z.input<typeof PeekQuerySchema>

/** A record as the browser shows it: decoded with the chosen serdes. */
export const PeekedRecordSchema = z.strictObject({
  partition: z.int(),
  offset: z.string(),
  timestamp: z.int(),
  key: z.unknown(),
  value: z.unknown(),
  headers: z.record(z.string(), z.string()),
  /** Set when the key or value does not decode with the chosen serde. */
  decodeError: z.string().optional(),
})
export type PeekedRecord = z.infer<typeof PeekedRecordSchema>

/** The answer to a peek. */
export const PeekResponseSchema = z.strictObject({ records: z.array(PeekedRecordSchema) })

export const ProduceRecordSchema = z.strictObject({
  key: z.unknown().optional(),
  value: z.unknown(),
  partition: z.int().nonnegative().optional(),
  timestamp: z.int().nonnegative().optional(),
  headers: z.record(z.string(), z.string()).optional(),
})

export const ProduceRequestSchema = z.strictObject({
  keySerde: SerdeSchema.default('String'),
  valueSerde: SerdeSchema.default('String'),
  records: z.array(ProduceRecordSchema).min(1).max(10_000),
})
export type ProduceRequest = z.input<typeof ProduceRequestSchema>

export const ProducedOffsetSchema = z.strictObject({
  partition: z.int(),
  offset: z.string(),
})
export type ProducedOffset = z.infer<typeof ProducedOffsetSchema>

/** `POST …/topics/:topic/records`: where each record landed, in request order. */
export const ProduceResponseSchema = z.strictObject({ offsets: z.array(ProducedOffsetSchema) })

export const SAMPLE_DATA_KINDS = ['stock-trades', 'page-views', 'sentences'] as const
export const SampleDataKindSchema = z.enum(SAMPLE_DATA_KINDS)
export type SampleDataKind = z.infer<typeof SampleDataKindSchema>

export const StartGeneratorRequestSchema = z.strictObject({
  kind: SampleDataKindSchema,
  topic: topicName,
  recordsPerSecond: z.number().positive().max(100_000),
  /** Stops by itself after this many records. */
  maxRecords: z.int().positive().optional(),
})
export type StartGeneratorRequest = z.infer<typeof StartGeneratorRequestSchema>

export const GeneratorStatusSchema = z.strictObject({
  id: z.string(),
  clusterId: z.string(),
  kind: SampleDataKindSchema,
  topic: z.string(),
  recordsPerSecond: z.number(),
  state: z.enum(['running', 'stopped', 'failed']),
  produced: z.int().nonnegative(),
  startedAt: z.string(),
  error: z.string().nullable(),
})
export type GeneratorStatus = z.infer<typeof GeneratorStatusSchema>

/** `GET /api/clusters/:id/generators`. */
export const GeneratorListSchema = z.strictObject({ generators: z.array(GeneratorStatusSchema) })
