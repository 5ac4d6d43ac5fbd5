// KTable#suppress, as Kafka's KTableSuppressProcessorSupplier over an
// InMemoryTimeOrderedKeyValueChangeBuffer: changes wait in a buffer ordered by buffer time
// (window end, or the time of a key's first buffered update, which later updates keep), then
// by serialized key, and leave only while a new change is being processed, once the
// processor's observed stream time has moved far enough, or early when the buffer is full.
import type { Suppressed } from '../../dsl/suppressed'
import type { Windowed } from '../../dsl/windowed'
import { Record } from '../../processor/record'
import type { Serde } from '../../serde/serde'
import { encodeUtf8 } from '../../serde/utf8'
import type { KeyValueStore } from '../../state/state-store'
import { ValueAndTimestamp } from '../../state/value-and-timestamp'
import { change, type Change } from '../change'
import type { InternalProcessorContext } from '../internal-processor-context'
import type { RecordContext } from '../record-context'
import { toBinaryKey, type BinaryKey } from '../state/bytes'
import { changelogTopic } from '../state/change-logging-stores'
import { StreamsException } from '../streams-exception'
import type { OperatorFactory, OperatorProcessor } from './operator-processor'
import { param } from './operator-processor'
import { decodeBufferValue } from './suppression-buffer-decode'
import { suppressedValueHolder, type BufferedChange } from './value-getter'

/** Kafka's ConsumerRecord.NO_TIMESTAMP, and RecordQueue.UNKNOWN for prior values. */
const NO_TIMESTAMP = -1
/** How Kafka prints an unlimited buffer dimension (Long.MAX_VALUE). */
const UNLIMITED = '9223372036854775807'

interface BufferEntry {
  readonly key: unknown
  readonly keyBytes: Uint8Array
  readonly binaryKey: BinaryKey
  /** Fixed at the key's first arrival: updates keep their place in the queue. */
  readonly time: number
  /** What downstream last saw for the key: the old value of its first buffered change. */
  readonly prior: { value: unknown; bytes: Uint8Array | null }
  readonly old: { value: unknown; bytes: Uint8Array | null }
  readonly latest: { value: unknown; bytes: Uint8Array | null }
  /** Kafka shares one array for prior and old on first arrival and counts it once. */
  readonly priorIsOld: boolean
  readonly context: RecordContext
  readonly size: number
}

function compareEntries(a: BufferEntry, b: BufferEntry): number {
  if (a.time !== b.time) return a.time - b.time
  return a.binaryKey < b.binaryKey ? -1 : a.binaryKey > b.binaryKey ? 1 : 0
}

