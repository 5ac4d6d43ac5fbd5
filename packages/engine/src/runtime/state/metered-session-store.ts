import { KeyValue } from '../../dsl/key-value'
import { Window, Windowed } from '../../dsl/windowed'
import type { KeyValueIterator, SessionStore } from '../../state/state-store'
import type { SessionBytesStore, SessionEntry, SessionKey } from './bytes-stores'
import { StoreIterator } from './iterators'
import { MeteredStore } from './runtime-store'

// fetch() is findSessions over all time, as in Kafka.
const EARLIEST_END = 0
const LATEST_START = Number.MAX_SAFE_INTEGER

/** The typed session store over its byte layers. */
export class MeteredSessionStore<K, AGG>
  extends MeteredStore<K, AGG, SessionBytesStore, SessionKey>
  implements SessionStore<K, AGG>
{
  put(sessionKey: Windowed<K>, aggregate: AGG | null): void {
    this.validateStoreOpen()
    const window = sessionKey.window()
    this.bytes.put(
      this.keyBytes(sessionKey.key()),
      window.start(),
      window.end(),
      this.valueBytes(aggregate),
    )
  }

  remove(sessionKey: Windowed<K>): void {
    this.validateStoreOpen()
    const window = sessionKey.window()
    this.bytes.remove(this.keyBytes(sessionKey.key()), window.start(), window.end())
  }

  fetch(key: K): KeyValueIterator<Windowed<K>, AGG>
  fetch(keyFrom: K | null, keyTo: K | null): KeyValueIterator<Windowed<K>, AGG>
  fetch(keyOrFrom: K | null, keyTo?: K | null): KeyValueIterator<Windowed<K>, AGG> {
    return this.find(keyOrFrom, keyTo, EARLIEST_END, LATEST_START, true)
  }

  backwardFetch(key: K): KeyValueIterator<Windowed<K>, AGG>
  backwardFetch(keyFrom: K | null, keyTo: K | null): KeyValueIterator<Windowed<K>, AGG>
  backwardFetch(keyOrFrom: K | null, keyTo?: K | null): KeyValueIterator<Windowed<K>, AGG> {
    return this.find(keyOrFrom, keyTo, EARLIEST_END, LATEST_START, false)
  }

  fetchSession(key: K, sessionStartMs: number, sessionEndMs: number): AGG | null {
    this.validateStoreOpen()
    return this.valueFrom(this.bytes.fetchSession(this.keyBytes(key), sessionStartMs, sessionEndMs))
  }

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
  findSessions(
    keyOrFrom: K | null,
    second: K | number | null,
    third: number,
    fourth?: number,
  ): KeyValueIterator<Windowed<K>, AGG> {
    if (fourth !== undefined) return this.find(keyOrFrom, second as K | null, third, fourth, true)
    return this.find(keyOrFrom, undefined, second as number, third, true)
  }

  backwardFindSessions(
    key: K,
    earliestSessionEndTime: number,
    latestSessionStartTime: number,
  ): KeyValueIterator<Windowed<K>, AGG> {
    return this.find(key, undefined, earliestSessionEndTime, latestSessionStartTime, false)
  }

  protected cacheKeyFrom(key: SessionKey): unknown {
    return new Windowed(this.keyFrom(key.key), new Window(key.start, key.end))
  }

  /** `keyTo` undefined: the single key `keyOrFrom`, which must then be non-null. */
  private find(
    keyOrFrom: K | null,
    keyTo: K | null | undefined,
    earliestSessionEnd: number,
    latestSessionStart: number,
    forward: boolean,
  ): KeyValueIterator<Windowed<K>, AGG> {
    this.validateStoreOpen()
    let from: Uint8Array | null
    let to: Uint8Array | null
    if (keyTo === undefined) {
      from = this.keyBytes(keyOrFrom as K)
      to = from
    } else {
      from = this.nullableKeyBytes(keyOrFrom)
      to = this.nullableKeyBytes(keyTo)
    }
    const entries = this.bytes.findSessions(
      from,
      to,
      earliestSessionEnd,
      latestSessionStart,
      forward,
    )
    return new StoreIterator(entries, this.sessionAndAggregate)
  }

  // Made once per store rather than a closure per read.
  private readonly sessionAndAggregate = (entry: SessionEntry): KeyValue<Windowed<K>, AGG> =>
    new KeyValue(
      new Windowed(this.keyFrom(entry.key), new Window(entry.start, entry.end)),
      this.storedValue(entry.value),
    )
}
