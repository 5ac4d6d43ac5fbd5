import type { Header } from '../processor/record'

/** A serialized record on its way to a topic (sinks, repartition topics, changelogs). */
export interface ProducedRecord {
  readonly topic: string
  /** Null lets the collector pick the partition (murmur2 of the key, as the Java producer). */
  readonly partition: number | null
  readonly key: Uint8Array | null
  readonly value: Uint8Array | null
  /** Null: none (a suppression buffer's changelog); a Kafka producer then stamps send time. */
  readonly timestamp: number | null
  readonly headers: readonly Header[]
}

/** Where a task's output goes: the test driver's topics or a Kafka producer. */
export interface RecordCollector {
  send(record: ProducedRecord): void
  /** Partition count of an output topic, for stream partitioners; null if unknown. */
  partitionsFor(topic: string): number | null
}
