import { describe, expect, it } from 'vitest'
import { Stores, persistentSegmentIntervalMs } from '../../state/stores'
import { earliestLiveTime, exactRetention, segmentedRetention } from './retention'

describe('retention policies', () => {
  it('reads from stream time minus retention plus one, whatever the policy', () => {
    expect(earliestLiveTime(exactRetention(1000), 5000)).toBe(4001)
    expect(earliestLiveTime(segmentedRetention(1000, 60_000), 5000)).toBe(4001)
  })

  it('exact: drops a write at or before stream time minus retention, and lets it go', () => {
    const retention = exactRetention(1000)
    expect(retention.dropsWrite(4000, 5000)).toBe(true)
    expect(retention.dropsWrite(4001, 5000)).toBe(false)
    expect(retention.keepsFrom(5000)).toBe(4001)
    expect(retention.keepsFrom(-1)).toBe(0)
    expect(retention.removeAdvancesStreamTime).toBe(false)
  })

  it('segmented: drops a write only when its segment is older than that of stream time minus retention', () => {
    const retention = segmentedRetention(1000, 60_000)
    // Stream time 5000: the oldest live segment is that of 4000, segment 0.
    expect(retention.dropsWrite(0, 5000)).toBe(false)
    expect(retention.keepsFrom(5000)).toBe(0)
    // Stream time 61 000: the oldest live segment is that of 60 000, segment 1.
    expect(retention.dropsWrite(59_999, 61_000)).toBe(true)
    expect(retention.dropsWrite(60_000, 61_000)).toBe(false)
    expect(retention.keepsFrom(61_000)).toBe(60_000)
    expect(retention.keepsFrom(60_999)).toBe(0)
    expect(retention.removeAdvancesStreamTime).toBe(true)
  })

  it('segmented: keeps every write before stream time has passed retention', () => {
    const retention = segmentedRetention(100_000, 60_000)
    expect(retention.dropsWrite(0, 30_000)).toBe(false)
    expect(retention.keepsFrom(30_000)).toBe(0)
    expect(retention.keepsFrom(-1)).toBe(0)
    expect(() => segmentedRetention(1000, 0)).toThrow(RangeError)
  })

  it("gives persistent suppliers Kafka's segment interval, in-memory ones 1", () => {
    expect(persistentSegmentIntervalMs(12_000)).toBe(60_000)
    expect(persistentSegmentIntervalMs(300_001)).toBe(150_000)
    expect(Stores.persistentWindowStore('w', 12_000, 10_000, false).segmentIntervalMs).toBe(60_000)
    expect(
      Stores.persistentTimestampedWindowStore('w', 200_000, 10_000, false).segmentIntervalMs,
    ).toBe(100_000)
    expect(Stores.persistentSessionStore('s', 86_400_000).segmentIntervalMs).toBe(43_200_000)
    expect(Stores.inMemoryWindowStore('w', 12_000, 10_000, false).segmentIntervalMs).toBe(1)
    expect(Stores.inMemorySessionStore('s', 12_000).segmentIntervalMs).toBe(1)
  })
})
