import type { Serde } from '../serde/serde'
import type { StoreSupplier } from '../state/store-builder'
import { validateName } from './internal/names'

/**
 * How a KTable or aggregation is stored, as Kafka's `Materialized`: store name (a named store
 * is queryable), serdes, caching, logging and retention. `with*` calls change it and return it.
 */
export class Materialized<K = unknown, V = unknown> {
  keySerde: Serde<K> | null = null
  valueSerde: Serde<V> | null = null
  cachingEnabled = true
  loggingEnabled = true
  logConfig: Readonly<Record<string, string>> = {}
  retentionMs: number | null = null

  private constructor(
    readonly storeName: string | null,
    readonly storeSupplier: StoreSupplier | null,
  ) {}

  /** A named store (queryable), or a store from a `Stores.*` supplier. */
  static as<K, V>(storeNameOrSupplier: string | StoreSupplier): Materialized<K, V> {
    if (typeof storeNameOrSupplier === 'string') {
      return new Materialized<K, V>(validateName(storeNameOrSupplier), null)
    }
    return new Materialized<K, V>(storeNameOrSupplier.name, storeNameOrSupplier)
  }

  static with<K, V>(keySerde: Serde<K> | null, valueSerde: Serde<V> | null): Materialized<K, V> {
    const materialized = new Materialized<K, V>(null, null)
    materialized.keySerde = keySerde
    materialized.valueSerde = valueSerde
    return materialized
  }

  withKeySerde(keySerde: Serde<K>): this {
    this.keySerde = keySerde
    return this
  }

  withValueSerde(valueSerde: Serde<V>): this {
    this.valueSerde = valueSerde
    return this
  }

  withCachingEnabled(): this {
    this.cachingEnabled = true
    return this
  }

  withCachingDisabled(): this {
    this.cachingEnabled = false
    return this
  }

  withLoggingEnabled(config: Readonly<Record<string, string>> = {}): this {
    this.loggingEnabled = true
    this.logConfig = { ...config }
    return this
  }

  withLoggingDisabled(): this {
    this.loggingEnabled = false
    this.logConfig = {}
    return this
  }

  withRetention(retentionMs: number): this {
    if (!Number.isFinite(retentionMs) || retentionMs < 0) {
      throw new RangeError(`Retention must not be negative (was ${retentionMs})`)
    }
    this.retentionMs = retentionMs
    return this
  }
}
