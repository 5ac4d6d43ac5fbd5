import type { StoreBuilder } from '../state/store-builder'
import { ChangeForwarding } from './internal/table-forwarding'
import { operator } from './internal/abstract-stream'
import type { GraphNode } from './internal/graph-node'
import { ProcessorGraphNode } from './internal/graph-nodes'
import type { InternalStreamsBuilder } from './internal/internal-streams-builder'
import { MaterializedInternal } from './internal/materialized-internal'
import { NamedInternal, Prefix } from './internal/names'
import { createRepartitionedSource } from './internal/repartition'
import type { Aggregator, Initializer, KGroupedStream } from './kgrouped-stream'
import { namedAndMaterialized } from './kgrouped-stream'
import { KTable } from './ktable'
import type { Materialized } from './materialized'
import type { Named } from './named'
import type { Merger } from './session-windowed-kstream'
import type { Windowed } from './windowed'
import { SessionWindows, TimeWindows, type SlidingWindows } from './windows'

type Windowing = TimeWindows | SlidingWindows | SessionWindows | null

/**
 * Several grouped streams aggregated into one table, as Kafka's `CogroupedKStream`: one
 * `COGROUPKSTREAM-AGGREGATE-` processor per input sharing the store, then a merge.
 */
export class CogroupedKStream<K, VA> {
  private readonly groupPatterns = new Map<KGroupedStream<K, unknown>, Aggregator<K, unknown, VA>>()
  /**
   * Repartition (or input) node per grouped stream, shared by every aggregate of this
   * cogroup, as Kafka's CogroupedStreamAggregateBuilder keeps it across calls.
   */
  private readonly parents = new Map<KGroupedStream<K, unknown>, GraphNode>()

  constructor(private readonly builder: InternalStreamsBuilder) {}

  cogroup<V>(grouped: KGroupedStream<K, V>, aggregator: Aggregator<K, V, VA>): this {
    this.groupPatterns.set(
      grouped as KGroupedStream<K, unknown>,
      aggregator as Aggregator<K, unknown, VA>,
    )
    return this
  }

  aggregate(
    initializer: Initializer<VA>,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<K, VA> {
    const args = namedAndMaterialized(named, materialized)
    const internal = MaterializedInternal.of(
      args.materialized,
      this.builder,
      Prefix.COGROUP_AGGREGATE,
    )
    return buildCogroup(
      this.builder,
      this.groupPatterns,
      this.parents,
      initializer,
      args.named,
      internal,
      internal.keyValueStore(),
      null,
      null,
    )
  }

  windowedBy(windows: TimeWindows | SlidingWindows): TimeWindowedCogroupedKStream<K, VA>
  windowedBy(windows: SessionWindows): SessionWindowedCogroupedKStream<K, VA>
  windowedBy(
    windows: TimeWindows | SlidingWindows | SessionWindows,
  ): TimeWindowedCogroupedKStream<K, VA> | SessionWindowedCogroupedKStream<K, VA> {
    return windows instanceof SessionWindows
      ? new SessionWindowedCogroupedKStream(this.builder, this.groupPatterns, windows, this.parents)
      : new TimeWindowedCogroupedKStream(this.builder, this.groupPatterns, windows, this.parents)
  }
}

export class TimeWindowedCogroupedKStream<K, VA> {
  constructor(
    private readonly builder: InternalStreamsBuilder,
    private readonly groupPatterns: Map<KGroupedStream<K, unknown>, Aggregator<K, unknown, VA>>,
    private readonly windows: TimeWindows | SlidingWindows,
    private readonly parents: Map<KGroupedStream<K, unknown>, GraphNode>,
  ) {}

  aggregate(
    initializer: Initializer<VA>,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<Windowed<K>, VA> {
    const args = namedAndMaterialized(named, materialized)
    const internal = MaterializedInternal.of(
      args.materialized,
      this.builder,
      Prefix.COGROUP_AGGREGATE,
    )
    const w = this.windows
    const size = w instanceof TimeWindows ? w.sizeMs : w.timeDifferenceMs
    const retention = internal.retentionOr(
      w instanceof TimeWindows ? w.sizeMs + w.graceMs : 2 * w.timeDifferenceMs + w.graceMs,
    )
    return buildCogroup(
      this.builder,
      this.groupPatterns,
      this.parents,
      initializer,
      args.named,
      internal,
      internal.windowStore(size, retention),
      w,
      null,
    ) as unknown as KTable<Windowed<K>, VA>
  }
}

export class SessionWindowedCogroupedKStream<K, VA> {
  constructor(
    private readonly builder: InternalStreamsBuilder,
    private readonly groupPatterns: Map<KGroupedStream<K, unknown>, Aggregator<K, unknown, VA>>,
    private readonly windows: SessionWindows,
    private readonly parents: Map<KGroupedStream<K, unknown>, GraphNode>,
  ) {}

