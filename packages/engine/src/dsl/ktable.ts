// The KTable DSL, mirroring KTableImpl: lazy materialization of source tables, value-getter
// stores read by joins, old-value forwarding requested by groupBy and outer joins.
import type { Serde } from '../serde/serde'
import { Serdes } from '../serde/serdes'
import { Grouped } from './grouped'
import { AbstractStream, operator, union } from './internal/abstract-stream'
import type { GraphNode } from './internal/graph-node'
import {
  ProcessorGraphNode,
  TableTableJoinNode,
  type TableSourceMaterialization,
} from './internal/graph-nodes'
import type { InternalStreamsBuilder } from './internal/internal-streams-builder'
import { MaterializedInternal } from './internal/materialized-internal'
import { NamedInternal, Prefix } from './internal/names'
import { KGroupedTable } from './kgrouped-table'
import type { KeyValue } from './key-value'
import { KStream, type KeyValueMapper, type ValueJoiner } from './kstream'
import { Materialized } from './materialized'
import { Named } from './named'
import type { Suppressed } from './suppressed'
import { TableJoined } from './table-joined'
import { foreignKeyJoin } from './internal/foreign-key-join'
import { StoreBuilder } from '../state/store-builder'
import { Stores } from '../state/stores'
import { TopologyException } from '../topology/topology-exception'
import type { ProcessorLogic } from '../topology/node-factory'
import { attachForwarding, type ChangeForwarding } from './internal/table-forwarding'
import type { TableValueGetter } from './internal/table-value-getter'

/** Where a table's values come from, which decides what its value getter reads. */
export type TableOrigin =
  | { kind: 'source'; materialization: TableSourceMaterialization }
  | {
      kind: 'aggregate'
      storeName: string
      /** The store name if the user gave one (only then is it queryable). */
      queryableStoreName: string | null
      /** `sessions`: keys are session windows (Kafka's session-windowed key layout). */
      windowed: { graceMs: number; sessions?: boolean } | null
    }
  | { kind: 'transform'; parent: KTable<unknown, unknown>; queryableStoreName: string | null }
  | {
      kind: 'join'
      left: KTable<unknown, unknown>
      right: KTable<unknown, unknown>
      storeName: string | null
    }
  | { kind: 'suppress'; parent: KTable<unknown, unknown>; storeName: string }

/** A changelog stream, mirroring Kafka Streams' `KTable`. */
export class KTable<K = unknown, V = unknown> extends AbstractStream<K, V> {
  private readonly forwarding: ChangeForwarding

  constructor(
    builder: InternalStreamsBuilder,
    name: string,
    keySerde: Serde<K> | null,
    valueSerde: Serde<V> | null,
    subTopologySourceNodes: readonly string[],
    graphNode: GraphNode,
    /** @internal */ readonly origin: TableOrigin,
  ) {
    super(builder, name, keySerde, valueSerde, subTopologySourceNodes, graphNode)
    this.forwarding = attachForwarding(graphNode)
  }

  /** The store name a user can query, if this table is materialized under a given name. */
  queryableStoreName(): string | null {
    switch (this.origin.kind) {
      case 'source':
        return this.origin.materialization.queryableName
      case 'transform':
        return this.origin.queryableStoreName
      case 'aggregate':
        return this.origin.queryableStoreName
      case 'join':
        return this.origin.storeName
      case 'suppress':
        return null
    }
  }

  /** @internal The stores a join reads to look up this table's current value. */
  valueGetterStoreNames(): string[] {
    const origin = this.origin
    switch (origin.kind) {
      case 'source':
        origin.materialization.materialize()
        return [origin.materialization.storeName]
      case 'aggregate':
        return [origin.storeName]
      case 'transform':
        return origin.queryableStoreName !== null
          ? [origin.queryableStoreName]
          : origin.parent.valueGetterStoreNames()
      case 'join':
        return origin.storeName !== null
          ? [origin.storeName]
          : [...origin.left.valueGetterStoreNames(), ...origin.right.valueGetterStoreNames()]
      case 'suppress':
        return [origin.storeName, ...origin.parent.valueGetterStoreNames()]
    }
  }

