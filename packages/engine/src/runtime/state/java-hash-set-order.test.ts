import { describe, expect, it } from 'vitest'
import { decodeUtf8 as text, encodeUtf8 as utf8 } from '../../serde/utf8'
import { JavaHashSetOrder, javaBytesHashCode } from './java-hash-set-order'

describe('JavaHashSetOrder', () => {
  it('hashes bytes as Java (signed bytes, int overflow)', () => {
    expect(javaBytesHashCode(utf8('k1'))).toBe(4327)
    expect(javaBytesHashCode(new Uint8Array([0xff]))).toBe(30)
    expect(javaBytesHashCode(new Uint8Array(0))).toBe(1)
  })

  it('iterates as java.util.HashSet<Bytes> does, across resizes and after clear()', () => {
    // The expected orders were printed by Java 17's HashSet for the same keys.
    const keys = Array.from({ length: 40 }, (_, i) => `key-${(i * 7919) % 1000}`)
    keys.push('é', '\u0000\u00ff')
    const set = new JavaHashSetOrder()
    for (const key of keys) set.add(utf8(key))
    set.add(utf8('key-0'))
    expect(set.values().map(text).join(',')).toBe(
      'key-190,key-570,key-271,key-165,key-461,key-56,key-489,key-841,key-785,key-246,key-542,' +
        'key-109,key-922,key-866,key-327,key-623,key-947,key-408,key-704,key-919,key-84,key-0,' +
        'key-3,key-380,key-299,key-651,key-595,key-352,key-732,key-676,key-137,key-433,key-28,' +
        'key-894,key-813,é,key-757,key-218,key-514,key-975,\u0000\u00ff,key-838',
    )
    set.clear()
    for (const key of ['b', 'a', 'key-5']) set.add(utf8(key))
    expect(set.values().map(text)).toEqual(['a', 'b', 'key-5'])
  })
})
