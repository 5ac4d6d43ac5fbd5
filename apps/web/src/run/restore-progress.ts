// How far a stateful node's stores have been restored from their changelogs, over the tasks
// that are restoring them now.
import type { TaskRunMetrics } from '@topology-studio/shared'

/** Restored share (0 to 1) of the given stores over restoring tasks; null when none restores. */
export function restoreProgress(
  tasks: readonly TaskRunMetrics[],
  stores: readonly string[],
): number | null {
  if (stores.length === 0) return null
  let restored = 0
  let total = 0
  for (const task of tasks) {
    if (task.kind !== 'active' || task.state !== 'restoring') continue
    for (const store of task.restore) {
      if (!stores.includes(store.store)) continue
      restored += Math.min(store.restored, store.total)
      total += store.total
    }
  }
  return total === 0 ? null : restored / total
}
