// Keys live in sorted chunks of bounded size, so an insert or delete moves at most a chunk's
// worth of array slots: one flat sorted array made a 100k-key store take seconds to fill.
// V8's splice costs ~100 ns on 128 slots and ~600 ns on 1024, and finding the chunk stays a
// short binary search even over a thousand chunks.
const MAX_CHUNK = 128
// Chunks built in bulk are filled this far, leaving room for later single inserts.
const BULK_CHUNK = (MAX_CHUNK * 3) / 4
// Below this many pending keys, or this share of the ordered ones, inserting them one by one
// beats sorting and merging them with all the ordered keys.
const MIN_BULK_MERGE = 64
const BULK_MERGE_SHARE = 16

/**
 * A map kept in key order, standing in for Java's `TreeMap`/`ConcurrentSkipListMap`: sorted
 * key chunks (binary-search insertion) beside a hash map for point lookups. Keys are numbers
 * (times) or binary strings (serialized keys, see bytes.ts), both ordered by `<`.
 *
 * New keys are only ordered when an ordered read (or a delete) needs them: many of these maps
 * are written far more than they are scanned (a record cache only scans for range queries,
 * a key-value store under a count only for interactive queries), and a batch of keys sorts
 * and merges for much less than inserting each into its chunk.
 */
export class SortedMap<K extends string | number, V> {
  // Non-empty and ascending within and across chunks.
  private chunks: K[][] = []
  // Keys in `values` that are not in a chunk yet, in arrival order; null rather than empty, as
  // most maps (window store segments) hold a key or two and a first push onto [] reserves 17.
  private pending: K[] | null = null
  private readonly values = new Map<K, V>()

  get size(): number {
    return this.values.size
  }

  get(key: K): V | undefined {
    return this.values.get(key)
  }

  set(key: K, value: V): void {
    if (!this.values.has(key)) {
      if (this.pending === null) this.pending = [key]
      else this.pending.push(key)
    }
    this.values.set(key, value)
  }

  delete(key: K): boolean {
    if (!this.values.has(key)) return false
    const pending = this.pending
    // The newest pending key is the usual one to go (an insert undone), and is not ordered yet.
    if (pending !== null && pending[pending.length - 1] === key) {
      if (pending.length === 1) this.pending = null
      else pending.pop()
      this.values.delete(key)
      return true
    }
    this.order()
    this.values.delete(key)
    const index = this.chunkFor(key)
    const chunk = this.chunks[index] as K[]
    const position = lowerBound(chunk, key)
    if (position === 0) chunk.shift()
    else chunk.splice(position, 1)
    if (chunk.length === 0) this.chunks.splice(index, 1)
    return true
  }

  /** The least key, or undefined when the map is empty. */
  firstKey(): K | undefined {
    this.order()
    return this.chunks[0]?.[0]
  }

  /**
   * The keys in `[from, to]` (or `[from, to)`), ascending; null bounds are open. A copy, so the
   * caller may change the map while walking it, as Java's iterators over these maps allow.
   */
  keys(from: K | null = null, to: K | null = null, toExclusive = false): K[] {
    this.order()
    const out: K[] = []
    let index = from === null ? 0 : this.chunkFor(from)
    let position = from === null ? 0 : lowerBound(this.chunks[index] ?? [], from)
    for (; index < this.chunks.length; index++, position = 0) {
      const chunk = this.chunks[index] as K[]
      for (; position < chunk.length; position++) {
        const key = chunk[position] as K
        if (to !== null && (key > to || (toExclusive && key === to))) return out
        out.push(key)
      }
    }
    return out
  }

  /** Removes every key below `bound`, telling `removed` of each, in key order. */
  deleteBelow(bound: K, removed?: (key: K, value: V) => void): void {
    this.order()
    let whole = 0
    while (whole < this.chunks.length && last(this.chunks[whole] as K[]) < bound) {
      for (const key of this.chunks[whole] as K[]) this.remove(key, removed)
      whole++
    }
    if (whole > 0) this.chunks.splice(0, whole)
    const first = this.chunks[0]
    if (first === undefined) return
    // One shift at a time: V8 shifts by moving the array's start, where a splice at the front
    // copies every remaining key, and expiry takes a key or two off the front per write.
    while (first.length > 0 && (first[0] as K) < bound) this.remove(first.shift() as K, removed)
    if (first.length === 0) this.chunks.shift()
  }

  clear(): void {
    this.chunks = []
    this.pending = null
    this.values.clear()
  }

  private remove(key: K, removed: ((key: K, value: V) => void) | undefined): void {
    if (removed !== undefined) removed(key, this.values.get(key) as V)
    this.values.delete(key)
  }

  /** Moves the pending keys into the chunks. */
  private order(): void {
    const pending = this.pending
    if (pending === null) return
    this.pending = null
    const ordered = this.values.size - pending.length
    if (pending.length < MIN_BULK_MERGE && pending.length * BULK_MERGE_SHARE < ordered) {
      for (const key of pending) this.insert(key)
      return
    }
    pending.sort(ascending)
    this.chunks = chunked(ordered === 0 ? pending : merge(this.chunks, pending))
  }

  private insert(key: K): void {
    if (this.chunks.length === 0) {
      this.chunks.push([key])
      return
    }
    const index = Math.min(this.chunkFor(key), this.chunks.length - 1)
    const chunk = this.chunks[index] as K[]
    chunk.splice(lowerBound(chunk, key), 0, key)
    if (chunk.length > MAX_CHUNK) {
      this.chunks.splice(index, 1, chunk.slice(0, MAX_CHUNK / 2), chunk.slice(MAX_CHUNK / 2))
    }
  }

  /** The first chunk whose last key is not below `key`; chunks.length when there is none. */
  private chunkFor(key: K): number {
    let low = 0
    let high = this.chunks.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (last(this.chunks[mid] as K[]) < key) low = mid + 1
      else high = mid
    }
    return low
  }
}

function ascending<K extends string | number>(a: K, b: K): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The chunks' keys and `sorted` (disjoint from them) in one ascending array. */
function merge<K extends string | number>(chunks: readonly K[][], sorted: readonly K[]): K[] {
  const out: K[] = []
  let next = 0
  for (const chunk of chunks) {
    for (const key of chunk) {
      while (next < sorted.length && (sorted[next] as K) < key) out.push(sorted[next++] as K)
      out.push(key)
    }
  }
  while (next < sorted.length) out.push(sorted[next++] as K)
  return out
}

function chunked<K>(sorted: K[]): K[][] {
  if (sorted.length <= BULK_CHUNK) return [sorted]
  const chunks: K[][] = []
  for (let i = 0; i < sorted.length; i += BULK_CHUNK) chunks.push(sorted.slice(i, i + BULK_CHUNK))
  return chunks
}

/** The index of the first element of `sorted` not below `key`. */
function lowerBound<K extends string | number>(sorted: readonly K[], key: K): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((sorted[mid] as K) < key) low = mid + 1
    else high = mid
  }
  return low
}

function last<K>(chunk: readonly K[]): K {
  return chunk[chunk.length - 1] as K
}
