import { describe, expect, it } from 'vitest'
import { Window, Windowed } from '../../dsl/windowed'
import { Serdes } from '../../serde/serdes'
import type { SessionStore } from '../../state/state-store'
import { Stores } from '../../state/stores'
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
