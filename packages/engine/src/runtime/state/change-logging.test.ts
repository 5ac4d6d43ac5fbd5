import { describe, expect, it } from 'vitest'
import { KeyValue } from '../../dsl/key-value'
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
import { TestStoreContext, hex, longHex, storeWith, utf8Hex } from './test-helpers'

const sent = (context: TestStoreContext) =>
  context.sent.map((record) => ({
    key: hex(record.key),
    value: hex(record.value),
    timestamp: record.timestamp,
  }))

describe('change logging', () => {
  it('sends key-value writes to <application>-<store>-changelog on the task partition', () => {
    const builder = Stores.keyValueStoreBuilder(
      Stores.inMemoryKeyValueStore('counts'),
      Serdes.String(),
      Serdes.Long(),
    )
    const { store, context } = storeWith<KeyValueStore<string, number>>(builder)
    context.at(100, 7, [{ key: 'h', value: Uint8Array.of(1) }])
    store.put('a', 1)
    context.at(200)
    store.delete('a')
    store.put('b', null)
    expect(context.sent.map((record) => [record.topic, record.partition])).toEqual([
      ['app-counts-changelog', 1],
      ['app-counts-changelog', 1],
      ['app-counts-changelog', 1],
    ])
    expect(sent(context)).toEqual([
      { key: utf8Hex('a'), value: longHex(1), timestamp: 100 },
      { key: utf8Hex('a'), value: null, timestamp: 200 },
      { key: utf8Hex('b'), value: null, timestamp: 200 },
    ])
    // Kafka sends changelog records without the input record's headers.
    expect(context.sent[0]?.headers).toEqual([])
  })

  it('logs putIfAbsent only when it writes, and every entry of putAll', () => {
    const builder = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('kv'))
    const { store, context } = storeWith<KeyValueStore<string, string>>(builder)
    store.putIfAbsent('a', 'x')
    store.putIfAbsent('a', 'y')
    store.putAll([new KeyValue('b', 'z'), new KeyValue('c', null)])
    expect(sent(context).map((record) => [record.key, record.value])).toEqual([
      [utf8Hex('a'), utf8Hex('x')],
      [utf8Hex('b'), utf8Hex('z')],
      [utf8Hex('c'), null],
    ])
  })

  it('lays out window changelog keys as [key][8-byte start][4-byte seqnum]', () => {
    const builder = Stores.windowStoreBuilder(
      Stores.inMemoryWindowStore('w', 1000, 10, false),
      Serdes.String(),
      Serdes.String(),
    )
    const { store, context } = storeWith<WindowStore<string, string>>(builder)
    context.at(42)
    store.put('k', 'v', 20)
    store.put('k', null, 20)
    expect(sent(context)).toEqual([
      { key: utf8Hex('k') + longHex(20) + '00000000', value: utf8Hex('v'), timestamp: 42 },
      { key: utf8Hex('k') + longHex(20) + '00000000', value: null, timestamp: 42 },
    ])
  })

  it('gives every put of a store retaining duplicates its own sequence number', () => {
    const builder = Stores.windowStoreBuilder(
      Stores.inMemoryWindowStore('joins', 1000, 10, true),
      Serdes.String(),
      Serdes.String(),
    )
    const { store, context } = storeWith<WindowStore<string, string>>(builder)
    store.put('k', 'v1', 5)
    store.put('k', 'v2', 5)
    expect(sent(context).map((record) => record.key)).toEqual([
      utf8Hex('k') + longHex(5) + '00000001',
      utf8Hex('k') + longHex(5) + '00000002',
    ])
  })

  it('lays out session changelog keys as [key][8-byte end][8-byte start]', () => {
    const builder = Stores.sessionStoreBuilder(
      Stores.inMemorySessionStore('s', 1000),
      Serdes.String(),
      Serdes.Long(),
    )
    const { store, context } = storeWith<SessionStore<string, number>>(builder)
    context.at(9)
    store.put(new Windowed('k', new Window(3, 9)), 2)
    store.remove(new Windowed('k', new Window(3, 9)))
    expect(sent(context)).toEqual([
      { key: utf8Hex('k') + longHex(9) + longHex(3), value: longHex(2), timestamp: 9 },
      { key: utf8Hex('k') + longHex(9) + longHex(3), value: null, timestamp: 9 },
    ])
  })

  it("sends a timestamped store's value without its timestamp, stamping the record with it", () => {
    const builder = Stores.timestampedKeyValueStoreBuilder(
      Stores.inMemoryKeyValueStore('table'),
      Serdes.String(),
      Serdes.String(),
    )
    const { store, context } = storeWith<TimestampedKeyValueStore<string, string>>(builder)
    context.at(500)
    store.put('a', ValueAndTimestamp.make('x', 123))
    store.delete('a')
    expect(sent(context)).toEqual([
      { key: utf8Hex('a'), value: utf8Hex('x'), timestamp: 123 },
      { key: utf8Hex('a'), value: null, timestamp: 500 },
    ])
  })

  it('sends nothing when logging is disabled or nobody listens', () => {
    const disabled = Stores.keyValueStoreBuilder(
      Stores.inMemoryKeyValueStore('quiet'),
    ).withLoggingDisabled()
    const first = storeWith<KeyValueStore<string, string>>(disabled)
    first.store.put('a', 'b')
    expect(first.context.sent).toEqual([])

    const context = new TestStoreContext()
    context.changelog = null
    const unheard = storeWith<KeyValueStore<string, string>>(
      Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('unheard')),
      { context },
    )
    unheard.store.put('a', 'b')
    expect(unheard.store.get('a')).toBe('b')
  })
})
