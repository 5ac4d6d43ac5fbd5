import { operator } from './internal/abstract-stream'
import { buildAggregation, type GroupedSource } from './internal/grouped-stream-aggregate-builder'
import { MaterializedInternal } from './internal/materialized-internal'
import { NamedInternal, Prefix } from './internal/names'
import type { Aggregator, Initializer, KGroupedStream, Reducer } from './kgrouped-stream'
import { namedAndMaterialized } from './kgrouped-stream'
import { KTable } from './ktable'
import type { Materialized } from './materialized'
import type { Named } from './named'
import type { Windowed } from './windowed'
import { TimeWindows, type SlidingWindows } from './windows'

/** When a windowed aggregation emits: on every update (default) or once per closed window. */
export class EmitStrategy {
  private constructor(readonly type: 'onWindowUpdate' | 'onWindowClose') {}

  static onWindowUpdate(): EmitStrategy {
    return new EmitStrategy('onWindowUpdate')
  }

  static onWindowClose(): EmitStrategy {
    return new EmitStrategy('onWindowClose')
  }
}

/**
 * A grouped stream over time (tumbling, hopping) or sliding windows, as Kafka's
 * `TimeWindowedKStream`. Results are keyed by `Windowed<K>`.
 */
export class TimeWindowedKStream<K, V> {
  private emit = EmitStrategy.onWindowUpdate()

  constructor(
    private readonly grouped: KGroupedStream<K, V>,
    readonly windows: TimeWindows | SlidingWindows,
  ) {}

  emitStrategy(strategy: EmitStrategy): this {
    this.emit = strategy
    return this
  }

  count(
    named?: Named | Materialized<K, number>,
    materialized?: Materialized<K, number>,
  ): KTable<Windowed<K>, number> {
    const args = namedAndMaterialized(named, materialized)
    // Kafka keeps burning a store name here for compatibility, except for sliding windows.
    if (
      this.windows instanceof TimeWindows &&
      args.materialized !== undefined &&
      args.materialized.storeName === null
    ) {
      this.grouped.builder.newStoreName(Prefix.AGGREGATE)
    }
    return this.aggregateInternal(Prefix.AGGREGATE, { count: true }, args.named, args.materialized)
  }

  reduce(
    reducer: Reducer<V>,
    named?: Named | Materialized<K, V>,
    materialized?: Materialized<K, V>,
  ): KTable<Windowed<K>, V> {
    const args = namedAndMaterialized(named, materialized)
    return this.aggregateInternal(Prefix.REDUCE, { reducer }, args.named, args.materialized)
  }

  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: Aggregator<K, V, VA>,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<Windowed<K>, VA> {
    const args = namedAndMaterialized(named, materialized)
    return this.aggregateInternal(
      Prefix.AGGREGATE,
      { initializer, aggregator },
      args.named,
      args.materialized,
    )
  }

  private aggregateInternal<VA>(
    prefix: string,
    parameters: Record<string, unknown>,
    named: Named | undefined,
    materialized: Materialized<K, VA> | undefined,
  ): KTable<Windowed<K>, VA> {
    const builder = this.grouped.builder
    const internal = MaterializedInternal.of(materialized, builder, prefix)
    internal.keySerde ??= this.grouped.keySerde
    const processorName = new NamedInternal(named?.name ?? null).orElseGenerateWithPrefix(
      builder,
      prefix,
    )
    const windows = this.windows
    const sizeMs = windows instanceof TimeWindows ? windows.sizeMs : windows.timeDifferenceMs
    const minimumRetention =
      windows instanceof TimeWindows
        ? windows.sizeMs + windows.graceMs
        : 2 * windows.timeDifferenceMs + windows.graceMs
    const retentionMs = internal.retentionOr(minimumRetention)
    if (retentionMs < minimumRetention) {
      throw new RangeError(
        `The retention period of the window store ${internal.storeName} must be no smaller than its window size plus the grace period. Got size=[${sizeMs}], grace=[${windows.graceMs}], retention=[${retentionMs}]`,
      )
    }
    const store = internal.windowStore(sizeMs, retentionMs)
    const operatorName =
      windows instanceof TimeWindows ? 'KStreamWindowAggregate' : 'KStreamSlidingWindowAggregate'
    const { node, sourceNodes } = buildAggregation(
      this.grouped as unknown as GroupedSource,
      processorName,
      store as never,
      operator(operatorName, {
        ...parameters,
        windows,
        emitStrategy: this.emit.type,
        storeName: internal.storeName,
      }),
    )
    return new KTable<Windowed<K>, VA>(
      builder,
      processorName,
      null,
      internal.valueSerde,
      sourceNodes,
      node,
      {
        kind: 'aggregate',
        storeName: internal.storeName,
        queryableStoreName: internal.queryableStoreName,
        windowed: { graceMs: windows.graceMs },
      },
    )
  }
}
