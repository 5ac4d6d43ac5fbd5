import type { ProcessorSupplier } from '../processor/processor'
import type { StoreBuilder } from '../state/store-builder'
import type { SourceOptions } from '../topology/internal-topology-builder'
import { Topology, type StreamsConfig } from '../topology/topology'
import { Consumed } from './consumed'
import { GlobalKTable } from './global-ktable'
import { operator } from './internal/abstract-stream'
import {
  GlobalStoreNode,
  StateStoreNode,
  StreamSourceNode,
  TableSourceMaterialization,
  TableSourceNode,
} from './internal/graph-nodes'
import { InternalStreamsBuilder, parseOptimizations } from './internal/internal-streams-builder'
import { MaterializedInternal } from './internal/materialized-internal'
import { NamedInternal, Prefix } from './internal/names'
import { KStream } from './kstream'
import { KTable } from './ktable'
import { Materialized } from './materialized'

function sourceOptions(consumed: Consumed<unknown, unknown>): SourceOptions {
  return {
    keySerde: consumed.keySerde,
    valueSerde: consumed.valueSerde,
    timestampExtractor: consumed.timestampExtractor,
    offsetReset: consumed.offsetReset,
  }
}

/**
 * Entry point of the DSL, mirroring Kafka Streams' `StreamsBuilder`.
 *
 * @example
 * const builder = new StreamsBuilder()
 * builder.stream('text-input')
 *   .flatMapValues((line) => line.toLowerCase().split(' '))
 *   .groupBy((_key, word) => word)
 *   .count(Materialized.as('counts-store'))
 *   .toStream()
 *   .to('word-counts', Produced.with(Serdes.String(), Serdes.Long()))
 * const topology = builder.build()
 */
export class StreamsBuilder {
  /** @internal */
  readonly internal = new InternalStreamsBuilder()

  stream<K = unknown, V = unknown>(
    topics: string | readonly string[] | RegExp,
    consumed?: Consumed<K, V>,
  ): KStream<K, V> {
    const c = (consumed ?? Consumed.with<K, V>(null, null)) as Consumed<unknown, unknown>
    let name: string
    let node: StreamSourceNode
    if (topics instanceof RegExp) {
      name = new NamedInternal(c.name).orElseGenerateWithPrefix(this.internal, Prefix.SOURCE)
      node = new StreamSourceNode(name, null, topics, sourceOptions(c))
    } else {
      const list = typeof topics === 'string' ? [topics] : [...topics]
      if (list.length === 0) throw new TypeError('stream() needs at least one topic')
      for (const topic of list) {
        if (typeof topic !== 'string' || topic.length === 0)
          throw new TypeError('topic names must be non-empty strings')
      }
      name = new NamedInternal(c.name).orElseGenerateWithPrefix(this.internal, Prefix.SOURCE)
      node = new StreamSourceNode(name, list, null, sourceOptions(c))
    }
    this.internal.addGraphNode(this.internal.root, node)
    return new KStream<K, V>(
      this.internal,
      name,
      consumed?.keySerde ?? null,
      consumed?.valueSerde ?? null,
      [name],
      false,
      node,
    )
  }

  table<K = unknown, V = unknown>(
    topic: string,
    consumed?: Consumed<K, V> | Materialized<K, V>,
    materialized?: Materialized<K, V>,
  ): KTable<K, V> {
    const { consumedArg, materializedArg } = splitConsumed(consumed, materialized)
    const internal = this.materialize(topic, consumedArg, materializedArg)
    const named = new NamedInternal(consumedArg.name)
    const sourceName = named.suffixWithOrElseGet('-source', this.internal, Prefix.SOURCE)
    const processorName = named.orElseGenerateWithPrefix(this.internal, Prefix.KTABLE_SOURCE)
    const materialization = new TableSourceMaterialization(
      internal.storeName,
      internal.queryableStoreName,
    )
    const node = new TableSourceNode(
      processorName,
      sourceName,
      topic,
      sourceOptions(consumedArg as Consumed<unknown, unknown>),
      internal.keyValueStore() as StoreBuilder,
      materialization,
      operator('KTableSource', { storeName: internal.storeName, materialization }),
      false,
    )
    this.internal.addGraphNode(this.internal.root, node)
    return new KTable<K, V>(
      this.internal,
      processorName,
      internal.keySerde,
      internal.valueSerde,
      [sourceName],
      node,
      {
        kind: 'source',
        materialization,
      },
    )
  }

