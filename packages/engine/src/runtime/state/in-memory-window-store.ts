import type { BinaryKey } from './bytes'
import { fromBinaryKey, seqnumKey, toBinaryKey } from './bytes'
import type { WindowBytesStore, WindowEntry } from './bytes-stores'
import { emptyIterator } from './iterators'
import { SortedMap } from './sorted-map'

const SEQNUM_SIZE = 4
/** Kafka's `ConsumerRecord.NO_TIMESTAMP`: nothing observed yet. */
const NO_TIMESTAMP = -1

/** One window start's keys (suffixed with sequence numbers when duplicates are kept). */
class Segment extends SortedMap<BinaryKey, Uint8Array> {
  /**
   * The index entries of the keys with windows here (a key may repeat), so that expiring the
   * segment updates them without looking each key up; null while the store has no index.
   */
  indexed: KeyWindows[] | null = null
}

/**
 * Kafka's `InMemoryWindowStore`: one segment per window start, each holding its keys in byte
 * order. Retention runs on the store's own stream time, the largest window start put so far:
 * a window is expired once its start is at least `retentionMs` behind it. A store that retains
 * duplicates (stream-stream joins) suffixes each key with a sequence number so that no put
 * replaces another; a null put then deletes nothing.
 *
 * Fetching one key's windows over a time range would visit one segment per window start in the
 * range (a join probe over a 2 s window with a record every millisecond: ~2000 lookups, nearly
 * all misses), so the store also indexes each key's windows once such a fetch happens.
 */
export class InMemoryWindowStore implements WindowBytesStore {
  private readonly segments = new SortedMap<number, Segment>()
  // Built by the first single-key range fetch, then kept in step with the segments: stores
  // read only by window (windowed aggregations) never pay for it.
  private byKey: Map<BinaryKey, KeyWindows> | null = null
  private observedStreamTime = NO_TIMESTAMP
  private seqnum = 0

  constructor(
    private readonly retentionMs: number,
    private readonly retainDuplicates: boolean,
  ) {}

  put(key: Uint8Array, value: Uint8Array | null, windowStart: number): void {
    this.removeExpiredSegments()
    this.observedStreamTime = Math.max(this.observedStreamTime, windowStart)
    // Kafka drops a write to an expired window (counting it as a dropped record).
    if (windowStart <= this.observedStreamTime - this.retentionMs) return
    const binaryKey = toBinaryKey(key)
    if (value !== null) {
      let storeKey = binaryKey
      if (this.retainDuplicates) {
        this.seqnum = (this.seqnum + 1) & 0x7fffffff
        storeKey += seqnumKey(this.seqnum)
      }
      let segment = this.segments.get(windowStart)
      if (segment === undefined) {
        segment = new Segment()
        this.segments.set(windowStart, segment)
      }
      const added = segment.get(storeKey) === undefined
      segment.set(storeKey, value)
      if (added && this.byKey !== null) this.index(binaryKey, windowStart, storeKey, segment)
    } else if (!this.retainDuplicates) {
      const segment = this.segments.get(windowStart)
      if (segment !== undefined && segment.delete(binaryKey)) {
        if (segment.size === 0) this.segments.delete(windowStart)
        this.unindex(binaryKey, windowStart)
      }
    }
  }

  fetch(key: Uint8Array, windowStart: number): Uint8Array | null {
    this.removeExpiredSegments()
    if (windowStart <= this.observedStreamTime - this.retentionMs) return null
    // With duplicates every stored key carries a sequence number, so this finds nothing, as
    // in Kafka.
    return this.segments.get(windowStart)?.get(toBinaryKey(key)) ?? null
  }

