// The KStream DSL. Each method mirrors KStreamImpl: the names it generates (and burns), the
// graph node it adds, and whether the result needs repartitioning before a stateful step.
// Joins live in ./internal/stream-joins to keep this file about the per-record operations.
import type { ProcessorSupplier, TopicNameExtractor } from '../processor/processor'
import type { Serde } from '../serde/serde'
import { BranchedKStream } from './branched-kstream'
import { GlobalKTable } from './global-ktable'
import { Grouped } from './grouped'
import { AbstractStream, operator } from './internal/abstract-stream'
import type { GraphNode } from './internal/graph-node'
import {
  ProcessorGraphNode,
  StreamSinkNode,
  StreamToTableNode,
  TableSourceMaterialization,
} from './internal/graph-nodes'
import type { InternalStreamsBuilder } from './internal/internal-streams-builder'
import { MaterializedInternal } from './internal/materialized-internal'
import { NamedInternal, Prefix } from './internal/names'
import type { RepartitionNode } from './internal/graph-nodes'
import { createRepartitionedSource } from './internal/repartition'
import {
  streamGlobalTableJoin,
  streamStreamJoin,
  streamTableJoin,
  type JoinKind,
} from './internal/stream-joins'
import type { JoinWindows } from './windows'
import type { Joined } from './joined'
import { KGroupedStream } from './kgrouped-stream'
import type { KeyValue } from './key-value'
import { KTable } from './ktable'
import { Materialized } from './materialized'
import { Named } from './named'
import type { Produced } from './produced'
import type { Repartitioned } from './repartitioned'
import type { StreamJoined } from './stream-joined'

export type Predicate<K, V> = (key: K, value: V) => boolean
export type KeyValueMapper<K, V, R> = (key: K, value: V) => R
export type ValueJoiner<V1, V2, VR> =
  ((value1: V1, value2: V2) => VR) | ((key: never, value1: V1, value2: V2) => VR)
export type ForeachAction<K, V> = (key: K, value: V) => void

/** A record stream, mirroring Kafka Streams' `KStream`. */
export class KStream<K = unknown, V = unknown> extends AbstractStream<K, V> {
  /** @internal Set once a key change has happened upstream without a repartition since. */
  readonly repartitionRequired: boolean
  /** @internal The repartition reused by joins with generated names. */
  repartitionNode: RepartitionNode | null = null

  constructor(
    builder: InternalStreamsBuilder,
    name: string,
    keySerde: Serde<K> | null,
    valueSerde: Serde<V> | null,
    subTopologySourceNodes: readonly string[],
    repartitionRequired: boolean,
    graphNode: GraphNode,
  ) {
    super(builder, name, keySerde, valueSerde, subTopologySourceNodes, graphNode)
    this.repartitionRequired = repartitionRequired
  }

  /** @internal */
  derive<K2, V2>(
    node: GraphNode,
    repartitionRequired: boolean,
    keySerde: Serde<K2> | null,
    valueSerde: Serde<V2> | null,
    sourceNodes: readonly string[] = this.subTopologySourceNodes,
  ): KStream<K2, V2> {
    return new KStream(
      this.builder,
      node.nodeName,
      keySerde,
      valueSerde,
      sourceNodes,
      repartitionRequired,
      node,
    )
  }

  private addProcessor(
    prefix: string,
    named: Named | undefined,
    logic: ReturnType<typeof operator>,
  ): ProcessorGraphNode {
    const name = new NamedInternal(named?.name ?? null).orElseGenerateWithPrefix(
      this.builder,
      prefix,
    )
    const node = new ProcessorGraphNode(name, logic)
    return node
  }

  filter(predicate: Predicate<K, V>, named?: Named): KStream<K, V> {
    const node = this.addProcessor(
      Prefix.FILTER,
      named,
      operator('KStreamFilter', { predicate, negate: false }),
    )
    this.builder.addGraphNode(this.graphNode, node)
    return this.derive(node, this.repartitionRequired, this.keySerde, this.valueSerde)
  }

  filterNot(predicate: Predicate<K, V>, named?: Named): KStream<K, V> {
    const node = this.addProcessor(
      Prefix.FILTER,
      named,
      operator('KStreamFilter', { predicate, negate: true }),
    )
    this.builder.addGraphNode(this.graphNode, node)
    return this.derive(node, this.repartitionRequired, this.keySerde, this.valueSerde)
  }

