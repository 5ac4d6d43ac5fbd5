// What one step changed in a task's stores: entries compared before and after, by key (and
// window), as JSON. Stores in a simulation are small enough to compare whole.
import type { TaskStore } from '../runtime/queryable-store'
import { taskStoreEntries } from '../runtime/queryable-store'
import { Windowed } from '../dsl/windowed'
import { jsonSafe } from '../run-view/json-safe'

/** One entry a step added, changed or deleted; `before` or `after` is null when absent. */
export interface StoreWrite {
  readonly store: string
  readonly taskId: string
  /** The key as JSON (a windowed key's key). */
  readonly key: unknown
  /** Window and session stores: the bounds of the window or session written. */
  readonly window: { readonly start: number; readonly end: number } | null
  readonly before: unknown
  readonly after: unknown
}

interface SnapshotEntry {
  readonly key: unknown
  readonly window: StoreWrite['window']
  readonly value: unknown
  readonly text: string
}

/** Each store's entries (by store, then key and window), as JSON. */
export type StoreSnapshot = ReadonlyMap<string, ReadonlyMap<string, SnapshotEntry>>

export function storeSnapshot(stores: readonly TaskStore[]): StoreSnapshot {
  const snapshot = new Map<string, Map<string, SnapshotEntry>>()
  for (const task of stores) {
    const entries = new Map<string, SnapshotEntry>()
    for (const entry of taskStoreEntries(task)) {
      const windowed = entry.key instanceof Windowed ? entry.key : null
      const key = jsonSafe(windowed === null ? entry.key : windowed.windowKey)
      const window =
        windowed === null
          ? null
          : { start: windowed.windowValue.startMs, end: windowed.windowValue.endMs }
      const value = jsonSafe(entry.value)
      const id = JSON.stringify([key, window?.start ?? null, window?.end ?? null])
      entries.set(id, { key, window, value, text: JSON.stringify(value) })
    }
    snapshot.set(`${task.taskId}\u0000${task.store.name()}`, entries)
  }
  return snapshot
}

/** The entries that differ between two snapshots of the same stores. */
export function storeWrites(before: StoreSnapshot, stores: readonly TaskStore[]): StoreWrite[] {
  const after = storeSnapshot(stores)
  const writes: StoreWrite[] = []
  for (const [id, now] of after) {
    const [taskId = '', store = ''] = id.split('\u0000')
    const then = before.get(id) ?? new Map<string, SnapshotEntry>()
    for (const [key, entry] of now) {
      const old = then.get(key)
      if (old?.text === entry.text) continue
      writes.push({
        store,
        taskId,
        key: entry.key,
        window: entry.window,
        before: old?.value ?? null,
        after: entry.value,
      })
    }
    for (const [key, old] of then) {
      if (!now.has(key)) {
        writes.push({
          store,
          taskId,
          key: old.key,
          window: old.window,
          before: old.value,
          after: null,
        })
      }
    }
  }
  return writes
}
