// Keys live in sorted chunks of bounded size, so an insert or delete moves at most a chunk's
// worth of array slots: one flat sorted array made a 100k-key store take seconds to fill.
const MAX_CHUNK = 1024

/**
 * A map kept in key order, standing in for Java's `TreeMap`/`ConcurrentSkipListMap`: sorted
 * key chunks (binary-search insertion) beside a hash map for point lookups. Keys are numbers
 * (times) or binary strings (serialized keys, see bytes.ts), both ordered by `<`.
 */
export class SortedMap<K extends string | number, V> {
  // Non-empty and ascending within and across chunks.
  private chunks: K[][] = []
  private readonly values = new Map<K, V>()

  get size(): number {
    return this.values.size
  }

  get(key: K): V | undefined {
    return this.values.get(key)
  }

  set(key: K, value: V): void {
    if (!this.values.has(key)) this.insert(key)
    this.values.set(key, value)
  }

  delete(key: K): boolean {
    if (!this.values.delete(key)) return false
    const index = this.chunkFor(key)
    const chunk = this.chunks[index] as K[]
    chunk.splice(lowerBound(chunk, key), 1)
    if (chunk.length === 0) this.chunks.splice(index, 1)
    return true
  }

  /**
   * The keys in `[from, to]` (or `[from, to)`), ascending; null bounds are open. A copy, so the
   * caller may change the map while walking it, as Java's iterators over these maps allow.
   */
  keys(from: K | null = null, to: K | null = null, toExclusive = false): K[] {
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

  /** Removes every key below `bound`. */
  deleteBelow(bound: K): void {
    let whole = 0
    while (whole < this.chunks.length && last(this.chunks[whole] as K[]) < bound) {
      for (const key of this.chunks[whole] as K[]) this.values.delete(key)
      whole++
    }
    if (whole > 0) this.chunks.splice(0, whole)
    const first = this.chunks[0]
    if (first === undefined) return
    const end = lowerBound(first, bound)
    for (const key of first.splice(0, end)) this.values.delete(key)
    if (first.length === 0) this.chunks.shift()
  }

  clear(): void {
    this.chunks = []
    this.values.clear()
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
