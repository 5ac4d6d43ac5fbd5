// Where a task's output waits between sends: a RecordCollector that keeps kafkajs messages
// per topic, so that each send to the broker carries a batch rather than one record.
import type { Message, TopicMessages } from 'kafkajs'
import type { ProducedRecord, RecordCollector } from '../runtime/record-collector'
import { kafkajsMessage } from './kafka-records'

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
