import type { Serde } from '../../serde/serde'
import type { StateStore } from '../../state/state-store'
import type { StoreBuilder } from '../../state/store-builder'
import type { RecordContext } from '../record-context'
import type { CachingLayer } from './bytes-stores'

/**
 * Told of each cached write as its cache flushes it, as Kafka's `CacheFlushListener`: typed
 * key (`Windowed<K>` for window and session stores) and values (`ValueAndTimestamp<V>` for
 * timestamped stores), the old value only when asked for, and the context of the write, which
 * the runtime makes current while it forwards the update.
 */
export type CacheFlushListener<K, V> = (
  key: K,
  newValue: V | null,
  oldValue: V | null,
  context: RecordContext,
) => void

/** A state store as the runtime holds it: the typed store plus its build and cache controls. */
export interface RuntimeStore extends StateStore {
  readonly builder: StoreBuilder
  /** True when writes go through a record cache (then processors forward on flush). */
  readonly cached: boolean
  /** Registers the listener when the store is cached; returns `cached`. */
  setFlushListener(listener: CacheFlushListener<unknown, unknown>, sendOldValues: boolean): boolean
  /** Writes the cache's dirty entries to the store, telling the listener; no-op uncached. */
  flushCache(): void
  /**
   * Applies one changelog record to the store beneath caching and logging, as Kafka's state
   * restore callback does (the changelog: the store's own, or the source topic a table
   * reuses). The Kafka runtime decides which stores have a changelog to restore from.
   */
  readonly restorer: ChangelogRestorer | null
}

/** Writes one changelog record (binary key, value or tombstone, record timestamp) into a store. */
export type ChangelogRestorer = (
  key: Uint8Array,
  value: Uint8Array | null,
  timestamp: number,
) => void

interface BytesStoreLifecycle {
  flush(): void
  close(): void
}

/**
 * The typed outer layer of every store, as Kafka's `Metered*Store` (less the metrics): it
 * turns keys and values into bytes with the store's serdes, using the changelog topic name as
 * the serde topic, and refuses use after close.
 */
export abstract class MeteredStore<
  K,
  V,
  BYTES extends BytesStoreLifecycle,
  CACHE_KEY,
> implements RuntimeStore {
  private open = true
  restorer: ChangelogRestorer | null = null

  constructor(
    readonly builder: StoreBuilder,
    protected readonly bytes: BYTES,
    private readonly caching: CachingLayer<CACHE_KEY> | null,
    protected readonly keySerde: Serde<K>,
    protected readonly valueSerde: Serde<V>,
    protected readonly topic: string,
  ) {}

  get cached(): boolean {
    return this.caching !== null
  }

  name(): string {
    return this.builder.name
  }

  persistent(): boolean {
    return this.builder.supplier.persistent
  }

  isOpen(): boolean {
    return this.open
  }

  /** Flushes the cache (forwarding its dirty entries) and the store beneath. */
  flush(): void {
    this.validateStoreOpen()
    this.bytes.flush()
  }

  close(): void {
    if (!this.open) return
    this.open = false
    this.bytes.close()
  }

  flushCache(): void {
    this.caching?.flushCache()
  }

  setFlushListener(
    listener: CacheFlushListener<unknown, unknown>,
    sendOldValues: boolean,
  ): boolean {
    if (this.caching === null) return false
    this.caching.setFlushListener(
      (key, newValue, oldValue, context) =>
        listener(
          this.cacheKeyFrom(key),
          this.valueFrom(newValue),
          this.valueFrom(oldValue),
          context,
        ),
      sendOldValues,
    )
    return true
  }

  /** The typed key a flushed cache entry is reported under. */
  protected abstract cacheKeyFrom(key: CACHE_KEY): unknown

  protected validateStoreOpen(): void {
    if (!this.open) throw new Error(`Store ${this.builder.name} is currently closed.`)
  }

  protected keyBytes(key: K): Uint8Array {
    if (key === null || key === undefined) throw new TypeError('key cannot be null')
    const bytes = this.keySerde.serialize(this.topic, key)
    if (bytes === null) {
      throw new TypeError(`The key serde of store ${this.builder.name} serialized a key to null`)
    }
    return bytes
  }

  protected nullableKeyBytes(key: K | null): Uint8Array | null {
    return key === null ? null : this.keyBytes(key)
  }

  protected keyFrom(bytes: Uint8Array): K {
    return this.keySerde.deserialize(this.topic, bytes) as K
  }

  protected valueBytes(value: V | null): Uint8Array | null {
    return value === null ? null : this.valueSerde.serialize(this.topic, value)
  }

  protected valueFrom(bytes: Uint8Array | null): V | null {
    return bytes === null ? null : this.valueSerde.deserialize(this.topic, bytes)
  }

  /** For bytes a store returned: never null. */
  protected storedValue(bytes: Uint8Array): V {
    return this.valueSerde.deserialize(this.topic, bytes) as V
  }
}
