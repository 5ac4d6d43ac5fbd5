import type { KeyValue } from '../../dsl/key-value'
import type { KeyValueIterator } from '../../state/state-store'

/** A JavaScript iterator with one element of look-ahead; undefined means exhausted. */
export class Peekable<T> {
  private buffered: { readonly item: T } | null = null
  private exhausted = false

  constructor(private readonly source: Iterator<T>) {}

  peek(): T | undefined {
    if (this.buffered === null && !this.exhausted) {
      const result = this.source.next()
      if (result.done === true) this.exhausted = true
      else this.buffered = { item: result.value }
    }
    return this.buffered?.item
  }

  next(): T | undefined {
    const item = this.peek()
    this.buffered = null
    return item
  }
}

export function* emptyIterator<T>(): Generator<T> {}

export function* mapIterator<A, B>(source: Iterator<A>, map: (item: A) => B): Generator<B> {
  for (let result = source.next(); result.done !== true; result = source.next()) {
    yield map(result.value)
  }
}

export function* filterIterator<T>(source: Iterator<T>, keep: (item: T) => boolean): Generator<T> {
  for (let result = source.next(); result.done !== true; result = source.next()) {
    if (keep(result.value)) yield result.value
  }
}

/**
 * Merges a record cache's entries over the store beneath it, as Kafka's merged sorted cache
 * iterators do: both sources arrive in the order `compare` describes; on equal keys the cache
 * wins, and a cached null (a delete not yet flushed) hides the stored entry.
 */
export function* mergeCacheOverStore<E extends { readonly value: Uint8Array | null }>(
  cached: Iterator<E>,
  stored: Iterator<E>,
  compare: (a: E, b: E) => number,
): Generator<E & { readonly value: Uint8Array }> {
  const cache = new Peekable(cached)
  const store = new Peekable(stored)
  for (;;) {
    const nextCached = cache.peek()
    const nextStored = store.peek()
    let picked: E
    if (nextCached === undefined) {
      if (nextStored === undefined) return
      picked = nextStored
      store.next()
    } else if (nextStored === undefined) {
      picked = nextCached
      cache.next()
    } else {
      const order = compare(nextCached, nextStored)
      if (order > 0) {
        picked = nextStored
        store.next()
      } else {
        if (order === 0) store.next()
        picked = nextCached
        cache.next()
      }
    }
    if (picked.value !== null) yield picked as E & { readonly value: Uint8Array }
  }
}

/** Kafka's iterator contract (hasNext/next/peekNextKey/close) over a lazy JavaScript iterator. */
export class StoreIterator<K, V> implements KeyValueIterator<K, V> {
  private readonly source: Peekable<KeyValue<K, V>>
  private open = true

  constructor(source: Iterator<KeyValue<K, V>>) {
    this.source = new Peekable(source)
  }

  hasNext(): boolean {
    return this.open && this.source.peek() !== undefined
  }

  next(): KeyValue<K, V> {
    const next = this.open ? this.source.next() : undefined
    if (next === undefined)
      throw new Error('NoSuchElementException: the iterator has no more entries')
    return next
  }

  peekNextKey(): K {
    const next = this.open ? this.source.peek() : undefined
    if (next === undefined)
      throw new Error('NoSuchElementException: the iterator has no more entries')
    return next.key
  }

  close(): void {
    this.open = false
  }

  [Symbol.iterator](): Iterator<KeyValue<K, V>> {
    return {
      next: (): IteratorResult<KeyValue<K, V>> =>
        this.hasNext() ? { done: false, value: this.next() } : { done: true, value: undefined },
    }
  }
}
