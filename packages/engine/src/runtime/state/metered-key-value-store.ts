import { KeyValue } from '../../dsl/key-value'
import type { KeyValueIterator, KeyValueStore } from '../../state/state-store'
import type { BytesEntry, KeyValueBytesStore } from './bytes-stores'
import { StoreIterator } from './iterators'
import { MeteredStore } from './runtime-store'

/** The typed key-value store (plain, or timestamped by its value serde) over its byte layers. */
export class MeteredKeyValueStore<K, V>
  extends MeteredStore<K, V, KeyValueBytesStore, Uint8Array>
  implements KeyValueStore<K, V>
{
  get(key: K): V | null {
    this.validateStoreOpen()
    return this.valueFrom(this.bytes.get(this.keyBytes(key)))
  }

  put(key: K, value: V | null): void {
    this.validateStoreOpen()
    this.bytes.put(this.keyBytes(key), this.valueBytes(value))
  }

  putIfAbsent(key: K, value: V | null): V | null {
    this.validateStoreOpen()
    return this.valueFrom(this.bytes.putIfAbsent(this.keyBytes(key), this.valueBytes(value)))
  }

  putAll(entries: readonly KeyValue<K, V | null>[]): void {
    this.validateStoreOpen()
    this.bytes.putAll(
      entries.map((entry) => [this.keyBytes(entry.key), this.valueBytes(entry.value)] as const),
    )
  }

  delete(key: K): V | null {
    this.validateStoreOpen()
    return this.valueFrom(this.bytes.delete(this.keyBytes(key)))
  }

  range(from: K | null, to: K | null): KeyValueIterator<K, V> {
    return this.iterate(from, to, true)
  }

  reverseRange(from: K | null, to: K | null): KeyValueIterator<K, V> {
    return this.iterate(from, to, false)
  }

  all(): KeyValueIterator<K, V> {
    return this.iterate(null, null, true)
  }

  reverseAll(): KeyValueIterator<K, V> {
    return this.iterate(null, null, false)
  }

  prefixScan<P>(
    prefix: P,
    prefixKeySerializer: { serialize(topic: string, data: P | null): Uint8Array | null },
  ): KeyValueIterator<K, V> {
    this.validateStoreOpen()
    const prefixBytes = prefixKeySerializer.serialize(this.topic, prefix)
    if (prefixBytes === null) throw new TypeError('prefix cannot be null')
    return this.typed(this.bytes.prefixScan(prefixBytes))
  }

  approximateNumEntries(): number {
    this.validateStoreOpen()
    return this.bytes.approximateNumEntries()
  }

  protected cacheKeyFrom(key: Uint8Array): unknown {
    return this.keyFrom(key)
  }

  private iterate(from: K | null, to: K | null, forward: boolean): KeyValueIterator<K, V> {
    this.validateStoreOpen()
    const entries = this.bytes.range(
      this.nullableKeyBytes(from),
      this.nullableKeyBytes(to),
      forward,
    )
    return this.typed(entries)
  }

  private typed(entries: Iterator<BytesEntry>): KeyValueIterator<K, V> {
    return new StoreIterator(entries, this.keyAndValue)
  }

  // Made once per store rather than a closure per range read.
  private readonly keyAndValue = (entry: BytesEntry): KeyValue<K, V> =>
    new KeyValue(this.keyFrom(entry.key), this.storedValue(entry.value))
}