  selectKey<KR>(mapper: KeyValueMapper<K, V, KR>, named?: Named): KStream<KR, V> {
    const node = this.selectKeyNode(mapper, named?.name ?? null)
    this.builder.addGraphNode(this.graphNode, node)
    return this.derive(node, true, null, this.valueSerde)
  }

  /** @internal Shared by `selectKey` and `groupBy`. */
  selectKeyNode(mapper: KeyValueMapper<K, V, unknown>, name: string | null): ProcessorGraphNode {
    const nodeName = new NamedInternal(name).orElseGenerateWithPrefix(
      this.builder,
      Prefix.KEY_SELECT,
    )
    const node = new ProcessorGraphNode(nodeName, operator('KStreamKeySelect', { mapper }))
    node.keyChangingOperation = true
    return node
  }

  map<KR, VR>(mapper: KeyValueMapper<K, V, KeyValue<KR, VR>>, named?: Named): KStream<KR, VR> {
    const node = this.addProcessor(Prefix.MAP, named, operator('KStreamMap', { mapper }))
    node.keyChangingOperation = true
    this.builder.addGraphNode(this.graphNode, node)
    return this.derive(node, true, null, null)
  }

  mapValues<VR>(
    mapper: ((value: V) => VR) | ((key: K, value: V) => VR),
    named?: Named,
  ): KStream<K, VR> {
    const node = this.addProcessor(
      Prefix.MAPVALUES,
      named,
      operator('KStreamMapValues', { mapper }),
    )
    node.valueChangingOperation = true
    this.builder.addGraphNode(this.graphNode, node)
    return this.derive(node, this.repartitionRequired, this.keySerde, null)
  }

  flatMap<KR, VR>(
    mapper: KeyValueMapper<K, V, Iterable<KeyValue<KR, VR>>>,
    named?: Named,
  ): KStream<KR, VR> {
    const node = this.addProcessor(Prefix.FLATMAP, named, operator('KStreamFlatMap', { mapper }))
    node.keyChangingOperation = true
    this.builder.addGraphNode(this.graphNode, node)
    return this.derive(node, true, null, null)
  }

  flatMapValues<VR>(
    mapper: ((value: V) => Iterable<VR>) | ((key: K, value: V) => Iterable<VR>),
    named?: Named,
  ): KStream<K, VR> {
    const node = this.addProcessor(
      Prefix.FLATMAPVALUES,
      named,
      operator('KStreamFlatMapValues', { mapper }),
    )
    node.valueChangingOperation = true
    this.builder.addGraphNode(this.graphNode, node)
    return this.derive(node, this.repartitionRequired, this.keySerde, null)
  }

  peek(action: ForeachAction<K, V>, named?: Named): KStream<K, V> {
    const node = this.addProcessor(Prefix.PEEK, named, operator('KStreamPeek', { action }))
    this.builder.addGraphNode(this.graphNode, node)
    return this.derive(node, this.repartitionRequired, this.keySerde, this.valueSerde)
  }

  foreach(action: ForeachAction<K, V>, named?: Named): void {
    const node = this.addProcessor(Prefix.FOREACH, named, operator('KStreamForeach', { action }))
    this.builder.addGraphNode(this.graphNode, node)
  }

  split(named?: Named): BranchedKStream<K, V> {
    return new BranchedKStream(this, named?.name ?? null)
  }

  merge(stream: KStream<K, V>, named?: Named): KStream<K, V> {
    if (stream.builder !== this.builder) {
      throw new TypeError('merge() needs two streams of the same StreamsBuilder')
    }
    const name = new NamedInternal(named?.name ?? null).orElseGenerateWithPrefix(
      this.builder,
      Prefix.MERGE,
    )
    const node = new ProcessorGraphNode(name, operator('KStreamPassThrough'))
    node.mergeNode = true
    this.builder.addGraphNode([this.graphNode, stream.graphNode], node)
    const sources = [...new Set([...this.subTopologySourceNodes, ...stream.subTopologySourceNodes])]
    return this.derive(
      node,
      this.repartitionRequired || stream.repartitionRequired,
      this.keySerde,
      this.valueSerde,
      sources,
    )
  }

