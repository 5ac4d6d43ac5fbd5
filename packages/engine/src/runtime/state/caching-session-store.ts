import {
  SESSION_KEY_SUFFIX,
  compareBytes,
  fromBinaryKey,
  readBinaryLong,
  sessionBinaryKey,
  toBinaryKey,
} from './bytes'
import type {
  BytesFlushListener,
  CachingLayer,
  SessionBytesStore,
  SessionEntry,
  SessionKey,
  StoreRecordContext,
} from './bytes-stores'
import { emptyIterator, mergeCacheOverStore } from './iterators'
import type { DirtyEntry, ThreadCache } from './thread-cache'

interface CachedSessionEntry {
  readonly key: Uint8Array
  readonly start: number
  readonly end: number
  readonly value: Uint8Array | null
}

function byEndKeyStart(a: CachedSessionEntry, b: CachedSessionEntry): number {
  return a.end - b.end || compareBytes(a.key, b.key) || a.start - b.start
}

function cacheKey(key: Uint8Array, start: number, end: number): string {
  return sessionBinaryKey(key, end, start)
}

/** A cache key [key][end][start] read straight off the binary string. */
function parseCacheKey(cacheKey: string): { key: Uint8Array; start: number; end: number } {
  const keyLength = cacheKey.length - SESSION_KEY_SUFFIX
  return {
    key: fromBinaryKey(cacheKey, keyLength),
    end: readBinaryLong(cacheKey, keyLength),
    start: readBinaryLong(cacheKey, keyLength + 8),
  }
}

/**
 * Kafka's `CachingSessionStore`: cache keys are the store's binary layout [key][end][start].
 * Reads merge the cache over the store in the in-memory store's order (end, key, start).
 *
 * Retention is the wrapped store's alone: as in Kafka, a session the store has expired is
 * still returned from the cache until the cache evicts it, and may so still be merged into a
 * new session.
 */
export class CachingSessionStore implements SessionBytesStore, CachingLayer<SessionKey> {
  private listener: BytesFlushListener<SessionKey> | null = null
  private sendOldValues = false

  constructor(
    private readonly wrapped: SessionBytesStore,
    private readonly cache: ThreadCache,
    private readonly cacheName: string,
    private readonly recordContext: StoreRecordContext,
  ) {
    cache.addDirtyEntryFlushListener(cacheName, (entries) => {
      for (const entry of entries) this.putAndMaybeForward(entry)
    })
  }

  setFlushListener(listener: BytesFlushListener<SessionKey>, sendOldValues: boolean): void {
    this.listener = listener
    this.sendOldValues = sendOldValues
  }

  flushCache(): void {
    this.cache.flush(this.cacheName)
  }

  put(key: Uint8Array, start: number, end: number, value: Uint8Array | null): void {
    this.cache.put(this.cacheName, cacheKey(key, start, end), value, this.recordContext.current())
  }

  remove(key: Uint8Array, start: number, end: number): void {
    this.put(key, start, end, null)
  }

  fetchSession(key: Uint8Array, start: number, end: number): Uint8Array | null {
    const cached = this.cache.get(this.cacheName, cacheKey(key, start, end))
    return cached !== undefined ? cached.value : this.wrapped.fetchSession(key, start, end)
  }

  findSessions(
    keyFrom: Uint8Array | null,
    keyTo: Uint8Array | null,
    earliestSessionEnd: number,
    latestSessionStart: number,
    forward: boolean,
  ): Iterator<SessionEntry> {
    if (keyFrom !== null && keyTo !== null && compareBytes(keyFrom, keyTo) > 0) {
      return emptyIterator()
    }
    const cached = this.cachedSessions(keyFrom, keyTo, earliestSessionEnd, latestSessionStart)
    if (!forward) cached.reverse()
    const order = forward
      ? byEndKeyStart
      : (a: CachedSessionEntry, b: CachedSessionEntry) => byEndKeyStart(b, a)
    const stored = this.wrapped.findSessions(
      keyFrom,
      keyTo,
      earliestSessionEnd,
      latestSessionStart,
      forward,
    )
    return mergeCacheOverStore(cached[Symbol.iterator](), stored, order)
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

  /** Cached sessions matching the query, ascending by end, key, start. */
  private cachedSessions(
    keyFrom: Uint8Array | null,
    keyTo: Uint8Array | null,
    earliestSessionEnd: number,
    latestSessionStart: number,
  ): CachedSessionEntry[] {
    const singleKey = keyFrom !== null && keyTo !== null && compareBytes(keyFrom, keyTo) === 0
    // One key's sessions sit from [key][earliest end][0] up; longer keys that start with it
    // may sit among them and are told apart by length.
    const entries = singleKey
      ? this.cache.range(
          this.cacheName,
          cacheKey(keyFrom, 0, Math.max(0, earliestSessionEnd)),
          cacheKey(keyFrom, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
        )
      : this.cache.range(this.cacheName, keyFrom === null ? null : toBinaryKey(keyFrom), null)
    const out: CachedSessionEntry[] = []
    for (const { key, value } of entries) {
      const session = parseCacheKey(key)
      if (session.end < earliestSessionEnd || session.start > latestSessionStart) continue
      if (singleKey) {
        if (key.length !== keyFrom.length + SESSION_KEY_SUFFIX) continue
      } else {
        if (keyFrom !== null && compareBytes(session.key, keyFrom) < 0) continue
        if (keyTo !== null && compareBytes(session.key, keyTo) > 0) continue
      }
      out.push({ ...session, value })
    }
    return out.sort(byEndKeyStart)
  }

  private putAndMaybeForward(entry: DirtyEntry): void {
    const { key, start, end } = parseCacheKey(entry.key)
    const listener = this.listener
    const oldValue =
      listener !== null && (entry.value === null || this.sendOldValues)
        ? this.wrapped.fetchSession(key, start, end)
        : null
    if (listener !== null && entry.value === null && oldValue === null) return
    const previous = this.recordContext.override(entry.context)
    try {
      this.wrapped.put(key, start, end, entry.value)
    } finally {
      this.recordContext.restore(previous)
    }
    listener?.(
      { key, start, end },
      entry.value,
      this.sendOldValues ? oldValue : null,
      entry.context,
    )
  }
}
