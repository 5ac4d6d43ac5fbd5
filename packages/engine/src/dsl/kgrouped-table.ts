import type { Serde } from '../serde/serde'
import { Serdes } from '../serde/serdes'
import type { Grouped } from './grouped'
import { operator } from './internal/abstract-stream'
import { changedSerde } from './internal/changed-serde'
import type { GraphNode } from './internal/graph-node'
import { ProcessorGraphNode, RepartitionNode } from './internal/graph-nodes'
import type { InternalStreamsBuilder } from './internal/internal-streams-builder'
import { MaterializedInternal } from './internal/materialized-internal'
import { NamedInternal, Prefix, REPARTITION_TOPIC_SUFFIX } from './internal/names'
import type { Aggregator, Initializer, Reducer } from './kgrouped-stream'
import { namedAndMaterialized } from './kgrouped-stream'
import { KTable } from './ktable'
import type { Materialized } from './materialized'
import type { Named } from './named'

/**
 * A re-grouped table, as Kafka's `KGroupedTable`: every aggregation goes through a
 * repartition topic (sink and source, no null-key filter) and applies subtract-then-add.
 */
export class KGroupedTable<K = unknown, V = unknown> {
  private repartitionNode: RepartitionNode | null = null

  constructor(
    private readonly builder: InternalStreamsBuilder,
    private readonly name: string,
    private readonly subTopologySourceNodes: readonly string[],
    private readonly graphNode: GraphNode,
    private readonly grouped: Grouped<K, V>,
  ) {}

  count(
    named?: Named | Materialized<K, number>,
    materialized?: Materialized<K, number>,
  ): KTable<K, number> {
    const args = namedAndMaterialized(named, materialized)
    return this.doAggregate(
      Prefix.KTABLE_AGGREGATE,
      'KTableAggregate',
      { count: true },
      args.named,
      args.materialized,
    )
  }

  reduce(
    adder: Reducer<V>,
    subtractor: Reducer<V>,
    named?: Named | Materialized<K, V>,
    materialized?: Materialized<K, V>,
  ): KTable<K, V> {
    const args = namedAndMaterialized(named, materialized)
    return this.doAggregate(
      Prefix.KTABLE_REDUCE,
      'KTableReduce',
      { adder, subtractor },
      args.named,
      args.materialized,
    )
  }

  aggregate<VA>(
    initializer: Initializer<VA>,
    adder: Aggregator<K, V, VA>,
    subtractor: Aggregator<K, V, VA>,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<K, VA> {
    const args = namedAndMaterialized(named, materialized)
    return this.doAggregate(
      Prefix.KTABLE_AGGREGATE,
      'KTableAggregate',
      { initializer, adder, subtractor },
      args.named,
      args.materialized,
    )
  }

  private doAggregate<VA>(
    processorPrefix: string,
    operatorName: string,
    parameters: Record<string, unknown>,
    named: Named | undefined,
    materialized: Materialized<K, VA> | undefined,
  ): KTable<K, VA> {
    // KGroupedTable stores are named KTABLE-AGGREGATE-STATE-STORE- for reduce too.
    const internal = MaterializedInternal.of(materialized, this.builder, Prefix.KTABLE_AGGREGATE)
    internal.keySerde ??= this.grouped.keySerde
    // As Kafka, count() stores and emits Longs unless told otherwise.
    if (parameters['count'] === true) internal.valueSerde ??= Serdes.Long() as unknown as Serde<VA>
    if (operatorName === 'KTableReduce')
      internal.valueSerde ??= this.grouped.valueSerde as unknown as Serde<VA>
    const namedInternal = new NamedInternal(named?.name ?? null)
    const sinkName = namedInternal.suffixWithOrElseGet('-sink', this.builder, Prefix.SINK)
    const sourceName = namedInternal.suffixWithOrElseGet('-source', this.builder, Prefix.SOURCE)
    const processorName = namedInternal.orElseGenerateWithPrefix(this.builder, processorPrefix)
    const topic = (this.grouped.name ?? internal.storeName) + REPARTITION_TOPIC_SUFFIX
    if (this.repartitionNode === null || this.grouped.name === null) {
      this.repartitionNode = new RepartitionNode(
        'groupedTable',
        sourceName,
        sinkName,
        null,
        topic,
        this.grouped.keySerde as Serde<unknown> | null,
        // Updates cross the topic with their old value, as Kafka's ChangedSerializer.
        changedSerde(this.grouped.valueSerde as Serde<unknown> | null),
        {},
        null,
      )
    }
    this.builder.addGraphNode(this.graphNode, this.repartitionNode)
    const node = new ProcessorGraphNode(
      processorName,
      operator(operatorName, { ...parameters, storeName: internal.storeName }),
      [],
      [internal.keyValueStore()],
    )
    this.builder.addGraphNode(this.repartitionNode, node)
    return new KTable(
      this.builder,
      processorName,
      internal.keySerde,
      internal.valueSerde,
      [sourceName],
      node,
      {
        kind: 'aggregate',
        storeName: internal.storeName,
        queryableStoreName: internal.queryableStoreName,
        windowed: null,
      },
    )
  }

  /** @internal */
  get selectName(): string {
    return this.name
  }

  /** @internal */
  get sources(): readonly string[] {
    return this.subTopologySourceNodes
  }
}
