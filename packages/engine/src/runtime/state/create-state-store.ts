import { KeyValue } from '../../dsl/key-value'
import type { Windowed } from '../../dsl/windowed'
import type {
  KeyValueIterator,
  KeyValueStore,
  SessionStore,
  StateStore,
  TimestampedKeyValueStore,
  TimestampedWindowStore,
  WindowStore,
  WindowStoreIterator,
} from '../../state/state-store'
import type { StoreBuilder } from '../../state/store-builder'
import { persistentSegmentIntervalMs } from '../../state/stores'
import { ValueAndTimestamp } from '../../state/value-and-timestamp'
import type {
  CachingLayer,
  KeyValueBytesStore,
  SessionBytesStore,
  SessionKey,
  WindowBytesStore,
  WindowKey,
} from './bytes-stores'
import { StoreRecordContext } from './bytes-stores'
import { parseSessionStoreKey, parseWindowStoreKey, withTimestamp } from './bytes'
import { CachingKeyValueStore } from './caching-key-value-store'
import { CachingSessionStore } from './caching-session-store'
import { CachingWindowStore } from './caching-window-store'
import {
  ChangeLogger,
  ChangeLoggingKeyValueStore,
  FlushLoggedKeyValueStore,
  ChangeLoggingSessionStore,
  ChangeLoggingWindowStore,
  changelogTopic,
} from './change-logging-stores'
import { InMemoryKeyValueStore } from './in-memory-key-value-store'
import { InMemorySessionStore } from './in-memory-session-store'
import { InMemoryWindowStore } from './in-memory-window-store'
import { MeteredKeyValueStore } from './metered-key-value-store'
import { MeteredSessionStore } from './metered-session-store'
import { MeteredWindowStore } from './metered-window-store'
import type { Retention } from './retention'
import { exactRetention, segmentedRetention } from './retention'
import type { RuntimeStore } from './runtime-store'
import { resolveStoreSerdes, valueAndTimestampSerde } from './state-serdes'
import type { StoreContext } from './store-context'
import type { ThreadCache } from './thread-cache'

export type { CacheFlushListener, ChangelogRestorer, RuntimeStore } from './runtime-store'
export { ThreadCache } from './thread-cache'
export { changelogTopic } from './change-logging-stores'

/**
 * Builds one task's instance of a store, layered as Kafka Streams layers it: the typed
 * (metered) store, then the record cache when the builder enables caching and the task has a
 * cache and a budget (`cacheMaxBytes` and the cache's own both above 0), then change logging when the builder enables logging and the task has
 * a changelog writer, then the in-memory store. Persistent suppliers get in-memory stores
 * too; their window and session stores keep and drop what a RocksDB store would, by segment
 * (see retention.ts). The result also implements the typed interface of `builder.type`.
 */
