// Interactive queries: one store name read across every task of this instance that holds it,
// as Kafka's composite read-only stores (a key lives in one task; ranges are gathered from all).
// Values are plain (timestamped stores are read without their timestamps), results are arrays.
import { KeyValue } from '../dsl/key-value'
import type { BufferedChange } from './operators/value-getter'
import type { Windowed } from '../dsl/windowed'
import type { KeyValueIterator, SessionStore } from '../state/state-store'
import {
  isKeyValueStore,
  isSessionStore,
  isWindowStore,
  keyValueView,
  windowView,
  type RuntimeStore,
} from './state/create-state-store'

export interface QueryableStore<K, V> {
  readonly name: string
  /**
   * `keyValue`, `window` or `session`, from the store's builder; `suppression` for the buffer of
   * a suppress, whose entries `allByTask` reads as the changes it holds back.
   */
  kind(): 'keyValue' | 'window' | 'session' | 'suppression'
  /** Key-value stores: the value of a key, or null. */
  get(key: K): V | null
  /** Key-value stores: every entry; window and session stores: every window or session. */
  all(): KeyValue<K, V>[] | KeyValue<Windowed<K>, V>[]
  /** `all()` task by task: which task (so which partitions and stream time) holds each entry. */
  allByTask(): { readonly taskId: string; readonly entries: KeyValue<unknown, V>[] }[]
  /** Key-value stores: entries with keys in [from, to]. */
  range(from: K | null, to: K | null): KeyValue<K, V>[]
  /** Window stores: the windows of a key starting in [timeFrom, timeTo]; session stores: its sessions. */
  fetch(
    key: K,
    timeFrom?: number,
    timeTo?: number,
  ): KeyValue<Windowed<K>, V>[] | KeyValue<number, V>[]
  approximateNumEntries(): number
}

function drain<K, V>(iterator: KeyValueIterator<K, V>): KeyValue<K, V>[] {
  const out: KeyValue<K, V>[] = []
  try {
    while (iterator.hasNext()) out.push(iterator.next())
  } finally {
    iterator.close()
  }
  return out
}

/** A store as one task (or the global thread) holds it. */
export interface TaskStore {
  readonly taskId: string
  readonly store: RuntimeStore
  /** For a suppress's buffer: the changes it holds back, decoded. */
  readonly buffered?: BufferedChange[] | null
}

/**
 * Every entry of one task's store: key-value entries, windows or sessions with plain values; a
 * suppress's buffer as the changes it holds back, each `{ value, time }`.
 */
export function taskStoreEntries<V>({ store, buffered }: TaskStore): KeyValue<unknown, V>[] {
  if (buffered != null) {
    return buffered.map(
      (change) => new KeyValue(change.key, { value: change.value, time: change.time } as V),
    )
  }
  if (isKeyValueStore(store)) return drain(keyValueView<unknown, V>(store).all())
  if (isWindowStore(store)) return drain(windowView<unknown, V>(store).all())
  return drain((store as unknown as SessionStore<unknown, V>).fetch(null, null))
}

export function queryableStore<K, V>(
  name: string,
  instances: () => TaskStore[],
): QueryableStore<K, V> {
  const availableByTask = (): TaskStore[] => {
    const stores = instances()
    if (stores.length === 0) {
      throw new Error(
        `State store ${name} is not available on this instance right now: none of its running tasks holds it (it may be rebalancing or restoring, or another instance owns those tasks; see metadataForAllStreamsClients())`,
      )
    }
    return stores
  }
  const available = (): RuntimeStore[] => availableByTask().map((t) => t.store)
  const entriesOf = (task: TaskStore) => taskStoreEntries<V>(task)
  const kindOf = (store: RuntimeStore): 'keyValue' | 'window' | 'session' =>
    isKeyValueStore(store) ? 'keyValue' : isWindowStore(store) ? 'window' : 'session'
  const requireKind = (store: RuntimeStore, wanted: string, operation: string) => {
    if (kindOf(store) !== wanted) {
      throw new TypeError(
        `Store ${name} is a ${kindOf(store)} store; ${operation} needs a ${wanted} store`,
      )
    }
  }
  return {
    name,
    kind: () => {
      const first = availableByTask()[0] as TaskStore
      return first.buffered != null ? 'suppression' : kindOf(first.store)
    },
    get(key) {
      for (const store of available()) {
        requireKind(store, 'keyValue', 'get')
        const value = keyValueView<K, V>(store).get(key)
        if (value !== null) return value
      }
      return null
    },
    all() {
      return availableByTask().flatMap(entriesOf) as KeyValue<K, V>[]
    },
    allByTask() {
      return availableByTask().map((task) => ({ taskId: task.taskId, entries: entriesOf(task) }))
    },
    range(from, to) {
      return available().flatMap((store) => {
        requireKind(store, 'keyValue', 'range')
        return drain(keyValueView<K, V>(store).range(from, to))
      })
    },
    fetch(key, timeFrom, timeTo) {
      return available().flatMap((store) => {
        if (isWindowStore(store)) {
          return drain(
            windowView<K, V>(store).fetch(
              key,
              key,
              timeFrom ?? 0,
              timeTo ?? Number.MAX_SAFE_INTEGER,
            ),
          )
        }
        if (isSessionStore(store)) return drain((store as unknown as SessionStore<K, V>).fetch(key))
        throw new TypeError(`Store ${name} is a key-value store; use get or range`)
      }) as KeyValue<Windowed<K>, V>[]
    },
    approximateNumEntries() {
      return available().reduce(
        (n, store) =>
          n + (isKeyValueStore(store) ? keyValueView(store).approximateNumEntries() : 0),
        0,
      )
    },
  }
}
