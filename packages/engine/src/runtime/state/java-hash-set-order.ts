// Kafka's suppression buffer logs its dirty keys in the iteration order of a
// java.util.HashSet<Bytes>. That order is deterministic: buckets by spread hash, each bucket in
// insertion order, the table doubling past 3/4 full (or when a bucket grows past 8 entries in a
// table under 64 slots), and clear() keeping the table's size.

import { toBinaryKey, type BinaryKey } from './bytes'

const TREEIFY_THRESHOLD = 8
const MIN_TREEIFY_CAPACITY = 64

interface Entry {
  readonly key: Uint8Array
  readonly hash: number
}

/** Java's Arrays.hashCode(byte[]), which Kafka's Bytes.hashCode returns. */
export function javaBytesHashCode(bytes: Uint8Array): number {
  let h = 1
  for (const b of bytes) h = (Math.imul(31, h) + ((b << 24) >> 24)) | 0
  return h
}

/** A set of byte keys that iterates as a java.util.HashSet<Bytes> that is only added to and cleared. */
export class JavaHashSetOrder {
  private table: Entry[][] = []
  private size = 0
  private readonly members = new Set<BinaryKey>()

  add(key: Uint8Array): void {
    const id = toBinaryKey(key)
    if (this.members.has(id)) return
    this.members.add(id)
    if (this.table.length === 0) this.table = emptyTable(16)
    const h = javaBytesHashCode(key)
    const hash = h ^ (h >>> 16)
    const bucket = this.table[hash & (this.table.length - 1)] as Entry[]
    bucket.push({ key, hash })
    if (bucket.length > TREEIFY_THRESHOLD && this.table.length < MIN_TREEIFY_CAPACITY) {
      this.resize()
    }
    if (++this.size > this.table.length * 0.75) this.resize()
  }

  values(): Uint8Array[] {
    return this.table.flatMap((bucket) => bucket.map((entry) => entry.key))
  }

  clear(): void {
    for (const bucket of this.table) bucket.length = 0
    this.members.clear()
    this.size = 0
  }

  private resize(): void {
    const next = emptyTable(this.table.length * 2)
    for (const bucket of this.table) {
      for (const entry of bucket) (next[entry.hash & (next.length - 1)] as Entry[]).push(entry)
    }
    this.table = next
  }
}

function emptyTable(capacity: number): Entry[][] {
  return Array.from({ length: capacity }, () => [])
}
