import type { StoreBuilder } from '../state/store-builder'
import type { Record } from './record'

/** When a punctuator fires: on stream time (driven by records) or on wall-clock time. */
export type PunctuationType = 'STREAM_TIME' | 'WALL_CLOCK_TIME'

/** A scheduled punctuation that can be cancelled, as Kafka's `Cancellable`. */
export interface Cancellable {
  cancel(): void
}

/** Where the record being processed came from; topic is null inside punctuators. */
export interface RecordMetadata {
  topic(): string | null
  partition(): number
  offset(): number
}

/** The context handed to `Processor.init`, mirroring Kafka's `api.ProcessorContext`. */
export interface ProcessorContext<KForward = unknown, VForward = unknown> {
  forward<K extends KForward, V extends VForward>(record: Record<K, V>, childName?: string): void
  getStateStore<S = unknown>(name: string): S
  schedule(
    intervalMs: number,
    type: PunctuationType,
    punctuator: (timestamp: number) => void,
  ): Cancellable
  recordMetadata(): RecordMetadata | null
  currentStreamTimeMs(): number
  currentSystemTimeMs(): number
  applicationId(): string
  taskId(): string
  commit(): void
}

/** A user processor: `init` once per task, `process` per record, `close` on shutdown. */
export interface Processor<KIn = unknown, VIn = unknown, KOut = unknown, VOut = unknown> {
  init?(context: ProcessorContext<KOut, VOut>): void
  process(record: Record<KIn, VIn>): void
  close?(): void
}

/**
 * A zero-argument function returning a fresh processor per task, as Java's
 * `ProcessorSupplier#get`. It may list the stores it needs, which are then added and connected.
 */
export type ProcessorSupplier<
  KIn = unknown,
  VIn = unknown,
  KOut = unknown,
  VOut = unknown,
> = (() => Processor<KIn, VIn, KOut, VOut>) & { stores?: () => readonly StoreBuilder[] }

/** Processors whose key is fixed (`processValues`); forwarding a different key is an error. */
export type FixedKeyProcessorSupplier<
  KIn = unknown,
  VIn = unknown,
  VOut = unknown,
> = ProcessorSupplier<KIn, VIn, KIn, VOut>

/** Picks the topic of each record sent by a dynamic sink; `toString()` is shown by describe(). */
export interface TopicNameExtractor<K = unknown, V = unknown> {
  extract(key: K, value: V, recordContext: RecordMetadata | null): string
  toString(): string
}
