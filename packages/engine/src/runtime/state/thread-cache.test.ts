import { describe, expect, it } from 'vitest'
import type { RecordContext } from '../record-context'
import { CACHE_ENTRY_OVERHEAD, ThreadCache } from './thread-cache'

const context = (timestamp: number): RecordContext => ({
  timestamp,
  offset: timestamp,
  partition: 0,
  topic: 't',
  headers: [],
})
const bytes = (value: number) => Uint8Array.of(value)

function cacheWithLog(maxBytes = 10_000) {
  const cache = new ThreadCache(maxBytes)
  const flushes: string[][] = []
  cache.addDirtyEntryFlushListener('store', (entries) => {
    flushes.push(entries.map((e) => `${e.key}=${e.value?.[0] ?? 'null'}@${e.context.timestamp}`))
  })
  return { cache, flushes }
}

describe('ThreadCache', () => {
  it('flushes dirty keys in the order of their latest writes, across flushes and clean reads', () => {
    const { cache, flushes } = cacheWithLog()
    cache.put('store', 'a', bytes(1), context(1))
    cache.put('store', 'b', bytes(2), context(2))
    cache.put('store', 'c', bytes(3), context(3))
    cache.flush('store')
    // Flushed entries are clean: a clean read may replace them, a dirty write makes them
    // dirty again, at the end of the order.
    cache.put('store', 'c', bytes(4), context(4))
    cache.put('store', 'b', bytes(5), null)
    cache.put('store', 'a', bytes(6), context(5))
    cache.put('store', 'c', bytes(7), context(6))
    cache.flush('store')
    cache.flush('store')
    expect(flushes).toEqual([
      ['a=1@1', 'b=2@2', 'c=3@3'],
      ['a=6@5', 'c=7@6'],
    ])
    expect(cache.get('store', 'b')?.value).toEqual(bytes(5))
    expect(cache.get('store', 'c')).toMatchObject({ value: bytes(7), dirty: false })
    expect(() => cache.put('store', 'd', bytes(1), context(7))).not.toThrow()
    expect(() => cache.put('store', 'd', bytes(2), null)).toThrow(/clean entry over a dirty one/)
  })

  it('evicts the least recently used entry, flushing it first when dirty, then the others', () => {
    const entryBytes = CACHE_ENTRY_OVERHEAD + 1 + 1 + 't'.length
    const { cache, flushes } = cacheWithLog(3 * entryBytes)
    cache.put('store', 'a', bytes(1), context(1))
    cache.put('store', 'b', bytes(2), context(2))
    cache.put('store', 'c', bytes(3), context(3))
    // 'b' becomes the least recently used; its eviction flushes it first, then 'a' and 'c'.
    cache.get('store', 'a')
    cache.get('store', 'c')
    cache.put('store', 'd', bytes(4), context(4))
    expect(flushes).toEqual([['b=2@2', 'a=1@1', 'c=3@3', 'd=4@4']])
    expect(cache.size()).toBe(3)
    expect(cache.sizeInBytes()).toBe(3 * entryBytes)
    expect(cache.get('store', 'b')).toBeUndefined()
  })

  it('drops a flushed delete, but keeps a key the flush listener wrote again', () => {
    const cache = new ThreadCache(10_000)
    cache.addDirtyEntryFlushListener('store', (entries) => {
      for (const entry of entries) {
        if (entry.key === 'b') cache.put('store', 'b', bytes(9), context(9))
      }
    })
    cache.put('store', 'a', null, context(1))
    cache.put('store', 'b', null, context(2))
    cache.flush('store')
    expect(cache.get('store', 'a')).toBeUndefined()
    expect(cache.get('store', 'b')).toMatchObject({ value: bytes(9), dirty: true })
    expect(cache.range('store', null, null)).toEqual([{ key: 'b', value: bytes(9) }])
  })
})
