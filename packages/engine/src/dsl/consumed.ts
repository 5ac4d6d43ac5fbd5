import type { Serde } from '../serde/serde'
import type { OffsetResetPolicy, TimestampExtractor } from '../topology/node-factory'
import { validateName } from './internal/names'

/** How a source reads: serdes, timestamp extractor, offset reset, name; as Kafka's `Consumed`. */
export class Consumed<K = unknown, V = unknown> {
  private constructor(
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    readonly timestampExtractor: TimestampExtractor | null,
    readonly offsetReset: OffsetResetPolicy | null,
    readonly name: string | null,
  ) {}

  static with<K, V>(
    keySerde: Serde<K> | null,
    valueSerde: Serde<V> | null,
    timestampExtractor: TimestampExtractor | null = null,
    offsetReset: OffsetResetPolicy | null = null,
  ): Consumed<K, V> {
    return new Consumed(keySerde, valueSerde, timestampExtractor, offsetReset, null)
  }

  static as<K, V>(name: string): Consumed<K, V> {
    return new Consumed<K, V>(null, null, null, null, validateName(name))
  }

  static withTimestampExtractor<K, V>(extractor: TimestampExtractor): Consumed<K, V> {
    return new Consumed<K, V>(null, null, extractor, null, null)
  }

  static withOffsetResetPolicy<K, V>(policy: OffsetResetPolicy): Consumed<K, V> {
    return new Consumed<K, V>(null, null, null, policy, null)
  }

  withName(name: string): Consumed<K, V> {
    return new Consumed(
      this.keySerde,
      this.valueSerde,
      this.timestampExtractor,
      this.offsetReset,
      validateName(name),
    )
  }

  withKeySerde(keySerde: Serde<K>): Consumed<K, V> {
    return new Consumed(
      keySerde,
      this.valueSerde,
      this.timestampExtractor,
      this.offsetReset,
      this.name,
    )
  }

  withValueSerde(valueSerde: Serde<V>): Consumed<K, V> {
    return new Consumed(
      this.keySerde,
      valueSerde,
      this.timestampExtractor,
      this.offsetReset,
      this.name,
    )
  }

  withTimestampExtractor(extractor: TimestampExtractor): Consumed<K, V> {
    return new Consumed(this.keySerde, this.valueSerde, extractor, this.offsetReset, this.name)
  }

  withOffsetResetPolicy(policy: OffsetResetPolicy): Consumed<K, V> {
    return new Consumed(this.keySerde, this.valueSerde, this.timestampExtractor, policy, this.name)
  }
}
