import { describe, expect, it } from 'vitest'
import { Window, Windowed } from '../../dsl/windowed'
import { Serdes } from '../../serde/serdes'
import type { SessionStore } from '../../state/state-store'
import { Stores } from '../../state/stores'
import type { SessionEntry } from './bytes-stores'
import { InMemorySessionStore } from './in-memory-session-store'
import { exactRetention, segmentedRetention } from './retention'
import { entries, storeWith } from './test-helpers'

function sessionStore(retentionMs = 1000) {
  const builder = Stores.sessionStoreBuilder(
    Stores.inMemorySessionStore('sessions', retentionMs),
    Serdes.String(),
    Serdes.Long(),
  )
  return storeWith<SessionStore<string, number>>(builder).store
}

const session = (key: string, start: number, end: number) =>
  new Windowed(key, new Window(start, end))

describe('in-memory session store', () => {
  it('finds sessions ending at or after the earliest end and starting at or before the latest start', () => {
    const store = sessionStore()
    store.put(session('a', 0, 10), 1)
    store.put(session('a', 12, 15), 2)
    store.put(session('a', 20, 30), 3)
    const found = (earliestEnd: number, latestStart: number) =>
      entries(store.findSessions('a', earliestEnd, latestStart)).map(([key]) => key)
    expect(found(10, 20)).toEqual(['[a@0/10]', '[a@12/15]', '[a@20/30]'])
    expect(found(11, 19)).toEqual(['[a@12/15]'])
    expect(found(15, 12)).toEqual(['[a@12/15]'])
    expect(found(31, 100)).toEqual([])
    expect(found(0, -1)).toEqual([])
  })

  it('orders sessions by end, then key bytes, then start; backward reverses', () => {
    const store = sessionStore()
    store.put(session('b', 0, 10), 1)
    store.put(session('a', 5, 20), 2)
    store.put(session('a', 0, 10), 3)
    store.put(session('a', 2, 10), 4)
    store.put(session('c', 0, 5), 5)
    const expected = ['[c@0/5]', '[a@0/10]', '[a@2/10]', '[b@0/10]', '[a@5/20]']
    expect(entries(store.findSessions(null, null, 0, 100)).map(([key]) => key)).toEqual(expected)
    expect(entries(store.fetch(null, null)).map(([key]) => key)).toEqual(expected)
    expect(entries(store.backwardFetch(null, null)).map(([key]) => key)).toEqual(
      [...expected].reverse(),
    )
    expect(entries(store.fetch('a', 'b')).map(([key]) => key)).toEqual([
      '[a@0/10]',
      '[a@2/10]',
      '[b@0/10]',
      '[a@5/20]',
    ])
    expect(entries(store.backwardFindSessions('a', 0, 100)).map(([key]) => key)).toEqual([
      '[a@5/20]',
      '[a@2/10]',
      '[a@0/10]',
    ])
  })

  it('fetches, replaces and removes one session', () => {
    const store = sessionStore()
    store.put(session('a', 0, 10), 1)
    store.put(session('a', 0, 10), 2)
    expect(store.fetchSession('a', 0, 10)).toBe(2)
    expect(store.fetchSession('a', 0, 11)).toBeNull()
    store.remove(session('a', 0, 10))
    expect(store.fetchSession('a', 0, 10)).toBeNull()
    store.put(session('a', 3, 4), 5)
    store.put(session('a', 3, 4), null)
    expect([...store.fetch('a')]).toEqual([])
  })

  it('expires sessions ending retentionMs or more behind the newest end, and drops late puts', () => {
    const store = sessionStore(100)
    store.put(session('a', 0, 10), 1)
    store.put(session('a', 50, 109), 2)
    expect(store.fetchSession('a', 0, 10)).toBe(1)
    store.put(session('b', 100, 110), 3)
    // Newest end 110, retention 100: the session ending at 10 is gone.
    expect(store.fetchSession('a', 0, 10)).toBeNull()
    expect(entries(store.fetch('a')).map(([key]) => key)).toEqual(['[a@50/109]'])
    store.put(session('c', 0, 10), 4)
    expect(store.fetchSession('c', 0, 10)).toBeNull()
    store.put(session('c', 0, 11), 5)
    expect(store.fetchSession('c', 0, 11)).toBe(5)
  })
})

