import { readInt64, writeInt64 } from '../../serde/int64'
// Serialized keys are held in memory as "binary strings", one char (0..255) per byte: native
// string comparison then orders them as Kafka's `Bytes` comparator does (unsigned bytes, a
// prefix before its extensions), and they can be Map keys, which a Uint8Array cannot.

export type BinaryKey = string

// String.fromCharCode takes its bytes as arguments; engines cap how many a call may pass.
const CHARS_PER_CALL = 8192

// `apply` takes the typed array as the argument list directly: several times faster than
// spreading it, and this runs on every store access.
const fromCharCodes = (bytes: Uint8Array): string =>
  String.fromCharCode.apply(null, bytes as unknown as number[])

export function toBinaryKey(bytes: Uint8Array): BinaryKey {
  if (bytes.length <= CHARS_PER_CALL) return fromCharCodes(bytes)
  let out = ''
  for (let i = 0; i < bytes.length; i += CHARS_PER_CALL) {
    out += fromCharCodes(bytes.subarray(i, i + CHARS_PER_CALL))
  }
  return out
}

/** The bytes of `key`, or of its first `length` chars (a stored key without its suffix). */
export function fromBinaryKey(key: BinaryKey, length = key.length): Uint8Array {
  const out = new Uint8Array(length)
  for (let i = 0; i < length; i++) out[i] = key.charCodeAt(i)
  return out
}

/** Java's 8-byte big-endian long at `offset` of a binary key, as `readLong` on its bytes. */
export function readBinaryLong(key: BinaryKey, offset: number): number {
  const high =
    ((key.charCodeAt(offset) << 24) |
      (key.charCodeAt(offset + 1) << 16) |
      (key.charCodeAt(offset + 2) << 8) |
      key.charCodeAt(offset + 3)) >>
    0
  const low =
    ((key.charCodeAt(offset + 4) << 24) |
      (key.charCodeAt(offset + 5) << 16) |
      (key.charCodeAt(offset + 6) << 8) |
      key.charCodeAt(offset + 7)) >>>
    0
  return high * 4294967296 + low
}

/** Kafka's `Bytes` order: unsigned bytes, then the shorter first. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const diff = (a[i] as number) - (b[i] as number)
    if (diff !== 0) return diff
  }
  return a.length - b.length
}

/**
 * The least key above every key that starts with `prefix`, or null when there is none (an
 * empty prefix or one of only 0xff bytes): the exclusive upper bound of a prefix scan.
 */
export function prefixUpperBound(prefix: BinaryKey): BinaryKey | null {
  let i = prefix.length - 1
  while (i >= 0 && prefix.charCodeAt(i) === 0xff) i--
  if (i < 0) return null
  return prefix.slice(0, i) + String.fromCharCode(prefix.charCodeAt(i) + 1)
}

/** Writes Java's 8-byte big-endian long; times and timestamps are safe integers. */
export function writeLong(target: Uint8Array, offset: number, value: number): void {
  writeInt64(target, offset, value)
}

export function readLong(source: Uint8Array, offset: number): number {
  return readInt64(source, offset)
}

const LONG_SIZE = 8
const INT_SIZE = 4

// Written byte by byte: a DataView per call cost more than the rest of a window store put.
function writeInt(target: Uint8Array, offset: number, value: number): void {
  target[offset] = (value >>> 24) & 0xff
  target[offset + 1] = (value >>> 16) & 0xff
  target[offset + 2] = (value >>> 8) & 0xff
  target[offset + 3] = value & 0xff
}

/** The binary form of a 4-byte int (a window store's sequence number). */
export function seqnumKey(value: number): BinaryKey {
  return String.fromCharCode(
    (value >>> 24) & 0xff,
    (value >>> 16) & 0xff,
    (value >>> 8) & 0xff,
    value & 0xff,
  )
}

// Window store keys (and their changelog keys), as Kafka's WindowKeySchema lays them out:
// [key][8-byte window start][4-byte sequence number]. The sequence number keeps every put of
// a store that retains duplicates; it is 0 otherwise.
export const WINDOW_KEY_SUFFIX = LONG_SIZE + INT_SIZE

