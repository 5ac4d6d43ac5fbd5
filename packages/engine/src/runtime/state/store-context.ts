import type { Header } from '../../processor/record'
import type { Serde } from '../../serde/serde'
import type { RecordContext } from '../record-context'

/** Receives every write of a logged store, keyed in the store's binary changelog layout. */
export interface ChangelogWriter {
  send(record: {
    topic: string
    partition: number
    key: Uint8Array
    value: Uint8Array | null
    timestamp: number | null
    headers: readonly Header[]
  }): void
}

/** What a store needs from the task that owns it. */
export interface StoreContext {
  readonly applicationId: string
  readonly taskId: string
  /** The task's partition: the changelog partition of its stores. */
  readonly partition: number
  /** `default.key.serde` / `default.value.serde`, used when a store has no serde of its own. */
  readonly defaultKeySerde: Serde<unknown> | null
  readonly defaultValueSerde: Serde<unknown> | null
  /** The record being processed: stamped on changelog records and cache entries. */
  recordContext(): RecordContext
  /** Where changelog writes go; null when nobody listens (writes are then not encoded). */
  readonly changelog: ChangelogWriter | null
  /** `statestore.cache.max.bytes` for this task's caches; 0 turns caching off. */
  readonly cacheMaxBytes: number
}
