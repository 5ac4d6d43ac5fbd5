// Reads changelog partitions into stores, off the group consumer's path: restoring an active
// task up to the changelog's end before it processes, and following a standby task's
// changelog for as long as it is assigned.
//
// kafkajs has no assign()/seek-only consumer, so the reader is a consumer alone in a group of
// its own (no offsets are ever committed, so the broker drops the group when the reader
// leaves). Being the only member it is given every partition of the changelog topics; it
// keeps them all paused and resumes, after a seek, only the ones a task needs.
import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs'
import type { ChangelogRestorer } from '../runtime/state/runtime-store'

export interface RestoreProgress {
  readonly topic: string
  readonly partition: number
  readonly restored: number
  readonly total: number
}

interface Registration {
  readonly topic: string
  readonly partition: number
  readonly restorer: ChangelogRestorer
  readonly mode: 'restore' | 'standby'
  position: number
  readonly startOffset: number
  readonly endOffset: number
  restored: number
  readonly onProgress: (progress: RestoreProgress) => void
  readonly done: () => void
}

const keyOf = (topic: string, partition: number) => `${topic}\u0000${partition}`

export interface ChangelogReaderOptions {
  readonly kafka: Kafka
  readonly admin: Admin
  readonly groupId: string
  /** Every changelog topic the thread may read, with its partition count. */
  readonly topics: ReadonlyMap<string, number>
  readonly readCommitted: boolean
  readonly sessionTimeoutMs: number
  readonly heartbeatIntervalMs: number
  /** Decides whether the reader's consumer restarts after a crash. */
  readonly restartOnFailure: (error: Error) => Promise<boolean>
}

export class ChangelogReader {
  private readonly consumer: Consumer | null
  private readonly registrations = new Map<string, Registration>()
  private failure: unknown = null

  constructor(private readonly options: ChangelogReaderOptions) {
    this.consumer =
      options.topics.size === 0
        ? null
        : options.kafka.consumer({
            groupId: options.groupId,
            readUncommitted: !options.readCommitted,
            sessionTimeout: options.sessionTimeoutMs,
            heartbeatInterval: options.heartbeatIntervalMs,
            allowAutoTopicCreation: false,
            maxWaitTimeInMs: 500,
            retry: { retries: 10, restartOnFailure: options.restartOnFailure },
          })
  }

  async start(): Promise<void> {
    const consumer = this.consumer
    if (consumer === null) return
    await consumer.connect()
    await consumer.subscribe({ topics: [...this.options.topics.keys()], fromBeginning: true })
    // Only the partitions of registered tasks are fetched; kafkajs takes pauses once the group
    // is joined, before it fetches.
    consumer.on(consumer.events.GROUP_JOIN, () => {
      consumer.pause(
        [...this.options.topics].map(([topic, count]) => ({
          topic,
          partitions: Array.from({ length: count }, (_, p) => p).filter(
            (p) => !this.registrations.has(keyOf(topic, p)),
          ),
        })),
      )
    })
    // Batches holding only transaction markers never reach eachBatch, yet move the position.
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      const registration = this.registrations.get(keyOf(payload.topic, payload.partition))
      if (registration === undefined) return
      registration.position = Math.max(registration.position, Number(payload.lastOffset) + 1)
      this.maybeDone(registration)
    })
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      // A consumer kafkajs restarts has not failed yet.
      if (!payload.restart) this.failure = payload.error
    })
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.onBatch(payload),
    })
  }

  /**
   * Restores one changelog partition from `fromOffset` to `until` (default: its current end);
   * resolves with the position reached. Records restored are counted in `onProgress`.
   */
  async restore(
    topic: string,
    partition: number,
    restorer: ChangelogRestorer,
    fromOffset: number,
    onProgress: (progress: RestoreProgress) => void,
    until?: number,
  ): Promise<number> {
    const endOffset = until ?? (await this.endOffset(topic, partition))
    if (fromOffset >= endOffset) return fromOffset
    return new Promise<number>((resolve) => {
      const registration = this.register({
        topic,
        partition,
        restorer,
        mode: 'restore',
        startOffset: fromOffset,
        endOffset,
        onProgress,
        done: () => resolve(registration.position),
      })
    })
  }

  /** Keeps applying a standby task's changelog partition from `fromOffset` on. */
  follow(topic: string, partition: number, restorer: ChangelogRestorer, fromOffset: number): void {
    this.register({
      topic,
      partition,
      restorer,
      mode: 'standby',
      startOffset: fromOffset,
      endOffset: Number.MAX_SAFE_INTEGER,
      onProgress: () => undefined,
      done: () => undefined,
    })
  }

  /**
   * Stops reading a partition; returns the position reached (the next offset to apply). A
   * restore still running ends there: its promise resolves with that position.
   */
  release(topic: string, partition: number): number | null {
    const registration = this.registrations.get(keyOf(topic, partition))
    if (registration === undefined) return null
    this.registrations.delete(keyOf(topic, partition))
    this.consumer?.pause([{ topic, partitions: [partition] }])
    registration.done()
    return registration.position
  }

  /** Throws when the reader's consumer crashed for good. */
  throwIfFailed(): void {
    if (this.failure !== null) {
      throw new Error(`The changelog reader ${this.options.groupId} failed`, {
        cause: this.failure,
      })
    }
  }

  private register(spec: Omit<Registration, 'position' | 'restored'>): Registration {
    const consumer = this.consumer
    if (consumer === null) throw new Error(`No changelog topics to read ${spec.topic} from`)
    const registration: Registration = { ...spec, position: spec.startOffset, restored: 0 }
    this.registrations.set(keyOf(spec.topic, spec.partition), registration)
    consumer.seek({
      topic: spec.topic,
      partition: spec.partition,
      offset: String(spec.startOffset),
    })
    consumer.resume([{ topic: spec.topic, partitions: [spec.partition] }])
    return registration
  }

  private async endOffset(topic: string, partition: number): Promise<number> {
    const offsets = await this.options.admin.fetchTopicOffsets(topic)
    const found = offsets.find((o) => o.partition === partition)
    if (found === undefined) {
      throw new Error(`Changelog topic ${topic} has no partition ${partition}`)
    }
    return Number(found.high)
  }

  private async onBatch({ batch, resolveOffset, heartbeat }: EachBatchPayload): Promise<void> {
    const registration = this.registrations.get(keyOf(batch.topic, batch.partition))
    if (registration === undefined) return
    let applied = 0
    for (const message of batch.messages) {
      const offset = Number(message.offset)
      // A fetch issued before a seek may still deliver older records.
      if (offset < registration.position) continue
      if (offset >= registration.endOffset) break
      registration.restorer(
        message.key ?? new Uint8Array(0),
        message.value,
        Number(message.timestamp),
      )
      registration.position = offset + 1
      registration.restored++
      resolveOffset(message.offset)
      if (++applied % 1000 === 0) {
        await heartbeat()
        // Released (or registered again) while this batch waited.
        if (this.registrations.get(keyOf(batch.topic, batch.partition)) !== registration) return
      }
    }
    registration.onProgress({
      topic: registration.topic,
      partition: registration.partition,
      restored: registration.restored,
      total: Math.max(registration.restored, registration.endOffset - registration.startOffset),
    })
    this.maybeDone(registration)
  }

  private maybeDone(registration: Registration): void {
    if (registration.mode !== 'restore' || registration.position < registration.endOffset) return
    this.release(registration.topic, registration.partition)
  }

  async stop(): Promise<void> {
    this.registrations.clear()
    await this.consumer?.disconnect()
  }
}
