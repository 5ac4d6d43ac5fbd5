/**
 * A KTable update as it travels between table processors, as Kafka's `Change`: the new value
 * and, when downstream asked for it, the old one. Null means absent (a tombstone).
 */
export interface Change<V> {
  readonly newValue: V | null
  readonly oldValue: V | null
  /** False for the old half of a split subtract/add pair (table groupBy). */
  readonly isLatest: boolean
}

export function change<V>(newValue: V | null, oldValue: V | null, isLatest = true): Change<V> {
  return { newValue, oldValue, isLatest }
}
