import type { ProcessorSupplier, TopicNameExtractor } from '../processor/processor'
import type { Serde } from '../serde/serde'

/**
 * A DSL operator's parameters (its functions, store names, windows), interpreted by the
 * runtime. The topology layer only carries it; `operator` names the Kafka Streams processor
 * it stands for, e.g. `KStreamFilter`.
 */
export interface OperatorDefinition {
  readonly operator: string
  readonly [parameter: string]: unknown
}

/** What a processor node runs: a user supplier (Processor API) or a DSL operator. */
export type ProcessorLogic =
  | {
      readonly kind: 'supplier'
      readonly supplier: ProcessorSupplier
      /** `processValues`: the processor may not change keys. */
      readonly fixedKey?: boolean
    }
  | { readonly kind: 'operator'; readonly operator: OperatorDefinition }

/** Extracts record timestamps at a source, as Kafka's `TimestampExtractor`. */
export interface TimestampExtractor {
  extract(
    record: { timestamp: number; key: unknown; value: unknown },
    partitionTime: number,
  ): number
  toString(): string
}

export type OffsetResetPolicy = 'earliest' | 'latest' | 'none'

export interface SourceNodeFactory {
  readonly type: 'source'
  readonly name: string
  readonly predecessors: readonly string[]
  readonly topics: readonly string[] | null
  readonly pattern: RegExp | null
  readonly keySerde: Serde<unknown> | null
  readonly valueSerde: Serde<unknown> | null
  readonly timestampExtractor: TimestampExtractor | null
  readonly offsetReset: OffsetResetPolicy | null
}

export interface ProcessorNodeFactory {
  readonly type: 'processor'
  readonly name: string
  readonly predecessors: readonly string[]
  readonly logic: ProcessorLogic
  /** Connected stores in connection order; printed in Java HashSet order by describe(). */
  readonly stateStoreNames: string[]
}

export interface SinkNodeFactory {
  readonly type: 'sink'
  readonly name: string
  readonly predecessors: readonly string[]
  readonly topic: string | null
  readonly topicExtractor: TopicNameExtractor | null
  readonly keySerde: Serde<unknown> | null
  readonly valueSerde: Serde<unknown> | null
  readonly partitioner: StreamPartitioner | null
}

export type NodeFactory = SourceNodeFactory | ProcessorNodeFactory | SinkNodeFactory

/** Chooses the partition of each record a sink writes, as Kafka's `StreamPartitioner`. */
export interface StreamPartitioner<K = unknown, V = unknown> {
  partition(topic: string, key: K, value: V, numPartitions: number): number | null
}