describe('session store of a persistent supplier (segmented retention)', () => {
  const put = (store: InMemorySessionStore, key: string, start: number, end: number) =>
    store.put(bytesOf(key), start, end, bytesOf(`${key}@${start}/${end}`))
  const all = (store: InMemorySessionStore) =>
    drain(store.findSessions(null, null, 0, Number.MAX_SAFE_INTEGER, true)).map(
      ([key, start, end]) => `${key}@${start}/${end}`,
    )

  it('keeps expired sessions until the segment of their end expires, and never returns them', () => {
    // Retention 1 s, segments of a minute, as Kafka's RocksDB store of a 1 s retention.
    const store = new InMemorySessionStore(segmentedRetention(1000, 60_000))
    put(store, 'a', 0, 100)
    put(store, 'b', 20_000, 30_000)
    // Stream time (the newest end) 30 000: [0, 100] expired, but segment 0 is live.
    expect(store.heldSessionEnds()).toEqual([100, 30_000])
    expect(store.fetchSession(bytesOf('a'), 0, 100)).toBeNull()
    expect(drain(store.findSessions(bytesOf('a'), bytesOf('a'), 0, 100_000, true))).toEqual([])
    expect(all(store)).toEqual(['b@20000/30000'])
    // A write to an expired session of a live segment is kept, and not read either.
    put(store, 'c', 0, 500)
    expect(store.heldSessionEnds()).toEqual([100, 500, 30_000])
    expect(store.fetchSession(bytesOf('c'), 0, 500)).toBeNull()
    // Stream time 61 000: segment 0 expires as a whole; a write to it is dropped.
    put(store, 'd', 61_000, 61_000)
    expect(store.heldSessionEnds()).toEqual([61_000])
    put(store, 'late', 59_000, 59_999)
    put(store, 'kept', 60_000, 60_000)
    expect(store.heldSessionEnds()).toEqual([60_000, 61_000])
    expect(all(store)).toEqual(['d@61000/61000'])
  })

  it('advances stream time on a remove, as a RocksDB store does and an in-memory one not', () => {
    const persistent = new InMemorySessionStore(segmentedRetention(1000, 60_000))
    const inMemory = new InMemorySessionStore(exactRetention(1000))
    for (const store of [persistent, inMemory]) {
      put(store, 'a', 59_500, 60_500)
      store.remove(bytesOf('x'), 62_000, 62_000)
    }
    // Stream time 62 000 on the persistent store: [59 500, 60 500] has expired there.
    expect(all(persistent)).toEqual([])
    expect(all(inMemory)).toEqual(['a@59500/60500'])
  })

  it('answers reads as an in-memory store does, through the typed layers', () => {
    const builder = (persistent: boolean) =>
      Stores.sessionStoreBuilder(
        persistent
          ? Stores.persistentSessionStore('sessions', 100)
          : Stores.inMemorySessionStore('sessions', 100),
        Serdes.String(),
        Serdes.Long(),
      )
    const persistent = storeWith<SessionStore<string, number>>(builder(true)).store
    const inMemory = storeWith<SessionStore<string, number>>(builder(false)).store
    for (const store of [persistent, inMemory]) {
      store.put(session('a', 0, 10), 1)
      store.put(session('a', 50, 109), 2)
      store.put(session('b', 100, 110), 3)
      store.put(session('c', 0, 10), 4)
    }
    expect(persistent.persistent()).toBe(true)
    expect(persistent.fetchSession('a', 0, 10)).toBeNull()
    expect(persistent.fetchSession('c', 0, 10)).toBeNull()
    expect(entries(persistent.findSessions(null, null, 0, 1000))).toEqual([
      ['[a@50/109]', '2'],
      ['[b@100/110]', '3'],
    ])
    expect(entries(persistent.findSessions(null, null, 0, 1000))).toEqual(
      entries(inMemory.findSessions(null, null, 0, 1000)),
    )
    expect(entries(persistent.fetch('a'))).toEqual(entries(inMemory.fetch('a')))
  })
})

// A plain list of sessions, filtered and sorted on every read: what the store must answer,
// however it indexes its sessions.
class ReferenceSessionStore {
  private sessions: { key: string; start: number; end: number; value: string }[] = []
  private observed = -1

  constructor(
    private readonly retentionMs: number,
    private readonly removeAdvancesStreamTime: boolean,
  ) {}

  put(key: string, start: number, end: number, value: string | null): void {
    this.expire()
    this.observed = Math.max(this.observed, end)
    if (end <= this.observed - this.retentionMs) return
    this.delete(key, start, end)
    if (value !== null) this.sessions.push({ key, start, end, value })
  }

  remove(key: string, start: number, end: number): void {
    if (this.removeAdvancesStreamTime) this.observed = Math.max(this.observed, end)
    this.delete(key, start, end)
  }

  private delete(key: string, start: number, end: number): void {
    this.sessions = this.sessions.filter((s) => s.key !== key || s.start !== start || s.end !== end)
  }

  fetchSession(key: string, start: number, end: number): string | null {
    this.expire()
    return (
      this.sessions.find((s) => s.key === key && s.start === start && s.end === end)?.value ?? null
    )
  }

