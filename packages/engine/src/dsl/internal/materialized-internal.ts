import type { Serde } from '../../serde/serde'
import { StoreBuilder, type StoreSupplier, type StoreType } from '../../state/store-builder'
import { Stores } from '../../state/stores'
import { Materialized } from '../materialized'
import type { InternalNameProvider } from './names'

/**
 * The DSL's view of a `Materialized`: a name is generated (consuming the counter) when the
 * user gave none, but only a user-given name makes the store queryable.
 */
export class MaterializedInternal<K = unknown, V = unknown> {
  readonly storeName: string
  readonly queryableStoreName: string | null
  keySerde: Serde<K> | null
  valueSerde: Serde<V> | null

  constructor(
    readonly materialized: Materialized<K, V>,
    names: InternalNameProvider | null,
    generatedStorePrefix: string,
  ) {
    this.queryableStoreName = materialized.storeName
    this.storeName = materialized.storeName ?? names?.newStoreName(generatedStorePrefix) ?? ''
    this.keySerde = materialized.keySerde
    this.valueSerde = materialized.valueSerde
  }

  static of<K, V>(
    materialized: Materialized<K, V> | undefined,
    names: InternalNameProvider,
    prefix: string,
  ): MaterializedInternal<K, V> {
    return new MaterializedInternal(
      materialized ?? Materialized.with<K, V>(null, null),
      names,
      prefix,
    )
  }

  get storeSupplier(): StoreSupplier | null {
    return this.materialized.storeSupplier
  }

  private apply(builder: StoreBuilder<K, V>): StoreBuilder<K, V> {
    if (this.materialized.loggingEnabled) builder.withLoggingEnabled(this.materialized.logConfig)
    else builder.withLoggingDisabled()
    if (this.materialized.cachingEnabled) builder.withCachingEnabled()
    return builder
  }

  /** The key-value store of a KTable: timestamped unless a versioned supplier is given. */
  keyValueStore(): StoreBuilder<K, V> {
    const supplier = this.storeSupplier ?? Stores.inMemoryKeyValueStore(this.storeName)
    const type: StoreType =
      supplier.shape === 'versioned' ? 'versionedKeyValue' : 'timestampedKeyValue'
    const builder = new StoreBuilder(supplier, type, this.keySerde, this.valueSerde)
    if (type === 'versionedKeyValue') builder.withCachingDisabled()
    return type === 'versionedKeyValue'
      ? this.materialized.loggingEnabled
        ? builder.withLoggingEnabled(this.materialized.logConfig)
        : builder.withLoggingDisabled()
      : this.apply(builder)
  }

  /** The window store of a time- or sliding-windowed aggregation. */
  windowStore(sizeMs: number, retentionMs: number): StoreBuilder<K, V> {
    const supplier =
      this.storeSupplier ?? Stores.inMemoryWindowStore(this.storeName, retentionMs, sizeMs, false)
    return this.apply(
      new StoreBuilder(supplier, 'timestampedWindow', this.keySerde, this.valueSerde),
    )
  }

  /** The session store of a session-windowed aggregation. */
  sessionStore(retentionMs: number): StoreBuilder<K, V> {
    const supplier = this.storeSupplier ?? Stores.inMemorySessionStore(this.storeName, retentionMs)
    return this.apply(new StoreBuilder(supplier, 'session', this.keySerde, this.valueSerde))
  }

  retentionOr(defaultMs: number): number {
    return this.materialized.retentionMs ?? defaultMs
  }
}
