import { KeyValue } from '../../dsl/key-value'
import { Window, Windowed } from '../../dsl/windowed'
import type { Serde } from '../../serde/serde'
import type { KeyValueIterator, WindowStore, WindowStoreIterator } from '../../state/state-store'
import type { StoreBuilder } from '../../state/store-builder'
import type { CachingLayer, WindowBytesStore, WindowEntry, WindowKey } from './bytes-stores'
import { StoreIterator } from './iterators'
import { MeteredStore } from './runtime-store'

// Open time bounds for all()/backwardAll().
const EARLIEST = Number.MIN_SAFE_INTEGER
const LATEST = Number.MAX_SAFE_INTEGER

/** The typed window store (plain, or timestamped by its value serde) over its byte layers. */
export class MeteredWindowStore<K, V>
  extends MeteredStore<K, V, WindowBytesStore, WindowKey>
  implements WindowStore<K, V>
{
  constructor(
    builder: StoreBuilder,
    bytes: WindowBytesStore,
    caching: CachingLayer<WindowKey> | null,
    keySerde: Serde<K>,
    valueSerde: Serde<V>,
    topic: string,
    private readonly windowSizeMs: number,
  ) {
    super(builder, bytes, caching, keySerde, valueSerde, topic)
  }

  put(key: K, value: V | null, windowStartMs: number): void {
    this.validateStoreOpen()
    this.bytes.put(this.keyBytes(key), this.valueBytes(value), windowStartMs)
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
    this.validateStoreOpen()
    if (fourth !== undefined) {
      return this.fetchWindowed(keyOrFrom, second as K | null, third as number, fourth, true)
    }
    if (third !== undefined) return this.fetchKey(keyOrFrom as K, second as number, third, true)
    return this.valueFrom(this.bytes.fetch(this.keyBytes(keyOrFrom as K), second as number))
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
    this.validateStoreOpen()
    if (fourth !== undefined) {
      return this.fetchWindowed(keyOrFrom, second as K | null, third, fourth, false)
    }
    return this.fetchKey(keyOrFrom as K, second as number, third, false)
  }

  all(): KeyValueIterator<Windowed<K>, V> {
    this.validateStoreOpen()
    return this.windowed(this.bytes.fetchRange(null, null, EARLIEST, LATEST, true))
  }

  backwardAll(): KeyValueIterator<Windowed<K>, V> {
    this.validateStoreOpen()
    return this.windowed(this.bytes.fetchRange(null, null, EARLIEST, LATEST, false))
  }

  fetchAll(timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V> {
    this.validateStoreOpen()
    return this.windowed(this.bytes.fetchRange(null, null, timeFrom, timeTo, true))
  }

  backwardFetchAll(timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V> {
    this.validateStoreOpen()
    return this.windowed(this.bytes.fetchRange(null, null, timeFrom, timeTo, false))
  }

  protected cacheKeyFrom(key: WindowKey): unknown {
    return this.windowedKey(key.key, key.windowStart)
  }

  private fetchKey(
    key: K,
    timeFrom: number,
    timeTo: number,
    forward: boolean,
  ): WindowStoreIterator<V> {
    const keyBytes = this.keyBytes(key)
    const entries = this.bytes.fetchRange(keyBytes, keyBytes, timeFrom, timeTo, forward)
    return new StoreIterator(entries, this.windowStartAndValue)
  }

  private fetchWindowed(
    keyFrom: K | null,
    keyTo: K | null,
    timeFrom: number,
    timeTo: number,
    forward: boolean,
  ): KeyValueIterator<Windowed<K>, V> {
    const from = this.nullableKeyBytes(keyFrom)
    const to = this.nullableKeyBytes(keyTo)
    return this.windowed(this.bytes.fetchRange(from, to, timeFrom, timeTo, forward))
  }

  private windowed(entries: Iterator<WindowEntry>): KeyValueIterator<Windowed<K>, V> {
    return new StoreIterator(entries, this.windowedKeyAndValue)
  }

  // Made once per store rather than a closure per fetch.
  private readonly windowStartAndValue = (entry: WindowEntry): KeyValue<number, V> =>
    new KeyValue(entry.windowStart, this.storedValue(entry.value))

  private readonly windowedKeyAndValue = (entry: WindowEntry): KeyValue<Windowed<K>, V> =>
    new KeyValue(this.windowedKey(entry.key, entry.windowStart), this.storedValue(entry.value))

  private windowedKey(key: Uint8Array, windowStart: number): Windowed<K> {
    return new Windowed(this.keyFrom(key), new Window(windowStart, windowStart + this.windowSizeMs))
  }
}
