import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serde/serdes'
import type { TimestampedKeyValueStore, TimestampedWindowStore } from '../../state/state-store'
import { Stores } from '../../state/stores'
import { ValueAndTimestamp } from '../../state/value-and-timestamp'
import {
  createStateStore,
  isKeyValueStore,
  isSessionStore,
  isTimestamped,
  isWindowStore,
  keyValueView,
  windowView,
} from './create-state-store'
import { valueAndTimestampSerde } from './state-serdes'
import { TestStoreContext, entries, hex, longHex, storeWith, utf8Hex } from './test-helpers'

describe('createStateStore', () => {
  it('names the store and the setting to fix when a serde is missing', () => {
    const context = new TestStoreContext()
    context.defaultKeySerde = null
    const builder = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('counts'))
    expect(() => createStateStore(builder, context, null)).toThrow(
      "State store counts has no key serde: set 'default.key.serde' in the application config, " +
        'or give the store a key serde (Materialized.withKeySerde).',
    )
    context.defaultKeySerde = Serdes.String()
    context.defaultValueSerde = null
    expect(() => createStateStore(builder, context, null)).toThrow(
      /State store counts has no value serde: set 'default.value.serde'.*Materialized.withValueSerde/,
    )
    const withOwnSerdes = Stores.keyValueStoreBuilder(
      Stores.inMemoryKeyValueStore('own'),
      Serdes.String(),
      Serdes.Long(),
    )
    expect(createStateStore(withOwnSerdes, context, null).name()).toBe('own')
  })

  it('refuses versioned stores for now', () => {
    const builder = Stores.versionedKeyValueStoreBuilder(
      Stores.persistentVersionedKeyValueStore('versions', 1000),
    )
    expect(() => createStateStore(builder, new TestStoreContext(), null)).toThrow(
      /versions: versioned key-value stores are not supported yet/,
    )
  })

  it('tells store types apart', () => {
    const context = new TestStoreContext()
    const kv = createStateStore(
      Stores.timestampedKeyValueStoreBuilder(Stores.persistentKeyValueStore('kv')),
      context,
      null,
    )
    const window = createStateStore(
      Stores.windowStoreBuilder(Stores.inMemoryWindowStore('w', 10, 5, false)),
      context,
      null,
    )
    const session = createStateStore(
      Stores.sessionStoreBuilder(Stores.inMemorySessionStore('s', 10)),
      context,
      null,
    )
    expect([isKeyValueStore(kv), isWindowStore(kv), isSessionStore(kv), isTimestamped(kv)]).toEqual(
      [true, false, false, true],
    )
    expect([isKeyValueStore(window), isWindowStore(window), isTimestamped(window)]).toEqual([
      false,
      true,
      false,
    ])
    expect(isSessionStore(session)).toBe(true)
    expect(kv.persistent()).toBe(true)
    expect(window.persistent()).toBe(false)
  })

  it('encodes timestamped values as an 8-byte big-endian timestamp then the value', () => {
    const serde = valueAndTimestampSerde(Serdes.String())
    const bytes = serde.serialize('t', ValueAndTimestamp.make('v', 258))
    expect(hex(bytes)).toBe(longHex(258) + utf8Hex('v'))
    expect(serde.deserialize('t', bytes)?.toString()).toBe('<v,258>')
    expect(serde.serialize('t', null)).toBeNull()
  })
})

describe('plain-value views', () => {
  it('shows a timestamped key-value store with plain values', () => {
    const builder = Stores.timestampedKeyValueStoreBuilder(
      Stores.inMemoryKeyValueStore('table'),
      Serdes.String(),
      Serdes.Long(),
    )
    const { store } = storeWith<TimestampedKeyValueStore<string, number>>(builder)
    store.put('a', ValueAndTimestamp.make(1, 10))
    const view = keyValueView<string, number>(store)
    expect(view.get('a')).toBe(1)
    view.put('b', 2)
    expect(store.get('b')?.timestamp()).toBe(-1)
    expect(entries(view.all())).toEqual([
      ['a', '1'],
      ['b', '2'],
    ])
    expect(view.delete('a')).toBe(1)
    expect(view.name()).toBe('table')
  })

  it('returns a plain store as is and refuses other kinds', () => {
    const { store } = storeWith(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('plain')))
    expect(keyValueView(store)).toBe(store)
    const { store: session } = storeWith(
      Stores.sessionStoreBuilder(Stores.inMemorySessionStore('s', 10)),
    )
    expect(() => keyValueView(session)).toThrow(/s is a session store, not a key-value store/)
    expect(() => windowView(session)).toThrow(/not a window store/)
  })

  it('shows a timestamped window store with plain values', () => {
    const builder = Stores.timestampedWindowStoreBuilder(
      Stores.inMemoryWindowStore('windows', 100, 10, false),
      Serdes.String(),
      Serdes.Long(),
    )
    const { store } = storeWith<TimestampedWindowStore<string, number>>(builder)
    store.put('a', ValueAndTimestamp.make(1, 3), 0)
    const view = windowView<string, number>(store)
    view.put('a', 2, 10)
    expect(view.fetch('a', 0)).toBe(1)
    expect(entries(view.fetch('a', 0, 10))).toEqual([
      ['0', '1'],
      ['10', '2'],
    ])
    expect(entries(view.backwardFetchAll(0, 10))).toEqual([
      ['[a@10/20]', '2'],
      ['[a@0/10]', '1'],
    ])
    expect(entries(view.fetch('a', null, 0, 0))).toEqual([['[a@0/10]', '1']])
  })
})