  aggregate(
    initializer: Initializer<VA>,
    sessionMerger: Merger<K, VA>,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<Windowed<K>, VA> {
    const args = namedAndMaterialized(named, materialized)
    const internal = MaterializedInternal.of(
      args.materialized,
      this.builder,
      Prefix.COGROUP_AGGREGATE,
    )
    const store = internal.sessionStore(
      internal.retentionOr(this.windows.inactivityGapMs + this.windows.graceMs),
    )
    return buildCogroup(
      this.builder,
      this.groupPatterns,
      this.parents,
      initializer,
      args.named,
      internal,
      store,
      this.windows,
      sessionMerger,
    ) as unknown as KTable<Windowed<K>, VA>
  }
}

function buildCogroup<K, VA>(
  builder: InternalStreamsBuilder,
  groupPatterns: Map<KGroupedStream<K, unknown>, Aggregator<K, unknown, VA>>,
  parents: Map<KGroupedStream<K, unknown>, GraphNode>,
  initializer: Initializer<VA>,
  named: Named | undefined,
  internal: MaterializedInternal<K, VA>,
  store: StoreBuilder<K, VA>,
  windows: Windowing,
  sessionMerger: Merger<K, VA> | null,
): KTable<K, VA> {
  if (groupPatterns.size === 0) throw new TypeError('cogroup() needs at least one grouped stream')
  for (const grouped of groupPatterns.keys()) {
    if (grouped.repartitionRequired) {
      const repartition = createRepartitionedSource(
        builder,
        'optimizable',
        grouped.userProvidedRepartitionTopicName ?? internal.storeName,
        { keySerde: grouped.keySerde, valueSerde: grouped.valueSerde },
      )
      if (!parents.has(grouped)) {
        builder.addGraphNode(grouped.graphNode, repartition)
        parents.set(grouped, repartition)
      }
    } else {
      parents.set(grouped, grouped.graphNode)
    }
  }
  // As Kafka's CogroupedStreamAggregateBuilder: the grouped streams' own source nodes must be
  // co-partitioned, whether or not a repartition topic follows them.
  builder.topologyBuilder.copartitionSources(
    [...new Set([...groupPatterns.keys()].flatMap((grouped) => grouped.subTopologySourceNodes))],
    builder.currentOrigin,
  )
  const namedInternal = new NamedInternal(named?.name ?? null)
  const processors: ProcessorGraphNode[] = []
  let counter = 0
  // The aggregating processors forward the table's changes, so they share its flag.
  const forwarding = new ChangeForwarding()
  for (const [grouped, aggregator] of groupPatterns) {
    const name = namedInternal.suffixWithOrElseGet(
      `-cogroup-agg-${counter++}`,
      builder,
      Prefix.COGROUP_AGGREGATE,
    )
    const node = new ProcessorGraphNode(
      name,
      operator('KStreamCogroupAggregate', {
        initializer,
        aggregator,
        windows,
        sessionMerger,
        storeName: internal.storeName,
        forwarding,
      }),
      [],
      [store],
    )
    processors.push(node)
    builder.addGraphNode(parents.get(grouped) as GraphNode, node)
  }
  const mergeName = namedInternal.suffixWithOrElseGet(
    '-cogroup-merge',
    builder,
    Prefix.COGROUP_MERGE,
  )
  const merge = new ProcessorGraphNode(
    mergeName,
    operator('KTablePassThrough', { storeName: internal.storeName, forwarding }),
  )
  builder.addGraphNode(processors, merge)
  // As Kafka's GraphGraceSearchUtil: a session can grow until gap after its end.
  const graceMs =
    windows === null
      ? null
      : windows instanceof SessionWindows
        ? windows.graceMs + windows.inactivityGapMs
        : windows.graceMs
  return new KTable(
    builder,
    mergeName,
    internal.keySerde,
    internal.valueSerde,
    [mergeName],
    merge,
    {
      kind: 'aggregate',
      storeName: internal.storeName,
      queryableStoreName: internal.queryableStoreName,
      windowed: graceMs === null ? null : { graceMs, sessions: windows instanceof SessionWindows },
    },
  )
}
