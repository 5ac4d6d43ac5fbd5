import type { KeyValueMapper, ValueJoiner } from '../kstream'

/**
 * How to read a table's current value for a key, as Kafka's `KTableValueGetterSupplier`:
 * from the store that materializes it, or by applying a non-materialized filter, mapValues
 * or join on top of the upstream table's getter. Joins and lookups carry one of these.
 */
export type TableValueGetter =
  /** A key-value, window (key is Windowed) or session store, told apart by its type. */
  | { readonly kind: 'store'; readonly storeName: string }
  | {
      readonly kind: 'filter'
      readonly parent: TableValueGetter
      readonly predicate: (key: unknown, value: unknown) => boolean
      readonly negate: boolean
    }
  | {
      readonly kind: 'mapValues'
      readonly parent: TableValueGetter
      readonly mapper: KeyValueMapper<unknown, unknown, unknown> | ((value: unknown) => unknown)
    }
  | {
      readonly kind: 'join'
      readonly joinKind: 'inner' | 'left' | 'outer'
      readonly left: TableValueGetter
      readonly right: TableValueGetter
      readonly joiner: ValueJoiner<unknown, unknown, unknown>
    }
  /** Buffered keys read the value downstream last saw; others read upstream. */
  | { readonly kind: 'suppress'; readonly storeName: string; readonly parent: TableValueGetter }
