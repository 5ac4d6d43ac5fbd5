/**
 * How a window or session store lets go of what has fallen out of retention. Times are window
 * starts or session ends; stream time is the largest of them put into the store so far.
 *
 * Kafka's in-memory and RocksDB stores answer reads alike: nothing at or before stream time
 * minus retention is returned (the RocksDB stores clip every read to `getActualFrom`). They
 * differ in which writes they drop and in what they keep meanwhile, which the two policies
 * here reproduce:
 *
 * - `exactRetention` (`InMemoryWindowStore`, `InMemorySessionStore`): a write at or before
 *   stream time minus retention is dropped, and entries go as soon as they expire.
 * - `segmentedRetention` (`AbstractRocksDBSegmentedBytesStore` over `KeyValueSegments`):
 *   entries live in segments of `segmentIntervalMs`; a write is dropped only when its whole
 *   segment has expired, and a segment is destroyed only then, so expired entries of a live
 *   segment are kept, unread, until their segment goes.
 */
export interface Retention {
  readonly retentionMs: number
  /** Whether a write at `time` is dropped as expired ("Skipping record for expired segment"). */
  dropsWrite(time: number, streamTime: number): boolean
  /** Entries before this time may be let go of. */
  keepsFrom(streamTime: number): number
  /** A RocksDB store's remove advances its stream time as a put does; an in-memory one not. */
  readonly removeAdvancesStreamTime: boolean
}

/** The earliest time a read returns, for either policy. */
export function earliestLiveTime(retention: Retention, streamTime: number): number {
  return streamTime - retention.retentionMs + 1
}

export function exactRetention(retentionMs: number): Retention {
  return {
    retentionMs,
    dropsWrite: (time, streamTime) => time <= streamTime - retentionMs,
    keepsFrom: (streamTime) => Math.max(0, streamTime - retentionMs + 1),
    removeAdvancesStreamTime: false,
  }
}

export function segmentedRetention(retentionMs: number, segmentIntervalMs: number): Retention {
  if (!(segmentIntervalMs >= 1)) {
    throw new RangeError(`segmentInterval must be at least 1 ms (was ${segmentIntervalMs})`)
  }
  // Kafka's `timestamp / segmentInterval` truncates towards zero. Stream time minus retention
  // may be negative; its segment then compares with those of window starts and session ends,
  // which are never negative, so truncating or flooring it decides nothing differently.
  const segmentId = (time: number): number => Math.trunc(time / segmentIntervalMs)
  return {
    retentionMs,
    dropsWrite: (time, streamTime) => segmentId(time) < segmentId(streamTime - retentionMs),
    keepsFrom: (streamTime) => Math.max(0, segmentId(streamTime - retentionMs) * segmentIntervalMs),
    removeAdvancesStreamTime: true,
  }
}
