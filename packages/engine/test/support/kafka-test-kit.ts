// What the integration tests do with the broker besides running KafkaStreams: create topics,
// produce records, and read a topic until what the test waits for has arrived.
import { Kafka, logLevel, Partitioners, type Admin, type Producer } from 'kafkajs'
import { afterAll, beforeAll, inject } from 'vitest'

export interface TestRecord {
  readonly key: string | null
  readonly value: Buffer | string | null
  readonly partition?: number
  readonly timestamp?: number
}

export interface ReadRecord {
  readonly key: Buffer | null
  readonly value: Buffer | null
  readonly partition: number
  readonly offset: number
  readonly timestamp: number
}

export function bootstrapServers(): string {
  return inject('kafkaBootstrapServers')
}

export class KafkaTestKit {
  readonly kafka = new Kafka({
    clientId: 'integration-test',
    brokers: bootstrapServers().split(','),
    logLevel: logLevel.NOTHING,
  })
  private readonly admin: Admin = this.kafka.admin()
  private readonly producer: Producer = this.kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
  })

  async connect(): Promise<void> {
    await this.admin.connect()
    await this.producer.connect()
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect()
    await this.admin.disconnect()
  }

  async createTopic(topic: string, partitions: number): Promise<void> {
    await this.admin.createTopics({
      topics: [{ topic, numPartitions: partitions }],
      waitForLeaders: true,
    })
  }

  async topicPartitions(topic: string): Promise<number> {
    const { topics } = await this.admin.fetchTopicMetadata({ topics: [topic] })
    return topics[0]?.partitions.length ?? 0
  }

  async topicNames(): Promise<string[]> {
    return this.admin.listTopics()
  }

  async produce(topic: string, records: readonly TestRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i += 500) {
      await this.producer.send({
        topic,
        acks: -1,
        messages: records.slice(i, i + 500).map((r) => ({
          key: r.key,
          value: r.value,
          ...(r.partition !== undefined ? { partition: r.partition } : {}),
          ...(r.timestamp !== undefined ? { timestamp: String(r.timestamp) } : {}),
        })),
      })
    }
  }

  /**
   * Reads a topic from the beginning until `done` holds for what was read (or the time runs
   * out, then fails naming how much arrived).
   */
  async readUntil(
    topic: string,
    done: (records: readonly ReadRecord[]) => boolean,
    options: {
      timeoutMs?: number
      readCommitted?: boolean
      /** What the timeout message says about the records read, e.g. which counts are off. */
      explain?: (records: readonly ReadRecord[]) => string
    } = {},
  ): Promise<ReadRecord[]> {
    const consumer = this.kafka.consumer({
      groupId: `reader-${topic}-${Math.random().toString(36).slice(2)}`,
      readUncommitted: options.readCommitted !== true,
    })
    const records: ReadRecord[] = []
    await consumer.connect()
    await consumer.subscribe({ topics: [topic], fromBeginning: true })
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `Timed out reading ${topic}: ${records.length} records arrived, the test waited for more${options.explain === undefined ? '' : `: ${options.explain(records)}`}`,
              ),
            ),
          options.timeoutMs ?? 60_000,
        )
        void consumer.run({
          eachBatch: async ({ batch }) => {
            for (const m of batch.messages) {
              records.push({
                key: m.key,
                value: m.value,
                partition: batch.partition,
                offset: Number(m.offset),
                timestamp: Number(m.timestamp),
              })
            }
            if (done(records)) {
              clearTimeout(timer)
              resolve()
            }
          },
        })
      })
    } finally {
      await consumer.disconnect()
    }
    return records
  }
}

/** A test kit connected for the test file's tests (hooks registered here). */
export function connectedTestKit(): KafkaTestKit {
  const kit = new KafkaTestKit()
  beforeAll(() => kit.connect())
  afterAll(() => kit.disconnect())
  return kit
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`
}

/** The last value per key, decoded by `decode`. */
export function latestByKey<V>(
  records: readonly ReadRecord[],
  decode: (value: Buffer) => V,
): Map<string, V> {
  const latest = new Map<string, V>()
  for (const r of records) {
    if (r.key === null) continue
    if (r.value === null) latest.delete(r.key.toString())
    else latest.set(r.key.toString(), decode(r.value))
  }
  return latest
}

/** Java's LongSerializer: 8 bytes big-endian. */
export function readLong(value: Buffer): number {
  return Number(value.readBigInt64BE(0))
}

export async function eventually<T>(
  probe: () => T | Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 60_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last = await probe()
  while (!ok(last)) {
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`,
      )
    }
    await new Promise((r) => setTimeout(r, 200))
    last = await probe()
  }
  return last
}