export function createStateStore(
  builder: StoreBuilder,
  context: StoreContext,
  cache: ThreadCache | null,
): RuntimeStore {
  if (builder.type === 'versionedKeyValue') {
    throw new Error(
      `State store ${builder.name}: versioned key-value stores are not supported yet by the runtime`,
    )
  }
  const { keySerde, valueSerde } = resolveStoreSerdes(builder, context)
  const topic = changelogTopic(context.applicationId, builder.name)
  const recordContext = new StoreRecordContext(context)
  const timestamped = builder.type === 'timestampedKeyValue' || builder.type === 'timestampedWindow'
  const changelog = builder.loggingEnabled ? context.changelog : null
  const logger =
    changelog === null
      ? null
      : new ChangeLogger(
          topic,
          context.partition,
          changelog,
          recordContext,
          timestamped,
          builder.suppressionBuffer,
        )
  // A zero budget turns caching off rather than flushing on every write.
  const caches =
    builder.cachingEnabled &&
    cache !== null &&
    cache.maxCacheSizeBytes > 0 &&
    context.cacheMaxBytes > 0
  // Kafka's cache namespace: the task and the store.
  const cacheName = `${context.taskId}-${builder.name}`
  const typedValueSerde = timestamped ? valueAndTimestampSerde(valueSerde) : valueSerde
  // Timestamped stores log the value without its timestamp, which the record carries.
  const restoredValue = (value: Uint8Array, timestamp: number): Uint8Array =>
    timestamped ? withTimestamp(value, timestamp) : value

  switch (builder.type) {
    case 'keyValue':
    case 'timestampedKeyValue': {
      const inner = new InMemoryKeyValueStore()
      let bytes: KeyValueBytesStore = inner
      if (logger !== null) {
        bytes = builder.suppressionBuffer
          ? new FlushLoggedKeyValueStore(bytes, logger)
          : new ChangeLoggingKeyValueStore(bytes, logger)
      }
      let caching: CachingLayer<Uint8Array> | null = null
      if (caches) {
        const cachingStore = new CachingKeyValueStore(bytes, cache, cacheName, recordContext)
        bytes = cachingStore
        caching = cachingStore
      }
      const store = new MeteredKeyValueStore(
        builder,
        bytes,
        caching,
        keySerde,
        typedValueSerde,
        topic,
      )
      store.restorer = (key, value, timestamp) =>
        inner.put(key, value === null ? null : restoredValue(value, timestamp))
      return store
    }
    case 'window':
    case 'timestampedWindow': {
      const windowSizeMs = required(builder, 'windowSizeMs')
      const retainDuplicates = builder.supplier.retainDuplicates ?? false
      const inner = new InMemoryWindowStore(retention(builder), retainDuplicates)
      let bytes: WindowBytesStore = inner
      if (logger !== null) bytes = new ChangeLoggingWindowStore(bytes, logger, retainDuplicates)
      let caching: CachingLayer<WindowKey> | null = null
      // A cache keeps one value per key and window, so Kafka turns caching off for stores
      // that retain duplicates.
      if (caches && !retainDuplicates) {
        const cachingStore = new CachingWindowStore(bytes, cache, cacheName, recordContext)
        bytes = cachingStore
        caching = cachingStore
      }
      const store = new MeteredWindowStore(
        builder,
        bytes,
        caching,
        keySerde,
        typedValueSerde,
        topic,
        windowSizeMs,
      )
      store.restorer = (changelogKey, value, timestamp) => {
        const { key, windowStart } = parseWindowStoreKey(changelogKey)
        inner.put(key, value === null ? null : restoredValue(value, timestamp), windowStart)
      }
      return store
    }
    case 'session': {
      const inner = new InMemorySessionStore(retention(builder))
      let bytes: SessionBytesStore = inner
      if (logger !== null) bytes = new ChangeLoggingSessionStore(bytes, logger)
      let caching: CachingLayer<SessionKey> | null = null
      if (caches) {
        const cachingStore = new CachingSessionStore(bytes, cache, cacheName, recordContext)
        bytes = cachingStore
        caching = cachingStore
      }
      const store = new MeteredSessionStore(builder, bytes, caching, keySerde, valueSerde, topic)
      store.restorer = (changelogKey, value) => {
        const { key, start, end } = parseSessionStoreKey(changelogKey)
        if (value === null) inner.remove(key, start, end)
        else inner.put(key, start, end, value)
      }
      return store
    }
  }
}

function retention(builder: StoreBuilder): Retention {
  const retentionMs = required(builder, 'retentionMs')
  if (!builder.supplier.persistent) return exactRetention(retentionMs)
  const segmentIntervalMs =
    builder.supplier.segmentIntervalMs ?? persistentSegmentIntervalMs(retentionMs)
  return segmentedRetention(retentionMs, segmentIntervalMs)
}

function required(builder: StoreBuilder, field: 'retentionMs' | 'windowSizeMs'): number {
  const value = builder.supplier[field]
  if (value === undefined) {
    throw new Error(`State store ${builder.name} is a ${builder.type} store without ${field}`)
  }
  return value
}

