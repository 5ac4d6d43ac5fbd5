import { describe, expect, it } from 'vitest'
import { Window, Windowed } from '../../dsl/windowed'
import { Serdes } from '../../serde/serdes'
import type {
  KeyValueStore,
  SessionStore,
  TimestampedKeyValueStore,
  WindowStore,
} from '../../state/state-store'
import { Stores } from '../../state/stores'
import { ValueAndTimestamp } from '../../state/value-and-timestamp'
import { createStateStore } from './create-state-store'
import type { RuntimeStore } from './runtime-store'
import { TestStoreContext, entries, hex, storeWith, utf8Hex } from './test-helpers'
import { CACHE_ENTRY_OVERHEAD, ThreadCache } from './thread-cache'

type Flushed = [key: string, newValue: string, oldValue: string, timestamp: number]

function listen(store: RuntimeStore, sendOldValues = true): Flushed[] {
  const flushed: Flushed[] = []
  const cached = store.setFlushListener((key, newValue, oldValue, context) => {
    flushed.push([String(key), String(newValue), String(oldValue), context.timestamp])
  }, sendOldValues)
  expect(cached).toBe(true)
  return flushed
}

function cachedCounts(options: { cacheBytes?: number; context?: TestStoreContext } = {}) {
  const builder = Stores.keyValueStoreBuilder(
    Stores.inMemoryKeyValueStore('counts'),
    Serdes.String(),
    Serdes.Long(),
  ).withCachingEnabled()
  return storeWith<KeyValueStore<string, number>>(builder, options)
}

// A dirty entry of a one-char key and a Long value, written while processing topic 'input'.
const ENTRY_BYTES = CACHE_ENTRY_OVERHEAD + 1 + 8 + 'input'.length

