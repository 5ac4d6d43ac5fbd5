import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serde/serdes'
import type { WindowStore } from '../../state/state-store'
import { Stores } from '../../state/stores'
import type { WindowEntry } from './bytes-stores'
import { InMemoryWindowStore } from './in-memory-window-store'
import { exactRetention, segmentedRetention } from './retention'
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

// A plain list of windows, filtered and sorted on every read: what the store must answer,
// however it indexes its windows.
class ReferenceWindowStore {
  private windows: { key: string; start: number; seqnum: number; value: string }[] = []
  private observed = -1
  private seqnum = 0

  constructor(
    private readonly retentionMs: number,
    private readonly retainDuplicates: boolean,
  ) {}

  put(key: string, value: string | null, start: number): void {
    this.expire()
    this.observed = Math.max(this.observed, start)
    if (start <= this.observed - this.retentionMs) return
    if (this.retainDuplicates) {
      if (value === null) return
      this.seqnum++
      this.windows.push({ key, start, seqnum: this.seqnum, value })
      return
    }
    this.windows = this.windows.filter((w) => w.key !== key || w.start !== start)
    if (value !== null) this.windows.push({ key, start, seqnum: 0, value })
  }

  fetch(key: string, start: number): string | null {
    this.expire()
    if (this.retainDuplicates || start <= this.observed - this.retentionMs) return null
    return this.windows.find((w) => w.key === key && w.start === start)?.value ?? null
  }

  fetchRange(
    keyFrom: string | null,
    keyTo: string | null,
    timeFrom: number,
    timeTo: number,
    forward: boolean,
  ): [string, number, string][] {
    this.expire()
    const minTime = Math.max(timeFrom, this.observed - this.retentionMs + 1)
    const found = this.windows
      .filter(
        (w) =>
          w.start >= minTime &&
          w.start <= timeTo &&
          (keyFrom === null || w.key >= keyFrom) &&
          (keyTo === null || w.key <= keyTo),
      )
      .sort((a, b) => a.start - b.start || compareKeys(a.key, b.key) || a.seqnum - b.seqnum)
      .map((w): [string, number, string] => [w.key, w.start, w.value])
    return forward ? found : found.reverse()
  }

  private expire(): void {
    const bound = Math.max(0, this.observed - this.retentionMs + 1)
    this.windows = this.windows.filter((w) => w.start >= bound)
  }
}

// Keys are Latin-1 strings here, one char per byte, so `<` is the byte order; with duplicates
// the store orders a key's windows by [key][seqnum], a prefix key first.
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

const bytesOf = (key: string) => Uint8Array.from(key, (c) => c.charCodeAt(0))
const stringOf = (bytes: Uint8Array) => String.fromCharCode(...bytes)

function drain(iterator: Iterator<WindowEntry>): [string, number, string][] {
  const out: [string, number, string][] = []
  for (let r = iterator.next(); r.done !== true; r = iterator.next()) {
    out.push([stringOf(r.value.key), r.value.windowStart, stringOf(r.value.value)])
  }
  return out
}

describe('window store of a persistent supplier (segmented retention)', () => {
  const put = (store: InMemoryWindowStore, key: string, start: number) =>
    store.put(bytesOf(key), bytesOf(`${key}@${start}`), start)
  const all = (store: InMemoryWindowStore) =>
    drain(store.fetchRange(null, null, 0, Number.MAX_SAFE_INTEGER, true)).map(
      ([k, t]) => `${k}@${t}`,
    )

  it('keeps expired windows until their segment expires, and never returns them', () => {
    // Retention 1 s, segments of a minute, as Kafka's RocksDB store of a 1 s retention.
    const store = new InMemoryWindowStore(segmentedRetention(1000, 60_000), false)
    put(store, 'a', 0)
    put(store, 'b', 30_000)
    // Stream time 30 000: [0] expired, but segment 0 is live, so it is kept.
    expect(store.heldWindowStarts()).toEqual([0, 30_000])
    expect(store.fetch(bytesOf('a'), 0)).toBeNull()
    expect(drain(store.fetchRange(bytesOf('a'), bytesOf('a'), 0, 100_000, true))).toEqual([])
    expect(all(store)).toEqual(['b@30000'])
    // A write to an expired window of a live segment is kept too, and not read either.
    put(store, 'c', 500)
    expect(store.heldWindowStarts()).toEqual([0, 500, 30_000])
    expect(store.fetch(bytesOf('c'), 500)).toBeNull()
    expect(all(store)).toEqual(['b@30000'])
    // Stream time 60 500: stream time minus retention is still in segment 0.
    put(store, 'd', 60_500)
    expect(store.heldWindowStarts()).toEqual([0, 500, 30_000, 60_500])
    // Stream time 61 000: segment 0 expires as a whole.
    put(store, 'e', 61_000)
    expect(store.heldWindowStarts()).toEqual([60_500, 61_000])
    expect(all(store)).toEqual(['d@60500', 'e@61000'])
  })

  it('drops a write only when its whole segment has expired', () => {
    const store = new InMemoryWindowStore(segmentedRetention(1000, 60_000), false)
    put(store, 'a', 61_000)
    put(store, 'late', 59_999)
    put(store, 'kept', 60_000)
    expect(store.heldWindowStarts()).toEqual([60_000, 61_000])
    expect(store.fetch(bytesOf('kept'), 60_000)).toBeNull()
    expect(all(store)).toEqual(['a@61000'])
  })

  it('answers reads as an in-memory store does, through the typed layers', () => {
    const builder = (persistent: boolean) =>
      Stores.windowStoreBuilder(
        persistent
          ? Stores.persistentWindowStore('windows', 20, 10, false)
          : Stores.inMemoryWindowStore('windows', 20, 10, false),
        Serdes.String(),
        Serdes.String(),
      )
    const persistent = storeWith<WindowStore<string, string>>(builder(true)).store
    const inMemory = storeWith<WindowStore<string, string>>(builder(false)).store
    for (const store of [persistent, inMemory]) {
      store.put('a', 'a@0', 0)
      store.put('a', 'a@10', 10)
      store.put('b', 'b@25', 25)
      store.put('b', 'late', 5)
    }
    expect(persistent.persistent()).toBe(true)
    expect(entries(persistent.all())).toEqual([
      ['[a@10/20]', 'a@10'],
      ['[b@25/35]', 'b@25'],
    ])
    expect(entries(persistent.all())).toEqual(entries(inMemory.all()))
    expect(entries(persistent.fetchAll(0, 30))).toEqual(entries(inMemory.fetchAll(0, 30)))
    expect(entries(persistent.fetch('a', 0, 30))).toEqual([['10', 'a@10']])
    expect(persistent.fetch('a', 0)).toBeNull()
    expect(persistent.fetch('b', 5)).toBeNull()
  })
})

