import { describe, expect, it } from 'vitest'
import { KeyValue } from '../../dsl/key-value'
import { Serdes } from '../../serde/serdes'
import type { KeyValueStore } from '../../state/state-store'
import { Stores } from '../../state/stores'
import { entries, storeWith } from './test-helpers'

function stringStore() {
  const builder = Stores.keyValueStoreBuilder(
    Stores.inMemoryKeyValueStore('kv'),
    Serdes.String(),
    Serdes.String(),
  )
  return storeWith<KeyValueStore<string, string>>(builder).store
}

function longStore() {
  const builder = Stores.keyValueStoreBuilder(
    Stores.inMemoryKeyValueStore('longs'),
    Serdes.Long(),
    Serdes.String(),
  )
  return storeWith<KeyValueStore<number, string>>(builder).store
}

describe('in-memory key-value store', () => {
  it('orders keys by their serialized bytes, unsigned: negative longs after positive ones', () => {
    const store = longStore()
    for (const key of [2, -1, 0, -200, 1]) store.put(key, `v${key}`)
    expect([...store.all()].map((kv) => kv.key)).toEqual([0, 1, 2, -200, -1])
    expect([...store.reverseAll()].map((kv) => kv.key)).toEqual([-1, -200, 2, 1, 0])
  })

  it('orders a string before its extensions', () => {
    const store = stringStore()
    for (const key of ['b', 'ab', 'a', '', 'aa']) store.put(key, key.toUpperCase())
    expect([...store.all()].map((kv) => kv.key)).toEqual(['', 'a', 'aa', 'ab', 'b'])
  })

  it('gets, overwrites, deletes with a null put, and counts entries', () => {
    const store = stringStore()
    store.put('a', '1')
    store.put('a', '2')
    store.put('b', '3')
    expect(store.get('a')).toBe('2')
    expect(store.approximateNumEntries()).toBe(2)
    store.put('b', null)
    expect(store.get('b')).toBeNull()
    expect(store.delete('a')).toBe('2')
    expect(store.delete('a')).toBeNull()
    expect(store.approximateNumEntries()).toBe(0)
  })

  it('puts if absent, returning the value already there', () => {
    const store = stringStore()
    expect(store.putIfAbsent('a', '1')).toBeNull()
    expect(store.putIfAbsent('a', '2')).toBe('1')
    expect(store.get('a')).toBe('1')
  })

  it('puts all, nulls deleting', () => {
    const store = stringStore()
    store.put('c', 'old')
    store.putAll([new KeyValue('a', '1'), new KeyValue('b', '2'), new KeyValue('c', null)])
    expect(entries(store.all())).toEqual([
      ['a', '1'],
      ['b', '2'],
    ])
  })

  it('ranges over inclusive bounds, null bounds open', () => {
    const store = stringStore()
    for (const key of ['a', 'b', 'c', 'd']) store.put(key, key)
    const keys = (iterator: Iterable<KeyValue<string, string>>) => [...iterator].map((kv) => kv.key)
    expect(keys(store.range('b', 'c'))).toEqual(['b', 'c'])
    expect(keys(store.range('bb', 'cc'))).toEqual(['c'])
    expect(keys(store.range(null, 'b'))).toEqual(['a', 'b'])
    expect(keys(store.range('c', null))).toEqual(['c', 'd'])
    expect(keys(store.range(null, null))).toEqual(['a', 'b', 'c', 'd'])
    expect(keys(store.reverseRange('b', 'd'))).toEqual(['d', 'c', 'b'])
    expect(keys(store.reverseRange(null, 'b'))).toEqual(['b', 'a'])
  })

  it('answers a range whose from sorts after its to with nothing', () => {
    const store = longStore()
    store.put(-1, 'minus one')
    store.put(1, 'one')
    // -1 serializes to ff..ff, after 1: the range is empty, as in Kafka.
    expect([...store.range(-1, 1)]).toEqual([])
  })

  it('scans a prefix of the serialized key', () => {
    const store = stringStore()
    for (const key of ['a', 'ab', 'abc', 'abd', 'ac', 'b']) store.put(key, key)
    const scan = store.prefixScan('ab', Serdes.String())
    expect([...scan].map((kv) => kv.key)).toEqual(['ab', 'abc', 'abd'])
    expect([...store.prefixScan('', Serdes.String())]).toHaveLength(6)
    expect([...store.prefixScan('x', Serdes.String())]).toEqual([])
  })

  it('scans a prefix of 0xff bytes to the end of the key space', () => {
    const builder = Stores.keyValueStoreBuilder(
      Stores.inMemoryKeyValueStore('bytes'),
      Serdes.ByteArray(),
      Serdes.String(),
    )
    const store = storeWith<KeyValueStore<Uint8Array, string>>(builder).store
    store.put(Uint8Array.of(0xff), 'ff')
    store.put(Uint8Array.of(0xff, 0x00), 'ff00')
    store.put(Uint8Array.of(0xfe, 0xff), 'feff')
    const scan = store.prefixScan(Uint8Array.of(0xff), Serdes.ByteArray())
    expect([...scan].map((kv) => kv.value)).toEqual(['ff', 'ff00'])
  })

  it('iterates Kafka style: hasNext, peekNextKey, next, close', () => {
    const store = stringStore()
    store.put('a', '1')
    store.put('b', '2')
    const iterator = store.all()
    expect(iterator.hasNext()).toBe(true)
    expect(iterator.peekNextKey()).toBe('a')
    expect(iterator.next().value).toBe('1')
    expect(iterator.next().key).toBe('b')
    expect(iterator.hasNext()).toBe(false)
    expect(() => iterator.next()).toThrow(/NoSuchElement/)
    const closed = store.all()
    closed.close()
    expect(closed.hasNext()).toBe(false)
  })

  it('iterates over the keys present when the iterator was made, skipping deleted ones', () => {
    const store = stringStore()
    for (const key of ['a', 'b', 'c']) store.put(key, key)
    const iterator = store.all()
    expect(iterator.next().key).toBe('a')
    store.delete('b')
    store.put('c', 'changed')
    store.put('d', 'new')
    expect(entries(iterator)).toEqual([['c', 'changed']])
  })

  it('refuses null keys and use after close', () => {
    const store = stringStore()
    expect(() => store.put(null as unknown as string, 'x')).toThrow(/key cannot be null/)
    store.close()
    expect(store.isOpen()).toBe(false)
    expect(() => store.get('a')).toThrow('Store kv is currently closed.')
  })
})
