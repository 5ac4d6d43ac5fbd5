import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serde/serdes'
import type { WindowStore } from '../../state/state-store'
import { Stores } from '../../state/stores'
import { entries, storeWith } from './test-helpers'

function windowStore(retentionMs: number, windowSizeMs: number, retainDuplicates = false) {
  const builder = Stores.windowStoreBuilder(
    Stores.inMemoryWindowStore('windows', retentionMs, windowSizeMs, retainDuplicates),
    Serdes.String(),
    Serdes.String(),
  )
  return storeWith<WindowStore<string, string>>(builder).store
}

describe('in-memory window store', () => {
  it('fetches one window of one key', () => {
    const store = windowStore(100, 10)
    store.put('a', 'a@0', 0)
    store.put('a', 'a@10', 10)
    expect(store.fetch('a', 0)).toBe('a@0')
    expect(store.fetch('a', 10)).toBe('a@10')
    expect(store.fetch('a', 5)).toBeNull()
    expect(store.fetch('b', 0)).toBeNull()
  })

  it('deletes a window with a null put', () => {
    const store = windowStore(100, 10)
    store.put('a', 'x', 0)
    store.put('a', null, 0)
    expect(store.fetch('a', 0)).toBeNull()
    expect([...store.all()]).toEqual([])
  })

  it("fetches a key's windows by start time, inclusive, forward and backward", () => {
    const store = windowStore(100, 10)
    for (const start of [30, 0, 20, 10]) store.put('a', `a@${start}`, start)
    store.put('b', 'b@10', 10)
    expect(entries(store.fetch('a', 10, 30))).toEqual([
      ['10', 'a@10'],
      ['20', 'a@20'],
      ['30', 'a@30'],
    ])
    expect(entries(store.backwardFetch('a', 0, 15))).toEqual([
      ['10', 'a@10'],
      ['0', 'a@0'],
    ])
  })

  it('orders key-range fetches by window start, then key bytes; backward reverses both', () => {
    const store = windowStore(100, 10)
    store.put('b', 'b@0', 0)
    store.put('a', 'a@10', 10)
    store.put('c', 'c@0', 0)
    store.put('a', 'a@0', 0)
    store.put('b', 'b@10', 10)
    expect(entries(store.fetch('a', 'b', 0, 10))).toEqual([
      ['[a@0/10]', 'a@0'],
      ['[b@0/10]', 'b@0'],
      ['[a@10/20]', 'a@10'],
      ['[b@10/20]', 'b@10'],
    ])
    expect(entries(store.backwardFetch('b', null, 0, 10)).map(([key]) => key)).toEqual([
      '[b@10/20]',
      '[c@0/10]',
      '[b@0/10]',
    ])
    expect(entries(store.fetchAll(0, 5)).map(([key]) => key)).toEqual([
      '[a@0/10]',
      '[b@0/10]',
      '[c@0/10]',
    ])
    expect(entries(store.all())).toHaveLength(5)
    expect(entries(store.backwardAll()).map(([key]) => key)).toEqual([
      '[b@10/20]',
      '[a@10/20]',
      '[c@0/10]',
      '[b@0/10]',
      '[a@0/10]',
    ])
    expect(entries(store.backwardFetchAll(10, 10)).map(([key]) => key)).toEqual([
      '[b@10/20]',
      '[a@10/20]',
    ])
  })

  it('expires windows that start retentionMs or more behind the newest start put', () => {
    const store = windowStore(20, 10)
    store.put('a', 'a@0', 0)
    store.put('a', 'a@10', 10)
    store.put('a', 'a@20', 20)
    // Newest start 20, retention 20: the window at 0 is gone, the one at 10 lives.
    expect(store.fetch('a', 0)).toBeNull()
    expect(store.fetch('a', 10)).toBe('a@10')
    expect(entries(store.fetch('a', 0, 100)).map(([start]) => start)).toEqual(['10', '20'])
    expect(entries(store.all()).map(([key]) => key)).toEqual(['[a@10/20]', '[a@20/30]'])
    store.put('a', 'a@29', 29)
    expect(store.fetch('a', 10)).toBe('a@10')
    store.put('a', 'a@30', 30)
    expect(store.fetch('a', 10)).toBeNull()
  })

  it('drops a put to an expired window', () => {
    const store = windowStore(20, 10)
    store.put('a', 'a@50', 50)
    store.put('b', 'late', 30)
    store.put('b', 'in time', 31)
    expect(store.fetch('b', 30)).toBeNull()
    expect(entries(store.fetchAll(0, 100))).toEqual([
      ['[b@31/41]', 'in time'],
      ['[a@50/60]', 'a@50'],
    ])
  })

  it('keeps every put when retaining duplicates; a null put then deletes nothing', () => {
    const store = windowStore(100, 10, true)
    store.put('a', 'first', 0)
    store.put('a', 'second', 0)
    store.put('ab', 'other key', 0)
    store.put('a', null, 0)
    expect(entries(store.fetch('a', 0, 0))).toEqual([
      ['0', 'first'],
      ['0', 'second'],
    ])
    expect(entries(store.fetch('a', 'a', 0, 0)).map(([, value]) => value)).toEqual([
      'first',
      'second',
    ])
    expect(entries(store.backwardFetch('a', 0, 0)).map(([, value]) => value)).toEqual([
      'second',
      'first',
    ])
    expect(entries(store.all())).toHaveLength(3)
    // Kafka's single-window fetch looks the key up without a sequence number: nothing.
    expect(store.fetch('a', 0)).toBeNull()
  })

  it('returns nothing for a time range that ends before it starts or before retention', () => {
    const store = windowStore(20, 10)
    store.put('a', 'x', 100)
    expect([...store.fetch('a', 50, 40)]).toEqual([])
    expect([...store.fetch('a', 0, 80)]).toEqual([])
    expect([...store.fetch('b', 'a', 0, 200)]).toEqual([])
  })
})
