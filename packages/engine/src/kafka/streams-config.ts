// The Kafka Streams config keys the Kafka runtime reads, with Kafka's defaults; a value it
// cannot use is refused with a message naming the key.
import type { SASLOptions } from 'kafkajs'
import type { ConnectionOptions } from 'node:tls'
import { runtimeConfig, type RuntimeConfig, type RuntimeProps } from '../runtime/runtime-config'

export type ProcessingGuarantee = 'at_least_once' | 'exactly_once'

export interface StreamsConfig {
  readonly applicationId: string
  readonly bootstrapServers: readonly string[]
  readonly clientId: string
  readonly numStreamThreads: number
  readonly commitIntervalMs: number
  readonly processingGuarantee: ProcessingGuarantee
  /** -1: the broker's default.replication.factor. */
  readonly replicationFactor: number
  readonly numStandbyReplicas: number
  /** `application.server` (host:port) shared with the group for interactive queries. */
  readonly applicationServer: string | null
  readonly sessionTimeoutMs: number
  readonly heartbeatIntervalMs: number
  readonly rebalanceTimeoutMs: number
  readonly transactionTimeoutMs: number
  readonly windowChangelogAdditionalRetentionMs: number
  /** `ssl` and `sasl` as kafkajs takes them, passed through. */
  readonly ssl: boolean | ConnectionOptions | undefined
  readonly sasl: SASLOptions | undefined
  /** `topic.*` keys without the prefix: configs of every internal topic. */
  readonly topicConfig: Readonly<Record<string, string>>
  readonly runtime: RuntimeConfig
}

const APPLICATION_ID = /^[a-zA-Z0-9._-]+$/

export class StreamsConfigError extends Error {
  override readonly name = 'StreamsConfigError'
}

function integer(props: RuntimeProps, key: string, fallback: number, min = 0): number {
  const value = props[key]
  if (value === undefined || value === null) return fallback
  const n = typeof value === 'number' ? value : Number(value)
  if (!Number.isInteger(n) || n < min) {
    throw new StreamsConfigError(
      `Invalid value ${String(value)} for configuration ${key}: expected an integer of at least ${min}`,
    )
  }
  return n
}

function guarantee(props: RuntimeProps): ProcessingGuarantee {
  const value = props['processing.guarantee'] ?? 'at_least_once'
  if (value === 'at_least_once') return 'at_least_once'
  // Both run with one transactional producer per task (see README: kafkajs cannot send the
  // consumer group metadata that exactly_once_v2 needs).
  if (value === 'exactly_once' || value === 'exactly_once_v2') return 'exactly_once'
  throw new StreamsConfigError(
    `Invalid value ${String(value)} for configuration processing.guarantee: expected at_least_once, exactly_once or exactly_once_v2`,
  )
}

function servers(props: RuntimeProps): string[] {
  const value = props['bootstrap.servers']
  const list =
    typeof value === 'string'
      ? value.split(',')
      : Array.isArray(value)
        ? value.map((v) => String(v))
        : []
  const trimmed = list.map((s) => s.trim()).filter((s) => s !== '')
  if (trimmed.length === 0) {
    throw new StreamsConfigError(
      'Missing required configuration bootstrap.servers: give host:port pairs, e.g. "127.0.0.1:9092"',
    )
  }
  for (const server of trimmed) {
    if (!/^[^:\s]+:\d+$/.test(server)) {
      throw new StreamsConfigError(
        `Invalid value ${server} in configuration bootstrap.servers: expected host:port`,
      )
    }
  }
  return trimmed
}

export function streamsConfig(props: RuntimeProps, processId: string): StreamsConfig {
  const applicationId = props['application.id']
  if (typeof applicationId !== 'string' || applicationId === '') {
    throw new StreamsConfigError(
      'Missing required configuration application.id: it names the consumer group and prefixes internal topics',
    )
  }
  if (!APPLICATION_ID.test(applicationId)) {
    throw new StreamsConfigError(
      `Invalid value ${applicationId} for configuration application.id: use only letters, digits, '.', '_' and '-' (it becomes part of topic names)`,
    )
  }
  const processingGuarantee = guarantee(props)
  const clientId = props['client.id']
  const server = props['application.server']
  if (server !== undefined && server !== null && !/^[^:\s]+:\d+$/.test(String(server))) {
    throw new StreamsConfigError(
      `Invalid value ${String(server)} for configuration application.server: expected host:port`,
    )
  }
  return {
    applicationId,
    bootstrapServers: servers(props),
    clientId:
      typeof clientId === 'string' && clientId !== '' ? clientId : `${applicationId}-${processId}`,
    numStreamThreads: integer(props, 'num.stream.threads', 1, 1),
    commitIntervalMs: integer(
      props,
      'commit.interval.ms',
      processingGuarantee === 'exactly_once' ? 100 : 30_000,
    ),
    processingGuarantee,
    replicationFactor: integer(props, 'replication.factor', -1, -1),
    numStandbyReplicas: integer(props, 'num.standby.replicas', 0),
    applicationServer: server === undefined || server === null ? null : String(server),
    sessionTimeoutMs: integer(props, 'session.timeout.ms', 45_000, 1),
    heartbeatIntervalMs: integer(props, 'heartbeat.interval.ms', 3_000, 1),
    rebalanceTimeoutMs: integer(props, 'max.poll.interval.ms', 300_000, 1),
    transactionTimeoutMs: integer(props, 'transaction.timeout.ms', 10_000, 1),
    windowChangelogAdditionalRetentionMs: integer(
      props,
      'windowstore.changelog.additional.retention.ms',
      24 * 60 * 60 * 1000,
    ),
    ssl: props['ssl'] as StreamsConfig['ssl'],
    sasl: props['sasl'] as StreamsConfig['sasl'],
    topicConfig: Object.fromEntries(
      Object.entries(props)
        .filter(([key]) => key.startsWith('topic.'))
        .map(([key, value]) => [key.slice('topic.'.length), String(value)]),
    ),
    runtime: runtimeConfig(props),
  }
}
