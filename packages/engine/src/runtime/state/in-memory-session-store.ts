import type { BinaryKey } from './bytes'
import { fromBinaryKey, toBinaryKey } from './bytes'
import type { SessionBytesStore, SessionEntry } from './bytes-stores'
import { emptyIterator } from './iterators'
import type { IndexedEntry, IndexedSegment, KeyTimeline } from './key-index'
import { KeyIndex } from './key-index'
import type { Retention } from './retention'
import { earliestLiveTime } from './retention'
import { SortedMap } from './sorted-map'

const NO_TIMESTAMP = -1

type ByStart = SortedMap<number, Uint8Array>

/** The sessions ending at one time, by key. */
class ByKey extends SortedMap<BinaryKey, ByStart> implements IndexedSegment<number> {
  indexed: KeyTimeline<number>[] | null = null
}

/**
 * Kafka's `InMemorySessionStore`: sessions indexed by end time, then key, then start time.
 * Retention runs on the store's own stream time, the largest session end put so far: a
 * session is expired once its end is at least `retentionMs` behind it. Which writes are
 * dropped and when expired sessions are let go of is the `Retention`'s call: at once for an
 * in-memory supplier, by segment of session ends for a persistent one (see retention.ts);
 * reads never return an expired session either way.
 *
 * A search of one key's sessions reads them from a KeyIndex (see there) rather than looking
 * in every end time from the earliest one on: a session aggregation searches once per record.
 */
export class InMemorySessionStore implements SessionBytesStore {
  private readonly byEnd = new SortedMap<number, ByKey>()
  // Built by the first single-key search, then kept in step with the sessions.
  private index: KeyIndex<number> | null = null
  private observedStreamTime = NO_TIMESTAMP

  constructor(private readonly retention: Retention) {}

  put(key: Uint8Array, start: number, end: number, value: Uint8Array | null): void {
    this.observedStreamTime = Math.max(this.observedStreamTime, end)
    this.removeExpiredSegments()
    if (this.retention.dropsWrite(end, this.observedStreamTime)) return
    if (value === null) {
      this.remove(key, start, end)
      return
    }
    let byKey = this.byEnd.get(end)
    if (byKey === undefined) {
      byKey = new ByKey()
      this.byEnd.set(end, byKey)
    }
    const binaryKey = toBinaryKey(key)
    let byStart = byKey.get(binaryKey)
    if (byStart === undefined) {
      byStart = new SortedMap()
      byKey.set(binaryKey, byStart)
    }
    const added = byStart.get(start) === undefined
    byStart.set(start, value)
    if (added) this.index?.add(binaryKey, { time: end, rank: start, values: byStart }, byKey)
  }

  remove(key: Uint8Array, start: number, end: number): void {
    if (this.retention.removeAdvancesStreamTime) {
      this.observedStreamTime = Math.max(this.observedStreamTime, end)
    }
    const byKey = this.byEnd.get(end)
    const binaryKey = toBinaryKey(key)
    const byStart = byKey?.get(binaryKey)
    if (byKey === undefined || byStart === undefined) return
    if (byStart.delete(start)) this.index?.remove(binaryKey, end, start)
    if (byStart.size > 0) return
    byKey.delete(binaryKey)
    if (byKey.size === 0) this.byEnd.delete(end)
  }

  fetchSession(key: Uint8Array, start: number, end: number): Uint8Array | null {
    this.removeExpiredSegments()
    if (end < earliestLiveTime(this.retention, this.observedStreamTime)) return null
    return this.byEnd.get(end)?.get(toBinaryKey(key))?.get(start) ?? null
  }

