import { compareBytes, fromBinaryKey, prefixUpperBound, toBinaryKey } from './bytes'
import type {
  BytesEntry,
  BytesFlushListener,
  CachingLayer,
  KeyValueBytesStore,
  StoreRecordContext,
} from './bytes-stores'
import { emptyIterator, mergeCacheOverStore } from './iterators'
import type { DirtyEntry, ThreadCache } from './thread-cache'

interface CachedBytesEntry {
  readonly key: Uint8Array
  readonly value: Uint8Array | null
}

function byKey(a: CachedBytesEntry, b: CachedBytesEntry): number {
  return compareBytes(a.key, b.key)
}

function cachedEntries(
  entries: readonly { key: string; value: Uint8Array | null }[],
  forward: boolean,
): Iterator<CachedBytesEntry> {
  const out = entries.map(({ key, value }) => ({ key: fromBinaryKey(key), value }))
  if (!forward) out.reverse()
  return out[Symbol.iterator]()
}

/**
 * Kafka's `CachingKeyValueStore`: writes stay in the task's ThreadCache as dirty entries
 * until a flush (commit, or eviction) writes them to the store beneath and tells the flush
 * listener, so repeated updates of a key reach the store, the changelog and downstream once.
 */
export class CachingKeyValueStore implements KeyValueBytesStore, CachingLayer<Uint8Array> {
  private listener: BytesFlushListener<Uint8Array> | null = null
  private sendOldValues = false

  constructor(
    private readonly wrapped: KeyValueBytesStore,
    private readonly cache: ThreadCache,
    private readonly cacheName: string,
    private readonly recordContext: StoreRecordContext,
  ) {
    cache.addDirtyEntryFlushListener(cacheName, (entries) => {
      for (const entry of entries) this.putAndMaybeForward(entry)
    })
  }

  setFlushListener(listener: BytesFlushListener<Uint8Array>, sendOldValues: boolean): void {
    this.listener = listener
    this.sendOldValues = sendOldValues
  }

  flushCache(): void {
    this.cache.flush(this.cacheName)
  }

  get(key: Uint8Array): Uint8Array | null {
    const binaryKey = toBinaryKey(key)
    const cached = this.cache.get(this.cacheName, binaryKey)
    if (cached !== undefined) return cached.value
    const value = this.wrapped.get(key)
    // Kafka caches what it read (clean); that may evict, and so flush, other entries.
    if (value !== null) this.cache.put(this.cacheName, binaryKey, value, null)
    return value
  }

  put(key: Uint8Array, value: Uint8Array | null): void {
    this.cache.put(this.cacheName, toBinaryKey(key), value, this.recordContext.current())
  }

  putIfAbsent(key: Uint8Array, value: Uint8Array | null): Uint8Array | null {
    const previous = this.get(key)
    if (previous === null) this.put(key, value)
    return previous
  }

  putAll(entries: readonly (readonly [Uint8Array, Uint8Array | null])[]): void {
    for (const [key, value] of entries) this.put(key, value)
  }

  delete(key: Uint8Array): Uint8Array | null {
    const previous = this.get(key)
    this.put(key, null)
    return previous
  }

  range(from: Uint8Array | null, to: Uint8Array | null, forward: boolean): Iterator<BytesEntry> {
    const low = from === null ? null : toBinaryKey(from)
    const high = to === null ? null : toBinaryKey(to)
    if (low !== null && high !== null && low > high) return emptyIterator()
    const cached = cachedEntries(this.cache.range(this.cacheName, low, high), forward)
    const order = forward ? byKey : (a: CachedBytesEntry, b: CachedBytesEntry) => byKey(b, a)
    return mergeCacheOverStore(cached, this.wrapped.range(from, to, forward), order)
  }

  prefixScan(prefix: Uint8Array): Iterator<BytesEntry> {
    const low = toBinaryKey(prefix)
    const entries = this.cache.range(this.cacheName, low, prefixUpperBound(low), true)
    return mergeCacheOverStore(cachedEntries(entries, true), this.wrapped.prefixScan(prefix), byKey)
  }

  /** The store's count, as in Kafka: writes still in the cache are not counted. */
  approximateNumEntries(): number {
    return this.wrapped.approximateNumEntries()
  }

  flush(): void {
    this.flushCache()
    this.wrapped.flush()
  }

  close(): void {
    this.flushCache()
    this.cache.close(this.cacheName)
    this.wrapped.close()
  }

  private putAndMaybeForward(entry: DirtyEntry): void {
    const key = fromBinaryKey(entry.key)
    const listener = this.listener
    const oldValue =
      listener !== null && (entry.value === null || this.sendOldValues)
        ? this.wrapped.get(key)
        : null
    // Created and deleted between two flushes: neither the store nor downstream hears of it.
    if (listener !== null && entry.value === null && oldValue === null) return
    const previous = this.recordContext.override(entry.context)
    try {
      this.wrapped.put(key, entry.value)
    } finally {
      this.recordContext.restore(previous)
    }
    listener?.(key, entry.value, this.sendOldValues ? oldValue : null, entry.context)
  }
}
