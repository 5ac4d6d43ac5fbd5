import { describe, expect, it } from 'vitest'
import {
  fromBinaryKey,
  parseSessionStoreKey,
  parseWindowStoreKey,
  readBinaryLong,
  readLong,
  sessionBinaryKey,
  sessionStoreKey,
  toBinaryKey,
  windowBinaryKey,
  windowStoreKey,
} from './bytes'

const TIMES = [0, 1, 255, 256, 2 ** 31, 2 ** 32 + 5, -1, -(2 ** 40), Number.MAX_SAFE_INTEGER]
const KEYS = [
  new Uint8Array([]),
  Uint8Array.from([0, 0xff, 0x80, 7]),
  Uint8Array.from('k1234', (c) => c.charCodeAt(0)),
  // Past the chars one String.fromCharCode call is given.
  Uint8Array.from({ length: 9000 }, (_, i) => i & 0xff),
]

describe('binary keys', () => {
  it('builds window and session cache keys as the binary strings of their byte layouts', () => {
    for (const key of KEYS) {
      for (const time of TIMES) {
        expect(windowBinaryKey(key, time, 0)).toBe(toBinaryKey(windowStoreKey(key, time, 0)))
        expect(windowBinaryKey(key, time, 0x7fffffff)).toBe(
          toBinaryKey(windowStoreKey(key, time, 0x7fffffff)),
        )
        expect(sessionBinaryKey(key, time, 42)).toBe(toBinaryKey(sessionStoreKey(key, time, 42)))
      }
    }
  })

  it('reads keys and times back from binary strings as from their bytes', () => {
    for (const key of KEYS) {
      for (const time of TIMES) {
        const windowKey = toBinaryKey(windowStoreKey(key, time, 3))
        const parsed = parseWindowStoreKey(fromBinaryKey(windowKey))
        expect(readBinaryLong(windowKey, key.length)).toBe(parsed.windowStart)
        expect(fromBinaryKey(windowKey, key.length)).toEqual(parsed.key)
        const sessionKey = toBinaryKey(sessionStoreKey(key, time, 7))
        const session = parseSessionStoreKey(fromBinaryKey(sessionKey))
        expect(readBinaryLong(sessionKey, key.length)).toBe(session.end)
        expect(readBinaryLong(sessionKey, key.length + 8)).toBe(7)
        expect(readLong(fromBinaryKey(sessionKey), key.length)).toBe(time)
      }
    }
  })
})