  /** @internal How a join or lookup reads this table's current value for a key. */
  valueGetter(): TableValueGetter {
    const origin = this.origin
    const op = (this.graphNode as { logic?: ProcessorLogic }).logic
    const params = op?.kind === 'operator' ? op.operator : null
    switch (origin.kind) {
      case 'source':
        origin.materialization.materialize()
        return { kind: 'store', storeName: origin.materialization.storeName }
      case 'aggregate':
        return { kind: 'store', storeName: origin.storeName }
      case 'transform': {
        if (origin.queryableStoreName !== null) {
          return { kind: 'store', storeName: origin.queryableStoreName }
        }
        const parent = origin.parent.valueGetter()
        if (params?.operator === 'KTableFilter') {
          return {
            kind: 'filter',
            parent,
            predicate: params['predicate'] as (key: unknown, value: unknown) => boolean,
            negate: params['negate'] === true,
          }
        }
        return {
          kind: 'mapValues',
          parent,
          mapper: params?.['mapper'] as (key: unknown, value: unknown) => unknown,
        }
      }
      case 'join': {
        if (origin.storeName !== null) return { kind: 'store', storeName: origin.storeName }
        const join = this.graphNode as TableTableJoinNode
        const thisJoin = join.thisJoin.logic
        const joinParams = thisJoin.kind === 'operator' ? thisJoin.operator : null
        return {
          kind: 'join',
          joinKind: joinParams?.['kind'] as 'inner' | 'left' | 'outer',
          left: origin.left.valueGetter(),
          right: origin.right.valueGetter(),
          joiner: joinParams?.['joiner'] as ValueJoiner<unknown, unknown, unknown>,
        }
      }
      case 'suppress':
        return {
          kind: 'suppress',
          storeName: origin.storeName,
          parent: origin.parent.valueGetter(),
        }
    }
  }

  /** @internal Asks upstream to forward old values; may force a source table's store. */
  enableSendingOldValues(forceMaterialization: boolean): boolean {
    if (this.forwarding.sendOldValues) return true
    const origin = this.origin
    switch (origin.kind) {
      case 'source':
        if (!forceMaterialization && !origin.materialization.isMaterialized()) return false
        origin.materialization.materialize()
        break
      case 'aggregate':
        break
      case 'transform':
        if (
          origin.queryableStoreName === null &&
          !origin.parent.enableSendingOldValues(forceMaterialization)
        ) {
          return false
        }
        break
      case 'join':
        origin.left.enableSendingOldValues(true)
        origin.right.enableSendingOldValues(true)
        break
      case 'suppress':
        if (!origin.parent.enableSendingOldValues(forceMaterialization)) return false
        break
    }
    this.forwarding.sendOldValues = true
    return true
  }

  /** @internal The grace period of the windowed aggregation upstream, for `untilWindowCloses`. */
  windowedGrace(): number | null {
    return this.windowedAggregation()?.graceMs ?? null
  }

  /** @internal The windowed aggregation upstream, if any. */
  windowedAggregation(): { graceMs: number; sessions?: boolean } | null {
    const origin = this.origin
    if (origin.kind === 'aggregate') return origin.windowed
    if (origin.kind === 'transform' || origin.kind === 'suppress')
      return origin.parent.windowedAggregation()
    return null
  }

  filter(
    predicate: (key: K, value: V) => boolean,
    named?: Named | Materialized<K, V>,
    materialized?: Materialized<K, V>,
  ): KTable<K, V> {
    return this.transform(
      Prefix.KTABLE_FILTER,
      'KTableFilter',
      { predicate, negate: false },
      named,
      materialized,
      this.valueSerde,
    )
  }

  filterNot(
    predicate: (key: K, value: V) => boolean,
    named?: Named | Materialized<K, V>,
    materialized?: Materialized<K, V>,
  ): KTable<K, V> {
    return this.transform(
      Prefix.KTABLE_FILTER,
      'KTableFilter',
      { predicate, negate: true },
      named,
      materialized,
      this.valueSerde,
    )
  }

  mapValues<VR>(
    mapper: ((value: V) => VR) | ((key: K, value: V) => VR),
    named?: Named | Materialized<K, VR>,
    materialized?: Materialized<K, VR>,
  ): KTable<K, VR> {
    return this.transform(
      Prefix.KTABLE_MAPVALUES,
      'KTableMapValues',
      { mapper },
      named,
      materialized,
      null,
    )
  }