function longBytes(value: number): Uint8Array {
  const bytes = new Uint8Array(8)
  new DataView(bytes.buffer).setBigInt64(0, BigInt(value))
  return bytes
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/**
 * The bytes the buffer orders, sizes and logs a value by: the table's serde, else the default
 * one. As in Kafka's buffer, a serde that cannot write the value fails the task.
 */
function bytesOf(serde: Serde<unknown> | null, topic: string, value: unknown): Uint8Array {
  if (serde === null) {
    throw new TypeError(
      `The suppression buffer changelogged to ${topic} needs a serde: set default.key.serde and default.value.serde, or serdes on the suppressed table`,
    )
  }
  return serde.serialize(topic, value) ?? new Uint8Array(0)
}

/** Kafka's ProcessorRecordContext#residentMemorySizeEstimate. */
function contextSize(context: RecordContext): number {
  let size = 8 + 8 + 4
  if (context.topic !== null) size += context.topic.length
  for (const header of context.headers) {
    size += header.key.length
    if (header.value !== null) size += header.value.length
  }
  return size
}

/** Kafka's ProcessorRecordContext#serialize. */
function serializeContext(context: RecordContext): Uint8Array {
  const topic = encodeUtf8(context.topic ?? '')
  const headers = context.headers.map((h) => ({ key: encodeUtf8(h.key), value: h.value }))
  let size = 8 + 8 + 4 + topic.length + 4 + 4
  for (const h of headers) size += 8 + h.key.length + (h.value?.length ?? 0)
  const out = new Uint8Array(size)
  const view = new DataView(out.buffer)
  let at = 0
  view.setBigInt64(at, BigInt(context.timestamp))
  view.setBigInt64((at += 8), BigInt(context.offset))
  view.setInt32((at += 8), topic.length)
  out.set(topic, (at += 4))
  view.setInt32((at += topic.length), context.partition)
  view.setInt32((at += 4), headers.length)
  at += 4
  for (const h of headers) {
    view.setInt32(at, h.key.length)
    out.set(h.key, (at += 4))
    at += h.key.length
    view.setInt32(at, h.value === null ? -1 : h.value.length)
    at += 4
    if (h.value !== null) {
      out.set(h.value, at)
      at += h.value.length
    }
  }
  return out
}

function sizedValue(bytes: Uint8Array | null): Uint8Array {
  const length = new Uint8Array(4)
  new DataView(length.buffer).setInt32(0, bytes === null ? -1 : bytes.length)
  return bytes === null ? length : concat([length, bytes])
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}

/** The changelog value: Kafka's BufferValue layout (version 3) followed by the buffer time. */
function serializeEntry(entry: BufferEntry): Uint8Array {
  const oldPart =
    entry.old.bytes === null
      ? sizedValue(null)
      : sameBytes(entry.prior.bytes, entry.old.bytes)
        ? Uint8Array.of(0xff, 0xff, 0xff, 0xfe)
        : sizedValue(entry.old.bytes)
  return concat([
    serializeContext(entry.context),
    sizedValue(entry.prior.bytes),
    oldPart,
    sizedValue(entry.latest.bytes),
    longBytes(entry.time),
  ])
}

/** Kafka's InMemoryTimeOrderedKeyValueChangeBuffer, its changelog written through `store`. */
class TimeOrderedChangeBuffer {
  private readonly sorted: BufferEntry[] = []
  private readonly index = new Map<BinaryKey, BufferEntry>()
  private bytes = 0

  constructor(
    private readonly store: KeyValueStore<Uint8Array, Uint8Array>,
    private readonly keyBytesOf: (key: unknown) => Uint8Array,
    private readonly valueBytesOf: (value: unknown) => Uint8Array | null,
  ) {}

  numRecords(): number {
    return this.index.size
  }

  bufferSize(): number {
    return this.bytes
  }

  minTimestamp(): number {
    return this.sorted[0]?.time ?? Number.MAX_SAFE_INTEGER
  }

  put(time: number, key: unknown, value: Change<unknown>, context: RecordContext): void {
    const keyBytes = this.keyBytesOf(key)
    const binaryKey = toBinaryKey(keyBytes)
    const buffered = this.index.get(binaryKey)
    const old = { value: value.oldValue, bytes: this.valueBytesOf(value.oldValue) }
    const latest = { value: value.newValue, bytes: this.valueBytesOf(value.newValue) }
    const prior = buffered === undefined ? old : buffered.prior
    const priorIsOld = buffered === undefined
    const size =
      8 +
      keyBytes.length +
      (prior.bytes?.length ?? 0) +
      (priorIsOld ? 0 : (old.bytes?.length ?? 0)) +
      (latest.bytes?.length ?? 0) +
      contextSize(context)
    const entry: BufferEntry = {
      key,
      keyBytes,
      binaryKey,
      time: buffered?.time ?? time,
      prior,
      old,
      latest,
      priorIsOld,
      context,
      size,
    }
    if (buffered === undefined) {
      this.sorted.splice(this.insertionPoint(entry), 0, entry)
    } else {
      this.sorted[this.sorted.indexOf(buffered)] = entry
      this.bytes -= buffered.size
    }
    this.index.set(binaryKey, entry)
    this.bytes += size
    this.store.put(keyBytes, serializeEntry(entry))
  }

  /** Evicts oldest first while `predicate` holds, calling `emit` before each removal. */
  evictWhile(predicate: () => boolean, emit: (entry: BufferEntry) => void): void {
    while (this.sorted.length > 0 && predicate()) {
      const next = this.sorted[0] as BufferEntry
      emit(next)
      this.sorted.shift()
      this.index.delete(next.binaryKey)
      this.bytes -= next.size
      this.store.delete(next.keyBytes)
    }
  }

  /** The value downstream last saw for a buffered key; undefined when it is not buffered. */
  priorValueForBuffered(key: unknown): { value: ValueAndTimestamp<unknown> | null } | undefined {
    const entry = this.index.get(toBinaryKey(this.keyBytesOf(key)))
    if (entry === undefined) return undefined
    // Only the value is known, not when it was written.
    return { value: ValueAndTimestamp.make(entry.prior.value, NO_TIMESTAMP) }
  }

  buffered(): BufferedChange[] {
    return this.sorted.map((entry) => ({
      key: entry.key,
      value: entry.latest.value,
      time: entry.time,
    }))
  }

  /** Rebuilds the queue from the store after a restore from the changelog. */
  load(keyFrom: (bytes: Uint8Array) => unknown, valueFrom: (bytes: Uint8Array) => unknown): void {
    const decodeValue = (bytes: Uint8Array | null) => ({
      value: bytes === null ? null : valueFrom(bytes),
      bytes,
    })
    const entries = this.store.all()
    try {
      for (const { key: keyBytes, value } of entries) {
        const decoded = decodeBufferValue(value)
        const prior = decodeValue(decoded.prior)
        const priorIsOld = decoded.old === 'prior'
        const old = decoded.old === 'prior' ? prior : decodeValue(decoded.old)
        const latest = decodeValue(decoded.latest)
        const entry: BufferEntry = {
          key: keyFrom(keyBytes),
          keyBytes,
          binaryKey: toBinaryKey(keyBytes),
          time: decoded.time,
          prior,
          old,
          latest,
          priorIsOld,
          context: decoded.context,
          size:
            8 +
            keyBytes.length +
            (prior.bytes?.length ?? 0) +
            (priorIsOld ? 0 : (old.bytes?.length ?? 0)) +
            (latest.bytes?.length ?? 0) +
            contextSize(decoded.context),
        }
        this.index.set(entry.binaryKey, entry)
        this.bytes += entry.size
      }
    } finally {
      entries.close()
    }
    this.sorted.push(...this.index.values())
    this.sorted.sort(compareEntries)
  }

  clear(): void {
    this.sorted.length = 0
    this.index.clear()
    this.bytes = 0
  }

  private insertionPoint(entry: BufferEntry): number {
    let low = 0
    let high = this.sorted.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (compareEntries(this.sorted[mid] as BufferEntry, entry) < 0) low = mid + 1
      else high = mid
    }
    return low
  }
}