  repartition(repartitioned?: Repartitioned<K, V>): KStream<K, V> {
    const name = repartitioned?.name ?? this.builder.newProcessorName(Prefix.REPARTITION)
    const keySerde = (repartitioned?.keySerde ?? this.keySerde) as Serde<unknown> | null
    const valueSerde = (repartitioned?.valueSerde ?? this.valueSerde) as Serde<unknown> | null
    const node = createRepartitionedSource(this.builder, 'unoptimizable', name, {
      keySerde,
      valueSerde,
      properties:
        repartitioned?.numberOfPartitions != null
          ? { numberOfPartitions: repartitioned.numberOfPartitions }
          : {},
      partitioner: (repartitioned?.partitioner ?? null) as never,
    })
    this.builder.addGraphNode(this.graphNode, node)
    return this.derive(node, false, keySerde as Serde<K> | null, valueSerde as Serde<V> | null, [
      node.nodeName,
    ])
  }

  /** Writes to a topic, or to the topic a `TopicNameExtractor` picks per record. */
  to(topic: string | TopicNameExtractor<K, V>, produced?: Produced<K, V>): void {
    if (typeof topic === 'string' && topic.length === 0) {
      throw new TypeError('topic must not be empty')
    }
    const name = new NamedInternal(produced?.name ?? null).orElseGenerateWithPrefix(
      this.builder,
      Prefix.SINK,
    )
    const node = new StreamSinkNode(
      name,
      topic as string | TopicNameExtractor,
      (produced?.keySerde ?? this.keySerde) as Serde<unknown> | null,
      (produced?.valueSerde ?? this.valueSerde) as Serde<unknown> | null,
      (produced?.partitioner ?? null) as never,
    )
    this.builder.addGraphNode(this.graphNode, node)
  }

  toTable(named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    if (named instanceof Materialized) return this.toTable(undefined, named)
    const name = new NamedInternal(named?.name ?? null).orElseGenerateWithPrefix(
      this.builder,
      Prefix.TO_KTABLE,
    )
    const materializedInternal = MaterializedInternal.of(
      materialized,
      this.builder,
      Prefix.TO_KTABLE,
    )
    materializedInternal.keySerde ??= this.keySerde
    materializedInternal.valueSerde ??= this.valueSerde
    let parent: GraphNode = this.graphNode
    let sources = this.subTopologySourceNodes
    if (this.repartitionRequired) {
      const repartition = createRepartitionedSource(this.builder, 'optimizable', name, {
        keySerde: materializedInternal.keySerde as Serde<unknown> | null,
        valueSerde: materializedInternal.valueSerde as Serde<unknown> | null,
      })
      this.builder.addGraphNode(this.graphNode, repartition)
      parent = repartition
      sources = [repartition.nodeName]
    }
    const materialization = new TableSourceMaterialization(
      materializedInternal.storeName,
      materializedInternal.queryableStoreName,
    )
    const node = new StreamToTableNode(
      name,
      operator('KTableSource', { storeName: materializedInternal.storeName, materialization }),
      materializedInternal.keyValueStore(),
      materialization,
    )
    this.builder.addGraphNode(parent, node)
    return new KTable(
      this.builder,
      name,
      materializedInternal.keySerde,
      materializedInternal.valueSerde,
      sources,
      node,
      {
        kind: 'source',
        materialization,
      },
    )
  }

  groupByKey(grouped?: Grouped<K, V>): KGroupedStream<K, V> {
    // As Kafka: only groupByKey() inherits the stream's serdes; a Grouped passed in brings its
    // own, and where it has none the default serdes apply.
    const g = grouped ?? Grouped.with<K, V>(this.keySerde, this.valueSerde)
    return new KGroupedStream(
      this.builder,
      this.name,
      g.keySerde,
      g.valueSerde,
      this.subTopologySourceNodes,
      this.graphNode,
      this.repartitionRequired,
      g.name,
    )
  }

  groupBy<KR>(
    keySelector: KeyValueMapper<K, V, KR>,
    grouped?: Grouped<KR, V>,
  ): KGroupedStream<KR, V> {
    const g = grouped ?? Grouped.with<KR, V>(null, this.valueSerde)
    const node = this.selectKeyNode(keySelector, g.name)
    this.builder.addGraphNode(this.graphNode, node)
    return new KGroupedStream(
      this.builder,
      node.nodeName,
      g.keySerde,
      g.valueSerde,
      this.subTopologySourceNodes,
      node,
      true,
      g.name,
    )
  }