  private transform<VR>(
    prefix: string,
    operatorName: string,
    parameters: Record<string, unknown>,
    namedOrMaterialized: Named | Materialized<K, VR> | undefined,
    materializedArg: Materialized<K, VR> | undefined,
    inheritedValueSerde: Serde<unknown> | null,
  ): KTable<K, VR> {
    const named = namedOrMaterialized instanceof Named ? namedOrMaterialized : undefined
    const materialized =
      namedOrMaterialized instanceof Materialized ? namedOrMaterialized : materializedArg
    let storeBuilder: StoreBuilder | null = null
    let queryable: string | null = null
    let keySerde = this.keySerde
    let valueSerde = inheritedValueSerde as Serde<VR> | null
    if (materialized !== undefined) {
      // Kafka burns a store name before the processor name when the Materialized is unnamed.
      if (materialized.storeName === null) this.builder.newStoreName(prefix)
      const internal = new MaterializedInternal(materialized, null, prefix)
      keySerde = (internal.keySerde ?? this.keySerde) as Serde<K> | null
      valueSerde = internal.valueSerde ?? valueSerde
      queryable = internal.queryableStoreName
      if (queryable !== null) {
        internal.keySerde = keySerde as Serde<K> | null
        internal.valueSerde = valueSerde
        storeBuilder = internal.keyValueStore() as StoreBuilder
      }
    }
    const name = new NamedInternal(named?.name ?? null).orElseGenerateWithPrefix(
      this.builder,
      prefix,
    )
    const node = new ProcessorGraphNode(
      name,
      operator(operatorName, { ...parameters, queryableStoreName: queryable }),
      [],
      storeBuilder === null ? [] : [storeBuilder],
    )
    this.builder.addGraphNode(this.graphNode, node)
    const table = new KTable<K, VR>(
      this.builder,
      name,
      keySerde,
      valueSerde,
      this.subTopologySourceNodes,
      node,
      {
        kind: 'transform',
        parent: this as KTable<unknown, unknown>,
        queryableStoreName: queryable,
      },
    )
    // As Kafka's KTableFilter: over an already materialized table the filter asks for old
    // values, so updates failing the predicate before and after forward no tombstone.
    if (operatorName === 'KTableFilter' && this.enableSendingOldValues(false)) {
      table.forwarding.sendOldValues = true
    }
    return table
  }

  /** The changelog as a stream; with a key mapper this is `toStream().selectKey(mapper)`. */
  toStream(named?: Named): KStream<K, V>
  toStream<KR>(mapper: KeyValueMapper<K, V, KR>, named?: Named): KStream<KR, V>
  toStream(
    namedOrMapper?: Named | KeyValueMapper<K, V, unknown>,
    named?: Named,
  ): KStream<K, V> | KStream<unknown, V> {
    if (typeof namedOrMapper === 'function') return this.toStream(named).selectKey(namedOrMapper)
    const name = new NamedInternal(namedOrMapper?.name ?? null).orElseGenerateWithPrefix(
      this.builder,
      Prefix.KTABLE_TOSTREAM,
    )
    const node = new ProcessorGraphNode(name, operator('KTableToStream'))
    this.builder.addGraphNode(this.graphNode, node)
    return new KStream(
      this.builder,
      name,
      this.keySerde,
      this.valueSerde,
      this.subTopologySourceNodes,
      false,
      node,
    )
  }

