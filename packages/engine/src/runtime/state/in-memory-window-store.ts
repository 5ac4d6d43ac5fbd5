import type { BinaryKey } from './bytes'
import { fromBinaryKey, intKey, toBinaryKey } from './bytes'
import type { WindowBytesStore, WindowEntry } from './bytes-stores'
import { emptyIterator } from './iterators'
import { SortedMap } from './sorted-map'

const SEQNUM_SIZE = 4
/** Kafka's `ConsumerRecord.NO_TIMESTAMP`: nothing observed yet. */
const NO_TIMESTAMP = -1

type Segment = SortedMap<BinaryKey, Uint8Array>

/**
 * Kafka's `InMemoryWindowStore`: one segment per window start, each holding its keys in byte
 * order. Retention runs on the store's own stream time, the largest window start put so far:
 * a window is expired once its start is at least `retentionMs` behind it. A store that retains
 * duplicates (stream-stream joins) suffixes each key with a sequence number so that no put
 * replaces another; a null put then deletes nothing.
 */
export class InMemoryWindowStore implements WindowBytesStore {
  private readonly segments = new SortedMap<number, Segment>()
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
        storeKey += intKey(this.seqnum)
      }
      let segment = this.segments.get(windowStart)
      if (segment === undefined) {
        segment = new SortedMap()
        this.segments.set(windowStart, segment)
      }
      segment.set(storeKey, value)
    } else if (!this.retainDuplicates) {
      const segment = this.segments.get(windowStart)
      if (segment !== undefined) {
        segment.delete(binaryKey)
        if (segment.size === 0) this.segments.delete(windowStart)
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
    const high = keyTo === null ? null : toBinaryKey(keyTo)
    if (low !== null && high !== null && low > high) return emptyIterator()
    // A window expires exactly retentionMs after the newest start, hence the + 1.
    const minTime = Math.max(timeFrom, this.observedStreamTime - this.retentionMs + 1)
    if (timeTo < minTime) return emptyIterator()
    const times = this.segments.keys(minTime, timeTo)
    if (!forward) times.reverse()
    // Segments are taken now: expiring them later must not cut an open iterator short.
    const segments = times.map((time) => [time, this.segments.get(time) as Segment] as const)
    return this.walk(segments, low, high, forward)
  }

  flush(): void {}

  close(): void {
    this.segments.clear()
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

  private removeExpiredSegments(): void {
    this.segments.deleteBelow(Math.max(0, this.observedStreamTime - this.retentionMs + 1))
  }
}