describe('record caching', () => {
  it('collapses repeated writes of a key into one flush, with the latest write context', () => {
    const { store, context } = cachedCounts()
    const flushed = listen(store)
    expect(store.cached).toBe(true)
    context.at(1)
    store.put('a', 1)
    context.at(2)
    store.put('a', 2)
    context.at(3)
    store.put('a', 3)
    expect(context.sent).toEqual([])
    context.at(10)
    store.flushCache()
    expect(flushed).toEqual([['a', '3', 'null', 3]])
    // The changelog record carries the timestamp of the write, not of the flush.
    expect(context.sent.map((record) => [hex(record.key), record.timestamp])).toEqual([
      [utf8Hex('a'), 3],
    ])
    store.put('a', 4)
    store.flushCache()
    expect(flushed[1]).toEqual(['a', '4', '3', 10])
    store.flushCache()
    expect(flushed).toHaveLength(2)
  })

  it('emits nothing for a key created and deleted between two flushes', () => {
    const { store, context } = cachedCounts()
    const flushed = listen(store)
    store.put('x', 1)
    store.put('x', null)
    store.put('y', 1)
    expect(store.delete('y')).toBe(1)
    store.flushCache()
    expect(flushed).toEqual([])
    expect(context.sent).toEqual([])
  })

  it('flushes a delete of a stored key as a tombstone', () => {
    const { store, context } = cachedCounts()
    const flushed = listen(store, false)
    store.put('a', 1)
    store.flushCache()
    store.delete('a')
    expect(store.get('a')).toBeNull()
    store.flushCache()
    expect(flushed).toEqual([
      ['a', '1', 'null', 0],
      ['a', 'null', 'null', 0],
    ])
    expect(context.sent.map((record) => record.value)).toEqual([expect.any(Uint8Array), null])
  })

  it('reports old values only when asked to', () => {
    const { store } = cachedCounts()
    const flushed = listen(store, false)
    store.put('a', 1)
    store.flushCache()
    store.put('a', 2)
    store.flushCache()
    expect(flushed.map(([, , oldValue]) => oldValue)).toEqual(['null', 'null'])
  })

  it('flushes dirty keys in the order of their latest writes', () => {
    const { store } = cachedCounts()
    const flushed = listen(store)
    store.put('a', 1)
    store.put('b', 1)
    store.put('c', 1)
    store.put('a', 2)
    store.flushCache()
    expect(flushed.map(([key, value]) => `${key}=${value}`)).toEqual(['b=1', 'c=1', 'a=2'])
  })

  it('flushes every dirty entry of the store, the evicted one first, when over budget', () => {
    const { store, cache } = cachedCounts({ cacheBytes: 2 * ENTRY_BYTES + 10 })
    const flushed = listen(store)
    store.put('a', 1)
    store.put('b', 2)
    expect(cache.sizeInBytes()).toBe(2 * ENTRY_BYTES)
    // Reading 'a' makes 'b' the least recently used.
    expect(store.get('a')).toBe(1)
    expect(flushed).toEqual([])
    store.put('c', 3)
    expect(flushed.map(([key]) => key)).toEqual(['b', 'a', 'c'])
    expect(cache.size()).toBe(2)
    // What was flushed stays readable, now from the store.
    expect(entries(store.all())).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['c', '3'],
    ])
  })

  it('evicts only entries of the store being written', () => {
    const context = new TestStoreContext()
    const cache = new ThreadCache(2 * ENTRY_BYTES + 10)
    const build = (name: string) =>
      createStateStore(
        Stores.keyValueStoreBuilder(
          Stores.inMemoryKeyValueStore(name),
          Serdes.String(),
          Serdes.Long(),
        ).withCachingEnabled(),
        context,
        cache,
      ) as RuntimeStore & KeyValueStore<string, number>
    const first = build('first')
    const second = build('second')
    const flushedFirst = listen(first)
    const flushedSecond = listen(second)
    first.put('a', 1)
    first.put('b', 2)
    second.put('x', 3)
    expect(flushedFirst).toEqual([])
    expect(flushedSecond.map(([key]) => key)).toEqual(['x'])
  })

  it('serves reads from the cache first, merged in key order over the store', () => {
    const { store } = cachedCounts()
    listen(store)
    store.put('a', 1)
    store.put('c', 3)
    store.put('e', 5)
    store.flushCache()
    store.put('b', 2)
    store.put('c', null)
    store.put('e', 50)
    expect(store.get('b')).toBe(2)
    expect(store.get('c')).toBeNull()
    expect(entries(store.all())).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['e', '50'],
    ])
    expect(entries(store.reverseRange('b', null))).toEqual([
      ['e', '50'],
      ['b', '2'],
    ])
    expect(entries(store.prefixScan('c', Serdes.String()))).toEqual([])
    expect(store.putIfAbsent('c', 30)).toBeNull()
    expect(store.putIfAbsent('a', 10)).toBe(1)
    // As in Kafka, the count is the store's: unflushed writes are not in it.
    expect(store.approximateNumEntries()).toBe(3)
  })

  it('flushes on flush() and close()', () => {
    const { store } = cachedCounts()
    const flushed = listen(store)
    store.put('a', 1)
    store.flush()
    store.put('b', 2)
    store.close()
    expect(flushed.map(([key]) => key)).toEqual(['a', 'b'])
  })

  it('is bypassed when disabled, without a cache, or with a zero budget', () => {
    const context = new TestStoreContext()
    const plain = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('plain'))
    const cachedBuilder = () =>
      Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('cached')).withCachingEnabled()
    const stores = [
      createStateStore(plain, context, new ThreadCache(1000)),
      createStateStore(cachedBuilder(), context, null),
      createStateStore(cachedBuilder(), context, new ThreadCache(0)),
    ]
    for (const store of stores) {
      expect(store.cached).toBe(false)
      expect(store.setFlushListener(() => {}, true)).toBe(false)
      ;(store as RuntimeStore & KeyValueStore<string, string>).put('k', 'v')
    }
    expect(context.sent).toHaveLength(3)
  })

  it('reports timestamped values as ValueAndTimestamp', () => {
    const builder = Stores.timestampedKeyValueStoreBuilder(
      Stores.inMemoryKeyValueStore('table'),
      Serdes.String(),
      Serdes.String(),
    ).withCachingEnabled()
    const { store } = storeWith<TimestampedKeyValueStore<string, string>>(builder)
    const flushed: unknown[] = []
    store.setFlushListener((_key, newValue, oldValue) => flushed.push(newValue, oldValue), true)
    store.put('a', ValueAndTimestamp.make('x', 7))
    store.flushCache()
    expect(flushed).toEqual([ValueAndTimestamp.make('x', 7), null])
  })
})

