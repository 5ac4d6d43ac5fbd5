import { describe, expect, it } from 'vitest'
import { readInt64, writeInt64 } from './int64'

describe('int64', () => {
  it('writes Java longs big-endian and reads them back, including negatives and 2^53 - 1', () => {
    for (const value of [
      0,
      1,
      -1,
      255,
      256,
      -256,
      2 ** 32,
      -(2 ** 32) - 1,
      1700000000123,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
    ]) {
      const bytes = new Uint8Array(8)
      writeInt64(bytes, 0, value)
      const expected = new Uint8Array(8)
      new DataView(expected.buffer).setBigInt64(0, BigInt(value))
      expect([...bytes]).toEqual([...expected])
      expect(readInt64(bytes, 0)).toBe(value)
    }
  })
})
