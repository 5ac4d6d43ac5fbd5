// How output reaches the broker under each processing guarantee. At-least-once: one producer
// per stream thread, sends pipelined, all of them acknowledged before offsets are committed.
// Exactly-once: one transactional producer per task (transactional.id
// `<application.id>-<taskId>`), output and offsets committed in one transaction; a new owner
// of the task fences the previous one when it registers the same transactional.id.
import type { Kafka, Producer, TopicMessages, Transaction } from 'kafkajs'
import { chunkTopicMessages } from './output-buffer'

const MAX_IN_FLIGHT_SENDS = 8

export class PipelinedProducer {
  private readonly inFlight = new Set<Promise<void>>()
  private failure: unknown = null

  constructor(private readonly producer: Producer) {}

  async connect(): Promise<void> {
    await this.producer.connect()
  }

  /** Starts sending; waits only when too many sends are already in flight. */
  async send(topicMessages: TopicMessages[]): Promise<void> {
    for (const request of chunkTopicMessages(topicMessages)) await this.sendRequest(request)
  }

  private async sendRequest(topicMessages: TopicMessages[]): Promise<void> {
    this.throwIfFailed()
    const sending = this.producer
      .sendBatch({ topicMessages, acks: -1 })
      .then(
        () => undefined,
        (error: unknown) => {
          this.failure ??= error
        },
      )
      .finally(() => this.inFlight.delete(sending))
    this.inFlight.add(sending)
    if (this.inFlight.size >= MAX_IN_FLIGHT_SENDS) await Promise.race(this.inFlight)
  }

  /** Waits until every send was acknowledged; throws the first failure. */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight)
    this.throwIfFailed()
  }

  private throwIfFailed(): void {
    if (this.failure !== null) {
      const failure = this.failure
      this.failure = null
      throw failure
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.inFlight)
    await this.producer.disconnect()
  }
}

export interface CommittedOffset {
  readonly topic: string
  readonly partition: number
  readonly offset: number
}

export class TransactionalTaskProducer {
  private transaction: Transaction | null = null
  private readonly producer: Producer

  constructor(
    kafka: Kafka,
    readonly transactionalId: string,
    transactionTimeoutMs: number,
  ) {
    this.producer = kafka.producer({
      transactionalId,
      idempotent: true,
      maxInFlightRequests: 1,
      transactionTimeout: transactionTimeoutMs,
    })
  }

  /** Registers the transactional.id, which aborts what a previous owner left open. */
  async connect(): Promise<void> {
    await this.producer.connect()
  }

  private async begin(): Promise<Transaction> {
    this.transaction ??= await this.producer.transaction()
    return this.transaction
  }

  async send(topicMessages: TopicMessages[]): Promise<void> {
    if (topicMessages.length === 0) return
    const transaction = await this.begin()
    for (const request of chunkTopicMessages(topicMessages)) {
      await transaction.sendBatch({ topicMessages: request, acks: -1 })
    }
  }

  /** Commits the output sent so far with the consumed offsets, atomically. */
  async commit(groupId: string, offsets: readonly CommittedOffset[]): Promise<void> {
    if (this.transaction === null && offsets.length === 0) return
    const transaction = await this.begin()
    if (offsets.length > 0) {
      const topics = new Map<string, { partition: number; offset: string }[]>()
      for (const { topic, partition, offset } of offsets) {
        topics.set(topic, [...(topics.get(topic) ?? []), { partition, offset: String(offset) }])
      }
      await transaction.sendOffsets({
        consumerGroupId: groupId,
        topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })),
      })
    }
    await transaction.commit()
    this.transaction = null
  }

  async abort(): Promise<void> {
    const transaction = this.transaction
    this.transaction = null
    if (transaction !== null && transaction.isActive()) await transaction.abort()
  }

  async close(): Promise<void> {
    try {
      await this.abort()
    } finally {
      await this.producer.disconnect()
    }
  }
}
