import type { Header } from '../processor/record'

/** A record piped into or read from the test driver, as Kafka's `TestRecord`. */
export class TestRecord<K, V> {
  readonly headersList: readonly Header[]

  constructor(
    readonly keyValue: K | null,
    readonly valueValue: V | null,
    headers: readonly Header[] = [],
    /** Null: the input topic's current time is used. */
    readonly recordTime: number | null = null,
  ) {
    if (recordTime !== null && recordTime < 0) {
      throw new RangeError(
        `Invalid timestamp: ${recordTime}. Timestamp should always be non-negative or null.`,
      )
    }
    this.headersList = headers
  }

  key(): K | null {
    return this.keyValue
  }

  value(): V | null {
    return this.valueValue
  }

  timestamp(): number | null {
    return this.recordTime
  }

  headers(): readonly Header[] {
    return this.headersList
  }

  getKey(): K | null {
    return this.keyValue
  }

  getValue(): V | null {
    return this.valueValue
  }

  getRecordTime(): number | null {
    return this.recordTime
  }

  getHeaders(): readonly Header[] {
    return this.headersList
  }

  toString(): string {
    return `TestRecord[key=${String(this.keyValue)}, value=${String(this.valueValue)}, timestamp=${this.recordTime}]`
  }
}