describe('in-memory window store against a reference', () => {
  // A key's windows come from an index once it is fetched by key: it must agree with the
  // segments through puts, overwrites, deletes, duplicates, out-of-order puts and expiry.
  // A segmented retention keeps windows the reference has dropped: reads must not tell.
  const retentions = [
    ['exact', () => exactRetention(300)],
    ['segmented', () => segmentedRetention(300, 170)],
  ] as const
  for (const retainDuplicates of [false, true])
    for (const [policy, retention] of retentions) {
      it(`answers every read as a plain list of windows would (duplicates: ${retainDuplicates}, ${policy})`, () => {
        let state = 11
        const next = (n: number) => {
          state = (state * 1103515245 + 12345) % 2147483648
          return Math.floor((state / 2147483648) * n)
        }
        const keys = ['a', 'ab', 'b', 'a\u00ff', '\u00ff', 'abc']
        const store = new InMemoryWindowStore(retention(), retainDuplicates)
        const reference = new ReferenceWindowStore(300, retainDuplicates)
        let time = 0
        for (let step = 0; step < 6000; step++) {
          // Mostly forward, sometimes late, sometimes past retention.
          time = Math.max(0, time + next(20) - 6)
          const key = keys[next(keys.length)] as string
          const start = Math.max(0, time - next(next(10) === 0 ? 400 : 60))
          const op = next(10)
          if (op < 5) {
            const value = next(8) === 0 ? null : `v${step}`
            store.put(bytesOf(key), value === null ? null : bytesOf(value), start)
            reference.put(key, value, start)
          } else if (op < 6) {
            const found = store.fetch(bytesOf(key), start)
            expect(found === null ? null : stringOf(found)).toBe(reference.fetch(key, start))
          } else {
            const forward = next(2) === 0
            const from = Math.max(0, time - next(500))
            const to = from + next(400)
            // Single keys most often (the indexed path), then key ranges and open ranges.
            const range =
              op < 9
                ? [key, key]
                : [next(2) === 0 ? null : key, next(2) === 0 ? null : keys[next(keys.length)]]
            const [keyFrom = null, keyTo = null] = range
            const iterator = store.fetchRange(
              keyFrom === null ? null : bytesOf(keyFrom),
              keyTo === null ? null : bytesOf(keyTo),
              from,
              to,
              forward,
            )
            expect(drain(iterator), `step ${step}`).toEqual(
              keyFrom !== null && keyTo !== null && keyFrom > keyTo
                ? []
                : reference.fetchRange(keyFrom, keyTo, from, to, forward),
            )
          }
        }
      })
    }

  it('fetches a window deleted and put again once, beside a key it shares a start with', () => {
    const store = new InMemoryWindowStore(exactRetention(1000), false)
    const fetchA = () => drain(store.fetchRange(bytesOf('a'), bytesOf('a'), 0, 100, true))
    store.put(bytesOf('a'), bytesOf('x'), 10)
    store.put(bytesOf('b'), bytesOf('y'), 10)
    expect(fetchA()).toEqual([['a', 10, 'x']])
    store.put(bytesOf('a'), null, 10)
    store.put(bytesOf('a'), bytesOf('z'), 10)
    store.put(bytesOf('a'), bytesOf('z2'), 10)
    expect(fetchA()).toEqual([['a', 10, 'z2']])
  })

  it("keeps a key's fetched windows when they expire or change while the iterator is open", () => {
    const store = new InMemoryWindowStore(exactRetention(100), false)
    store.put(bytesOf('a'), bytesOf('0'), 0)
    store.put(bytesOf('a'), bytesOf('10'), 10)
    store.put(bytesOf('a'), bytesOf('20'), 20)
    const iterator = store.fetchRange(bytesOf('a'), bytesOf('a'), 0, 50, true)
    // Expires the window at 0, deletes the one at 10 and overwrites the one at 20.
    store.put(bytesOf('b'), bytesOf('x'), 100)
    store.put(bytesOf('a'), null, 10)
    store.put(bytesOf('a'), bytesOf('20 again'), 20)
    expect(drain(iterator)).toEqual([
      ['a', 0, '0'],
      ['a', 20, '20 again'],
    ])
    expect(drain(store.fetchRange(bytesOf('a'), bytesOf('a'), 0, 50, true))).toEqual([
      ['a', 20, '20 again'],
    ])
  })
})
