// Reads a table's current value for a key, as Kafka's KTableValueGetter chain: from the store
// that materializes the table, or through non-materialized filters, mapValues and joins.
import type { TableValueGetter } from '../../dsl/internal/table-value-getter'
import type { Windowed } from '../../dsl/windowed'
import type {
  KeyValueStore,
  SessionStore,
  TimestampedKeyValueStore,
  TimestampedWindowStore,
  WindowStore,
} from '../../state/state-store'
import { ValueAndTimestamp } from '../../state/value-and-timestamp'
import type { InternalProcessorContext } from '../internal-processor-context'
import { valueJoiner, valueMapper } from './call-user'

export type ValueGetter = (key: unknown) => ValueAndTimestamp<unknown> | null

/** A change a suppress buffer holds back: its key, latest value and buffer time. */
export interface BufferedChange {
  readonly key: unknown
  /** The newest value of the key, which leaves when the change is emitted (null: a delete). */
  readonly value: unknown
  /** The stream time the change is held against: its window's end, or its first update's time. */
  readonly time: number
}

/** What a suppress buffer tells lookups: the value downstream last saw for a buffered key. */
export interface SuppressedValueView {
  priorValueForBuffered(key: unknown): { value: ValueAndTimestamp<unknown> | null } | undefined
  /** Everything held back, in the order it will leave. */
  buffered(): BufferedChange[]
}

/** Where a suppress processor publishes its buffer for lookups through the table it makes. */
export function suppressedValueHolder(
  context: InternalProcessorContext,
  storeName: string,
): { view: SuppressedValueView | null } {
  return context.taskLocal(`suppress-buffer:${storeName}`, () => ({ view: null }))
}

function storeGetter(storeName: string, context: InternalProcessorContext): ValueGetter {
  const store = context.getRuntimeStore(storeName)
  switch (store.builder.type) {
    case 'timestampedKeyValue':
      return (key) => (store as unknown as TimestampedKeyValueStore<unknown, unknown>).get(key)
    case 'keyValue':
      return (key) =>
        ValueAndTimestamp.make((store as unknown as KeyValueStore<unknown, unknown>).get(key), -1)
    case 'timestampedWindow':
      return (key) => {
        const windowed = key as Windowed<unknown>
        return (store as unknown as TimestampedWindowStore<unknown, unknown>).fetch(
          windowed.key(),
          windowed.window().start(),
        )
      }
    case 'window':
      return (key) => {
        const windowed = key as Windowed<unknown>
        const value = (store as unknown as WindowStore<unknown, unknown>).fetch(
          windowed.key(),
          windowed.window().start(),
        )
        return ValueAndTimestamp.make(value, windowed.window().end())
      }
    case 'session':
      return (key) => {
        const windowed = key as Windowed<unknown>
        const value = (store as unknown as SessionStore<unknown, unknown>).fetchSession(
          windowed.key(),
          windowed.window().start(),
          windowed.window().end(),
        )
        return ValueAndTimestamp.make(value, windowed.window().end())
      }
    case 'versionedKeyValue':
      throw new TypeError(`Store ${storeName}: versioned tables are not supported by lookups yet`)
  }
}

/** Builds the getter; call from a processor's init (stores are connected to that node). */
export function createValueGetter(
  spec: TableValueGetter,
  context: InternalProcessorContext,
): ValueGetter {
  switch (spec.kind) {
    case 'store':
      return storeGetter(spec.storeName, context)
    case 'filter': {
      const parent = createValueGetter(spec.parent, context)
      return (key) => {
        const current = parent(key)
        if (current === null) return null
        return Boolean(spec.predicate(key, current.value())) !== spec.negate ? current : null
      }
    }
    case 'mapValues': {
      const parent = createValueGetter(spec.parent, context)
      const mapper = valueMapper(spec.mapper)
      return (key) => {
        const current = parent(key)
        if (current === null) return null
        return ValueAndTimestamp.make(mapper(key, current.value()), current.timestamp())
      }
    }
    case 'join': {
      const left = createValueGetter(spec.left, context)
      const right = createValueGetter(spec.right, context)
      const joiner = valueJoiner(spec.joiner)
      return (key) => {
        const l = left(key)
        if (l === null && spec.joinKind !== 'outer') return null
        const r = right(key)
        if (r === null && spec.joinKind === 'inner') return null
        if (l === null && r === null) return null
        const timestamp = Math.max(l?.timestamp() ?? -1, r?.timestamp() ?? -1)
        return ValueAndTimestamp.make(
          joiner(key, l?.value() ?? null, r?.value() ?? null),
          timestamp,
        )
      }
    }
    case 'suppress': {
      const parent = createValueGetter(spec.parent, context)
      const holder = suppressedValueHolder(context, spec.storeName)
      return (key) => {
        const prior = holder.view?.priorValueForBuffered(key)
        return prior !== undefined ? prior.value : parent(key)
      }
    }
  }
}