class KTableSuppressProcessor implements OperatorProcessor {
  private context!: InternalProcessorContext
  private buffer!: TimeOrderedChangeBuffer
  private observedStreamTime = NO_TIMESTAMP
  private readonly maxRecords: number
  private readonly maxBytes: number
  private readonly suppressDurationMs: number
  private readonly untilWindowCloses: boolean

  constructor(
    private readonly suppressed: Suppressed,
    private readonly storeName: string,
    graceMs: number | null,
    private readonly keySerde: Serde<unknown> | null,
    private readonly valueSerde: Serde<unknown> | null,
  ) {
    const config = suppressed.bufferConfig
    this.maxRecords = config.maxRecords ?? Number.POSITIVE_INFINITY
    this.maxBytes = config.maxBytes ?? Number.POSITIVE_INFINITY
    this.untilWindowCloses = suppressed.mode === 'untilWindowCloses'
    this.suppressDurationMs = this.untilWindowCloses ? (graceMs ?? 0) : suppressed.timeLimitMs
  }

  init(context: InternalProcessorContext): void {
    this.context = context
    const topic = changelogTopic(context.config.applicationId, this.storeName)
    // A windowed table carries a windowed serde when its inner key serde is known; otherwise
    // Kafka's buffer falls back to the default key serde, which cannot write a Windowed key.
    const keySerde = this.keySerde ?? context.config.defaultKeySerde
    const valueSerde = this.valueSerde ?? context.config.defaultValueSerde
    this.buffer = new TimeOrderedChangeBuffer(
      context.getStateStore(this.storeName),
      (key) => bytesOf(keySerde, topic, key),
      (value) => (value === null ? null : bytesOf(valueSerde, topic, value)),
    )
    // A buffer restored from its changelog (the Kafka runtime restores before init).
    if (keySerde !== null && valueSerde !== null) {
      this.buffer.load(
        (bytes) => keySerde.deserialize(topic, bytes),
        (bytes) => valueSerde.deserialize(topic, bytes),
      )
    }
    suppressedValueHolder(context, this.storeName).view = this.buffer
  }

