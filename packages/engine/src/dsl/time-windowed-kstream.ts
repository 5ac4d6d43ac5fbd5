import { WindowedAggregation, type Windowing } from './internal/windowed-aggregation'
import { Prefix } from './internal/names'
import type { Aggregator, Initializer, KGroupedStream } from './kgrouped-stream'
import { namedAndMaterialized } from './kgrouped-stream'
import type { KTable } from './ktable'
import type { Materialized } from './materialized'
import type { Named } from './named'
import type { Windowed } from './windowed'
import { TimeWindows, type SlidingWindows } from './windows'

/**
 * A grouped stream over time (tumbling, hopping) or sliding windows, as Kafka's
 * `TimeWindowedKStream`. Results are keyed by `Windowed<K>`.
 */
export class TimeWindowedKStream<K, V> extends WindowedAggregation<K, V> {
  constructor(
    grouped: KGroupedStream<K, V>,
    readonly windows: TimeWindows | SlidingWindows,
  ) {
    super(grouped)
  }

  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: Aggregator<K, V, VA>,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<Windowed<K>, VA> {
    const args = namedAndMaterialized(named, materialized)
    return this.aggregateWith(
      Prefix.AGGREGATE,
      { initializer, aggregator },
      args.named,
      args.materialized,
    )
  }

  protected windowing(): Windowing {
    const windows = this.windows
    const timeWindows = windows instanceof TimeWindows
    const sizeMs = timeWindows ? windows.sizeMs : windows.timeDifferenceMs
    const minimumRetention = timeWindows
      ? windows.sizeMs + windows.graceMs
      : 2 * windows.timeDifferenceMs + windows.graceMs
    return {
      windows,
      operatorName: timeWindows ? 'KStreamWindowAggregate' : 'KStreamSlidingWindowAggregate',
      graceMs: windows.graceMs,
      windowSizeMs: sizeMs,
      burnsStoreNameOnCount: timeWindows,
      store(internal) {
        const retentionMs = internal.retentionOr(minimumRetention)
        if (retentionMs < minimumRetention) {
          throw new RangeError(
            `The retention period of the window store ${internal.storeName} must be no smaller than its window size plus the grace period. Got size=[${sizeMs}], grace=[${windows.graceMs}], retention=[${retentionMs}]`,
          )
        }
        return internal.windowStore(sizeMs, retentionMs)
      },
    }
  }
}
