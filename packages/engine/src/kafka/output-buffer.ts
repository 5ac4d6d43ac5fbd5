// Where a task's output waits between sends: a RecordCollector that keeps kafkajs messages
// per topic, so that each send to the broker carries a batch rather than one record.
import type { Message, TopicMessages } from 'kafkajs'
import type { ProducedRecord, RecordCollector } from '../runtime/record-collector'
import { kafkajsMessage } from './kafka-records'

/** Bytes per produce request; a broker refuses record batches over message.max.bytes (1 MB). */
const MAX_REQUEST_BYTES = 512 * 1024

function byteLength(v: unknown): number {
  return v === null || v === undefined
    ? 0
    : typeof v === 'string'
      ? v.length * 3
      : (v as Buffer).length
}

function approximateSize(message: Message): number {
  let size = 32 + byteLength(message.key) + byteLength(message.value)
  if (message.headers === undefined) return size
  for (const [key, value] of Object.entries(message.headers)) {
    for (const one of Array.isArray(value) ? value : [value])
      size += key.length + byteLength(one) + 8
  }
  return size
}

/**
 * Splits messages into produce requests of at most about 512 kB: kafkajs sends what it is
 * given in one record batch per partition, which the broker refuses over 1 MB.
 */
export function chunkTopicMessages(topicMessages: readonly TopicMessages[]): TopicMessages[][] {
  const requests: TopicMessages[][] = []
  let current: TopicMessages[] = []
  let bytes = 0
  for (const { topic, messages } of topicMessages) {
    let slice: Message[] = []
    for (const message of messages) {
      const size = approximateSize(message)
      if (bytes + size > MAX_REQUEST_BYTES && bytes > 0) {
        if (slice.length > 0) current.push({ topic, messages: slice })
        requests.push(current)
        current = []
        slice = []
        bytes = 0
      }
      slice.push(message)
      bytes += size
    }
    if (slice.length > 0) current.push({ topic, messages: slice })
  }
  if (current.length > 0) requests.push(current)
  return requests
}

export class OutputBuffer implements RecordCollector {
  private messages = new Map<string, Message[]>()
  private count = 0
  /** Records per topic since the buffer was made (telemetry). */
  readonly sentByTopic = new Map<string, number>()

  constructor(private readonly partitions: (topic: string) => number | null) {}

  send(record: ProducedRecord): void {
    let list = this.messages.get(record.topic)
    if (list === undefined) {
      list = []
      this.messages.set(record.topic, list)
    }
    list.push(kafkajsMessage(record, this.partitions(record.topic)))
    this.count++
  }

  partitionsFor(topic: string): number | null {
    return this.partitions(topic)
  }

  get size(): number {
    return this.count
  }

  /** Takes everything buffered, by topic. */
  drain(): TopicMessages[] {
    if (this.count === 0) return []
    const drained = [...this.messages].map(([topic, messages]) => ({ topic, messages }))
    for (const { topic, messages } of drained) {
      this.sentByTopic.set(topic, (this.sentByTopic.get(topic) ?? 0) + messages.length)
    }
    this.messages = new Map()
    this.count = 0
    return drained
  }

  /** Drops what is buffered (a task closed without committing). */
  clear(): void {
    this.messages = new Map()
    this.count = 0
  }
}
