// The state store interfaces processors see through `context.getStateStore(name)`, named and
// shaped as Kafka Streams' `org.apache.kafka.streams.state` interfaces.
import type { KeyValue } from '../dsl/key-value'
import type { Windowed } from '../dsl/windowed'
import type { ValueAndTimestamp } from './value-and-timestamp'

export interface StateStore {
  name(): string
  persistent(): boolean
  isOpen(): boolean
  flush(): void
  close(): void
}

/**
 * Iterates store entries in key order. Kafka style (`hasNext`/`next`/`peekNextKey`/`close`)
 * and JavaScript style (`for (const kv of iterator)`) both work.
 */
export interface KeyValueIterator<K, V> extends Iterable<KeyValue<K, V>> {
  hasNext(): boolean
  next(): KeyValue<K, V>
  peekNextKey(): K
  close(): void
}

/** Window store iterators are keyed by window start time. */
export type WindowStoreIterator<V> = KeyValueIterator<number, V>

export interface ReadOnlyKeyValueStore<K, V> {
  get(key: K): V | null
  /** Keys in `[from, to]` by serialized-key byte order; null bounds are open. */
  range(from: K | null, to: K | null): KeyValueIterator<K, V>
  reverseRange(from: K | null, to: K | null): KeyValueIterator<K, V>
  all(): KeyValueIterator<K, V>
  reverseAll(): KeyValueIterator<K, V>
  /** Keys whose serialized form starts with the serialized prefix. */
  prefixScan<P>(
    prefix: P,
    prefixKeySerializer: { serialize(topic: string, data: P | null): Uint8Array | null },
  ): KeyValueIterator<K, V>
  approximateNumEntries(): number
}

export interface KeyValueStore<K, V> extends StateStore, ReadOnlyKeyValueStore<K, V> {
  /** A null value deletes the key. */
  put(key: K, value: V | null): void
  putIfAbsent(key: K, value: V | null): V | null
  putAll(entries: readonly KeyValue<K, V | null>[]): void
  delete(key: K): V | null
}

export type TimestampedKeyValueStore<K, V> = KeyValueStore<K, ValueAndTimestamp<V>>

export interface ReadOnlyWindowStore<K, V> {
  /** The value of `key` in the window starting at `windowStartMs`. */
  fetch(key: K, windowStartMs: number): V | null
  fetch(key: K, timeFrom: number, timeTo: number): WindowStoreIterator<V>
  fetch(
    keyFrom: K | null,
    keyTo: K | null,
    timeFrom: number,
    timeTo: number,
  ): KeyValueIterator<Windowed<K>, V>
  backwardFetch(key: K, timeFrom: number, timeTo: number): WindowStoreIterator<V>
  backwardFetch(
    keyFrom: K | null,
    keyTo: K | null,
    timeFrom: number,
    timeTo: number,
  ): KeyValueIterator<Windowed<K>, V>
  all(): KeyValueIterator<Windowed<K>, V>
  backwardAll(): KeyValueIterator<Windowed<K>, V>
  fetchAll(timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V>
  backwardFetchAll(timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V>
}

export interface WindowStore<K, V> extends StateStore, ReadOnlyWindowStore<K, V> {
  /** A null value deletes the entry (without duplicates). */
  put(key: K, value: V | null, windowStartMs: number): void
}

export type TimestampedWindowStore<K, V> = WindowStore<K, ValueAndTimestamp<V>>

export interface ReadOnlySessionStore<K, AGG> {
  /** Every session of `key`. */
  fetch(key: K): KeyValueIterator<Windowed<K>, AGG>
  fetch(keyFrom: K | null, keyTo: K | null): KeyValueIterator<Windowed<K>, AGG>
  backwardFetch(key: K): KeyValueIterator<Windowed<K>, AGG>
  backwardFetch(keyFrom: K | null, keyTo: K | null): KeyValueIterator<Windowed<K>, AGG>
  fetchSession(key: K, sessionStartMs: number, sessionEndMs: number): AGG | null
  /** Sessions of `key` with end ≥ earliestSessionEndTime and start ≤ latestSessionStartTime. */
  findSessions(
    key: K,
    earliestSessionEndTime: number,
    latestSessionStartTime: number,
  ): KeyValueIterator<Windowed<K>, AGG>
  findSessions(
    keyFrom: K | null,
    keyTo: K | null,
    earliestSessionEndTime: number,
    latestSessionStartTime: number,
  ): KeyValueIterator<Windowed<K>, AGG>
  backwardFindSessions(
    key: K,
    earliestSessionEndTime: number,
    latestSessionStartTime: number,
  ): KeyValueIterator<Windowed<K>, AGG>
}

export interface SessionStore<K, AGG> extends StateStore, ReadOnlySessionStore<K, AGG> {
  /** A null aggregate removes the session. */
  put(sessionKey: Windowed<K>, aggregate: AGG | null): void
  remove(sessionKey: Windowed<K>): void
}
