import type { BinaryKey } from './bytes'
import { fromBinaryKey, seqnumKey, toBinaryKey } from './bytes'
import type { WindowBytesStore, WindowEntry } from './bytes-stores'
import { emptyIterator } from './iterators'
import type { IndexedEntry, IndexedSegment, KeyTimeline } from './key-index'
import { KeyIndex } from './key-index'
import type { Retention } from './retention'
import { earliestLiveTime } from './retention'
import { SortedMap } from './sorted-map'

const SEQNUM_SIZE = 4
/** Kafka's `ConsumerRecord.NO_TIMESTAMP`: nothing observed yet. */
const NO_TIMESTAMP = -1

/** One window start's keys (suffixed with sequence numbers when duplicates are kept). */
class Segment extends SortedMap<BinaryKey, Uint8Array> implements IndexedSegment<BinaryKey> {
  indexed: KeyTimeline<BinaryKey>[] | null = null
}

/**
 * Kafka's `InMemoryWindowStore`: one segment per window start, each holding its keys in byte
 * order. Retention runs on the store's own stream time, the largest window start put so far:
 * a window is expired once its start is at least `retentionMs` behind it. Which writes are
 * dropped and when expired windows are let go of is the `Retention`'s call: at once for an
 * in-memory supplier, by segment for a persistent one (see retention.ts); reads never return
 * an expired window either way. A store that retains duplicates (stream-stream joins)
 * suffixes each key with a sequence number so that no put replaces another; a null put then
 * deletes nothing.
 *
 * A fetch of one key's windows over a time range reads them from a KeyIndex (see there) rather
 * than looking in every segment of the range.
 */
export class InMemoryWindowStore implements WindowBytesStore {
  private readonly segments = new SortedMap<number, Segment>()
  // Built by the first single-key range fetch, then kept in step with the segments: stores
  // read only by window (windowed aggregations) never pay for it.
  private index: KeyIndex<BinaryKey> | null = null
  private observedStreamTime = NO_TIMESTAMP
  private seqnum = 0

  constructor(
    private readonly retention: Retention,
    private readonly retainDuplicates: boolean,
  ) {}

  put(key: Uint8Array, value: Uint8Array | null, windowStart: number): void {
    this.observedStreamTime = Math.max(this.observedStreamTime, windowStart)
    this.removeExpiredSegments()
    // Kafka drops a write to an expired window or segment (counting it as a dropped record).
    if (this.retention.dropsWrite(windowStart, this.observedStreamTime)) return
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
      if (added) {
        this.index?.add(binaryKey, { time: windowStart, rank: storeKey, values: segment }, segment)
      }
    } else if (!this.retainDuplicates) {
      const segment = this.segments.get(windowStart)
      if (segment !== undefined && segment.delete(binaryKey)) {
        if (segment.size === 0) this.segments.delete(windowStart)
        this.index?.remove(binaryKey, windowStart, binaryKey)
      }
    }
  }

  fetch(key: Uint8Array, windowStart: number): Uint8Array | null {
    this.removeExpiredSegments()
    if (windowStart < earliestLiveTime(this.retention, this.observedStreamTime)) return null
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
    // A segmented retention may still hold expired windows: reads must skip them.
    const minTime = Math.max(timeFrom, earliestLiveTime(this.retention, this.observedStreamTime))
    if (timeTo < minTime) return emptyIterator()
    if (low !== null && low === high) return this.fetchKey(low, minTime, timeTo, forward)
    const times = this.segments.keys(minTime, timeTo)
    if (!forward) times.reverse()
    // Segments are taken now: expiring them later must not cut an open iterator short.
    const segments = times.map((time) => [time, this.segments.get(time) as Segment] as const)
    return this.walk(segments, low, high, forward)
  }

  flush(): void {}

  /** @internal The window starts held, expired ones included (Kafka's tests read segments). */
  heldWindowStarts(): number[] {
    return this.segments.keys()
  }

  close(): void {
    this.segments.clear()
    this.index = null
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
    const windows = (this.index ??= this.buildIndex()).get(binaryKey)
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

  private buildIndex(): KeyIndex<BinaryKey> {
    const index = new KeyIndex<BinaryKey>()
    // Segments ascending, keys ascending within each: every window is appended in order.
    for (const windowStart of this.segments.keys()) {
      const segment = this.segments.get(windowStart) as Segment
      for (const storeKey of segment.keys()) {
        const key = this.retainDuplicates ? storeKey.slice(0, -SEQNUM_SIZE) : storeKey
        index.add(key, { time: windowStart, rank: storeKey, values: segment }, segment)
      }
    }
    return index
  }

  private removeExpiredSegments(): void {
    const bound = this.retention.keepsFrom(this.observedStreamTime)
    const first = this.segments.firstKey()
    if (first === undefined || first >= bound) return
    this.segments.deleteBelow(bound, this.index === null ? undefined : this.unindexSegment)
  }

  private readonly unindexSegment = (windowStart: number, segment: Segment): void => {
    this.index?.expire(segment, windowStart)
  }
}

/** Iterates windows taken from the index, all of one key (shared: the bytes are only read). */
class IndexedWindowIterator implements Iterator<WindowEntry> {
  private position = 0

  constructor(
    private readonly windows: readonly IndexedEntry<BinaryKey>[],
    private readonly key: Uint8Array,
  ) {}

  next(): IteratorResult<WindowEntry> {
    while (this.position < this.windows.length) {
      const window = this.windows[this.position++] as IndexedEntry<BinaryKey>
      const value = window.values.get(window.rank)
      if (value !== undefined) {
        return { done: false, value: { key: this.key, windowStart: window.time, value } }
      }
    }
    return { done: true, value: undefined }
  }
}
