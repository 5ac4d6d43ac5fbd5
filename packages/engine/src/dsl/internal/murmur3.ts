// MurmurHash3 x64 128-bit, the hash Kafka's foreign-key joins take of a primary row's
// serialized value (Kafka's Murmur3.hash128, seed 104729) to recognise stale responses.
const MASK = (1n << 64n) - 1n
const C1 = 0x87c37b91114253d5n
const C2 = 0x4cf5ad432745937fn
const DEFAULT_SEED = 104729n

function rotl(x: bigint, r: bigint): bigint {
  return ((x << r) | (x >> (64n - r))) & MASK
}

function mul(a: bigint, b: bigint): bigint {
  return (a * b) & MASK
}

function fmix(k: bigint): bigint {
  k ^= k >> 33n
  k = mul(k, 0xff51afd7ed558ccdn)
  k ^= k >> 33n
  k = mul(k, 0xc4ceb9fe1a85ec53n)
  k ^= k >> 33n
  return k
}

/** Bytes `from..to` (exclusive) as a little-endian integer. */
function littleEndian(data: Uint8Array, from: number, to: number): bigint {
  let k = 0n
  for (let i = to - 1; i >= from; i--) k = (k << 8n) | BigInt(data[i] as number)
  return k
}

/** The two 64-bit halves, as 16 big-endian bytes (Kafka writes them with putLong). */
export function murmur3Hash128(data: Uint8Array, seed: bigint = DEFAULT_SEED): Uint8Array {
  let h1 = seed & MASK
  let h2 = seed & MASK
  const blocks = data.length >> 4
  for (let i = 0; i < blocks; i++) {
    const k1 = littleEndian(data, i * 16, i * 16 + 8)
    const k2 = littleEndian(data, i * 16 + 8, i * 16 + 16)
    h1 ^= mul(rotl(mul(k1, C1), 31n), C2)
    h1 = (mul((rotl(h1, 27n) + h2) & MASK, 5n) + 0x52dce729n) & MASK
    h2 ^= mul(rotl(mul(k2, C2), 33n), C1)
    h2 = (mul((rotl(h2, 31n) + h1) & MASK, 5n) + 0x38495ab5n) & MASK
  }
  const tail = blocks * 16
  const rest = data.length - tail
  if (rest > 8) h2 ^= mul(rotl(mul(littleEndian(data, tail + 8, data.length), C2), 33n), C1)
  if (rest > 0) {
    h1 ^= mul(rotl(mul(littleEndian(data, tail, Math.min(tail + 8, data.length)), C1), 31n), C2)
  }
  const length = BigInt(data.length)
  h1 ^= length
  h2 ^= length
  h1 = (h1 + h2) & MASK
  h2 = (h2 + h1) & MASK
  h1 = fmix(h1)
  h2 = fmix(h2)
  h1 = (h1 + h2) & MASK
  h2 = (h2 + h1) & MASK
  const out = new Uint8Array(16)
  const view = new DataView(out.buffer)
  view.setBigUint64(0, h1)
  view.setBigUint64(8, h2)
  return out
}