  fetchRange(
    keyFrom: Uint8Array | null,
    keyTo: Uint8Array | null,
    timeFrom: number,
    timeTo: number,
    forward: boolean,
  ): Iterator<WindowEntry> {
    this.removeExpiredSegments()
    const low = keyFrom === null ? null : toBinaryKey(keyFrom)
    // One key's fetch passes the same bytes twice: one conversion serves both bounds.
    const high = keyTo === null ? null : keyTo === keyFrom ? low : toBinaryKey(keyTo)
    if (low !== null && high !== null && low > high) return emptyIterator()
    // A window expires exactly retentionMs after the newest start, hence the + 1.
    const minTime = Math.max(timeFrom, this.observedStreamTime - this.retentionMs + 1)
    if (timeTo < minTime) return emptyIterator()
    if (low !== null && low === high) return this.fetchKey(low, minTime, timeTo, forward)
    const times = this.segments.keys(minTime, timeTo)
    if (!forward) times.reverse()
    // Segments are taken now: expiring them later must not cut an open iterator short.
    const segments = times.map((time) => [time, this.segments.get(time) as Segment] as const)
    return this.walk(segments, low, high, forward)
  }

  flush(): void {}

  close(): void {
    this.segments.clear()
    this.byKey = null
  }

  /**
   * One key's windows from the index, in the order the segment walk gives them (start, then
   * sequence number). As with the walk, the windows are taken now, expiring them later does
   * not cut the iterator short, and values are read as the iterator reaches them, so a window
   * deleted meanwhile is skipped.
   */
  private fetchKey(
    binaryKey: BinaryKey,
    timeFrom: number,
    timeTo: number,
    forward: boolean,
  ): Iterator<WindowEntry> {
    const windows = (this.byKey ??= this.buildIndex()).get(binaryKey)
    if (windows === undefined) return emptyIterator()
    const taken = windows.between(timeFrom, timeTo)
    if (taken.length === 0) return emptyIterator()
    if (!forward) taken.reverse()
    return new IndexedWindowIterator(taken, fromBinaryKey(binaryKey))
  }

  private *walk(
    segments: readonly (readonly [number, Segment])[],
    low: BinaryKey | null,
    high: BinaryKey | null,
    forward: boolean,
  ): Generator<WindowEntry> {
    for (const [windowStart, segment] of segments) {
      // A suffixed key may sort past `high` while its key is within it, so with duplicates
      // the upper bound is checked on the key itself.
      const keys = this.retainDuplicates ? segment.keys(low, null) : segment.keys(low, high)
      for (let i = 0; i < keys.length; i++) {
        const storeKey = keys[forward ? i : keys.length - 1 - i] as BinaryKey
        const key = this.retainDuplicates ? storeKey.slice(0, -SEQNUM_SIZE) : storeKey
        if (this.retainDuplicates && ((low !== null && key < low) || (high !== null && key > high)))
          continue
        const value = segment.get(storeKey)
        if (value !== undefined) yield { key: fromBinaryKey(key), windowStart, value }
      }
    }
  }

  private buildIndex(): Map<BinaryKey, KeyWindows> {
    this.byKey = new Map()
    // Segments ascending, keys ascending within each: every window is appended in order.
    for (const windowStart of this.segments.keys()) {
      const segment = this.segments.get(windowStart) as Segment
      for (const storeKey of segment.keys()) {
        const key = this.retainDuplicates ? storeKey.slice(0, -SEQNUM_SIZE) : storeKey
        this.index(key, windowStart, storeKey, segment)
      }
    }
    return this.byKey
  }

  private index(key: BinaryKey, windowStart: number, storeKey: BinaryKey, segment: Segment): void {
    const byKey = this.byKey as Map<BinaryKey, KeyWindows>
    let windows = byKey.get(key)
    if (windows === undefined) {
      windows = new KeyWindows(key)
      byKey.set(key, windows)
    }
    windows.add({ windowStart, storeKey, segment })
    // Array literals: most segments hold one key, most keys a window or two, and a first push
    // onto [] reserves room for 17.
    const indexed = segment.indexed
    if (indexed === null) segment.indexed = [windows]
    else if (indexed[indexed.length - 1] !== windows) indexed.push(windows)
  }

  /** Drops a deleted window of a store without duplicates (its store key is the key). */
  private unindex(key: BinaryKey, windowStart: number): void {
    const windows = this.byKey?.get(key)
    if (windows === undefined) return
    windows.remove(windowStart, key)
    if (windows.size === 0) this.byKey?.delete(key)
  }

  private removeExpiredSegments(): void {
    const bound = Math.max(0, this.observedStreamTime - this.retentionMs + 1)
    const first = this.segments.firstKey()
    if (first === undefined || first >= bound) return
    this.segments.deleteBelow(bound, this.byKey === null ? undefined : this.unindexSegment)
  }

