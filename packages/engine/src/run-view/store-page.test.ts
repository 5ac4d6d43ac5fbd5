import { KeyValue } from '../dsl/key-value'
import { Window, Windowed } from '../dsl/windowed'
import type { QueryableStore } from '../runtime/queryable-store'
import { describe, expect, it } from 'vitest'
import { storePage } from './store-page'

function fakeStore(
  kind: 'keyValue' | 'window' | 'session' | 'suppression',
  entries: KeyValue<unknown, unknown>[],
): QueryableStore<unknown, unknown> {
  const unused = () => {
    throw new Error('not used by pages')
  }
  return {
    name: 'store',
    kind: () => kind,
    all: () => entries as KeyValue<unknown, unknown>[],
    // Two tasks: the first entry in task 0_0, the rest in 0_1.
    allByTask: () => [
      { taskId: '0_0', entries: entries.slice(0, 1) },
      { taskId: '0_1', entries: entries.slice(1) },
    ],
    get: unused,
    range: unused,
    fetch: unused,
    approximateNumEntries: () => entries.length,
  }
}

const request = { store: 'store', keyPrefix: '', page: 0, pageSize: 50 }

describe('storePage', () => {
  it('pages key-value entries filtered by key prefix', () => {
    const store = fakeStore(
      'keyValue',
      ['apple', 'apricot', 'banana', 'avocado'].map((k, i) => new KeyValue(k, i)),
    )
    const first = storePage(store, { ...request, keyPrefix: 'a', pageSize: 2 })
    expect(first).toMatchObject({ kind: 'keyValue', totalEntries: 3, page: 0 })
    expect(first.entries).toEqual([
      { key: 'apple', value: 0, window: null, taskId: '0_0', bufferTime: null },
      { key: 'apricot', value: 1, window: null, taskId: '0_1', bufferTime: null },
    ])
    const second = storePage(store, { ...request, keyPrefix: 'a', pageSize: 2, page: 1 })
    expect(second.entries).toEqual([
      { key: 'avocado', value: 3, window: null, taskId: '0_1', bufferTime: null },
    ])
  })

  it('shows window and session entries with their bounds, filtered on the inner key', () => {
    const store = fakeStore('window', [
      new KeyValue(new Windowed('user-1', new Window(0, 60_000)), 3),
      new KeyValue(new Windowed('user-2', new Window(0, 60_000)), 1),
      new KeyValue(new Windowed('user-1', new Window(60_000, 120_000)), 5),
    ])
    const page = storePage(store, { ...request, keyPrefix: 'user-1' })
    expect(page.kind).toBe('window')
    expect(page.entries).toEqual([
      {
        key: 'user-1',
        value: 3,
        window: { start: 0, end: 60_000 },
        taskId: '0_0',
        bufferTime: null,
      },
      {
        key: 'user-1',
        value: 5,
        window: { start: 60_000, end: 120_000 },
        taskId: '0_1',
        bufferTime: null,
      },
    ])
  })

  it('carries bytes and non-JSON numbers as text', () => {
    const store = fakeStore('keyValue', [new KeyValue(new Uint8Array([1, 2, 3]), Infinity)])
    expect(storePage(store, request).entries).toEqual([
      { key: 'AQID', value: 'Infinity', window: null, taskId: '0_0', bufferTime: null },
    ])
  })

  it("shows a suppress buffer's held-back changes with the time each waits for", () => {
    const store = fakeStore('suppression', [
      new KeyValue(new Windowed('IE00B4L5Y983', new Window(0, 2_000)), {
        value: { price: 11 },
        time: 2_000,
      }),
      new KeyValue('plain-key', { value: null, time: 5 }),
    ])
    expect(storePage(store, request).entries).toEqual([
      {
        key: 'IE00B4L5Y983',
        value: { price: 11 },
        window: { start: 0, end: 2_000 },
        taskId: '0_0',
        bufferTime: 2_000,
      },
      { key: 'plain-key', value: null, window: null, taskId: '0_1', bufferTime: 5 },
    ])
  })
})
