import type { KeyValue } from '../dsl/key-value'
import type { Header } from '../processor/record'
import type { Serde } from '../serde/serde'
import { TestRecord } from './test-record'

/** What an input topic needs from its driver. */
export interface InputPipe {
  pipeRecord(
    topic: string,
    timestamp: number,
    key: Uint8Array | null,
    value: Uint8Array | null,
    headers: readonly Header[],
  ): void
}

/**
 * Pipes records into one topic of a TopologyTestDriver, as Kafka's `TestInputTopic`. Records
 * without a timestamp get the topic's current time, which then advances by `autoAdvanceMs`.
 */
export class TestInputTopic<K, V> {
  private currentTime: number

  constructor(
    private readonly driver: InputPipe,
    readonly topic: string,
    private readonly keySerde: Serde<K>,
    private readonly valueSerde: Serde<V>,
    startTimestampMs: number,
    private readonly autoAdvanceMs: number,
  ) {
    if (autoAdvanceMs < 0) throw new RangeError('autoAdvance must be non-negative')
    this.currentTime = startTimestampMs
  }

  advanceTime(advanceMs: number): void {
    if (advanceMs < 0) throw new RangeError('advance must be non-negative')
    this.currentTime += advanceMs
  }

  /** `pipeInput(value)`, `pipeInput(key, value)`, `pipeInput(key, value, timestamp)` or a TestRecord. */
  pipeInput(value: V | null): void
  pipeInput(key: K | null, value: V | null, timestampMs?: number): void
  pipeInput(record: TestRecord<K, V>): void
  pipeInput(...args: unknown[]): void {
    if (args.length === 1 && args[0] instanceof TestRecord) {
      this.pipeRecord(args[0] as TestRecord<K, V>)
    } else if (args.length === 1) {
      this.pipeRecord(new TestRecord<K, V>(null, args[0] as V | null))
    } else {
      const timestamp = args[2] as number | undefined
      this.pipeRecord(
        new TestRecord<K, V>(args[0] as K | null, args[1] as V | null, [], timestamp ?? null),
      )
    }
  }

  pipeRecord(record: TestRecord<K, V>): void {
    let timestamp = record.timestamp()
    if (timestamp === null) {
      timestamp = this.currentTime
      this.currentTime += this.autoAdvanceMs
    }
    this.driver.pipeRecord(
      this.topic,
      timestamp,
      this.keySerde.serialize(this.topic, record.key()),
      this.valueSerde.serialize(this.topic, record.value()),
      record.headers(),
    )
  }

  /** With `startTimestampMs`, records get it plus `advanceMs` per record; the topic time stays. */
  pipeValueList(values: readonly (V | null)[], startTimestampMs?: number, advanceMs = 0): void {
    this.pipeKeyValueList(
      values.map((value) => ({ key: null, value })),
      startTimestampMs,
      advanceMs,
    )
  }

  /** With `startTimestampMs`, records get it plus `advanceMs` per record; the topic time stays. */
  pipeKeyValueList(
    entries: readonly Pick<KeyValue<K | null, V | null>, 'key' | 'value'>[],
    startTimestampMs?: number,
    advanceMs = 0,
  ): void {
    if (advanceMs < 0) throw new RangeError('advance must be non-negative')
    let time = startTimestampMs ?? null
    for (const entry of entries) {
      this.pipeRecord(new TestRecord(entry.key, entry.value, [], time))
      if (time !== null) time += advanceMs
    }
  }

  pipeRecordList(records: readonly TestRecord<K, V>[]): void {
    for (const record of records) this.pipeRecord(record)
  }

  toString(): string {
    return `TestInputTopic[topic='${this.topic}', currentTime=${this.currentTime}]`
  }
}
