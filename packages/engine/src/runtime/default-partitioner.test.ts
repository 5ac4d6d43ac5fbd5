import { describe, expect, it } from 'vitest'
import { encodeUtf8 } from '../serde/utf8'
import { murmur2, partitionForKey } from './default-partitioner'

// Printed by Kafka 4.3.1's Utils.murmur2 and Utils.toPositive(hash) % n for the same bytes.
const JAVA: readonly [string | Uint8Array, number, number, number][] = [
  ['', 275646681, 0, 9],
  ['a', -1563381124, 1, 4],
  ['ab', 316155434, 2, 2],
  ['abc', 479470107, 0, 3],
  ['abcd', -1323649548, 2, 8],
  ['21', -973932308, 0, 0],
  ['hello world', 1221641059, 1, 7],
  ['kafka-streams', -1546749195, 2, 5],
  ['éè', -1525060724, 0, 0],
  ['user-42', 1459644460, 1, 4],
  [new Uint8Array([0xff, 0, 0x80, 7, 1]), -138904199, 0, 9],
]

describe('the default partitioner', () => {
  it('hashes and partitions keys exactly as the Java producer', () => {
    for (const [key, hash, of3, of12] of JAVA) {
      const bytes = typeof key === 'string' ? encodeUtf8(key) : key
      expect(murmur2(bytes)).toBe(hash)
      expect(partitionForKey(bytes, 3)).toBe(of3)
      expect(partitionForKey(bytes, 12)).toBe(of12)
    }
  })

  it('refuses a partition count below one', () => {
    expect(() => partitionForKey(encodeUtf8('a'), 0)).toThrow(/at least one partition/)
  })
})