export function isKeyValueStore(
  store: RuntimeStore,
): store is RuntimeStore & KeyValueStore<unknown, unknown> {
  return store.builder.type === 'keyValue' || store.builder.type === 'timestampedKeyValue'
}

export function isWindowStore(
  store: RuntimeStore,
): store is RuntimeStore & WindowStore<unknown, unknown> {
  return store.builder.type === 'window' || store.builder.type === 'timestampedWindow'
}

export function isSessionStore(
  store: RuntimeStore,
): store is RuntimeStore & SessionStore<unknown, unknown> {
  return store.builder.type === 'session'
}

/** True for stores whose values are `ValueAndTimestamp`s. */
export function isTimestamped(
  store: RuntimeStore,
): store is RuntimeStore &
  (TimestampedKeyValueStore<unknown, unknown> | TimestampedWindowStore<unknown, unknown>) {
  return store.builder.type === 'timestampedKeyValue' || store.builder.type === 'timestampedWindow'
}

/** Kafka's `ConsumerRecord.NO_TIMESTAMP`, stamped by the plain views' writes, as Kafka's facades do. */
const NO_TIMESTAMP = -1

/**
 * A key-value store seen with plain values, as the test driver's `getKeyValueStore` shows it:
 * a timestamped store drops its timestamps on reads (writes carry no timestamp, -1); a plain
 * store is returned as is.
 */
export function keyValueView<K = unknown, V = unknown>(store: RuntimeStore): KeyValueStore<K, V> {
  if (!isKeyValueStore(store)) {
    throw new TypeError(
      `Store ${store.name()} is a ${store.builder.type} store, not a key-value store`,
    )
  }
  if (!isTimestamped(store)) return store as unknown as KeyValueStore<K, V>
  return new PlainKeyValueView(store as unknown as TimestampedKeyValueStore<K, V>)
}

/** A window store seen with plain values, as `keyValueView` for key-value stores. */
export function windowView<K = unknown, V = unknown>(store: RuntimeStore): WindowStore<K, V> {
  if (!isWindowStore(store)) {
    throw new TypeError(
      `Store ${store.name()} is a ${store.builder.type} store, not a window store`,
    )
  }
  if (!isTimestamped(store)) return store as unknown as WindowStore<K, V>
  return new PlainWindowView(store as unknown as TimestampedWindowStore<K, V>)
}

const plainValue = <V>(value: ValueAndTimestamp<V> | null): V | null =>
  ValueAndTimestamp.getValueOrNull(value)

class PlainValueIterator<K, V> implements KeyValueIterator<K, V> {
  constructor(private readonly inner: KeyValueIterator<K, ValueAndTimestamp<V>>) {}

  hasNext(): boolean {
    return this.inner.hasNext()
  }

  next(): KeyValue<K, V> {
    const next = this.inner.next()
    return new KeyValue(next.key, next.value.value())
  }

  peekNextKey(): K {
    return this.inner.peekNextKey()
  }

  close(): void {
    this.inner.close()
  }

  [Symbol.iterator](): Iterator<KeyValue<K, V>> {
    return {
      next: (): IteratorResult<KeyValue<K, V>> =>
        this.hasNext() ? { done: false, value: this.next() } : { done: true, value: undefined },
    }
  }
}

abstract class PlainView<S extends StateStore> {
  constructor(protected readonly inner: S) {}

  name(): string {
    return this.inner.name()
  }

  persistent(): boolean {
    return this.inner.persistent()
  }

  isOpen(): boolean {
    return this.inner.isOpen()
  }

  flush(): void {
    this.inner.flush()
  }

  close(): void {
    this.inner.close()
  }
}

