import type { TaskRunMetrics } from '@topology-studio/shared'
import { latestPriceDesign, wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { closesAt, formatDuration, windowedAggregationOf, windowState } from './window-timing'

const T0 = Date.UTC(2026, 0, 1, 10, 0, 0)

function task(streamTime: number, lag = 0): TaskRunMetrics {
  return {
    taskId: '0_2',
    subtopology: 0,
    partition: 2,
    thread: 'app-StreamThread-1',
    kind: 'active',
    state: 'running',
    streamTime,
    partitions: [{ topic: 'trades', partition: 2, position: 10, endOffset: 10 + lag, lag }],
    restore: [],
  }
}

describe('window timing', () => {
  const design = latestPriceDesign()
  const latest = windowedAggregationOf(design, 'latest')

  it('finds the window of an aggregation and the suppress after it', () => {
    expect(latest).toMatchObject({
      window: { type: 'tumbling', sizeMs: 2000, graceMs: 500 },
      suppress: { label: 'When the window closes', params: { mode: 'untilWindowCloses' } },
      commitIntervalMs: 30_000,
      cached: true,
    })
    expect(windowedAggregationOf(wordCountDesign(), 'count')).toBeNull()
    // The suppress's buffer holds the same windows.
    expect(windowedAggregationOf(design, 'window-closed')).toEqual(latest)
  })

  it('closes time windows at end + grace, sessions a gap later', () => {
    const bounds = { start: T0, end: T0 + 2000 }
    expect(closesAt({ type: 'tumbling', sizeMs: 2000, graceMs: 500 }, bounds)).toBe(T0 + 2500)
    expect(closesAt({ type: 'hopping', sizeMs: 2000, advanceMs: 1000 }, bounds)).toBe(T0 + 2000)
    expect(closesAt({ type: 'session', inactivityGapMs: 5000, graceMs: 100 }, bounds)).toBe(
      T0 + 7100,
    )
  })

  it("says a suppressed window waits for its task's stream time, and what would move it", () => {
    if (latest === null) throw new Error('no window')
    const bounds = { start: T0, end: T0 + 2000 }
    const idle = windowState(latest, bounds, task(T0 + 1800))
    expect(idle).toMatchObject({ closesAt: T0 + 2500, streamTime: T0 + 1800, open: true })
    expect(idle.why).toBe(
      'When the window closes holds results until their window closes, and the stream time of task 0_2 is 2026-01-01 10:00:01.800, 700 ms short of 2026-01-01 10:00:02.500 (window end 2026-01-01 10:00:02.000 + grace 500 ms). Stream time only moves when a record arrives: nothing is waiting on trades-2, so it stays put until its only partition receives a record with a timestamp of 2026-01-01 10:00:02.500 or later.',
    )
    expect(windowState(latest, bounds, task(T0 + 1800, 3)).why).toMatch(
      /3 records of trades-2 wait to be processed; stream time moves on as they are\.$/,
    )
    const closed = windowState(latest, bounds, task(T0 + 2500))
    expect(closed.open).toBe(false)
    expect(closed.why).toMatch(/^Closed at stream time 2026-01-01 10:00:02.500: When the window/)
    expect(windowState(latest, bounds, undefined)).toMatchObject({ open: true, streamTime: null })
  })

  it('explains the record cache for a window nothing suppresses', () => {
    const graph = {
      ...design,
      config: { ...design.config, 'commit.interval.ms': 1000 },
      edges: design.edges.filter((e) => e.source !== 'latest'),
    }
    const unsuppressed = windowedAggregationOf(graph, 'latest')
    if (unsuppressed === null) throw new Error('no window')
    expect(unsuppressed.suppress).toBeNull()
    const state = windowState(unsuppressed, { start: T0, end: T0 + 2000 }, task(T0 + 100))
    expect(state.why).toMatch(
      /^Updates are emitted as they happen, through the record cache: the latest result of a window leaves on commit \(every 1 s\)/,
    )
    const uncached = windowedAggregationOf(
      { ...graph, config: { ...graph.config, 'statestore.cache.max.bytes': 0 } },
      'latest',
    )
    expect(uncached?.cached).toBe(false)
  })

  it('says durations as people do', () => {
    expect([400, 2000, 1500, 90_000, 5_400_000].map(formatDuration)).toEqual([
      '400 ms',
      '2 s',
      '1.5 s',
      '1.5 min',
      '1.5 h',
    ])
  })
})
