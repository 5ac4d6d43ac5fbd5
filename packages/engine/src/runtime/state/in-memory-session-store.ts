import type { BinaryKey } from './bytes'
import { fromBinaryKey, toBinaryKey } from './bytes'
import type { SessionBytesStore, SessionEntry } from './bytes-stores'
import { emptyIterator } from './iterators'
import { SortedMap } from './sorted-map'

const NO_TIMESTAMP = -1

type ByStart = SortedMap<number, Uint8Array>
type ByKey = SortedMap<BinaryKey, ByStart>

/**
 * Kafka's `InMemorySessionStore`: sessions indexed by end time, then key, then start time.
 * Retention runs on the store's own stream time, the largest session end put so far: a
 * session is expired once its end is at least `retentionMs` behind it.
 */
export class InMemorySessionStore implements SessionBytesStore {
  private readonly byEnd = new SortedMap<number, ByKey>()
  private observedStreamTime = NO_TIMESTAMP

  constructor(private readonly retentionMs: number) {}

  put(key: Uint8Array, start: number, end: number, value: Uint8Array | null): void {
    this.removeExpiredSegments()
    this.observedStreamTime = Math.max(this.observedStreamTime, end)
    if (end <= this.observedStreamTime - this.retentionMs) return
    if (value === null) {
      this.remove(key, start, end)
      return
    }
    let byKey = this.byEnd.get(end)
    if (byKey === undefined) {
      byKey = new SortedMap()
      this.byEnd.set(end, byKey)
    }
    const binaryKey = toBinaryKey(key)
    let byStart = byKey.get(binaryKey)
    if (byStart === undefined) {
      byStart = new SortedMap()
      byKey.set(binaryKey, byStart)
    }
    byStart.set(start, value)
  }

  remove(key: Uint8Array, start: number, end: number): void {
    const byKey = this.byEnd.get(end)
    const binaryKey = toBinaryKey(key)
    const byStart = byKey?.get(binaryKey)
    if (byKey === undefined || byStart === undefined) return
    byStart.delete(start)
    if (byStart.size > 0) return
    byKey.delete(binaryKey)
    if (byKey.size === 0) this.byEnd.delete(end)
  }

  fetchSession(key: Uint8Array, start: number, end: number): Uint8Array | null {
    this.removeExpiredSegments()
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
    const high = keyTo === null ? null : toBinaryKey(keyTo)
    if (low !== null && high !== null && low > high) return emptyIterator()
    const ends = this.byEnd.keys(earliestSessionEnd, null)
    if (!forward) ends.reverse()
    const byEnd = ends.map((end) => [end, this.byEnd.get(end) as ByKey] as const)
    return this.walk(byEnd, low, high, latestSessionStart, forward)
  }

  flush(): void {}

  close(): void {
    this.byEnd.clear()
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

  private removeExpiredSegments(): void {
    this.byEnd.deleteBelow(Math.max(0, this.observedStreamTime - this.retentionMs + 1))
  }
}