  // Segments expire oldest first, so an expired segment's windows are the first few of each of
  // its keys'.
  private readonly unindexSegment = (windowStart: number, segment: Segment): void => {
    const byKey = this.byKey as Map<BinaryKey, KeyWindows>
    for (const windows of segment.indexed ?? []) {
      // Only the key's current entry: an emptied one may since have been replaced.
      if (windows.expireBelow(windowStart + 1) === 0 && byKey.get(windows.key) === windows) {
        byKey.delete(windows.key)
      }
    }
  }
}

/** One stored window of a key: where the segment walk would find it. */
interface IndexedWindow {
  readonly windowStart: number
  /** The key, suffixed with its sequence number in a store that retains duplicates. */
  readonly storeKey: BinaryKey
  /** The segment holding it; its value is read there, so a later put is seen. */
  readonly segment: Segment
}

function compareWindows(a: IndexedWindow, windowStart: number, storeKey: BinaryKey): number {
  if (a.windowStart !== windowStart) return a.windowStart - windowStart
  return a.storeKey < storeKey ? -1 : a.storeKey > storeKey ? 1 : 0
}

/** A key's windows, ascending by start, then store key (the order of the segment walk). */
class KeyWindows {
  private windows: IndexedWindow[] = []
  constructor(readonly key: BinaryKey) {}

  // Windows before `head` have expired; they leave the array in batches, not one shift each.
  private head = 0

  get size(): number {
    return this.windows.length - this.head
  }

  add(window: IndexedWindow): void {
    const windows = this.windows
    const last = windows[windows.length - 1]
    // Puts mostly come in time order: appending is the common case.
    if (windows.length === 0) {
      this.windows = [window]
    } else if (
      windows.length === this.head ||
      compareWindows(last as IndexedWindow, window.windowStart, window.storeKey) < 0
    ) {
      windows.push(window)
    } else {
      windows.splice(this.lowerBound(window.windowStart, window.storeKey), 0, window)
    }
  }

  remove(windowStart: number, storeKey: BinaryKey): void {
    const index = this.lowerBound(windowStart, storeKey)
    const window = this.windows[index]
    if (window !== undefined && compareWindows(window, windowStart, storeKey) === 0) {
      this.windows.splice(index, 1)
    }
  }

  /** Drops the windows starting before `bound`; returns how many remain. */
  expireBelow(bound: number): number {
    const windows = this.windows
    while (this.head < windows.length && (windows[this.head] as IndexedWindow).windowStart < bound)
      this.head++
    if (this.head === windows.length) {
      this.windows = []
      this.head = 0
    } else if (this.head > 16 && this.head * 2 > windows.length) {
      this.windows = windows.slice(this.head)
      this.head = 0
    }
    return this.size
  }

  /** A copy of the windows starting in `[timeFrom, timeTo]`. */
  between(timeFrom: number, timeTo: number): IndexedWindow[] {
    const windows = this.windows
    let end = this.lowerBound(timeFrom, '')
    const start = end
    while (end < windows.length && (windows[end] as IndexedWindow).windowStart <= timeTo) end++
    return windows.slice(start, end)
  }

  /** The index of the first live window not before (windowStart, storeKey). */
  private lowerBound(windowStart: number, storeKey: BinaryKey): number {
    let low = this.head
    let high = this.windows.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (compareWindows(this.windows[mid] as IndexedWindow, windowStart, storeKey) < 0) {
        low = mid + 1
      } else high = mid
    }
    return low
  }
}

/** Iterates windows taken from the index, all of one key (shared: the bytes are only read). */
class IndexedWindowIterator implements Iterator<WindowEntry> {
  private position = 0

  constructor(
    private readonly windows: readonly IndexedWindow[],
    private readonly key: Uint8Array,
  ) {}

  next(): IteratorResult<WindowEntry> {
    while (this.position < this.windows.length) {
      const window = this.windows[this.position++] as IndexedWindow
      const value = window.segment.get(window.storeKey)
      if (value !== undefined) {
        return {
          done: false,
          value: { key: this.key, windowStart: window.windowStart, value },
        }
      }
    }
    return { done: true, value: undefined }
  }
}
