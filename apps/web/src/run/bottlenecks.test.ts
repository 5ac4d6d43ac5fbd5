import type { NodeRunMetrics, TaskRunMetrics } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { lagGrowthPerSecond, nodeLoads, subtopologyLags, type LagPoint } from './bottlenecks'

function node(nodeId: string, busyMsPerSecond: number): NodeRunMetrics {
  return {
    nodeId,
    recordsIn: 0,
    recordsOut: 0,
    recordsInPerSecond: 0,
    recordsOutPerSecond: 0,
    errors: 0,
    dropped: 0,
    latencyP50Ms: null,
    latencyP99Ms: null,
    busyMsPerSecond,
  }
}

function task(
  subtopology: number,
  partition: number,
  lags: number[],
  kind: 'active' | 'standby' = 'active',
): TaskRunMetrics {
  return {
    taskId: `${subtopology}_${partition}`,
    subtopology,
    partition,
    thread: 'app-StreamThread-1',
    kind,
    state: kind === 'active' ? 'running' : 'standby',
    streamTime: 0,
    partitions: lags.map((lag, i) => ({
      topic: `t${i}`,
      partition,
      position: 0,
      endOffset: lag,
      lag,
    })),
    restore: [],
  }
}

const points = (...lags: number[]): LagPoint[] => lags.map((lag, i) => ({ at: i * 1000, lag }))

describe('bottlenecks', () => {
  it("adds up the lag of each sub-topology's active tasks, standbys aside", () => {
    expect(
      subtopologyLags([
        task(0, 0, [5, 2]),
        task(0, 1, [3]),
        task(1, 0, [7]),
        task(1, 1, [9], 'standby'),
      ]),
    ).toEqual(
      new Map([
        [0, 10],
        [1, 7],
      ]),
    )
  })

  it('measures lag growth over the last ten seconds, once two seconds are known', () => {
    expect(lagGrowthPerSecond(points(0))).toBeNull()
    expect(lagGrowthPerSecond(points(0, 10))).toBeNull()
    expect(lagGrowthPerSecond(points(0, 10, 20))).toBe(10)
    // Twenty seconds of history: only the last ten count.
    const history = points(
      ...Array.from({ length: 21 }, (_, i) => (i < 10 ? 1000 : 1000 + (i - 10) * 50)),
    )
    expect(lagGrowthPerSecond(history)).toBe(50)
    expect(lagGrowthPerSecond(points(100, 50, 0))).toBe(-50)
  })

  it('names the busiest node of a sub-topology whose lag grows, with its share', () => {
    const nodes = new Map([
      ['source', node('source', 10)],
      ['enrich', node('enrich', 600)],
      ['sink', node('sink', 90)],
      ['count', node('count', 300)],
    ])
    const subtopologyOf = new Map([
      ['source', 0],
      ['enrich', 0],
      ['sink', 0],
      ['count', 1],
    ])
    const loads = nodeLoads(
      nodes,
      subtopologyOf,
      new Map([
        [0, points(0, 100, 200, 300)],
        [1, points(5, 5, 5, 5)],
      ]),
    )
    expect(loads.get('enrich')).toEqual({
      share: 0.6,
      heat: 'hot',
      bottleneck:
        "Sub-topology 0 falls behind: its lag grew by 100 records/s over the last 10 s (300 behind now), and this node takes 60 % of the run's processing time, the most in the sub-topology.",
    })
    expect(loads.get('count')).toEqual({ share: 0.3, heat: 'warm', bottleneck: null })
    expect(loads.get('sink')).toEqual({ share: 0.09, heat: null, bottleneck: null })
  })

  it('leaves nodes untinted while the run barely works, whatever their shares', () => {
    const nodes = new Map([
      ['a', node('a', 6)],
      ['b', node('b', 3)],
    ])
    const loads = nodeLoads(nodes, new Map(), new Map())
    expect(loads.get('a')).toEqual({ share: 6 / 9, heat: null, bottleneck: null })
  })

  it('names no bottleneck while nothing is measured or every sub-topology keeps up', () => {
    const nodes = new Map([['a', node('a', 0)]])
    const loads = nodeLoads(nodes, new Map([['a', 0]]), new Map([[0, points(0, 50, 100)]]))
    expect(loads.get('a')).toEqual({ share: 0, heat: null, bottleneck: null })
  })
})
