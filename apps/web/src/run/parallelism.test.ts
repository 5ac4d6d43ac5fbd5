import type { TaskRunMetrics } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { parallelism } from './parallelism'

function task(
  taskId: string,
  thread: string,
  topics: string[],
  kind: TaskRunMetrics['kind'] = 'active',
): TaskRunMetrics {
  const [subtopology, partition] = taskId.split('_').map(Number) as [number, number]
  return {
    taskId,
    subtopology,
    partition,
    thread,
    kind,
    state: kind === 'active' ? 'running' : 'standby',
    streamTime: 0,
    partitions: topics.map((topic) => ({ topic, partition, position: 0, endOffset: 0, lag: 0 })),
    restore: [],
  }
}

describe('parallelism of a run', () => {
  it('groups tasks by sub-topology with their partitions, threads and instances', () => {
    const view = parallelism([
      task('1_10', 'app-a-StreamThread-2', ['app-counts-repartition']),
      task('0_1', 'app-a-StreamThread-1', ['views', 'pages']),
      task('1_2', 'app-b-StreamThread-1', ['app-counts-repartition']),
      task('0_0', 'app-b-StreamThread-1', ['views', 'pages']),
      task('0_0', 'app-a-StreamThread-1', ['views', 'pages'], 'standby'),
    ])
    expect(view.map((s) => [s.subtopology, s.threads, s.instances])).toEqual([
      [0, 2, 2],
      [1, 2, 2],
    ])
    expect(view[0]?.tasks).toMatchObject([
      {
        taskId: '0_0',
        kind: 'active',
        state: 'running',
        partitions: ['views-0', 'pages-0'],
        thread: 'StreamThread-1',
        instance: 'app-b',
      },
      {
        taskId: '0_0',
        kind: 'standby',
        state: 'standby',
        partitions: ['views-0', 'pages-0'],
        thread: 'StreamThread-1',
        instance: 'app-a',
      },
      {
        taskId: '0_1',
        kind: 'active',
        state: 'running',
        partitions: ['views-1', 'pages-1'],
        thread: 'StreamThread-1',
        instance: 'app-a',
      },
    ])
    expect(view[1]?.tasks.map((t) => t.taskId)).toEqual(['1_2', '1_10'])
  })
})