describe('record caching of window stores', () => {
  function cachedWindows(retainDuplicates = false, cacheBytes?: number) {
    const builder = Stores.windowStoreBuilder(
      Stores.inMemoryWindowStore('windows', 100, 10, retainDuplicates),
      Serdes.String(),
      Serdes.String(),
    ).withCachingEnabled()
    return storeWith<WindowStore<string, string>>(builder, cacheBytes ? { cacheBytes } : {})
  }

  it('reports flushed windows under Windowed keys ending a window size after their start', () => {
    const { store, context } = cachedWindows()
    const flushed = listen(store)
    context.at(3)
    store.put('a', 'x', 0)
    context.at(4)
    store.put('a', 'y', 0)
    expect(store.fetch('a', 0)).toBe('y')
    store.flushCache()
    expect(flushed).toEqual([['[a@0/10]', 'y', 'null', 4]])
    store.put('a', null, 0)
    store.flushCache()
    expect(flushed[1]).toEqual(['[a@0/10]', 'null', 'y', 4])
    expect(context.sent).toHaveLength(2)
  })

  it('merges cached windows over stored ones by start, then key', () => {
    const { store } = cachedWindows()
    listen(store)
    store.put('a', 'a@0', 0)
    store.put('c', 'c@0', 0)
    store.put('b', 'b@20', 20)
    store.flushCache()
    store.put('b', 'b@0', 0)
    store.put('a', 'a@10', 10)
    store.put('c', null, 0)
    store.put('b', 'B@20', 20)
    expect(entries(store.fetchAll(0, 20))).toEqual([
      ['[a@0/10]', 'a@0'],
      ['[b@0/10]', 'b@0'],
      ['[a@10/20]', 'a@10'],
      ['[b@20/30]', 'B@20'],
    ])
    expect(entries(store.backwardFetch('a', 'b', 0, 10)).map(([key]) => key)).toEqual([
      '[a@10/20]',
      '[b@0/10]',
      '[a@0/10]',
    ])
    expect(entries(store.fetch('a', 0, 100))).toEqual([
      ['0', 'a@0'],
      ['10', 'a@10'],
    ])
    expect(entries(store.fetch('b', 5, 100))).toEqual([['20', 'B@20']])
  })

  it('returns windows the store has expired for as long as the cache holds them, as Kafka', () => {
    const { store } = cachedWindows()
    listen(store)
    store.put('a', 'old', 0)
    store.put('b', 'new', 100)
    store.flushCache()
    // Retention 100: the store has let [0, 10) go; the cache, clean now, still holds it.
    expect(store.fetch('a', 0)).toBe('old')
    expect(entries(store.fetch('a', 0, 100))).toEqual([['0', 'old']])
    expect(entries(store.all()).map(([key]) => key)).toEqual(['[a@0/10]', '[b@100/110]'])
    expect(entries(store.fetchAll(0, 50)).map(([key]) => key)).toEqual(['[a@0/10]'])
    // Written after it expired: dropped by the store, still read from the cache.
    store.put('c', 'late', 0)
    store.flushCache()
    expect(store.fetch('c', 0)).toBe('late')
  })

  it('stops returning an expired window once the cache evicts it', () => {
    // Room for one window of a one-char key and a three-char value.
    const oneEntry = CACHE_ENTRY_OVERHEAD + 1 + 8 + 4 + 3 + 'input'.length
    const { store } = cachedWindows(false, oneEntry)
    listen(store)
    store.put('a', 'old', 0)
    store.put('b', 'new', 100)
    expect(store.fetch('a', 0)).toBeNull()
    expect(entries(store.all()).map(([key]) => key)).toEqual(['[b@100/110]'])
  })

  it('is not cached when it retains duplicates, as in Kafka', () => {
    const { store } = cachedWindows(true)
    expect(store.cached).toBe(false)
  })
})

describe('record caching of session stores', () => {
  const session = (key: string, start: number, end: number) =>
    new Windowed(key, new Window(start, end))

  it('merges cached sessions over stored ones and flushes with old values', () => {
    const builder = Stores.sessionStoreBuilder(
      Stores.inMemorySessionStore('sessions', 1000),
      Serdes.String(),
      Serdes.Long(),
    ).withCachingEnabled()
    const { store, context } = storeWith<SessionStore<string, number>>(builder)
    const flushed = listen(store)
    store.put(session('a', 0, 10), 1)
    store.put(session('b', 0, 5), 2)
    store.flushCache()
    expect(flushed.map(([key]) => key)).toEqual(['[a@0/10]', '[b@0/5]'])
    store.remove(session('a', 0, 10))
    store.put(session('a', 0, 20), 3)
    store.put(session('ab', 0, 20), 4)
    expect(store.fetchSession('a', 0, 10)).toBeNull()
    expect(entries(store.fetch('a'))).toEqual([['[a@0/20]', '3']])
    expect(entries(store.findSessions(null, null, 0, 100))).toEqual([
      ['[b@0/5]', '2'],
      ['[a@0/20]', '3'],
      ['[ab@0/20]', '4'],
    ])
    store.flushCache()
    expect(flushed.slice(2)).toEqual([
      ['[a@0/10]', 'null', '1', 0],
      ['[a@0/20]', '3', 'null', 0],
      ['[ab@0/20]', '4', 'null', 0],
    ])
    expect(context.sent).toHaveLength(5)
  })

  it('returns sessions the store has expired for as long as the cache holds them, as Kafka', () => {
    const builder = Stores.sessionStoreBuilder(
      Stores.persistentSessionStore('sessions', 100),
      Serdes.String(),
      Serdes.Long(),
    ).withCachingEnabled()
    const { store } = storeWith<SessionStore<string, number>>(builder)
    listen(store)
    store.put(session('a', 0, 10), 1)
    store.put(session('b', 200, 300), 2)
    store.flushCache()
    // Retention 100: the store no longer returns [0, 10], the cache does.
    expect(store.fetchSession('a', 0, 10)).toBe(1)
    expect(entries(store.findSessions('a', 0, 50))).toEqual([['[a@0/10]', '1']])
    expect(entries(store.findSessions(null, null, 0, 1000)).map(([key]) => key)).toEqual([
      '[a@0/10]',
      '[b@200/300]',
    ])
  })
})
