import { KeyValue } from '../dsl/key-value'
import type { Serde } from '../serde/serde'
import type { OutputQueue } from './output-queue'
import { TestRecord } from './test-record'

/** What an output topic needs from its driver. */
export interface OutputSource {
  /** The topic's unread records; null while nothing was produced to it. */
  outputQueue(topic: string): OutputQueue | null
  /** Why a topic may be unknown, appended to "Uninitialized topic" errors. */
  unknownTopicHint(topic: string): string
}

/** Reads what the topology wrote to one topic, oldest first, as Kafka's `TestOutputTopic`. */
export class TestOutputTopic<K, V> {
  constructor(
    private readonly driver: OutputSource,
    readonly topic: string,
    private readonly keySerde: Serde<K>,
    private readonly valueSerde: Serde<V>,
  ) {}

  readRecord(): TestRecord<K, V> {
    // As Kafka's driver: "Uninitialized" until something was produced, then "Empty".
    const queue = this.driver.outputQueue(this.topic)
    if (queue === null) {
      throw new RangeError(
        `Uninitialized topic: ${this.topic}${this.driver.unknownTopicHint(this.topic)}`,
      )
    }
    const produced = queue.poll()
    if (produced === undefined) throw new RangeError(`Empty topic: ${this.topic}`)
    return new TestRecord(
      this.keySerde.deserialize(this.topic, produced.key),
      this.valueSerde.deserialize(this.topic, produced.value),
      produced.headers,
      produced.timestamp,
    )
  }

  readValue(): V | null {
    return this.readRecord().value()
  }

  readKeyValue(): KeyValue<K | null, V | null> {
    const record = this.readRecord()
    return new KeyValue(record.key(), record.value())
  }

  readRecordsToList(): TestRecord<K, V>[] {
    const out: TestRecord<K, V>[] = []
    while (!this.isEmpty()) out.push(this.readRecord())
    return out
  }

  readValuesToList(): (V | null)[] {
    return this.readRecordsToList().map((record) => record.value())
  }

  readKeyValuesToList(): KeyValue<K | null, V | null>[] {
    return this.readRecordsToList().map((record) => new KeyValue(record.key(), record.value()))
  }

  /**
   * Latest value per key (a tombstone is kept as null, as Java's HashMap does). Keys are
   * compared as Java compares them with equals(), by value: object keys (Windowed, JSON) that
   * serialize alike are one key, the first one read.
   */
  readKeyValuesToMap(): Map<K, V | null> {
    const out = new Map<K, V | null>()
    const keyByBytes = new Map<string, K>()
    for (const record of this.readRecordsToList()) {
      const read = record.key()
      if (read === null) throw new TypeError('Null keys not allowed with readKeyValuesToMap method')
      let key: K = read
      if (typeof key === 'object' || typeof key === 'function') {
        const bytes = this.keySerde.serialize(this.topic, key)
        const identity = bytes === null ? '' : bytes.join(',')
        const first = keyByBytes.get(identity)
        if (first === undefined) keyByBytes.set(identity, key)
        else key = first
      }
      out.set(key, record.value())
    }
    return out
  }

  getQueueSize(): number {
    return this.driver.outputQueue(this.topic)?.size ?? 0
  }

  isEmpty(): boolean {
    return this.getQueueSize() === 0
  }

  toString(): string {
    return `TestOutputTopic[topic='${this.topic}', size=${this.getQueueSize()}]`
  }
}
