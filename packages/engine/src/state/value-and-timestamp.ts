/** A value with the timestamp of its last update, as Kafka's `ValueAndTimestamp`. */
export class ValueAndTimestamp<V> {
  private constructor(
    private readonly storedValue: V,
    private readonly storedTimestamp: number,
  ) {}

  /** Returns null for a null value, as Kafka does: a store never holds a null row. */
  static make<V>(value: V | null, timestamp: number): ValueAndTimestamp<V> | null {
    return value === null ? null : new ValueAndTimestamp(value, timestamp)
  }

  static getValueOrNull<V>(valueAndTimestamp: ValueAndTimestamp<V> | null): V | null {
    return valueAndTimestamp === null ? null : valueAndTimestamp.value()
  }

  value(): V {
    return this.storedValue
  }

  timestamp(): number {
    return this.storedTimestamp
  }

  toString(): string {
    return `<${String(this.storedValue)},${this.storedTimestamp}>`
  }
}
