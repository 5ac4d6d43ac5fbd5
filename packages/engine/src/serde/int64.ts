// Java longs as 8 big-endian bytes without BigInt (which allocates on every call): values are
// safe integers, split into a signed high word and an unsigned low word.
const TWO_TO_32 = 4294967296

export function writeInt64(target: Uint8Array, offset: number, value: number): void {
  const high = Math.floor(value / TWO_TO_32)
  const low = value - high * TWO_TO_32
  target[offset] = (high >>> 24) & 0xff
  target[offset + 1] = (high >>> 16) & 0xff
  target[offset + 2] = (high >>> 8) & 0xff
  target[offset + 3] = high & 0xff
  target[offset + 4] = (low >>> 24) & 0xff
  target[offset + 5] = (low >>> 16) & 0xff
  target[offset + 6] = (low >>> 8) & 0xff
  target[offset + 7] = low & 0xff
}

export function readInt64(source: Uint8Array, offset: number): number {
  const high =
    (((source[offset] as number) << 24) |
      ((source[offset + 1] as number) << 16) |
      ((source[offset + 2] as number) << 8) |
      (source[offset + 3] as number)) >>
    0
  const low =
    (((source[offset + 4] as number) << 24) |
      ((source[offset + 5] as number) << 16) |
      ((source[offset + 6] as number) << 8) |
      (source[offset + 7] as number)) >>>
    0
  return high * TWO_TO_32 + low
}
