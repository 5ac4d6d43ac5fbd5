import { describe, expect, it } from 'vitest'
import {
  addHistograms,
  emptyLatencyHistogram,
  histogramSince,
  LATENCY_BUCKET_BOUNDS_MS,
  latencyBucket,
  latencyQuantile,
} from './latency-histogram'

function record(values: number[]): number[] {
  const histogram = emptyLatencyHistogram()
  for (const value of values)
    histogram[latencyBucket(value)] = (histogram[latencyBucket(value)] ?? 0) + 1
  return histogram
}

describe('latency histogram', () => {
  it('puts a value in the first bucket whose bound holds it', () => {
    for (const ms of [0.0005, 0.001, 0.0015, 0.3, 2, 17.5, 900]) {
      const bucket = latencyBucket(ms)
      expect(LATENCY_BUCKET_BOUNDS_MS[bucket]).toBeGreaterThanOrEqual(ms)
      if (bucket > 0) expect(LATENCY_BUCKET_BOUNDS_MS[bucket - 1]).toBeLessThan(ms)
    }
    expect(latencyBucket(10 ** 9)).toBe(LATENCY_BUCKET_BOUNDS_MS.length - 1)
  })

  it('answers p50 and p99 within a factor of √2', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i < 990 ? 0.1 + (i % 10) * 0.01 : 25))
    const histogram = record(values)
    const p50 = latencyQuantile(histogram, 0.5) ?? 0
    const p99 = latencyQuantile(histogram, 0.99) ?? 0
    expect(p50).toBeGreaterThanOrEqual(0.14)
    expect(p50).toBeLessThan(0.14 * Math.SQRT2)
    expect(p99).toBeGreaterThanOrEqual(0.19)
    expect(p99).toBeLessThan(0.19 * Math.SQRT2)
    expect(latencyQuantile(histogram, 0.999)).toBeGreaterThanOrEqual(25)
    expect(latencyQuantile(emptyLatencyHistogram(), 0.5)).toBeNull()
  })

  it('adds up over tasks and diffs over an interval', () => {
    const a = record([1, 2, 3])
    const b = record([1, 50])
    const sum = addHistograms(a, b)
    expect(sum.reduce((s, n) => s + n, 0)).toBe(5)
    expect(histogramSince(sum, a)).toEqual(b)
    expect(histogramSince(a, undefined)).toEqual(a)
  })
})
