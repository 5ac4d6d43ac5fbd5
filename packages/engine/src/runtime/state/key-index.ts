import type { BinaryKey } from './bytes'
import type { SortedMap } from './sorted-map'

// Window and session stores keep their entries by time first (Kafka's segment layout), so one
// key's entries over a time range are spread over every segment in the range: a join probe
// over a 2 s window with a record every millisecond looked in ~2000 segments, nearly all
// without the key. A KeyIndex lists each key's entries in the stores' own order, so such a
// fetch costs what it finds.

/**
 * Where one of a key's entries is held: in the map `values` of its segment, under `rank` (a
 * window store's key with its sequence number; a session store's session start). The value is
 * read there, so a later put is seen and a delete makes the entry vanish.
 */
export interface IndexedEntry<R extends string | number> {
  /** Window start, or session end: the segment's time. */
  readonly time: number
  readonly rank: R
  readonly values: SortedMap<R, Uint8Array>
}

/** A segment of a store (the entries of one time); it lists the timelines holding its keys. */
export interface IndexedSegment<R extends string | number> {
  indexed: KeyTimeline<R>[] | null
}

function compare<R extends string | number>(
  entry: IndexedEntry<R>,
  time: number,
  rank: R | null,
): number {
  if (entry.time !== time) return entry.time - time
  if (rank === null) return 1
  return entry.rank < rank ? -1 : entry.rank > rank ? 1 : 0
}

/** One key's entries, ascending by time, then rank: the order of the stores' own walks. */
export class KeyTimeline<R extends string | number> {
  private entries: IndexedEntry<R>[]
  // Entries before `head` have expired; they leave the array in batches, not one shift each.
  private head = 0

  constructor(
    readonly key: BinaryKey,
    first: IndexedEntry<R>,
  ) {
    // A literal: most keys hold an entry or two, and a first push onto [] reserves room for 17.
    this.entries = [first]
  }

  get size(): number {
    return this.entries.length - this.head
  }

  add(entry: IndexedEntry<R>): void {
    const entries = this.entries
    const last = entries[entries.length - 1]
    // Puts mostly come in time order: appending is the common case.
    if (last === undefined || this.size === 0 || compare(last, entry.time, entry.rank) < 0) {
      entries.push(entry)
    } else {
      entries.splice(this.lowerBound(entry.time, entry.rank), 0, entry)
    }
  }

  remove(time: number, rank: R): void {
    const index = this.lowerBound(time, rank)
    const entry = this.entries[index]
    if (entry !== undefined && compare(entry, time, rank) === 0) this.entries.splice(index, 1)
  }

  /** Drops the entries whose time is below `bound`; returns how many remain. */
  expireBelow(bound: number): number {
    const entries = this.entries
    while (this.head < entries.length && (entries[this.head] as IndexedEntry<R>).time < bound) {
      this.head++
    }
    if (this.head === entries.length) {
      this.entries = []
      this.head = 0
    } else if (this.head > 16 && this.head * 2 > entries.length) {
      this.entries = entries.slice(this.head)
      this.head = 0
    }
    return this.size
  }

  /** A copy of the entries with times in `[timeFrom, timeTo]`. */
  between(timeFrom: number, timeTo: number): IndexedEntry<R>[] {
    const entries = this.entries
    const start = this.lowerBound(timeFrom, null)
    let end = start
    while (end < entries.length && (entries[end] as IndexedEntry<R>).time <= timeTo) end++
    return entries.slice(start, end)
  }

  /** The first live entry not before (time, rank); a null rank is below every rank. */
  private lowerBound(time: number, rank: R | null): number {
    let low = this.head
    let high = this.entries.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (compare(this.entries[mid] as IndexedEntry<R>, time, rank) < 0) low = mid + 1
      else high = mid
    }
    return low
  }
}

/**
 * The timelines of a store's keys, kept in step with its segments: entries join as they are
 * put, leave as they are deleted, and a segment's leave with it when it expires.
 */
export class KeyIndex<R extends string | number> {
  private readonly byKey = new Map<BinaryKey, KeyTimeline<R>>()

  get(key: BinaryKey): KeyTimeline<R> | undefined {
    return this.byKey.get(key)
  }

  add(key: BinaryKey, entry: IndexedEntry<R>, segment: IndexedSegment<R>): void {
    let timeline = this.byKey.get(key)
    if (timeline === undefined) {
      timeline = new KeyTimeline(key, entry)
      this.byKey.set(key, timeline)
    } else {
      timeline.add(entry)
    }
    const indexed = segment.indexed
    if (indexed === null) segment.indexed = [timeline]
    else if (indexed[indexed.length - 1] !== timeline) indexed.push(timeline)
  }

  remove(key: BinaryKey, time: number, rank: R): void {
    const timeline = this.byKey.get(key)
    if (timeline === undefined) return
    timeline.remove(time, rank)
    if (timeline.size === 0) this.byKey.delete(key)
  }

  /**
   * Drops the entries of an expiring segment at `time`. Segments expire oldest first, so they
   * are the first few of each of their keys' timelines.
   */
  expire(segment: IndexedSegment<R>, time: number): void {
    for (const timeline of segment.indexed ?? []) {
      // Only the key's current timeline: an emptied one may since have been replaced.
      if (timeline.expireBelow(time + 1) === 0 && this.byKey.get(timeline.key) === timeline) {
        this.byKey.delete(timeline.key)
      }
    }
  }
}
