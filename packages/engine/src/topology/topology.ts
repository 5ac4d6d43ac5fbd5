import type { ProcessorSupplier, TopicNameExtractor } from '../processor/processor'
import type { StoreBuilder } from '../state/store-builder'
import {
  InternalTopologyBuilder,
  type SinkOptions,
  type SourceOptions,
} from './internal-topology-builder'
import type { TopologyDescription } from './topology-description'

/** Kafka Streams config keys and values, e.g. `{ 'topology.optimization': 'all' }`. */
export type StreamsConfig = Readonly<Record<string, string | number | boolean>>

/**
 * A processing topology: the Processor API of Kafka Streams' `Topology`, and what
 * `StreamsBuilder#build()` returns.
 *
 * @example
 * const topology = new Topology()
 *   .addSource('in', 'input-topic')
 *   .addProcessor('upper', () => ({ process: (r) => ctx.forward(r.withValue(...)) }), 'in')
 *   .addSink('out', 'output-topic', 'upper')
 * topology.describe().toString()
 */
export class Topology {
  /** The physical builder behind this topology; drivers and the planner read it. */
  readonly internalBuilder: InternalTopologyBuilder
  /** The config passed to `StreamsBuilder#build(props)`, if any. */
  readonly config: StreamsConfig

  constructor(internalBuilder?: InternalTopologyBuilder, config: StreamsConfig = {}) {
    this.internalBuilder = internalBuilder ?? new InternalTopologyBuilder()
    this.config = config
  }

  /**
   * Adds a source reading `topics` (or every topic matching a pattern).
   * Options (serdes, timestamp extractor, offset reset) may come before the topics.
   */
  addSource(name: string, ...topics: string[]): this
  addSource(name: string, pattern: RegExp): this
  addSource(name: string, options: SourceOptions, ...topics: string[]): this
  addSource(name: string, options: SourceOptions, pattern: RegExp): this
  addSource(name: string, ...rest: (string | RegExp | SourceOptions)[]): this {
    let options: SourceOptions = {}
    if (rest.length > 0 && typeof rest[0] === 'object' && !(rest[0] instanceof RegExp)) {
      options = rest.shift() as SourceOptions
    }
    const first = rest[0]
    const topics = first instanceof RegExp ? first : (rest as string[])
    this.internalBuilder.addSource(name, topics, options)
    return this
  }

  addProcessor(name: string, supplier: ProcessorSupplier, ...parentNames: string[]): this {
    if (typeof supplier !== 'function') {
      throw new TypeError(`processorSupplier of ${name} must be a function returning a processor`)
    }
    this.internalBuilder.addProcessor(name, { kind: 'supplier', supplier }, ...parentNames)
    return this
  }

  /** Adds a sink writing to a topic, or to the topic a `TopicNameExtractor` picks per record. */
  addSink(name: string, topic: string | TopicNameExtractor, ...parentNames: string[]): this
  addSink(
    name: string,
    topic: string | TopicNameExtractor,
    options: SinkOptions,
    ...parentNames: string[]
  ): this
  addSink(
    name: string,
    topic: string | TopicNameExtractor,
    ...rest: (string | SinkOptions)[]
  ): this {
    let options: SinkOptions = {}
    if (rest.length > 0 && typeof rest[0] === 'object') options = rest.shift() as SinkOptions
    this.internalBuilder.addSink(name, topic, options, ...(rest as string[]))
    return this
  }

  addStateStore(storeBuilder: StoreBuilder, ...processorNames: string[]): this {
    this.internalBuilder.addStateStore(storeBuilder, false, ...processorNames)
    return this
  }

  /**
   * Adds a global store: a source on `topic` feeding `processorName`, which keeps the store
   * up to date. Global stores are read by every task and have no changelog.
   */
  addGlobalStore(
    storeBuilder: StoreBuilder,
    sourceName: string,
    sourceOptions: SourceOptions,
    topic: string,
    processorName: string,
    stateUpdateSupplier: ProcessorSupplier,
  ): this {
    this.internalBuilder.addGlobalStore(
      storeBuilder,
      sourceName,
      topic,
      sourceOptions,
      processorName,
      { kind: 'supplier', supplier: stateUpdateSupplier },
    )
    return this
  }

  connectProcessorAndStateStores(processorName: string, ...stateStoreNames: string[]): this {
    this.internalBuilder.connectProcessorAndStateStores(processorName, ...stateStoreNames)
    return this
  }

  describe(): TopologyDescription {
    return this.internalBuilder.describe()
  }
}
