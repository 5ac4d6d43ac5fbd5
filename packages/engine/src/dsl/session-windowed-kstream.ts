import { operator } from './internal/abstract-stream'
import { buildAggregation, type GroupedSource } from './internal/grouped-stream-aggregate-builder'
import { MaterializedInternal } from './internal/materialized-internal'
import { NamedInternal, Prefix } from './internal/names'
import type { Aggregator, Initializer, KGroupedStream, Reducer } from './kgrouped-stream'
import { namedAndMaterialized } from './kgrouped-stream'
import { KTable } from './ktable'
import type { Materialized } from './materialized'
import type { Named } from './named'
import { EmitStrategy } from './time-windowed-kstream'
import type { Windowed } from './windowed'
import type { SessionWindows } from './windows'

export type Merger<K, VA> = (key: K, aggregate1: VA, aggregate2: VA) => VA

/** A grouped stream over session windows, as Kafka's `SessionWindowedKStream`. */
export class SessionWindowedKStream<K, V> {
  private emit = EmitStrategy.onWindowUpdate()

  constructor(
    private readonly grouped: KGroupedStream<K, V>,
    readonly windows: SessionWindows,
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
    if (args.materialized !== undefined && args.materialized.storeName === null) {
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
    sessionMerger: Merger<K, VA>,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<Windowed<K>, VA> {
    const args = namedAndMaterialized(named, materialized)
    return this.aggregateInternal(
      Prefix.AGGREGATE,
      { initializer, aggregator, sessionMerger },
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
    const minimumRetention = this.windows.inactivityGapMs + this.windows.graceMs
    const retentionMs = internal.retentionOr(minimumRetention)
    if (retentionMs < minimumRetention) {
      throw new RangeError(
        `The retention period of the session store ${internal.storeName} must be no smaller than the session inactivity gap plus the grace period. Got gap=[${this.windows.inactivityGapMs}], grace=[${this.windows.graceMs}], retention=[${retentionMs}]`,
      )
    }
    const { node, sourceNodes } = buildAggregation(
      this.grouped as unknown as GroupedSource,
      processorName,
      internal.sessionStore(retentionMs) as never,
      operator('KStreamSessionWindowAggregate', {
        ...parameters,
        windows: this.windows,
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
        windowed: { graceMs: this.windows.graceMs },
      },
    )
  }
}
