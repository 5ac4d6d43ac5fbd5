/** A record header: key and raw value bytes (or null), as Kafka's `Header`. */
export interface Header {
  readonly key: string
  readonly value: Uint8Array | null
}

/**
 * The immutable record passed between processors, mirroring Kafka Streams'
 * `org.apache.kafka.streams.processor.api.Record`: every `with*` returns a copy.
 */
export class Record<K = unknown, V = unknown> {
  constructor(
    private readonly recordKey: K,
    private readonly recordValue: V,
    private readonly recordTimestamp: number,
    private readonly recordHeaders: readonly Header[] = [],
  ) {
    if (recordTimestamp < 0) {
      throw new RangeError(`Timestamp must be non-negative but was ${recordTimestamp}`)
    }
  }

  key(): K {
    return this.recordKey
  }

  value(): V {
    return this.recordValue
  }

  timestamp(): number {
    return this.recordTimestamp
  }

  headers(): readonly Header[] {
    return this.recordHeaders
  }

  withKey<K2>(key: K2): Record<K2, V> {
    return new Record(key, this.recordValue, this.recordTimestamp, this.recordHeaders)
  }

  withValue<V2>(value: V2): Record<K, V2> {
    return new Record(this.recordKey, value, this.recordTimestamp, this.recordHeaders)
  }

  withTimestamp(timestamp: number): Record<K, V> {
    return new Record(this.recordKey, this.recordValue, timestamp, this.recordHeaders)
  }

  withHeaders(headers: readonly Header[]): Record<K, V> {
    return new Record(this.recordKey, this.recordValue, this.recordTimestamp, headers)
  }

  toString(): string {
    return `Record{key=${String(this.recordKey)}, value=${String(this.recordValue)}, timestamp=${this.recordTimestamp}}`
  }
}