  /**
   * Table–table join on the key, or (with a foreign-key extractor before the joiner) a
   * foreign-key join: `join(other, (value) => foreignKey, joiner, TableJoined?, Materialized?)`.
   */
  join<VO, VR>(
    other: KTable<K, VO>,
    joiner: ValueJoiner<V, VO, VR>,
    named?: Named | Materialized<K, VR>,
    materialized?: Materialized<K, VR>,
  ): KTable<K, VR>
  join<KO, VO, VR>(
    other: KTable<KO, VO>,
    foreignKeyExtractor: ((value: V) => KO) | ((key: K, value: V) => KO),
    joiner: ValueJoiner<V, VO, VR>,
    tableJoined?: TableJoined<K, NoInfer<KO>> | Materialized<K, VR>,
    materialized?: Materialized<K, VR>,
  ): KTable<K, VR>
  // Overload implementations see every variant; the public signatures above stay typed.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  join(other: any, ...args: unknown[]): any {
    return this.joinOverloads('inner', other as KTable<unknown, unknown>, args)
  }

  leftJoin<VO, VR>(
    other: KTable<K, VO>,
    joiner: ValueJoiner<V, VO, VR>,
    named?: Named | Materialized<K, VR>,
    materialized?: Materialized<K, VR>,
  ): KTable<K, VR>
  leftJoin<KO, VO, VR>(
    other: KTable<KO, VO>,
    foreignKeyExtractor: ((value: V) => KO) | ((key: K, value: V) => KO),
    joiner: ValueJoiner<V, VO, VR>,
    tableJoined?: TableJoined<K, NoInfer<KO>> | Materialized<K, VR>,
    materialized?: Materialized<K, VR>,
  ): KTable<K, VR>
  // Overload implementations see every variant; the public signatures above stay typed.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  leftJoin(other: any, ...args: unknown[]): any {
    return this.joinOverloads('left', other as KTable<unknown, unknown>, args)
  }

  private joinOverloads(
    kind: 'inner' | 'left',
    other: KTable<unknown, unknown>,
    args: unknown[],
  ): KTable<K, unknown> {
    if (typeof args[1] !== 'function') {
      return this.doJoin(
        kind,
        other as KTable<K, unknown>,
        args[0] as ValueJoiner<V, unknown, unknown>,
        args[1] as Named | Materialized<K, unknown> | undefined,
        args[2] as Materialized<K, unknown> | undefined,
      )
    }
    const [extractor, joiner, third, fourth] = args
    const materialized = (third instanceof Materialized ? third : fourth) as
      Materialized<unknown, unknown> | undefined
    const result = foreignKeyJoin(
      this as KTable<unknown, unknown>,
      other,
      extractor as (...a: unknown[]) => unknown,
      joiner as (...a: unknown[]) => unknown,
      third instanceof TableJoined ? (third as TableJoined<unknown, unknown>) : undefined,
      materialized,
      kind === 'left',
    )
    const origin: TableOrigin = { kind: 'source', materialization: result.materialization }
    return new KTable(
      this.builder,
      result.name,
      result.keySerde as Serde<K> | null,
      result.valueSerde,
      result.sourceNodes,
      result.node,
      origin,
    )
  }

  outerJoin<VO, VR>(
    other: KTable<K, VO>,
    joiner: ValueJoiner<V, VO, VR>,
    named?: Named | Materialized<K, VR>,
    materialized?: Materialized<K, VR>,
  ): KTable<K, VR> {
    return this.doJoin('outer', other, joiner, named, materialized)
  }

  private doJoin<VO, VR>(
    kind: 'inner' | 'left' | 'outer',
    other: KTable<K, VO>,
    joiner: ValueJoiner<V, VO, VR>,
    namedOrMaterialized: Named | Materialized<K, VR> | undefined,
    materializedArg: Materialized<K, VR> | undefined,
  ): KTable<K, VR> {
    if (!(other instanceof KTable))
      throw new TypeError('A KTable can only be joined with another KTable')
    const named = namedOrMaterialized instanceof Named ? namedOrMaterialized : undefined
    const materialized =
      namedOrMaterialized instanceof Materialized ? namedOrMaterialized : materializedArg
    const materializedInternal =
      materialized === undefined
        ? null
        : new MaterializedInternal(materialized, this.builder, Prefix.KTABLE_MERGE)
    const renamed = new NamedInternal(named?.name ?? null)
    const mergeName = renamed.orElseGenerateWithPrefix(this.builder, Prefix.KTABLE_MERGE)
    const sources = union(this.subTopologySourceNodes, other.subTopologySourceNodes)
    if (kind !== 'inner') this.enableSendingOldValues(true)
    if (kind === 'outer') other.enableSendingOldValues(true)
    const joinThisName = renamed.suffixWithOrElseGet(
      '-join-this',
      this.builder,
      Prefix.KTABLE_JOINTHIS,
    )
    const joinOtherName = renamed.suffixWithOrElseGet(
      '-join-other',
      this.builder,
      Prefix.KTABLE_JOINOTHER,
    )
    let resultStore: StoreBuilder | null = null
    let keySerde = this.keySerde
    let valueSerde: Serde<VR> | null = null
    if (materializedInternal !== null) {
      materializedInternal.keySerde ??= this.keySerde as Serde<K> | null
      keySerde = materializedInternal.keySerde as Serde<K> | null
      valueSerde = materializedInternal.valueSerde
      resultStore = materializedInternal.keyValueStore() as StoreBuilder
    }
    const thisStores = this.valueGetterStoreNames()
    const otherStores = other.valueGetterStoreNames()
    const node = new TableTableJoinNode(
      mergeName,
      operator('KTableKTableJoinMerger', { storeName: resultStore?.name ?? null }),
      {
        name: joinThisName,
        logic: operator('KTableKTableJoin', {
          kind,
          side: 'this',
          joiner,
          otherStoreNames: otherStores,
          otherValueGetter: other.valueGetter(),
        }),
      },
      {
        name: joinOtherName,
        logic: operator('KTableKTableJoin', {
          kind,
          side: 'other',
          joiner,
          otherStoreNames: thisStores,
          otherValueGetter: this.valueGetter(),
        }),
      },
      this.name,
      other.name,
      thisStores,
      otherStores,
      resultStore,
      sources,
    )
    this.builder.addGraphNode(this.graphNode, node)
    this.builder.addGraphNode(other.graphNode, node)
    return new KTable(this.builder, mergeName, keySerde, valueSerde, sources, node, {
      kind: 'join',
      left: this as KTable<unknown, unknown>,
      right: other as KTable<unknown, unknown>,
      storeName: resultStore?.name ?? null,
    })
  }

  /** Re-groups the table by a new key; updates become a subtract and an add. */
  groupBy<KR, VR>(
    selector: KeyValueMapper<K, V, KeyValue<KR, VR>>,
    grouped?: Grouped<KR, VR>,
  ): KGroupedTable<KR, VR> {
    const g = grouped ?? Grouped.with<KR, VR>(null, null)
    const selectName = new NamedInternal(g.name).orElseGenerateWithPrefix(
      this.builder,
      Prefix.KTABLE_SELECT,
    )
    const node = new ProcessorGraphNode(selectName, operator('KTableRepartitionMap', { selector }))
    this.builder.addGraphNode(this.graphNode, node)
    this.enableSendingOldValues(true)
    return new KGroupedTable(this.builder, selectName, this.subTopologySourceNodes, node, g)
  }

  /** Holds back updates until a window closes or a time limit passes. */
  suppress(suppressed: Suppressed): KTable<K, V> {
    const name = suppressed.name ?? this.builder.newProcessorName(Prefix.KTABLE_SUPPRESS)
    const storeName =
      suppressed.name !== null
        ? `${suppressed.name}-store`
        : this.builder.newStoreName(Prefix.KTABLE_SUPPRESS)
    const graceMs = this.windowedGrace()
    if (suppressed.mode === 'untilWindowCloses' && graceMs === null) {
      // Kafka raises this from GraphGraceSearchUtil when the topology is built.
      throw new TopologyException(
        `Window close time is only defined for windowed computations. Got [${name}]: suppress(untilWindowCloses) needs the result of a windowed aggregation upstream.`,
      )
    }
    // The buffer logs serialized keys and Kafka's buffer values; the processor serializes
    // with the table's serdes.
    const store = new StoreBuilder(
      Stores.inMemoryKeyValueStore(storeName),
      'keyValue',
      Serdes.ByteArray(),
      Serdes.ByteArray(),
    )
    if (!suppressed.bufferConfig.loggingEnabled) store.withLoggingDisabled()
    store.suppressionBuffer = true
    const node = new ProcessorGraphNode(
      name,
      operator('KTableSuppress', {
        suppressed,
        storeName,
        graceMs,
        keySerde: this.keySerde,
        valueSerde: this.valueSerde,
      }),
      [],
      [store],
    )
    this.builder.addGraphNode(this.graphNode, node)
    // As Kafka's suppress processor supplier: the buffer keeps the value downstream last saw.
    this.enableSendingOldValues(true)
    return new KTable(this.builder, name, this.keySerde, this.valueSerde, [this.name], node, {
      kind: 'suppress',
      parent: this as KTable<unknown, unknown>,
      storeName,
    })
  }
}
