import { afterEach, describe, expect, it, vi } from 'vitest'
import type { OutgoingRecord } from './cluster-connection'
import { SampleDataGenerator } from './sample-data-generator'

afterEach(() => {
  vi.useRealTimers()
})

function recordingSink() {
  const sent: OutgoingRecord[] = []
  return {
    sent,
    send: vi.fn(async (_topic: string, records: OutgoingRecord[]) => {
      sent.push(...records)
    }),
  }
}

describe('SampleDataGenerator', () => {
  it('produces at the chosen rate and stops when asked', async () => {
    vi.useFakeTimers()
    const sink = recordingSink()
    const generator = new SampleDataGenerator(
      'g1',
      'c1',
      { kind: 'sentences', topic: 'lines', recordsPerSecond: 50 },
      sink,
    )
    await vi.advanceTimersByTimeAsync(2_000)
    const afterTwoSeconds = generator.status().produced
    expect(afterTwoSeconds).toBeGreaterThanOrEqual(95)
    expect(afterTwoSeconds).toBeLessThanOrEqual(100)
    await generator.stop()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(generator.status()).toMatchObject({ state: 'stopped', produced: afterTwoSeconds })
    expect(sink.sent).toHaveLength(afterTwoSeconds)
  })

  it('stops by itself after maxRecords', async () => {
    vi.useFakeTimers()
    const sink = recordingSink()
    const generator = new SampleDataGenerator(
      'g2',
      'c1',
      { kind: 'page-views', topic: 'views', recordsPerSecond: 1_000, maxRecords: 250 },
      sink,
    )
    await vi.advanceTimersByTimeAsync(2_000)
    expect(generator.status()).toMatchObject({ state: 'stopped', produced: 250 })
  })

  it('reports a failed send and stops', async () => {
    vi.useFakeTimers()
    const generator = new SampleDataGenerator(
      'g3',
      'c1',
      { kind: 'stock-trades', topic: 'trades', recordsPerSecond: 100 },
      { send: () => Promise.reject(new Error('Topic trades does not exist')) },
    )
    await vi.advanceTimersByTimeAsync(500)
    expect(generator.status()).toMatchObject({
      state: 'failed',
      produced: 0,
      error: 'Topic trades does not exist',
    })
  })
})
