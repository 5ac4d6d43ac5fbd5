import type { StatePage } from '@topology-studio/shared'
import { Windowed } from '../dsl/windowed'
import type { QueryableStore } from '../runtime/queryable-store'
import { jsonSafe, keyText } from './json-safe'

/** A page of a store, before the run it belongs to is named. */
export type StatePageResult = Omit<StatePage, 'runId'>

/** Which page of which store, with its key prefix (defaults applied). */
export interface StorePageRequest {
  readonly store: string
  readonly keyPrefix: string
  readonly page: number
  readonly pageSize: number
}

/**
 * A page of a store's entries whose keys start with a prefix: key-value entries as they are,
 * window and session entries with their bounds, a suppress buffer's held-back changes with the
 * time each waits for; every entry with the task that holds it.
 */
export function storePage(
  store: QueryableStore<unknown, unknown>,
  request: StorePageRequest,
): StatePageResult {
  const kind = store.kind()
  const entries = store
    .allByTask()
    .flatMap(({ taskId, entries }) => entries.map((entry) => ({ ...entry, taskId })))
    .filter((entry) => keyText(entry.key).startsWith(request.keyPrefix))
  const { page, pageSize } = request
  return {
    store: request.store,
    kind,
    keyPrefix: request.keyPrefix,
    page,
    pageSize,
    totalEntries: entries.length,
    entries: entries.slice(page * pageSize, (page + 1) * pageSize).map((entry) => {
      const held = kind === 'suppression' ? (entry.value as { value: unknown; time: number }) : null
      const value = jsonSafe(held === null ? entry.value : held.value)
      const bufferTime = held?.time ?? null
      if (kind === 'keyValue' || !(entry.key instanceof Windowed)) {
        return { key: jsonSafe(entry.key), value, window: null, taskId: entry.taskId, bufferTime }
      }
      const windowed = jsonSafe(entry.key) as {
        key?: unknown
        window?: { start: number; end: number }
      }
      return {
        key: windowed.key ?? null,
        value,
        window: windowed.window ?? null,
        taskId: entry.taskId,
        bufferTime,
      }
    }),
  }
}
