import type { NodeRunMetrics } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { formatCount, formatRate, statLines, statTitle } from './node-stats-lines'

const metrics: NodeRunMetrics = {
  nodeId: 'count',
  recordsIn: 12_345,
  recordsOut: 950,
  recordsInPerSecond: 12.4,
  recordsOutPerSecond: 0.42,
  errors: 0,
  dropped: 0,
  busyMsPerSecond: 30,
  latencyP50Ms: 1.25,
  latencyP99Ms: 8,
}

describe('node run numbers', () => {
  it('reads rates and counts as people write them', () => {
    expect([0, 0.42, 12.4, 1234].map(formatRate)).toEqual(['0/s', '0.4/s', '12/s', '1.2k/s'])
    expect([950, 12_345, 4_500_000].map(formatCount)).toEqual(['950', '12.3k', '4.5M'])
  })

  it('shows rates and totals, and a share of processing only once the node has taken any', () => {
    expect(statLines(metrics, undefined)).toEqual([
      { role: 'rate', text: 'in 12/s · out 0.4/s', tone: 'strong' },
      { role: 'total', text: 'Σ 12.3k / 950', tone: 'muted' },
    ])
    expect(statLines(metrics, { share: 0, heat: null, bottleneck: null })).toHaveLength(2)
    expect(statLines(metrics, { share: 0.234, heat: 'warm', bottleneck: null })[2]).toEqual({
      role: 'busy',
      text: '23 % of processing',
      tone: 'muted',
    })
  })

  it('names a bottleneck and failures in the colour of a problem', () => {
    const lines = statLines(
      { ...metrics, errors: 3, dropped: 12_000 },
      { share: 0.6, heat: 'hot', bottleneck: 'Sub-topology 1 falls behind' },
    )
    expect(lines.slice(2)).toEqual([
      { role: 'busy', text: '⚠ bottleneck · 60 % of processing', tone: 'alarm' },
      { role: 'failures', text: '3 failed · 12.0k dropped', tone: 'alarm' },
    ])
    expect(statLines({ ...metrics, dropped: 1 }, undefined)[2]?.text).toBe('1 dropped')
  })

  it('says the latency on hover, or that none was measured, and why a node holds its run back', () => {
    expect(statTitle(metrics, undefined)).toBe(
      '12.3k records in, 950 out; latency p50 1.3 ms, p99 8.0 ms',
    )
    expect(statTitle({ ...metrics, latencyP50Ms: null, latencyP99Ms: null }, undefined)).toBe(
      '12.3k records in, 950 out; no latency measured yet',
    )
    expect(
      statTitle(metrics, { share: 0.6, heat: 'hot', bottleneck: 'Sub-topology 1 falls behind' }),
    ).toBe('12.3k records in, 950 out; latency p50 1.3 ms, p99 8.0 ms\nSub-topology 1 falls behind')
  })
})
