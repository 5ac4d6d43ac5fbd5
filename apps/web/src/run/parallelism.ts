// How a run's work is spread: for each sub-topology, its source partitions, the tasks they make,
// and the stream thread and instance that own each task.
import type { TaskRunMetrics } from '@topology-studio/shared'

export interface TaskPlacement {
  readonly taskId: string
  readonly kind: TaskRunMetrics['kind']
  readonly state: TaskRunMetrics['state']
  /** The topic partitions the task reads, e.g. `orders-2`. */
  readonly partitions: readonly string[]
  /** e.g. `StreamThread-1`. */
  readonly thread: string
  /** The Kafka Streams instance (its client id) that runs the thread. */
  readonly instance: string
  /** The task's own numbers: lag per partition, stream time. */
  readonly metrics: TaskRunMetrics
}

export interface SubtopologyParallelism {
  readonly subtopology: number
  readonly tasks: readonly TaskPlacement[]
  readonly threads: number
  readonly instances: number
}

const THREAD_NAME = /^(.*)-(StreamThread-\d+)$/

export function parallelism(tasks: readonly TaskRunMetrics[]): SubtopologyParallelism[] {
  const bySubtopology = new Map<number, TaskPlacement[]>()
  for (const task of tasks) {
    const named = THREAD_NAME.exec(task.thread)
    const placement: TaskPlacement = {
      taskId: task.taskId,
      kind: task.kind,
      state: task.state,
      partitions: task.partitions.map((p) => `${p.topic}-${p.partition}`),
      thread: named?.[2] ?? task.thread,
      instance: named?.[1] ?? 'this instance',
      metrics: task,
    }
    const placements = bySubtopology.get(task.subtopology) ?? []
    placements.push(placement)
    bySubtopology.set(task.subtopology, placements)
  }
  return [...bySubtopology.entries()]
    .sort(([a], [b]) => a - b)
    .map(([subtopology, placements]) => {
      const sorted = placements.sort(
        (a, b) =>
          a.taskId.localeCompare(b.taskId, undefined, { numeric: true }) ||
          a.kind.localeCompare(b.kind),
      )
      return {
        subtopology,
        tasks: sorted,
        threads: new Set(sorted.map((t) => `${t.instance}/${t.thread}`)).size,
        instances: new Set(sorted.map((t) => t.instance)).size,
      }
    })
}
