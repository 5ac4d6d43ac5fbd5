// A topic's recent records, gathered partition by partition (each read from its end), newest
// first: by timestamp, then by offset within a partition.
import type { PeekedRecord } from '@topology-studio/shared'

function newerFirst(a: PeekedRecord, b: PeekedRecord): number {
  if (a.timestamp !== b.timestamp) return b.timestamp - a.timestamp
  if (a.partition !== b.partition) return a.partition - b.partition
  const [x, y] = [BigInt(a.offset), BigInt(b.offset)]
  return x === y ? 0 : x < y ? 1 : -1
}

export function latestRecords(
  partitions: readonly (readonly PeekedRecord[])[],
  limit: number,
): PeekedRecord[] {
  return partitions.flat().sort(newerFirst).slice(0, limit)
}
