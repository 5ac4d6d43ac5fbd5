import {
  WINDOW_KEY_SUFFIX,
  compareBytes,
  fromBinaryKey,
  readBinaryLong,
  toBinaryKey,
  windowBinaryKey,
} from './bytes'
import type {
  BytesFlushListener,
  CachingLayer,
  StoreRecordContext,
  WindowBytesStore,
  WindowEntry,
  WindowKey,
} from './bytes-stores'
import { emptyIterator, mergeCacheOverStore } from './iterators'
import type { DirtyEntry, ThreadCache } from './thread-cache'

interface CachedWindowEntry {
  readonly key: Uint8Array
  readonly windowStart: number
  readonly value: Uint8Array | null
}

function byTimeThenKey(a: CachedWindowEntry, b: CachedWindowEntry): number {
  return a.windowStart - b.windowStart || compareBytes(a.key, b.key)
}

function cacheKey(key: Uint8Array, windowStart: number): string {
  return windowBinaryKey(key, windowStart, 0)
}

/**
 * Kafka's `CachingWindowStore`: cache keys are the store's binary layout [key][start][0], so
 * one key's windows are adjacent in the cache. Reads merge the cache over the store in the
 * in-memory store's order (window start, then key).
 *
 * Retention is the wrapped store's alone: a window stays in the cache, and is returned from
 * it, after the store has expired it, until the cache evicts it. Kafka's layer does not
 * filter its cache by retention either, so a test driver's `all()` at the end of a windowed
 * aggregation still lists windows long closed.
 */
export class CachingWindowStore implements WindowBytesStore, CachingLayer<WindowKey> {
  private listener: BytesFlushListener<WindowKey> | null = null
  private sendOldValues = false

  constructor(
    private readonly wrapped: WindowBytesStore,
    private readonly cache: ThreadCache,
    private readonly cacheName: string,
    private readonly recordContext: StoreRecordContext,
  ) {
    cache.addDirtyEntryFlushListener(cacheName, (entries) => {
      for (const entry of entries) this.putAndMaybeForward(entry)
    })
  }

  setFlushListener(listener: BytesFlushListener<WindowKey>, sendOldValues: boolean): void {
    this.listener = listener
    this.sendOldValues = sendOldValues
  }

  flushCache(): void {
    this.cache.flush(this.cacheName)
  }

  put(key: Uint8Array, value: Uint8Array | null, windowStart: number): void {
    this.cache.put(this.cacheName, cacheKey(key, windowStart), value, this.recordContext.current())
  }

  fetch(key: Uint8Array, windowStart: number): Uint8Array | null {
    const cached = this.cache.get(this.cacheName, cacheKey(key, windowStart))
    return cached !== undefined ? cached.value : this.wrapped.fetch(key, windowStart)
  }

  fetchRange(
    keyFrom: Uint8Array | null,
    keyTo: Uint8Array | null,
    timeFrom: number,
    timeTo: number,
    forward: boolean,
  ): Iterator<WindowEntry> {
    if (keyFrom !== null && keyTo !== null && compareBytes(keyFrom, keyTo) > 0) {
      return emptyIterator()
    }
    // Window starts are never negative; a negative bound would not sort as a cache key.
    const cached = this.cachedWindows(keyFrom, keyTo, Math.max(timeFrom, 0), timeTo)
    if (!forward) cached.reverse()
    const order = forward
      ? byTimeThenKey
      : (a: CachedWindowEntry, b: CachedWindowEntry) => byTimeThenKey(b, a)
    return mergeCacheOverStore(
      cached[Symbol.iterator](),
      this.wrapped.fetchRange(keyFrom, keyTo, timeFrom, timeTo, forward),
      order,
    )
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

  /** Cached windows in the ranges, ascending by start then key. */
  private cachedWindows(
    keyFrom: Uint8Array | null,
    keyTo: Uint8Array | null,
    timeFrom: number,
    timeTo: number,
  ): CachedWindowEntry[] {
    if (timeTo < timeFrom) return []
    const singleKey = keyFrom !== null && keyTo !== null && compareBytes(keyFrom, keyTo) === 0
    const lastTime = Math.min(timeTo, Number.MAX_SAFE_INTEGER)
    // One key's windows sit between [key][timeFrom] and [key][timeTo]; longer keys that
    // start with it may sit there too and are told apart by length.
    const entries = singleKey
      ? this.cache.range(this.cacheName, cacheKey(keyFrom, timeFrom), cacheKey(keyFrom, lastTime))
      : this.cache.range(this.cacheName, keyFrom === null ? null : toBinaryKey(keyFrom), null)
    const out: CachedWindowEntry[] = []
    for (const { key, value } of entries) {
      const keyLength = key.length - WINDOW_KEY_SUFFIX
      const windowStart = readBinaryLong(key, keyLength)
      if (singleKey) {
        if (key.length !== keyFrom.length + WINDOW_KEY_SUFFIX) continue
      } else {
        if (windowStart < timeFrom || windowStart > timeTo) continue
      }
      const recordKey = fromBinaryKey(key, keyLength)
      if (!singleKey) {
        if (keyFrom !== null && compareBytes(recordKey, keyFrom) < 0) continue
        if (keyTo !== null && compareBytes(recordKey, keyTo) > 0) continue
      }
      out.push({ key: recordKey, windowStart, value })
    }
    return out.sort(byTimeThenKey)
  }

  private putAndMaybeForward(entry: DirtyEntry): void {
    // The cache key is [key][window start][seqnum 0]; read straight off the binary string.
    const keyLength = entry.key.length - WINDOW_KEY_SUFFIX
    const key = fromBinaryKey(entry.key, keyLength)
    const windowStart = readBinaryLong(entry.key, keyLength)
    const listener = this.listener
    const oldValue =
      listener !== null && (entry.value === null || this.sendOldValues)
        ? this.wrapped.fetch(key, windowStart)
        : null
    if (listener !== null && entry.value === null && oldValue === null) return
    const previous = this.recordContext.override(entry.context)
    try {
      this.wrapped.put(key, entry.value, windowStart)
    } finally {
      this.recordContext.restore(previous)
    }
    listener?.(
      { key, windowStart },
      entry.value,
      this.sendOldValues ? oldValue : null,
      entry.context,
    )
  }
}
