import type { PeekedRecord } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { latestRecords } from './latest-records'

const record = (partition: number, offset: string, timestamp: number): PeekedRecord => ({
  partition,
  offset,
  timestamp,
  key: null,
  value: `${partition}@${offset}`,
  headers: {},
})

describe('latest records of a topic', () => {
  it('keeps the newest across partitions, newest first, by offset where timestamps tie', () => {
    const latest = latestRecords(
      [
        [record(0, '7', 100), record(0, '8', 300)],
        [record(1, '9007199254740993', 200), record(1, '9007199254740994', 200)],
        [],
      ],
      3,
    )
    expect(latest.map((r) => r.value)).toEqual(['0@8', '1@9007199254740994', '1@9007199254740993'])
  })
})
