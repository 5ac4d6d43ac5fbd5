import type { TaskRunMetrics } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { restoreProgress } from './restore-progress'

function task(
  state: TaskRunMetrics['state'],
  restore: TaskRunMetrics['restore'],
  kind: TaskRunMetrics['kind'] = 'active',
): TaskRunMetrics {
  return {
    taskId: '1_0',
    subtopology: 1,
    partition: 0,
    thread: 'app-StreamThread-1',
    kind,
    state,
    streamTime: -1,
    partitions: [],
    restore,
  }
}

describe('restore progress of a node', () => {
  it("adds up its stores over the tasks restoring them, other nodes' stores aside", () => {
    const tasks = [
      task('restoring', [
        { store: 'counts', restored: 30, total: 100 },
        { store: 'other', restored: 0, total: 900 },
      ]),
      task('restoring', [{ store: 'counts', restored: 60, total: 100 }]),
      task('running', [{ store: 'counts', restored: 50, total: 50 }]),
      task('standby', [{ store: 'counts', restored: 5, total: 500 }], 'standby'),
    ]
    expect(restoreProgress(tasks, ['counts'])).toBeCloseTo(0.45)
    expect(restoreProgress(tasks, [])).toBeNull()
    expect(restoreProgress([task('running', [])], ['counts'])).toBeNull()
  })
})
