// The partition the Java producer picks for a keyed record (BuiltInPartitioner.partitionForKey):
// murmur2 of the serialized key, made positive, modulo the partition count. Java clients and
// the engine's Kafka runtime must agree, or joins would meet different partitions.

const SEED = 0x9747b28c
const M = 0x5bd1e995
const R = 24

/** Kafka's `Utils.murmur2`: a 32-bit signed hash. */
export function murmur2(data: Uint8Array): number {
  const length = data.length
  let h = (SEED ^ length) | 0
  const blocks = length >> 2
  for (let i = 0; i < blocks; i++) {
    const o = i * 4
    let k =
      ((data[o] as number) & 0xff) |
      (((data[o + 1] as number) & 0xff) << 8) |
      (((data[o + 2] as number) & 0xff) << 16) |
      (((data[o + 3] as number) & 0xff) << 24)
    k = Math.imul(k, M)
    k ^= k >>> R
    k = Math.imul(k, M)
    h = Math.imul(h, M)
    h ^= k
  }
  const tail = blocks * 4
  const rest = length & 3
  if (rest === 3) h ^= ((data[tail + 2] as number) & 0xff) << 16
  if (rest >= 2) h ^= ((data[tail + 1] as number) & 0xff) << 8
  if (rest >= 1) {
    h ^= (data[tail] as number) & 0xff
    h = Math.imul(h, M)
  }
  h ^= h >>> 13
  h = Math.imul(h, M)
  h ^= h >>> 15
  return h | 0
}

/** The partition of a record with this serialized key among `numPartitions`. */
export function partitionForKey(key: Uint8Array, numPartitions: number): number {
  if (!Number.isInteger(numPartitions) || numPartitions < 1) {
    throw new RangeError(`A topic needs at least one partition, got ${numPartitions}`)
  }
  return (murmur2(key) & 0x7fffffff) % numPartitions
}
