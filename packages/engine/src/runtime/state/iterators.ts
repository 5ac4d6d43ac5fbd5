import type { KeyValue } from '../../dsl/key-value'
import type { KeyValueIterator } from '../../state/state-store'

/** A JavaScript iterator with one element of look-ahead; undefined means exhausted. */
export class Peekable<T> {
  // The look-ahead in two fields rather than a box object: no allocation per element.
  private buffered: T | undefined = undefined
  private hasBuffered = false
  private exhausted = false

  constructor(private readonly source: Iterator<T>) {}

  peek(): T | undefined {
    if (!this.hasBuffered && !this.exhausted) {
      const result = this.source.next()
      if (result.done === true) this.exhausted = true
      else {
        this.buffered = result.value
        this.hasBuffered = true
      }
    }
    return this.buffered
  }

  next(): T | undefined {
    const item = this.peek()
    this.buffered = undefined
    this.hasBuffered = false
    return item
  }
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined })

// Stateless, so one serves every empty read (stores answer many: a join probe mostly).
const EMPTY: Iterator<never, undefined> = Object.freeze({ next: () => DONE })

export function emptyIterator<T>(): Iterator<T> {
  return EMPTY
}

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

/**
 * Kafka's iterator contract (hasNext/next/peekNextKey/close) over a lazy JavaScript iterator of
 * store entries, each made a typed KeyValue by `typed` as it is pulled (at hasNext, as before a
 * generator mapped them). One object per iterator: typed layers used to stack a generator and
 * a look-ahead box under it for every fetch.
 */
export class StoreIterator<K, V, E = KeyValue<K, V>> implements KeyValueIterator<K, V> {
  private buffered: KeyValue<K, V> | undefined = undefined
  private exhausted = false
  private open = true

  constructor(
    private readonly source: Iterator<E>,
    private readonly typed: (entry: E) => KeyValue<K, V> = identity as (entry: E) => KeyValue<K, V>,
  ) {}

  hasNext(): boolean {
    return this.open && this.peek() !== undefined
  }

  next(): KeyValue<K, V> {
    const next = this.open ? this.peek() : undefined
    if (next === undefined)
      throw new Error('NoSuchElementException: the iterator has no more entries')
    this.buffered = undefined
    return next
  }

  peekNextKey(): K {
    const next = this.open ? this.peek() : undefined
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

  private peek(): KeyValue<K, V> | undefined {
    if (this.buffered === undefined && !this.exhausted) {
      const result = this.source.next()
      if (result.done === true) this.exhausted = true
      else this.buffered = this.typed(result.value)
    }
    return this.buffered
  }
}

function identity<T>(item: T): T {
  return item
}