class PlainKeyValueView<K, V>
  extends PlainView<TimestampedKeyValueStore<K, V>>
  implements KeyValueStore<K, V>
{
  get(key: K): V | null {
    return plainValue(this.inner.get(key))
  }

  put(key: K, value: V | null): void {
    this.inner.put(key, ValueAndTimestamp.make(value, NO_TIMESTAMP))
  }

  putIfAbsent(key: K, value: V | null): V | null {
    return plainValue(this.inner.putIfAbsent(key, ValueAndTimestamp.make(value, NO_TIMESTAMP)))
  }

  putAll(entries: readonly KeyValue<K, V | null>[]): void {
    this.inner.putAll(
      entries.map(
        (entry) => new KeyValue(entry.key, ValueAndTimestamp.make(entry.value, NO_TIMESTAMP)),
      ),
    )
  }

  delete(key: K): V | null {
    return plainValue(this.inner.delete(key))
  }

  range(from: K | null, to: K | null): KeyValueIterator<K, V> {
    return new PlainValueIterator(this.inner.range(from, to))
  }

  reverseRange(from: K | null, to: K | null): KeyValueIterator<K, V> {
    return new PlainValueIterator(this.inner.reverseRange(from, to))
  }

  all(): KeyValueIterator<K, V> {
    return new PlainValueIterator(this.inner.all())
  }

  reverseAll(): KeyValueIterator<K, V> {
    return new PlainValueIterator(this.inner.reverseAll())
  }

  prefixScan<P>(
    prefix: P,
    prefixKeySerializer: { serialize(topic: string, data: P | null): Uint8Array | null },
  ): KeyValueIterator<K, V> {
    return new PlainValueIterator(this.inner.prefixScan(prefix, prefixKeySerializer))
  }

  approximateNumEntries(): number {
    return this.inner.approximateNumEntries()
  }
}

class PlainWindowView<K, V>
  extends PlainView<TimestampedWindowStore<K, V>>
  implements WindowStore<K, V>
{
  put(key: K, value: V | null, windowStartMs: number): void {
    this.inner.put(key, ValueAndTimestamp.make(value, NO_TIMESTAMP), windowStartMs)
  }

  fetch(key: K, windowStartMs: number): V | null
  fetch(key: K, timeFrom: number, timeTo: number): WindowStoreIterator<V>
  fetch(
    keyFrom: K | null,
    keyTo: K | null,
    timeFrom: number,
    timeTo: number,
  ): KeyValueIterator<Windowed<K>, V>
  fetch(
    keyOrFrom: K | null,
    second: K | number | null,
    third?: number,
    fourth?: number,
  ): V | null | WindowStoreIterator<V> | KeyValueIterator<Windowed<K>, V> {
    if (fourth !== undefined) {
      return new PlainValueIterator(
        this.inner.fetch(keyOrFrom, second as K | null, third as number, fourth),
      )
    }
    if (third !== undefined) {
      return new PlainValueIterator(this.inner.fetch(keyOrFrom as K, second as number, third))
    }
    return plainValue(this.inner.fetch(keyOrFrom as K, second as number))
  }

  backwardFetch(key: K, timeFrom: number, timeTo: number): WindowStoreIterator<V>
  backwardFetch(
    keyFrom: K | null,
    keyTo: K | null,
    timeFrom: number,
    timeTo: number,
  ): KeyValueIterator<Windowed<K>, V>
  backwardFetch(
    keyOrFrom: K | null,
    second: K | number | null,
    third: number,
    fourth?: number,
  ): WindowStoreIterator<V> | KeyValueIterator<Windowed<K>, V> {
    if (fourth !== undefined) {
      return new PlainValueIterator(
        this.inner.backwardFetch(keyOrFrom, second as K | null, third, fourth),
      )
    }
    return new PlainValueIterator(this.inner.backwardFetch(keyOrFrom as K, second as number, third))
  }

  all(): KeyValueIterator<Windowed<K>, V> {
    return new PlainValueIterator(this.inner.all())
  }

  backwardAll(): KeyValueIterator<Windowed<K>, V> {
    return new PlainValueIterator(this.inner.backwardAll())
  }

  fetchAll(timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V> {
    return new PlainValueIterator(this.inner.fetchAll(timeFrom, timeTo))
  }

  backwardFetchAll(timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V> {
    return new PlainValueIterator(this.inner.backwardFetchAll(timeFrom, timeTo))
  }
}