  process(record: Record<unknown, unknown>): void {
    this.observedStreamTime = Math.max(this.observedStreamTime, record.timestamp())
    const key = record.key()
    const bufferTime = this.untilWindowCloses
      ? (key as Windowed<unknown>).window().end()
      : record.timestamp()
    this.buffer.put(
      bufferTime,
      key,
      record.value() as Change<unknown>,
      this.context.recordContext(),
    )
    this.enforceConstraints()
  }

  close(): void {
    this.buffer.clear()
  }

  private enforceConstraints(): void {
    const expiryTime = this.observedStreamTime - this.suppressDurationMs
    this.buffer.evictWhile(
      () => this.buffer.minTimestamp() <= expiryTime,
      (entry) => this.emit(entry),
    )
    if (!this.overCapacity()) return
    if (this.suppressed.bufferConfig.whenFull === 'emitEarly') {
      this.buffer.evictWhile(
        () => this.overCapacity(),
        (entry) => this.emit(entry),
      )
      return
    }
    const limit = (n: number) => (Number.isFinite(n) ? String(n) : UNLIMITED)
    throw new StreamsException(
      `${this.context.currentNodeName()} buffer exceeded its max capacity. Currently [${this.buffer.numRecords()}/${limit(this.maxRecords)}] records and [${this.buffer.bufferSize()}/${limit(this.maxBytes)}] bytes.`,
    )
  }

  private overCapacity(): boolean {
    return this.buffer.numRecords() > this.maxRecords || this.buffer.bufferSize() > this.maxBytes
  }

  private emit(entry: BufferEntry): void {
    // Final results never include deletions: a window that ends up empty was never emitted.
    if (entry.latest.value === null && this.untilWindowCloses) return
    const previous = this.context.hasRecordContext() ? this.context.recordContext() : null
    this.context.setRecordContext(entry.context)
    try {
      this.context.forward(
        new Record(
          entry.key,
          change(entry.latest.value, entry.old.value),
          entry.context.timestamp,
          entry.context.headers,
        ),
      )
    } finally {
      this.context.setRecordContext(previous)
    }
  }
}

export const suppressOperators: { readonly [operator: string]: OperatorFactory } = {
  KTableSuppress(def) {
    return new KTableSuppressProcessor(
      param<Suppressed>(def, 'suppressed'),
      param<string>(def, 'storeName'),
      param<number | null>(def, 'graceMs'),
      (def['keySerde'] as Serde<unknown> | null | undefined) ?? null,
      (def['valueSerde'] as Serde<unknown> | null | undefined) ?? null,
    )
  },
}
