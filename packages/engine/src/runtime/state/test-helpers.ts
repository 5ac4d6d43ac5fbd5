// Fixtures for the state store tests: a task context whose record context the test moves,
// and which keeps what the stores send to their changelogs.
import type { Header } from '../../processor/record'
import type { Serde } from '../../serde/serde'
import { Serdes } from '../../serde/serdes'
import type { KeyValueIterator } from '../../state/state-store'
import type { StoreBuilder } from '../../state/store-builder'
import type { RecordContext } from '../record-context'
import { createStateStore } from './create-state-store'
import type { RuntimeStore } from './runtime-store'
import type { ChangelogWriter, StoreContext } from './store-context'
import { ThreadCache } from './thread-cache'

export interface SentChangelogRecord {
  readonly topic: string
  readonly partition: number
  readonly key: Uint8Array
  readonly value: Uint8Array | null
  readonly timestamp: number | null
  readonly headers: readonly Header[]
}

export class TestStoreContext implements StoreContext {
  readonly applicationId = 'app'
  readonly taskId = '0_1'
  readonly partition = 1
  defaultKeySerde: Serde<unknown> | null = Serdes.String() as Serde<unknown>
  defaultValueSerde: Serde<unknown> | null = Serdes.String() as Serde<unknown>
  cacheMaxBytes = 10 * 1024 * 1024
  readonly sent: SentChangelogRecord[] = []
  changelog: ChangelogWriter | null = { send: (record) => this.sent.push(record) }
  private current: RecordContext = {
    timestamp: 0,
    offset: 0,
    partition: 1,
    topic: 'input',
    headers: [],
  }

  recordContext(): RecordContext {
    return this.current
  }

  /** Makes a record at `timestamp` (and `offset`) the one being processed. */
  at(timestamp: number, offset = this.current.offset + 1, headers: readonly Header[] = []): this {
    this.current = { timestamp, offset, partition: 1, topic: 'input', headers }
    return this
  }
}

export function storeWith<S>(
  builder: StoreBuilder,
  options: { context?: TestStoreContext; cacheBytes?: number } = {},
): { store: RuntimeStore & S; context: TestStoreContext; cache: ThreadCache } {
  const context = options.context ?? new TestStoreContext()
  const cache = new ThreadCache(options.cacheBytes ?? context.cacheMaxBytes)
  const store = createStateStore(builder, context, cache) as RuntimeStore & S
  return { store, context, cache }
}

export function hex(bytes: Uint8Array | null): string | null {
  return bytes === null ? null : [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
}

export function utf8Hex(text: string): string {
  return [...text].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('')
}

export function longHex(value: number): string {
  return BigInt.asUintN(64, BigInt(value)).toString(16).padStart(16, '0')
}

/** Drains an iterator into [key, value] pairs, keys and values printed with String(). */
export function entries<K, V>(iterator: KeyValueIterator<K, V>): [string, string][] {
  return [...iterator].map((kv) => [String(kv.key), String(kv.value)])
}
