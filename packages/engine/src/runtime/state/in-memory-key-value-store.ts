import type { BinaryKey } from './bytes'
import { fromBinaryKey, prefixUpperBound, toBinaryKey } from './bytes'
import type { BytesEntry, KeyValueBytesStore } from './bytes-stores'
import { emptyIterator } from './iterators'
import { SortedMap } from './sorted-map'

/** Kafka's `InMemoryKeyValueStore`: entries in serialized-key byte order. */
export class InMemoryKeyValueStore implements KeyValueBytesStore {
  private readonly map = new SortedMap<BinaryKey, Uint8Array>()

  get(key: Uint8Array): Uint8Array | null {
    return this.map.get(toBinaryKey(key)) ?? null
  }

  put(key: Uint8Array, value: Uint8Array | null): void {
    if (value === null) this.map.delete(toBinaryKey(key))
    else this.map.set(toBinaryKey(key), value)
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
    const binaryKey = toBinaryKey(key)
    const previous = this.map.get(binaryKey) ?? null
    this.map.delete(binaryKey)
    return previous
  }

  range(from: Uint8Array | null, to: Uint8Array | null, forward: boolean): Iterator<BytesEntry> {
    const low = from === null ? null : toBinaryKey(from)
    const high = to === null ? null : toBinaryKey(to)
    // Kafka answers a reversed range with nothing (and a warning): often a serde whose bytes
    // do not sort like its values, e.g. negative numbers.
    if (low !== null && high !== null && low > high) return emptyIterator()
    return this.entries(this.map.keys(low, high), forward)
  }

  prefixScan(prefix: Uint8Array): Iterator<BytesEntry> {
    const low = toBinaryKey(prefix)
    return this.entries(this.map.keys(low, prefixUpperBound(low), true), true)
  }

  approximateNumEntries(): number {
    return this.map.size
  }

  flush(): void {}

  close(): void {
    this.map.clear()
  }

  // Keys are a snapshot and values are read as the iterator reaches them, so writes made
  // while iterating are seen for keys not yet reached, and deleted keys are skipped.
  private *entries(keys: readonly BinaryKey[], forward: boolean): Generator<BytesEntry> {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[forward ? i : keys.length - 1 - i] as BinaryKey
      const value = this.map.get(key)
      if (value !== undefined) yield { key: fromBinaryKey(key), value }
    }
  }
}