export function windowStoreKey(key: Uint8Array, windowStart: number, seqnum: number): Uint8Array {
  const out = new Uint8Array(key.length + WINDOW_KEY_SUFFIX)
  out.set(key, 0)
  writeLong(out, key.length, windowStart)
  writeInt(out, key.length + LONG_SIZE, seqnum)
  return out
}

// Cache keys are built from a key and times on every cached read and write. Gathering their
// char codes in one reused array and making the string from it allocates only the string,
// where building the Uint8Array first (then the string) allocated twice as much and took
// twice as long.
const codes: number[] = []
let codeCount = 0

function pushKey(key: Uint8Array): void {
  codeCount = 0
  for (let i = 0; i < key.length; i++) codes[codeCount++] = key[i] as number
}

function pushInt(value: number): void {
  codes[codeCount++] = (value >>> 24) & 0xff
  codes[codeCount++] = (value >>> 16) & 0xff
  codes[codeCount++] = (value >>> 8) & 0xff
  codes[codeCount++] = value & 0xff
}

function pushLong(value: number): void {
  const high = Math.floor(value / 4294967296)
  pushInt(high)
  pushInt(value - high * 4294967296)
}

function codesKey(): BinaryKey {
  codes.length = codeCount
  return String.fromCharCode.apply(null, codes)
}

/** `toBinaryKey(windowStoreKey(key, windowStart, seqnum))`, without the bytes. */
export function windowBinaryKey(key: Uint8Array, windowStart: number, seqnum: number): BinaryKey {
  if (key.length + WINDOW_KEY_SUFFIX > CHARS_PER_CALL) {
    return toBinaryKey(windowStoreKey(key, windowStart, seqnum))
  }
  pushKey(key)
  pushLong(windowStart)
  pushInt(seqnum)
  return codesKey()
}

export function parseWindowStoreKey(bytes: Uint8Array): { key: Uint8Array; windowStart: number } {
  const keyLength = bytes.length - WINDOW_KEY_SUFFIX
  return { key: bytes.subarray(0, keyLength), windowStart: readLong(bytes, keyLength) }
}

// Session store keys, as Kafka's SessionKeySchema: [key][8-byte end][8-byte start].
export const SESSION_KEY_SUFFIX = 2 * LONG_SIZE

export function sessionStoreKey(key: Uint8Array, end: number, start: number): Uint8Array {
  const out = new Uint8Array(key.length + SESSION_KEY_SUFFIX)
  out.set(key, 0)
  writeLong(out, key.length, end)
  writeLong(out, key.length + LONG_SIZE, start)
  return out
}

/** `toBinaryKey(sessionStoreKey(key, end, start))`, without the bytes. */
export function sessionBinaryKey(key: Uint8Array, end: number, start: number): BinaryKey {
  if (key.length + SESSION_KEY_SUFFIX > CHARS_PER_CALL) {
    return toBinaryKey(sessionStoreKey(key, end, start))
  }
  pushKey(key)
  pushLong(end)
  pushLong(start)
  return codesKey()
}

export function parseSessionStoreKey(bytes: Uint8Array): {
  key: Uint8Array
  start: number
  end: number
} {
  const keyLength = bytes.length - SESSION_KEY_SUFFIX
  return {
    key: bytes.subarray(0, keyLength),
    end: readLong(bytes, keyLength),
    start: readLong(bytes, keyLength + LONG_SIZE),
  }
}

// Timestamped stores keep [8-byte timestamp][value bytes], as Kafka's ValueAndTimestamp serde.
export function timestampOf(valueAndTimestamp: Uint8Array): number {
  return readLong(valueAndTimestamp, 0)
}

/**
 * The value bytes, copied: a subarray of a small typed array (which V8 keeps on its heap) makes
 * V8 move the array's bytes to a buffer of their own first, which cost several times the copy
 * on every read of a timestamped store.
 */
export function rawValueOf(valueAndTimestamp: Uint8Array): Uint8Array {
  return valueAndTimestamp.slice(LONG_SIZE)
}

export function withTimestamp(value: Uint8Array, timestamp: number): Uint8Array {
  const out = new Uint8Array(LONG_SIZE + value.length)
  writeLong(out, 0, timestamp)
  out.set(value, LONG_SIZE)
  return out
}
