// One connected cluster: an admin client for metadata, a producer made on first use, and
// short-lived consumers for peeking. The only module of the server that speaks kafkajs.
import { randomBytes } from 'node:crypto'
import type {
  ClusterHealth,
  CreateTopicRequestSchema,
  PeekedRecord,
  PeekQuerySchema,
  ProduceRequestSchema,
  TopicInfo,
} from '@topology-studio/shared'
import kafkajs, { type Admin, type Kafka, type Producer } from 'kafkajs'
import type { z } from 'zod'
import { partitionForKey } from '@topology-studio/engine/kafka'
import { ApiError } from '../http/api-error'
import { withDeadline } from './deadline'
import { kafkaClientConfig, type ClusterSettings } from './kafka-client-options'
import { kafkaError } from './kafka-errors'
import { decodeField, encodeField } from './record-codec'

const { Kafka: KafkaClient, Partitioners, ConfigResourceTypes } = kafkajs

/** A record ready to send: key and value already encoded. */
export interface OutgoingRecord {
  key: Buffer | string | null
  value: Buffer | string | null
  partition?: number
  timestamp?: string
  headers?: Record<string, string>
}

const ADMIN_DEADLINE_MS = 8_000
/** After this long without new records, the peeked range holds no more data records. */
const PEEK_QUIET_MS = 1_500
const PEEK_DEADLINE_MS = 15_000
/** Configs listed for every topic even at their defaults: what users check first. */
const KEY_CONFIGS = new Set(['cleanup.policy', 'retention.ms', 'min.insync.replicas'])

export class ClusterConnection {
  readonly kafka: Kafka
  private readonly admin: Admin
  private producer: Promise<Producer> | null = null
  private roundRobin = 0
  clusterId = ''

  constructor(
    readonly id: string,
    readonly name: string,
    readonly settings: ClusterSettings,
  ) {
    this.kafka = new KafkaClient(kafkaClientConfig(settings, `topology-studio-${id}`))
    this.admin = this.kafka.admin()
  }

  /** Connects and checks that the servers answer as a Kafka cluster. */
  async connect(): Promise<void> {
    await this.call('connecting', async () => {
      await this.admin.connect()
      this.clusterId = (await this.admin.describeCluster()).clusterId
    })
  }