  findSessions(
    keyFrom: Uint8Array | null,
    keyTo: Uint8Array | null,
    earliestSessionEnd: number,
    latestSessionStart: number,
    forward: boolean,
  ): Iterator<SessionEntry> {
    this.removeExpiredSegments()
    const low = keyFrom === null ? null : toBinaryKey(keyFrom)
    // One key's search passes the same bytes twice: one conversion serves both bounds.
    const high = keyTo === null ? null : keyTo === keyFrom ? low : toBinaryKey(keyTo)
    if (low !== null && high !== null && low > high) return emptyIterator()
    // A segmented retention may still hold expired sessions: reads must skip them.
    const earliestEnd = Math.max(
      earliestSessionEnd,
      earliestLiveTime(this.retention, this.observedStreamTime),
    )
    if (low !== null && low === high) {
      return this.findKeySessions(low, earliestEnd, latestSessionStart, forward)
    }
    const ends = this.byEnd.keys(earliestEnd, null)
    if (!forward) ends.reverse()
    const byEnd = ends.map((end) => [end, this.byEnd.get(end) as ByKey] as const)
    return this.walk(byEnd, low, high, latestSessionStart, forward)
  }

  flush(): void {}

  /** @internal The session ends held, expired ones included (Kafka's tests read segments). */
  heldSessionEnds(): number[] {
    return this.byEnd.keys()
  }

  close(): void {
    this.byEnd.clear()
    this.index = null
  }

  /**
   * One key's sessions from the index, in the order of the walk (end, then start). As with the
   * walk, the sessions are taken now, and values are read as the iterator reaches them, so a
   * session removed meanwhile is skipped.
   */
  private findKeySessions(
    binaryKey: BinaryKey,
    earliestSessionEnd: number,
    latestSessionStart: number,
    forward: boolean,
  ): Iterator<SessionEntry> {
    const sessions = (this.index ??= this.buildIndex()).get(binaryKey)
    if (sessions === undefined) return emptyIterator()
    const taken = sessions
      .between(earliestSessionEnd, Number.POSITIVE_INFINITY)
      .filter((session) => session.rank <= latestSessionStart)
    if (taken.length === 0) return emptyIterator()
    if (!forward) taken.reverse()
    return new IndexedSessionIterator(taken, fromBinaryKey(binaryKey))
  }

  private *walk(
    byEnd: readonly (readonly [number, ByKey])[],
    low: BinaryKey | null,
    high: BinaryKey | null,
    latestSessionStart: number,
    forward: boolean,
  ): Generator<SessionEntry> {
    for (const [end, byKey] of byEnd) {
      const keys = byKey.keys(low, high)
      if (!forward) keys.reverse()
      for (const binaryKey of keys) {
        const byStart = byKey.get(binaryKey)
        if (byStart === undefined) continue
        const starts = byStart.keys(null, latestSessionStart)
        if (!forward) starts.reverse()
        const key = fromBinaryKey(binaryKey)
        for (const start of starts) {
          const value = byStart.get(start)
          if (value !== undefined) yield { key, start, end, value }
        }
      }
    }
  }

  private buildIndex(): KeyIndex<number> {
    const index = new KeyIndex<number>()
    // Ends ascending, then starts ascending within each key: every session is appended in order.
    for (const end of this.byEnd.keys()) {
      const byKey = this.byEnd.get(end) as ByKey
      for (const binaryKey of byKey.keys()) {
        const byStart = byKey.get(binaryKey) as ByStart
        for (const start of byStart.keys()) {
          index.add(binaryKey, { time: end, rank: start, values: byStart }, byKey)
        }
      }
    }
    return index
  }

  private removeExpiredSegments(): void {
    const bound = this.retention.keepsFrom(this.observedStreamTime)
    const first = this.byEnd.firstKey()
    if (first === undefined || first >= bound) return
    this.byEnd.deleteBelow(bound, this.index === null ? undefined : this.unindexSegment)
  }

  private readonly unindexSegment = (end: number, byKey: ByKey): void => {
    this.index?.expire(byKey, end)
  }
}

/** Iterates sessions taken from the index, all of one key (shared: the bytes are only read). */
class IndexedSessionIterator implements Iterator<SessionEntry> {
  private position = 0

  constructor(
    private readonly sessions: readonly IndexedEntry<number>[],
    private readonly key: Uint8Array,
  ) {}

  next(): IteratorResult<SessionEntry> {
    while (this.position < this.sessions.length) {
      const session = this.sessions[this.position++] as IndexedEntry<number>
      const value = session.values.get(session.rank)
      if (value !== undefined) {
        return {
          done: false,
          value: { key: this.key, start: session.rank, end: session.time, value },
        }
      }
    }
    return { done: true, value: undefined }
  }
}
