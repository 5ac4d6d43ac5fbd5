// The byte-level store contracts every layer under the typed (metered) one implements, as
// Kafka's `KeyValueStore<Bytes, byte[]>`, `WindowStore<Bytes, byte[]>` and
// `SessionStore<Bytes, byte[]>`: in-memory stores at the bottom, change logging and caching
// wrapped around them. Iterators are lazy JavaScript iterators; the typed layer wraps them.
import type { RecordContext } from '../record-context'
import type { StoreContext } from './store-context'

export interface BytesEntry {
  readonly key: Uint8Array
  readonly value: Uint8Array
}

export interface WindowEntry {
  readonly key: Uint8Array
  readonly windowStart: number
  readonly value: Uint8Array
}

export interface SessionEntry {
  readonly key: Uint8Array
  readonly start: number
  readonly end: number
  readonly value: Uint8Array
}

interface BytesStoreLifecycle {
  flush(): void
  close(): void
}

export interface KeyValueBytesStore extends BytesStoreLifecycle {
  get(key: Uint8Array): Uint8Array | null
  /** A null value deletes the key. */
  put(key: Uint8Array, value: Uint8Array | null): void
  putIfAbsent(key: Uint8Array, value: Uint8Array | null): Uint8Array | null
  putAll(entries: readonly (readonly [Uint8Array, Uint8Array | null])[]): void
  delete(key: Uint8Array): Uint8Array | null
  /** Keys in `[from, to]`; null bounds are open; empty when from > to. */
  range(from: Uint8Array | null, to: Uint8Array | null, forward: boolean): Iterator<BytesEntry>
  prefixScan(prefix: Uint8Array): Iterator<BytesEntry>
  approximateNumEntries(): number
}

export interface WindowBytesStore extends BytesStoreLifecycle {
  put(key: Uint8Array, value: Uint8Array | null, windowStart: number): void
  fetch(key: Uint8Array, windowStart: number): Uint8Array | null
  /**
   * Windows starting in `[timeFrom, timeTo]` of keys in `[keyFrom, keyTo]` (null bounds open),
   * by window start then key; `forward` false reverses the order.
   */
  fetchRange(
    keyFrom: Uint8Array | null,
    keyTo: Uint8Array | null,
    timeFrom: number,
    timeTo: number,
    forward: boolean,
  ): Iterator<WindowEntry>
}

export interface SessionBytesStore extends BytesStoreLifecycle {
  /** A null aggregate removes the session. */
  put(key: Uint8Array, start: number, end: number, value: Uint8Array | null): void
  remove(key: Uint8Array, start: number, end: number): void
  fetchSession(key: Uint8Array, start: number, end: number): Uint8Array | null
  /**
   * Sessions of keys in `[keyFrom, keyTo]` (null bounds open) with end ≥ earliestSessionEnd and
   * start ≤ latestSessionStart, by end, key, then start; `forward` false reverses the order.
   */
  findSessions(
    keyFrom: Uint8Array | null,
    keyTo: Uint8Array | null,
    earliestSessionEnd: number,
    latestSessionStart: number,
    forward: boolean,
  ): Iterator<SessionEntry>
}

/** Identifies a cached write when its cache flushes it. */
export interface WindowKey {
  readonly key: Uint8Array
  readonly windowStart: number
}

export interface SessionKey {
  readonly key: Uint8Array
  readonly start: number
  readonly end: number
}

export type BytesFlushListener<KEY> = (
  key: KEY,
  newValue: Uint8Array | null,
  oldValue: Uint8Array | null,
  context: RecordContext,
) => void

/** What a record-caching layer offers the typed layer above it. */
export interface CachingLayer<KEY> {
  setFlushListener(listener: BytesFlushListener<KEY>, sendOldValues: boolean): void
  flushCache(): void
}

/**
 * The record context a store's writes carry: the task's current one, except while the cache
 * flushes an entry, when it is the context that entry was written under (as Kafka swaps the
 * processor context's record context during a flush), so the changelog record keeps the
 * timestamp of the write it stands for.
 */
export class StoreRecordContext {
  private overridden: RecordContext | null = null

  constructor(private readonly context: StoreContext) {}

  current(): RecordContext {
    return this.overridden ?? this.context.recordContext()
  }

  /**
   * Makes `recordContext` current until `restore` is given what this returns. A pair rather
   * than a callback: caches flush through here once per entry, and a closure per entry was
   * measurable.
   */
  override(recordContext: RecordContext): RecordContext | null {
    const previous = this.overridden
    this.overridden = recordContext
    return previous
  }

  restore(previous: RecordContext | null): void {
    this.overridden = previous
  }
}