  async health(): Promise<ClusterHealth> {
    return this.call('reading cluster health', async () => {
      const cluster = await this.admin.describeCluster()
      const metadata = await this.admin.fetchTopicMetadata()
      const partitions = metadata.topics.flatMap((t) => t.partitions)
      return {
        clusterId: cluster.clusterId,
        controller: cluster.controller,
        brokers: cluster.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port })),
        topicCount: metadata.topics.length,
        partitionCount: partitions.length,
        underReplicatedPartitions: partitions.filter((p) => p.isr.length < p.replicas.length)
          .length,
        offlinePartitions: partitions.filter((p) => p.leader < 0).length,
      }
    })
  }

  /** Every topic, or the named ones, with partitions, end offsets and configs. */
  async topics(names?: readonly string[]): Promise<TopicInfo[]> {
    return this.call('listing topics', async () => {
      const metadata = await this.admin.fetchTopicMetadata(
        names === undefined ? undefined : { topics: [...names] },
      )
      const [configs, offsets] = await Promise.all([
        this.topicConfigs(metadata.topics.map((t) => t.name)),
        Promise.all(metadata.topics.map((t) => this.offsetsOf(t.name))),
      ])
      return metadata.topics
        .map((topic, index) => {
          const bounds = new Map((offsets[index] ?? []).map((o) => [o.partition, o]))
          return {
            name: topic.name,
            internal: topic.name.startsWith('__'),
            partitions: topic.partitions
              .map((p) => ({
                partition: p.partitionId,
                leader: p.leader,
                replicas: p.replicas,
                isr: p.isr,
                startOffset: bounds.get(p.partitionId)?.low ?? null,
                endOffset: bounds.get(p.partitionId)?.high ?? null,
              }))
              .sort((a, b) => a.partition - b.partition),
            configs: configs.get(topic.name) ?? {},
          }
        })
        .sort((a, b) => a.name.localeCompare(b.name))
    })
  }

  /**
   * A topic's offsets; a topic whose leaders are still being elected (just created, or being
   * deleted) answers once more after a moment, and then without offsets rather than failing the
   * whole list.
   */
  private async offsetsOf(
    topic: string,
  ): Promise<{ partition: number; low: string; high: string }[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.admin.fetchTopicOffsets(topic)
      } catch {
        if (attempt >= 2) return []
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    }
  }

  async createTopic(request: z.output<typeof CreateTopicRequestSchema>): Promise<void> {
    await this.call(`creating topic ${request.name}`, async () => {
      const created = await this.admin.createTopics({
        waitForLeaders: true,
        topics: [
          {
            topic: request.name,
            numPartitions: request.partitions,
            replicationFactor: request.replicationFactor,
            configEntries: Object.entries(request.configs).map(([name, value]) => ({
              name,
              value,
            })),
          },
        ],
      })
      if (!created) {
        throw new ApiError(409, 'topic_exists', `Topic ${request.name} already exists`, {
          topic: request.name,
        })
      }
    })
  }

  async topicNames(): Promise<string[]> {
    return this.call('listing topics', () => this.admin.listTopics())
  }

  /** The partition count of a topic, or a 404 naming it. */
  async partitionCount(topic: string): Promise<number> {
    return this.call(`reading topic ${topic}`, async () => {
      const names = await this.admin.listTopics()
      if (!names.includes(topic)) {
        throw new ApiError(404, 'topic_not_found', `Topic ${topic} does not exist`, { topic })
      }
      const metadata = await this.admin.fetchTopicMetadata({ topics: [topic] })
      return metadata.topics[0]?.partitions.length ?? 0
    })
  }

  /** The last `limit` records of one partition, decoded with the chosen serdes. */
  async peek(
    topic: string,
    partition: number,
    query: z.output<typeof PeekQuerySchema>,
  ): Promise<PeekedRecord[]> {
    const partitions = await this.partitionCount(topic)
    if (partition >= partitions) {
      throw new ApiError(
        404,
        'topic_not_found',
        `Topic ${topic} has ${partitions} partitions; there is no partition ${partition}`,
        { topic, partition },
      )
    }
    const bounds = await this.call(`reading offsets of ${topic}`, () =>
      this.admin.fetchTopicOffsets(topic),
    )
    const bound = bounds.find((b) => b.partition === partition)
    const end = Number(bound?.high ?? 0)
    const start = Math.max(Number(bound?.low ?? 0), end - query.limit)
    if (end <= start) return []
    const raw = await withDeadline(
      this.readRange(topic, partition, partitions, start, end),
      PEEK_DEADLINE_MS,
      `reading ${topic}-${partition}`,
    )
    return raw.map((message) => {
      const key = decodeField(query.keySerde, topic, message.key)
      const value = decodeField(query.valueSerde, topic, message.value)
      const errors = [
        key.error === undefined ? null : `key: ${key.error}`,
        value.error === undefined ? null : `value: ${value.error}`,
      ].filter((e) => e !== null)
      return {
        partition,
        offset: message.offset,
        timestamp: Number(message.timestamp),
        key: key.value,
        value: value.value,
        headers: Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([name, header]) => [
            name,
            Array.isArray(header) ? header.map(String).join(',') : String(header ?? ''),
          ]),
        ),
        ...(errors.length === 0 ? {} : { decodeError: errors.join('; ') }),
      }
    })
  }

  async produce(
    topic: string,
    request: z.output<typeof ProduceRequestSchema>,
  ): Promise<{ partition: number; offset: string }[]> {
    const partitions = await this.partitionCount(topic)
    const messages = request.records.map((record, index) => {
      if (record.partition !== undefined && record.partition >= partitions) {
        throw new ApiError(
          400,
          'invalid_request',
          `records.${index}.partition is ${record.partition}, but topic ${topic} has ${partitions} partitions`,
          { issues: [{ path: `records.${index}.partition`, message: 'no such partition' }] },
        )
      }
      return {
        key: encodeField(request.keySerde, topic, record.key, `records.${index}.key`),
        value: encodeField(request.valueSerde, topic, record.value, `records.${index}.value`),
        ...(record.partition === undefined ? {} : { partition: record.partition }),
        ...(record.timestamp === undefined ? {} : { timestamp: String(record.timestamp) }),
        ...(record.headers === undefined ? {} : { headers: record.headers }),
      }
    })
    return this.send(topic, messages, partitions)
  }

  /**
   * Sends encoded records and answers each one's offset. Partitions are chosen here, with Kafka's
   * murmur2 for keyed records and round robin for the others, so each record's offset is known
   * from its partition's base offset (records keep their request order within a partition).
   */
  async send(
    topic: string,
    messages: OutgoingRecord[],
    partitions?: number,
  ): Promise<{ partition: number; offset: string }[]> {
    const count = partitions ?? (await this.partitionCount(topic))
    const placed = messages.map((message) => ({
      ...message,
      partition:
        message.partition ??
        (message.key === null
          ? this.roundRobin++ % count
          : partitionForKey(new Uint8Array(Buffer.from(message.key)), count)),
    }))
    const producer = await this.connectedProducer()
    const metadata = await this.call(`producing to ${topic}`, () =>
      producer.send({ topic, messages: placed, acks: -1 }),
    )
    const next = new Map(metadata.map((m) => [m.partition, BigInt(m.baseOffset ?? '0')]))
    return placed.map(({ partition }) => {
      const offset = next.get(partition) ?? 0n
      next.set(partition, offset + 1n)
      return { partition, offset: String(offset) }
    })
  }

  /**
   * Deletes an application's consumer group and those of its internal topics that exist, as
   * Kafka's application reset tool does; the group must have no members.
   */
  async resetApplication(
    applicationId: string,
    internalTopics: readonly string[],
  ): Promise<{ deletedTopics: string[]; deletedGroup: boolean }> {
    return this.call(`resetting application ${applicationId}`, async () => {
      const groups = await this.admin.listGroups()
      const hasGroup = groups.groups.some((g) => g.groupId === applicationId)
      if (hasGroup) await this.admin.deleteGroups([applicationId])
      const existing = new Set(await this.admin.listTopics())
      const deletedTopics = internalTopics.filter((topic) => existing.has(topic))
      if (deletedTopics.length > 0) await this.admin.deleteTopics({ topics: deletedTopics })
      return { deletedTopics, deletedGroup: hasGroup }
    })
  }

  async close(): Promise<void> {
    const producer = this.producer
    this.producer = null
    await Promise.allSettled([
      this.admin.disconnect(),
      producer?.then((p) => p.disconnect()) ?? Promise.resolve(),
    ])
  }

  private connectedProducer(): Promise<Producer> {
    if (this.producer === null) {
      const producer = this.kafka.producer({
        createPartitioner: Partitioners.DefaultPartitioner,
        allowAutoTopicCreation: false,
      })
      this.producer = withDeadline(
        producer.connect().then(() => producer),
        ADMIN_DEADLINE_MS,
        'connecting a producer',
      ).catch((error: unknown) => {
        this.producer = null
        throw kafkaError(error, 'connecting a producer')
      })
    }
    return this.producer
  }

  private async topicConfigs(names: string[]): Promise<Map<string, Record<string, string>>> {
    if (names.length === 0) return new Map()
    const described = await this.admin.describeConfigs({
      includeSynonyms: false,
      resources: names.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
    })
    return new Map(
      described.resources.map((resource) => [
        resource.resourceName,
        Object.fromEntries(
          resource.configEntries
            .filter((entry) => !entry.isDefault || KEY_CONFIGS.has(entry.configName))
            .map((entry) => [entry.configName, entry.configValue]),
        ),
      ]),
    )
  }

  /**
   * Reads [start, end) of a partition with a consumer alone in a throwaway group (kafkajs has
   * no assign()). It ends at the last offset, or when nothing more comes: the tail of a range
   * may be transaction markers, which are never delivered.
   */
  private async readRange(
    topic: string,
    partition: number,
    partitions: number,
    start: number,
    end: number,
  ): Promise<kafkajs.KafkaMessage[]> {
    const groupId = `topology-studio-peek-${randomBytes(6).toString('hex')}`
    const consumer = this.kafka.consumer({
      groupId,
      maxWaitTimeInMs: 200,
      allowAutoTopicCreation: false,
      retry: { retries: 2 },
    })
    const records: kafkajs.KafkaMessage[] = []
    let quiet: ReturnType<typeof setTimeout> | undefined
    try {
      await consumer.connect()
      await consumer.subscribe({ topics: [topic] })
      await new Promise<void>((resolve, reject) => {
        const quietFor = (ms: number) => {
          clearTimeout(quiet)
          quiet = setTimeout(resolve, ms)
        }
        consumer.on(consumer.events.CRASH, (event) => reject(event.payload.error))
        consumer.on(consumer.events.GROUP_JOIN, () => {
          const others = Array.from({ length: partitions }, (_, p) => p).filter(
            (p) => p !== partition,
          )
          if (others.length > 0) consumer.pause([{ topic, partitions: others }])
          consumer.seek({ topic, partition, offset: String(start) })
          quietFor(PEEK_QUIET_MS * 2)
        })
        consumer
          .run({
            autoCommit: false,
            eachBatch: async ({ batch }) => {
              if (batch.partition !== partition) return
              quietFor(PEEK_QUIET_MS)
              for (const message of batch.messages) {
                const offset = Number(message.offset)
                if (offset >= start && offset < end) records.push(message)
              }
              if (Number(batch.lastOffset()) >= end - 1) resolve()
            },
          })
          .catch(reject)
      })
    } catch (error) {
      throw kafkaError(error, `reading ${topic}-${partition}`)
    } finally {
      clearTimeout(quiet)
      await consumer.disconnect().catch(() => undefined)
      // The group never committed an offset; delete it so peeks leave nothing behind.
      await this.admin.deleteGroups([groupId]).catch(() => undefined)
    }
    return records
  }

  private async call<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await withDeadline(work(), ADMIN_DEADLINE_MS, what)
    } catch (error) {
      throw kafkaError(error, what)
    }
  }
}
