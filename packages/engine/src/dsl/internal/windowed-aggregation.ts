import type { StoreBuilder } from '../../state/store-builder'
import type { Serde } from '../../serde/serde'
import { Serdes } from '../../serde/serdes'
import type { KGroupedStream, Reducer } from '../kgrouped-stream'
import { namedAndMaterialized } from '../kgrouped-stream'
import { KTable } from '../ktable'
import type { Materialized } from '../materialized'
import type { Named } from '../named'
import { EmitStrategy } from '../emit-strategy'
import { WindowedSerdes } from '../windowed-serdes'
import type { Windowed } from '../windowed'
import { operator } from './abstract-stream'
import { buildAggregation, type GroupedSource } from './grouped-stream-aggregate-builder'
import { MaterializedInternal } from './materialized-internal'
import { NamedInternal, Prefix } from './names'

/** What a windowing adds to an aggregation: its store, processor and grace period. */
export interface Windowing {
  /** The window specification the runtime processor reads. */
  readonly windows: unknown
  readonly operatorName: string
  readonly graceMs: number
  /** The size time-windowed keys are deserialized with (sliding: the time difference). */
  readonly windowSizeMs: number
  /** Kafka burns a store name when count() gets an unnamed Materialized (not for sliding). */
  readonly burnsStoreNameOnCount: boolean
  store(internal: MaterializedInternal<unknown, unknown>): StoreBuilder
}

/**
 * count/reduce/aggregate over windows, shared by time, sliding and session windowed streams
 * (Kafka's TimeWindowedKStreamImpl, SlidingWindowedKStreamImpl, SessionWindowedKStreamImpl).
 */
export abstract class WindowedAggregation<K, V> {
  private emit = EmitStrategy.onWindowUpdate()

  protected constructor(protected readonly grouped: KGroupedStream<K, V>) {}

  protected abstract windowing(): Windowing

  emitStrategy(strategy: EmitStrategy): this {
    this.emit = strategy
    return this
  }

  count(
    named?: Named | Materialized<K, number>,
    materialized?: Materialized<K, number>,
  ): KTable<Windowed<K>, number> {
    const args = namedAndMaterialized(named, materialized)
    if (
      this.windowing().burnsStoreNameOnCount &&
      args.materialized !== undefined &&
      args.materialized.storeName === null
    ) {
      this.grouped.builder.newStoreName(Prefix.AGGREGATE)
    }
    return this.aggregateWith(Prefix.AGGREGATE, { count: true }, args.named, args.materialized)
  }

  reduce(
    reducer: Reducer<V>,
    named?: Named | Materialized<K, V>,
    materialized?: Materialized<K, V>,
  ): KTable<Windowed<K>, V> {
    const args = namedAndMaterialized(named, materialized)
    return this.aggregateWith(Prefix.REDUCE, { reducer }, args.named, args.materialized)
  }

  protected aggregateWith<VA>(
    prefix: string,
    parameters: Record<string, unknown>,
    named: Named | undefined,
    materialized: Materialized<K, VA> | undefined,
  ): KTable<Windowed<K>, VA> {
    const builder = this.grouped.builder
    const internal = MaterializedInternal.of(materialized, builder, prefix)
    internal.keySerde ??= this.grouped.keySerde
    // As Kafka, count() stores and emits Longs unless told otherwise.
    if (parameters['count'] === true) internal.valueSerde ??= Serdes.Long() as unknown as Serde<VA>
    // reduce keeps values of the stream's type, so it stores them with the stream's serde.
    if ('reducer' in parameters) {
      internal.valueSerde ??= this.grouped.valueSerde as unknown as Serde<VA> | null
    }
    const processorName = new NamedInternal(named?.name ?? null).orElseGenerateWithPrefix(
      builder,
      prefix,
    )
    const windowing = this.windowing()
    const store = windowing.store(internal as MaterializedInternal<unknown, unknown>)
    // As Kafka's window and session store materializers: emit-final stores are never cached.
    if (this.emit.type === 'onWindowClose') store.withCachingDisabled()
    const { node, sourceNodes } = buildAggregation(
      this.grouped as unknown as GroupedSource,
      processorName,
      store,
      operator(windowing.operatorName, {
        ...parameters,
        windows: windowing.windows,
        emitStrategy: this.emit.type,
        storeName: internal.storeName,
      }),
    )
    const innerKeySerde = internal.keySerde as Serde<K> | null
    // As Kafka, the result is keyed by windows serialized with the inner key's serde.
    const windowedKeySerde =
      innerKeySerde === null
        ? null
        : windowing.operatorName === 'KStreamSessionWindowAggregate'
          ? WindowedSerdes.sessionWindowedSerdeFrom(innerKeySerde)
          : WindowedSerdes.timeWindowedSerdeFrom(innerKeySerde, windowing.windowSizeMs)
    return new KTable<Windowed<K>, VA>(
      builder,
      processorName,
      windowedKeySerde,
      internal.valueSerde,
      sourceNodes,
      node,
      {
        kind: 'aggregate',
        storeName: internal.storeName,
        queryableStoreName: internal.queryableStoreName,
        windowed: {
          graceMs: windowing.graceMs,
          sessions: windowing.operatorName === 'KStreamSessionWindowAggregate',
        },
      },
    )
  }
}
