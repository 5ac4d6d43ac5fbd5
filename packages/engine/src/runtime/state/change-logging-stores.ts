import type { Header } from '../../processor/record'
import { rawValueOf, sessionStoreKey, timestampOf, windowStoreKey } from './bytes'
import { JavaHashSetOrder } from './java-hash-set-order'
import type {
  BytesEntry,
  KeyValueBytesStore,
  SessionBytesStore,
  SessionEntry,
  StoreRecordContext,
  WindowBytesStore,
  WindowEntry,
} from './bytes-stores'
import type { ChangelogWriter } from './store-context'

/** `<application.id>-<store name>-changelog`, as Kafka's `ProcessorStateManager` names it. */
export function changelogTopic(applicationId: string, storeName: string): string {
  return `${applicationId}-${storeName}-changelog`
}

// Kafka sends changelog records without headers (KIP-244); the input record's headers stay
// with the input record.
const CHANGELOG_HEADERS: readonly Header[] = []
// Kafka's InMemoryTimeOrderedKeyValueChangeBuffer tags its records with the version of its
// value format (3), which restoration reads.
const SUPPRESSION_BUFFER_HEADERS: readonly Header[] = [{ key: 'v', value: new Uint8Array([3]) }]

/**
 * Sends a store's writes to its changelog topic. The record timestamp is the write's: the
 * current record's, or for a timestamped store the value's own timestamp, the value then
 * being sent without it (as Kafka's timestamped change-logging stores do, restoring the
 * timestamp from the record's).
 */
export class ChangeLogger {
  constructor(
    private readonly topic: string,
    private readonly partition: number,
    private readonly writer: ChangelogWriter,
    private readonly recordContext: StoreRecordContext,
    private readonly timestamped: boolean,
    private readonly suppressionBuffer = false,
  ) {}

  log(key: Uint8Array, value: Uint8Array | null): void {
    const timestamp = this.suppressionBuffer
      ? null
      : this.timestamped && value !== null
        ? timestampOf(value)
        : this.recordContext.current().timestamp
    this.writer.send({
      topic: this.topic,
      partition: this.partition,
      key,
      value: this.timestamped && value !== null ? rawValueOf(value) : value,
      timestamp,
      headers:
        this.suppressionBuffer && value !== null ? SUPPRESSION_BUFFER_HEADERS : CHANGELOG_HEADERS,
    })
  }
}

/** Kafka's `ChangeLoggingKeyValueBytesStore`: changelog key = the serialized key. */
export class ChangeLoggingKeyValueStore implements KeyValueBytesStore {
  constructor(
    protected readonly wrapped: KeyValueBytesStore,
    protected readonly logger: ChangeLogger,
  ) {}

  /** Every write goes through here; a subclass may defer what it logs. */
  protected changed(key: Uint8Array, value: Uint8Array | null): void {
    this.logger.log(key, value)
  }

  get(key: Uint8Array): Uint8Array | null {
    return this.wrapped.get(key)
  }

  put(key: Uint8Array, value: Uint8Array | null): void {
    this.wrapped.put(key, value)
    this.changed(key, value)
  }

  putIfAbsent(key: Uint8Array, value: Uint8Array | null): Uint8Array | null {
    const previous = this.wrapped.putIfAbsent(key, value)
    if (previous === null) this.changed(key, value)
    return previous
  }

  putAll(entries: readonly (readonly [Uint8Array, Uint8Array | null])[]): void {
    this.wrapped.putAll(entries)
    for (const [key, value] of entries) this.changed(key, value)
  }

  delete(key: Uint8Array): Uint8Array | null {
    const previous = this.wrapped.delete(key)
    this.changed(key, null)
    return previous
  }

  range(from: Uint8Array | null, to: Uint8Array | null, forward: boolean): Iterator<BytesEntry> {
    return this.wrapped.range(from, to, forward)
  }

  prefixScan(prefix: Uint8Array): Iterator<BytesEntry> {
    return this.wrapped.prefixScan(prefix)
  }

  approximateNumEntries(): number {
    return this.wrapped.approximateNumEntries()
  }

  flush(): void {
    this.wrapped.flush()
  }

  close(): void {
    this.wrapped.close()
  }
}

/**
 * The changelog of Kafka's suppression buffer (InMemoryTimeOrderedKeyValueChangeBuffer): writes
 * only mark keys dirty; a flush (commit) logs each dirty key once, with its value then or a
 * tombstone, in the order Kafka's HashSet of dirty keys iterates.
 */
export class FlushLoggedKeyValueStore extends ChangeLoggingKeyValueStore {
  private readonly dirty = new JavaHashSetOrder()

  protected override changed(key: Uint8Array): void {
    this.dirty.add(key)
  }

  override flush(): void {
    for (const key of this.dirty.values()) this.logger.log(key, this.wrapped.get(key))
    this.dirty.clear()
    super.flush()
  }
}

/**
 * Kafka's `ChangeLoggingWindowBytesStore`: changelog key = [key][window start][seqnum]. Every
 * put is logged, even one the store drops as expired; with duplicates each gets a fresh
 * sequence number so that compaction keeps them all.
 */
export class ChangeLoggingWindowStore implements WindowBytesStore {
  private seqnum = 0

  constructor(
    private readonly wrapped: WindowBytesStore,
    private readonly logger: ChangeLogger,
    private readonly retainDuplicates: boolean,
  ) {}

  put(key: Uint8Array, value: Uint8Array | null, windowStart: number): void {
    this.wrapped.put(key, value, windowStart)
    if (this.retainDuplicates) this.seqnum = (this.seqnum + 1) & 0x7fffffff
    this.logger.log(windowStoreKey(key, windowStart, this.seqnum), value)
  }

  fetch(key: Uint8Array, windowStart: number): Uint8Array | null {
    return this.wrapped.fetch(key, windowStart)
  }

  fetchRange(
    keyFrom: Uint8Array | null,
    keyTo: Uint8Array | null,
    timeFrom: number,
    timeTo: number,
    forward: boolean,
  ): Iterator<WindowEntry> {
    return this.wrapped.fetchRange(keyFrom, keyTo, timeFrom, timeTo, forward)
  }

  flush(): void {
    this.wrapped.flush()
  }

  close(): void {
    this.wrapped.close()
  }
}

/** Kafka's `ChangeLoggingSessionBytesStore`: changelog key = [key][end][start]. */
export class ChangeLoggingSessionStore implements SessionBytesStore {
  constructor(
    private readonly wrapped: SessionBytesStore,
    private readonly logger: ChangeLogger,
  ) {}

  put(key: Uint8Array, start: number, end: number, value: Uint8Array | null): void {
    this.wrapped.put(key, start, end, value)
    this.logger.log(sessionStoreKey(key, end, start), value)
  }

  remove(key: Uint8Array, start: number, end: number): void {
    this.wrapped.remove(key, start, end)
    this.logger.log(sessionStoreKey(key, end, start), null)
  }

  fetchSession(key: Uint8Array, start: number, end: number): Uint8Array | null {
    return this.wrapped.fetchSession(key, start, end)
  }

  findSessions(
    keyFrom: Uint8Array | null,
    keyTo: Uint8Array | null,
    earliestSessionEnd: number,
    latestSessionStart: number,
    forward: boolean,
  ): Iterator<SessionEntry> {
    return this.wrapped.findSessions(
      keyFrom,
      keyTo,
      earliestSessionEnd,
      latestSessionStart,
      forward,
    )
  }

  flush(): void {
    this.wrapped.flush()
  }

  close(): void {
    this.wrapped.close()
  }
}