  globalTable<K = unknown, V = unknown>(
    topic: string,
    consumed?: Consumed<K, V> | Materialized<K, V>,
    materialized?: Materialized<K, V>,
  ): GlobalKTable<K, V> {
    const { consumedArg, materializedArg } = splitConsumed(consumed, materialized)
    // Global stores are never logged: the topic itself is their changelog.
    materializedArg?.withLoggingDisabled()
    const internal = this.materialize(
      topic,
      consumedArg,
      materializedArg ?? Materialized.with<K, V>(null, null).withLoggingDisabled(),
    )
    const named = new NamedInternal(consumedArg.name)
    const sourceName = named.suffixWithOrElseGet('-source', this.internal, Prefix.SOURCE)
    const processorName = named.orElseGenerateWithPrefix(this.internal, Prefix.KTABLE_SOURCE)
    const materialization = new TableSourceMaterialization(internal.storeName, internal.storeName)
    const store = internal.keyValueStore().withLoggingDisabled() as StoreBuilder
    const node = new TableSourceNode(
      processorName,
      sourceName,
      topic,
      sourceOptions(consumedArg as Consumed<unknown, unknown>),
      store,
      materialization,
      operator('KTableSource', { storeName: internal.storeName, materialization }),
      true,
    )
    this.internal.addGraphNode(this.internal.root, node)
    return new GlobalKTable<K, V>(internal.storeName, internal.queryableStoreName)
  }

  private materialize<K, V>(
    topic: string,
    consumed: Consumed<K, V>,
    materialized: Materialized<K, V> | undefined,
  ): MaterializedInternal<K, V> {
    if (typeof topic !== 'string' || topic.length === 0)
      throw new TypeError('topic must be a non-empty string')
    const internal = MaterializedInternal.of(materialized, this.internal, `${topic}-`)
    internal.keySerde ??= consumed.keySerde
    internal.valueSerde ??= consumed.valueSerde
    return internal
  }

  /** Adds a store that processors can connect to by name (`process(supplier, 'store')`). */
  addStateStore(builder: StoreBuilder): this {
    this.internal.addGraphNode(this.internal.root, new StateStoreNode(builder))
    return this
  }

  /** Adds a global store kept up to date from `topic` by `stateUpdateSupplier`. */
  addGlobalStore<K, V>(
    storeBuilder: StoreBuilder,
    topic: string,
    consumed: Consumed<K, V>,
    stateUpdateSupplier: ProcessorSupplier<K, V, void, void>,
  ): this {
    storeBuilder.withLoggingDisabled()
    const named = new NamedInternal(consumed.name)
    const sourceName = named.suffixWithOrElseGet('-source', this.internal, Prefix.SOURCE)
    const processorName = named.orElseGenerateWithPrefix(this.internal, Prefix.KTABLE_SOURCE)
    const node = new GlobalStoreNode(
      storeBuilder,
      sourceName,
      topic,
      sourceOptions(consumed as Consumed<unknown, unknown>),
      processorName,
      { kind: 'supplier', supplier: stateUpdateSupplier as ProcessorSupplier },
    )
    this.internal.addGraphNode(this.internal.root, node)
    return this
  }

  /**
   * Builds the topology. Optimizations (`topology.optimization`) apply only when `props`
   * are passed, as in Kafka Streams.
   */
  build(props?: StreamsConfig): Topology {
    const optimizations =
      props === undefined ? new Set<string>() : parseOptimizations(props['topology.optimization'])
    return new Topology(this.internal.buildAndOptimizeTopology(optimizations), props ?? {})
  }
}

function splitConsumed<K, V>(
  consumed: Consumed<K, V> | Materialized<K, V> | undefined,
  materialized: Materialized<K, V> | undefined,
): { consumedArg: Consumed<K, V>; materializedArg: Materialized<K, V> | undefined } {
  if (consumed instanceof Materialized) {
    return { consumedArg: Consumed.with<K, V>(null, null), materializedArg: consumed }
  }
  return { consumedArg: consumed ?? Consumed.with<K, V>(null, null), materializedArg: materialized }
}
