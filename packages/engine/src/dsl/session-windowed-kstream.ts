import { WindowedAggregation, type Windowing } from './internal/windowed-aggregation'
import { Prefix } from './internal/names'
import type { Aggregator, Initializer, KGroupedStream } from './kgrouped-stream'
import { namedAndMaterialized } from './kgrouped-stream'
import type { KTable } from './ktable'
import type { Materialized } from './materialized'
import type { Named } from './named'
import type { Windowed } from './windowed'
import type { SessionWindows } from './windows'

export type Merger<K, VA> = (key: K, aggregate1: VA, aggregate2: VA) => VA

/** A grouped stream over session windows, as Kafka's `SessionWindowedKStream`. */
export class SessionWindowedKStream<K, V> extends WindowedAggregation<K, V> {
  constructor(
    grouped: KGroupedStream<K, V>,
    readonly windows: SessionWindows,
  ) {
    super(grouped)
  }

  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: Aggregator<K, V, VA>,
    sessionMerger: Merger<K, VA>,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<Windowed<K>, VA> {
    const args = namedAndMaterialized(named, materialized)
    return this.aggregateWith(
      Prefix.AGGREGATE,
      { initializer, aggregator, sessionMerger },
      args.named,
      args.materialized,
    )
  }

  protected windowing(): Windowing {
    const { inactivityGapMs, graceMs } = this.windows
    const minimumRetention = inactivityGapMs + graceMs
    return {
      windows: this.windows,
      operatorName: 'KStreamSessionWindowAggregate',
      // As Kafka's GraphGraceSearchUtil: a session can grow until gap after its end.
      graceMs: graceMs + inactivityGapMs,
      windowSizeMs: 0,
      burnsStoreNameOnCount: true,
      store(internal) {
        const retentionMs = internal.retentionOr(minimumRetention)
        if (retentionMs < minimumRetention) {
          throw new RangeError(
            `The retention period of the session store ${internal.storeName} must be no smaller than the session inactivity gap plus the grace period. Got gap=[${inactivityGapMs}], grace=[${graceMs}], retention=[${retentionMs}]`,
          )
        }
        return internal.sessionStore(retentionMs)
      },
    }
  }
}
