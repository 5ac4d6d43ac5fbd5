import type { Serde } from '../serde/serde'
import { Serdes } from '../serde/serdes'
import { CogroupedKStream } from './cogrouped-kstream'
import { operator } from './internal/abstract-stream'
import type { GraphNode } from './internal/graph-node'
import type { RepartitionNode } from './internal/graph-nodes'
import { buildAggregation, type GroupedSource } from './internal/grouped-stream-aggregate-builder'
import type { InternalStreamsBuilder } from './internal/internal-streams-builder'
import { MaterializedInternal } from './internal/materialized-internal'
import { NamedInternal, Prefix } from './internal/names'
import { KTable } from './ktable'
import { Materialized } from './materialized'
import type { Named } from './named'
import { SessionWindowedKStream } from './session-windowed-kstream'
import { TimeWindowedKStream } from './time-windowed-kstream'
import { SessionWindows, SlidingWindows, TimeWindows } from './windows'

export type Reducer<V> = (aggregate: V, value: V) => V
export type Initializer<VA> = () => VA
export type Aggregator<K, V, VA> = (key: K, value: V, aggregate: VA) => VA

/** Splits Java's `(Named?, Materialized?)` overloads. */
export function namedAndMaterialized<K, V>(
  first: Named | Materialized<K, V> | undefined,
  second: Materialized<K, V> | undefined,
): { named: Named | undefined; materialized: Materialized<K, V> | undefined } {
  if (first instanceof Materialized) return { named: undefined, materialized: first }
  return { named: first, materialized: second }
}

/** A stream grouped by key, ready to aggregate, as Kafka's `KGroupedStream`. */
export class KGroupedStream<K = unknown, V = unknown> implements GroupedSource {
  repartitionNode: RepartitionNode | null = null

  constructor(
    readonly builder: InternalStreamsBuilder,
    readonly name: string,
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    readonly subTopologySourceNodes: readonly string[],
    readonly graphNode: GraphNode,
    readonly repartitionRequired: boolean,
    readonly userProvidedRepartitionTopicName: string | null,
  ) {}

  count(
    named?: Named | Materialized<K, number>,
    materialized?: Materialized<K, number>,
  ): KTable<K, number> {
    const args = namedAndMaterialized(named, materialized)
    // Kafka burns one store name when count() gets an unnamed Materialized (compatibility).
    if (args.materialized !== undefined && args.materialized.storeName === null) {
      this.builder.newStoreName(Prefix.AGGREGATE)
    }
    return this.aggregateInternal(
      Prefix.AGGREGATE,
      'KStreamAggregate',
      { count: true },
      args.named,
      args.materialized,
    )
  }

  reduce(
    reducer: Reducer<V>,
    named?: Named | Materialized<K, V>,
    materialized?: Materialized<K, V>,
  ): KTable<K, V> {
    const args = namedAndMaterialized(named, materialized)
    return this.aggregateInternal(
      Prefix.REDUCE,
      'KStreamReduce',
      { reducer },
      args.named,
      args.materialized,
    )
  }

  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: Aggregator<K, V, VA>,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<K, VA> {
    const args = namedAndMaterialized(named, materialized)
    return this.aggregateInternal(
      Prefix.AGGREGATE,
      'KStreamAggregate',
      { initializer, aggregator },
      args.named,
      args.materialized,
    )
  }

  private aggregateInternal<VA>(
    prefix: string,
    operatorName: string,
    parameters: Record<string, unknown>,
    named: Named | undefined,
    materialized: Materialized<K, VA> | undefined,
  ): KTable<K, VA> {
    const internal = MaterializedInternal.of(materialized, this.builder, prefix)
    internal.keySerde ??= this.keySerde
    // As Kafka, count() stores and emits Longs unless told otherwise.
    if (parameters['count'] === true) internal.valueSerde ??= Serdes.Long() as unknown as Serde<VA>
    if (prefix === Prefix.REDUCE) internal.valueSerde ??= this.valueSerde as unknown as Serde<VA>
    const processorName = new NamedInternal(named?.name ?? null).orElseGenerateWithPrefix(
      this.builder,
      prefix,
    )
    const store = internal.keyValueStore()
    const { node, sourceNodes } = buildAggregation(
      this as GroupedSource,
      processorName,
      store as never,
      operator(operatorName, { ...parameters, storeName: internal.storeName }),
    )
    return new KTable(
      this.builder,
      processorName,
      internal.keySerde,
      internal.valueSerde,
      sourceNodes,
      node,
      {
        kind: 'aggregate',
        storeName: internal.storeName,
        queryableStoreName: internal.queryableStoreName,
        windowed: null,
      },
    )
  }

  windowedBy(windows: TimeWindows | SlidingWindows): TimeWindowedKStream<K, V>
  windowedBy(windows: SessionWindows): SessionWindowedKStream<K, V>
  windowedBy(
    windows: TimeWindows | SlidingWindows | SessionWindows,
  ): TimeWindowedKStream<K, V> | SessionWindowedKStream<K, V> {
    if (windows instanceof SessionWindows) return new SessionWindowedKStream(this, windows)
    if (windows instanceof TimeWindows || windows instanceof SlidingWindows)
      return new TimeWindowedKStream(this, windows)
    throw new TypeError('windowedBy() needs TimeWindows, SlidingWindows or SessionWindows')
  }

  cogroup<VA>(aggregator: Aggregator<K, V, VA>): CogroupedKStream<K, VA> {
    return new CogroupedKStream<K, VA>(this.builder).cogroup(this, aggregator)
  }
}