  findSessions(
    keyFrom: string | null,
    keyTo: string | null,
    earliestEnd: number,
    latestStart: number,
    forward: boolean,
  ): [string, number, number, string][] {
    this.expire()
    const found = this.sessions
      .filter(
        (s) =>
          s.end >= earliestEnd &&
          s.start <= latestStart &&
          (keyFrom === null || s.key >= keyFrom) &&
          (keyTo === null || s.key <= keyTo),
      )
      .sort(
        (a, b) =>
          a.end - b.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || a.start - b.start,
      )
      .map((s): [string, number, number, string] => [s.key, s.start, s.end, s.value])
    return forward ? found : found.reverse()
  }

  private expire(): void {
    const bound = Math.max(0, this.observed - this.retentionMs + 1)
    this.sessions = this.sessions.filter((s) => s.end >= bound)
  }
}

// Keys are Latin-1 strings here, one char per byte, so `<` is the byte order.
const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))
const stringOf = (bytes: Uint8Array) => String.fromCharCode(...bytes)

function drain(iterator: Iterator<SessionEntry>): [string, number, number, string][] {
  const out: [string, number, number, string][] = []
  for (let r = iterator.next(); r.done !== true; r = iterator.next()) {
    out.push([stringOf(r.value.key), r.value.start, r.value.end, stringOf(r.value.value)])
  }
  return out
}

describe('in-memory session store against a reference', () => {
  // One key's sessions come from an index once the store is searched by key: it must agree
  // with the end-time segments through puts, overwrites, removes, late puts and expiry.
  it('finds a session removed and put again once, beside a session it shares an end with', () => {
    const store = new InMemorySessionStore(exactRetention(1000))
    const find = () => drain(store.findSessions(bytesOf('a'), bytesOf('a'), 0, 100, true))
    store.put(bytesOf('a'), 0, 10, bytesOf('x'))
    store.put(bytesOf('a'), 5, 10, bytesOf('y'))
    expect(find()).toHaveLength(2)
    store.remove(bytesOf('a'), 0, 10)
    store.put(bytesOf('a'), 0, 10, bytesOf('z'))
    store.put(bytesOf('a'), 5, 10, null)
    store.put(bytesOf('a'), 5, 10, bytesOf('w'))
    expect(find()).toEqual([
      ['a', 0, 10, 'z'],
      ['a', 5, 10, 'w'],
    ])
  })

  // A segmented retention keeps sessions the reference has dropped: reads must not tell.
  const retentions = [
    ['exact', () => exactRetention(300)],
    ['segmented', () => segmentedRetention(300, 170)],
  ] as const
  for (const [policy, retention] of retentions) {
    it(`answers every read as a plain list of sessions would (${policy})`, () => {
      let state = 5
      const next = (n: number) => {
        state = (state * 1103515245 + 12345) % 2147483648
        return Math.floor((state / 2147483648) * n)
      }
      const keys = ['a', 'ab', 'b', 'a\u00ff', '\u00ff']
      const store = new InMemorySessionStore(retention())
      const reference = new ReferenceSessionStore(300, policy === 'segmented')
      let time = 0
      for (let step = 0; step < 6000; step++) {
        time = Math.max(0, time + next(20) - 6)
        const key = keys[next(keys.length)] as string
        const end = Math.max(0, time - next(next(10) === 0 ? 400 : 60))
        const start = Math.max(0, end - next(3) * next(50))
        const op = next(12)
        if (op < 5) {
          const value = next(8) === 0 ? null : `v${step}`
          store.put(bytesOf(key), start, end, value === null ? null : bytesOf(value))
          reference.put(key, start, end, value)
        } else if (op < 6) {
          store.remove(bytesOf(key), start, end)
          reference.remove(key, start, end)
        } else if (op < 7) {
          const found = store.fetchSession(bytesOf(key), start, end)
          expect(found === null ? null : stringOf(found)).toBe(
            reference.fetchSession(key, start, end),
          )
        } else {
          const forward = next(2) === 0
          const earliestEnd = Math.max(0, time - next(500))
          const latestStart = earliestEnd + next(400) - 100
          // Single keys most often (the indexed path), then key ranges and open ranges.
          const [keyFrom = null, keyTo = null] =
            op < 11
              ? [key, key]
              : [next(2) === 0 ? null : key, next(2) === 0 ? null : keys[next(keys.length)]]
          const iterator = store.findSessions(
            keyFrom === null ? null : bytesOf(keyFrom),
            keyTo === null ? null : bytesOf(keyTo),
            earliestEnd,
            latestStart,
            forward,
          )
          expect(drain(iterator), `step ${step}`).toEqual(
            keyFrom !== null && keyTo !== null && keyFrom > keyTo
              ? []
              : reference.findSessions(keyFrom, keyTo, earliestEnd, latestStart, forward),
          )
        }
      }
    })
  }
})