  join<VO, VR>(
    other: KStream<K, VO>,
    joiner: ValueJoiner<V, VO, VR>,
    windows: JoinWindows,
    streamJoined?: StreamJoined<K, V, VO>,
  ): KStream<K, VR>
  join<VT, VR>(
    table: KTable<K, VT>,
    joiner: ValueJoiner<V, VT, VR>,
    joined?: Joined<K, V, VT>,
  ): KStream<K, VR>
  join<GK, GV, VR>(
    globalTable: GlobalKTable<GK, GV>,
    keySelector: KeyValueMapper<K, V, GK>,
    joiner: ValueJoiner<V, GV, VR>,
    named?: Named,
  ): KStream<K, VR>
  join(other: unknown, ...args: unknown[]): KStream<K, unknown> {
    return this.doJoin('inner', other, args)
  }

  leftJoin<VO, VR>(
    other: KStream<K, VO>,
    joiner: ValueJoiner<V, VO, VR>,
    windows: JoinWindows,
    streamJoined?: StreamJoined<K, V, VO>,
  ): KStream<K, VR>
  leftJoin<VT, VR>(
    table: KTable<K, VT>,
    joiner: ValueJoiner<V, VT, VR>,
    joined?: Joined<K, V, VT>,
  ): KStream<K, VR>
  leftJoin<GK, GV, VR>(
    globalTable: GlobalKTable<GK, GV>,
    keySelector: KeyValueMapper<K, V, GK>,
    joiner: ValueJoiner<V, GV, VR>,
    named?: Named,
  ): KStream<K, VR>
  leftJoin(other: unknown, ...args: unknown[]): KStream<K, unknown> {
    return this.doJoin('left', other, args)
  }

  outerJoin<VO, VR>(
    other: KStream<K, VO>,
    joiner: ValueJoiner<V, VO, VR>,
    windows: JoinWindows,
    streamJoined?: StreamJoined<K, V, VO>,
  ): KStream<K, VR> {
    return this.doJoin('outer', other, [joiner, windows, streamJoined]) as KStream<K, VR>
  }

  private doJoin(kind: JoinKind, other: unknown, args: unknown[]): KStream<K, unknown> {
    if (other instanceof KStream) {
      return streamStreamJoin(
        kind,
        this,
        other,
        args[0] as never,
        args[1] as JoinWindows,
        args[2] as never,
      )
    }
    if (other instanceof KTable) {
      if (kind === 'outer') throw new TypeError('A KStream cannot be outer-joined with a KTable')
      return streamTableJoin(kind, this, other, args[0] as never, args[1] as never)
    }
    if (other instanceof GlobalKTable) {
      if (kind === 'outer')
        throw new TypeError('A KStream cannot be outer-joined with a GlobalKTable')
      return streamGlobalTableJoin(
        kind,
        this,
        other,
        args[0] as never,
        args[1] as never,
        args[2] as Named | undefined,
      )
    }
    throw new TypeError('join() needs a KStream, a KTable or a GlobalKTable')
  }

  /** Runs a user processor; the result may have new keys, so it needs repartitioning. */
  process<KR, VR>(
    supplier: ProcessorSupplier<K, V, KR, VR>,
    ...namedOrStores: (Named | string)[]
  ): KStream<KR, VR> {
    const { named, stores } = splitNamedAndStores(namedOrStores)
    // Kafka consumes a counter value only when process() is unnamed (KStreamImpl#process).
    const name = named ?? this.builder.newProcessorName(Prefix.PROCESSOR)
    const node = new ProcessorGraphNode(
      name,
      { kind: 'supplier', supplier: supplier as ProcessorSupplier },
      stores,
    )
    this.builder.addGraphNode(this.graphNode, node)
    return this.derive(node, true, null, null)
  }

  /** Runs a user processor that keeps each record's key. */
  processValues<VR>(
    supplier: ProcessorSupplier<K, V, K, VR>,
    ...namedOrStores: (Named | string)[]
  ): KStream<K, VR> {
    const { named, stores } = splitNamedAndStores(namedOrStores)
    const name = named ?? this.builder.newProcessorName(Prefix.PROCESSVALUES)
    const node = new ProcessorGraphNode(
      name,
      { kind: 'supplier', supplier: supplier as ProcessorSupplier, fixedKey: true },
      stores,
    )
    this.builder.addGraphNode(this.graphNode, node)
    return this.derive(node, this.repartitionRequired, this.keySerde, null)
  }
}

function splitNamedAndStores(values: readonly (Named | string)[]): {
  named: string | null
  stores: string[]
} {
  let named: string | null = null
  const stores: string[] = []
  for (const value of values) {
    if (value instanceof Named) named = value.name
    else stores.push(value)
  }
  return { named, stores }
}
