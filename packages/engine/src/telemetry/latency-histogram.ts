// Process latency as a histogram with buckets growing by √2 from 1 µs to about a minute:
// cheap to record (one log per record), exact to add up over tasks and to diff over an
// interval, and within √2 of the true value for p50 and p99.

const FIRST_BOUND_MS = 0.001
const GROWTH = Math.SQRT2
export const LATENCY_BUCKETS = 52
const LOG_GROWTH = Math.log(GROWTH)

/** The upper bound of each bucket, in milliseconds; the last one also holds everything above. */
export const LATENCY_BUCKET_BOUNDS_MS: readonly number[] = Array.from(
  { length: LATENCY_BUCKETS },
  (_, i) => FIRST_BOUND_MS * GROWTH ** i,
)

export function latencyBucket(ms: number): number {
  if (!(ms > FIRST_BOUND_MS)) return 0
  const index = Math.ceil(Math.log(ms / FIRST_BOUND_MS) / LOG_GROWTH - 1e-9)
  return Math.min(LATENCY_BUCKETS - 1, index)
}

export function emptyLatencyHistogram(): number[] {
  return new Array<number>(LATENCY_BUCKETS).fill(0)
}

/** The latency below which a share `q` of the recorded calls fall, or null when none were. */
export function latencyQuantile(histogram: readonly number[], q: number): number | null {
  let total = 0
  for (const count of histogram) total += count
  if (total === 0) return null
  const rank = Math.max(1, Math.ceil(q * total))
  let seen = 0
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i] ?? 0
    if (seen >= rank) return LATENCY_BUCKET_BOUNDS_MS[i] ?? null
  }
  return LATENCY_BUCKET_BOUNDS_MS[LATENCY_BUCKETS - 1] ?? null
}

export function addHistograms(a: readonly number[], b: readonly number[]): number[] {
  return Array.from({ length: LATENCY_BUCKETS }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0))
}

/** What was recorded between two snapshots of the same counters. */
export function histogramSince(
  now: readonly number[],
  then: readonly number[] | undefined,
): number[] {
  return Array.from({ length: LATENCY_BUCKETS }, (_, i) =>
    Math.max(0, (now[i] ?? 0) - (then?.[i] ?? 0)),
  )
}
