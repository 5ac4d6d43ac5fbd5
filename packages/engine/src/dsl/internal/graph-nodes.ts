// The logical node kinds of the DSL graph, each writing its physical nodes the way the
// Kafka Streams node of the same name does (StreamSourceNode, TableSourceNode, ...).
import type { TopicNameExtractor } from '../../processor/processor'
import type { Serde } from '../../serde/serde'
import type { StoreBuilder } from '../../state/store-builder'
import type {
  InternalTopicProperties,
  InternalTopologyBuilder,
  SourceOptions,
} from '../../topology/internal-topology-builder'
import type { ProcessorLogic, StreamPartitioner } from '../../topology/node-factory'
import { GraphNode } from './graph-node'

export class StreamSourceNode extends GraphNode {
  constructor(
    name: string,
    public topics: string[] | null,
    readonly pattern: RegExp | null,
    readonly options: SourceOptions,
  ) {
    super(name)
  }

  writeToTopology(builder: InternalTopologyBuilder): void {
    builder.addSource(this.nodeName, this.pattern ?? this.topics ?? [], this.options)
  }
}

/** A source KTable's store decision, taken lazily: downstream joins or groupBy may force it. */
export class TableSourceMaterialization {
  private forced = false

  constructor(
    readonly storeName: string,
    readonly queryableName: string | null,
  ) {}

  materialize(): void {
    this.forced = true
  }

  isMaterialized(): boolean {
    return this.forced || this.queryableName !== null
  }
}

export class TableSourceNode extends GraphNode {
  reuseSourceTopicForChangelog = false

  constructor(
    readonly processorName: string,
    readonly sourceName: string,
    readonly topic: string,
    readonly options: SourceOptions,
    readonly storeBuilder: StoreBuilder,
    readonly materialization: TableSourceMaterialization,
    readonly logic: ProcessorLogic,
    readonly global: boolean,
  ) {
    super(processorName)
  }

  writeToTopology(builder: InternalTopologyBuilder): void {
    if (this.global) {
      builder.addGlobalStore(
        this.storeBuilder,
        this.sourceName,
        this.topic,
        this.options,
        this.processorName,
        this.logic,
      )
      return
    }
    builder.addSource(this.sourceName, [this.topic], this.options)
    builder.addProcessor(this.processorName, this.logic, this.sourceName)
    if (this.materialization.isMaterialized()) {
      builder.addStateStore(this.storeBuilder, false, this.processorName)
      if (this.reuseSourceTopicForChangelog) {
        this.storeBuilder.withLoggingDisabled()
        builder.connectSourceStoreAndTopic(this.storeBuilder.name, this.topic)
      }
    }
  }
}

/** A processor, optionally connected to stores by name and owning stores it adds. */
export class ProcessorGraphNode extends GraphNode {
  constructor(
    name: string,
    readonly logic: ProcessorLogic,
    readonly connectedStoreNames: readonly string[] = [],
    readonly ownedStores: readonly StoreBuilder[] = [],
  ) {
    super(name)
  }

  writeToTopology(builder: InternalTopologyBuilder): void {
    builder.addProcessor(this.nodeName, this.logic, ...this.parentNodeNames())
    if (this.connectedStoreNames.length > 0) {
      builder.connectProcessorAndStateStores(this.nodeName, ...this.connectedStoreNames)
    }
    for (const store of this.ownedStores) builder.addStateStore(store, false, this.nodeName)
  }
}

/** `KStream#toTable()`: the store is added only if something needs the table materialized. */
export class StreamToTableNode extends GraphNode {
  constructor(
    name: string,
    readonly logic: ProcessorLogic,
    readonly storeBuilder: StoreBuilder,
    readonly materialization: TableSourceMaterialization,
  ) {
    super(name)
  }

  writeToTopology(builder: InternalTopologyBuilder): void {
    builder.addProcessor(this.nodeName, this.logic, ...this.parentNodeNames())
    if (this.materialization.isMaterialized()) {
      builder.addStateStore(this.storeBuilder, false, this.nodeName)
    }
  }
}

export class StreamSinkNode extends GraphNode {
  constructor(
    name: string,
    readonly topic: string | TopicNameExtractor,
    readonly keySerde: Serde<unknown> | null,
    readonly valueSerde: Serde<unknown> | null,
    readonly partitioner: StreamPartitioner | null,
  ) {
    super(name)
  }

  writeToTopology(builder: InternalTopologyBuilder): void {
    builder.addSink(
      this.nodeName,
      this.topic,
      { keySerde: this.keySerde, valueSerde: this.valueSerde, partitioner: this.partitioner },
      ...this.parentNodeNames(),
    )
  }
}

export type RepartitionKind = 'optimizable' | 'unoptimizable' | 'groupedTable'

/**
 * A repartition through an internal topic. Stream repartitions write a null-key filter,
 * a sink and a source; KGroupedTable ones only the sink and the source.
 */
export class RepartitionNode extends GraphNode {
  constructor(
    readonly kind: RepartitionKind,
    readonly sourceName: string,
    readonly sinkName: string,
    readonly filterName: string | null,
    public repartitionTopic: string,
    readonly keySerde: Serde<unknown> | null,
    readonly valueSerde: Serde<unknown> | null,
    readonly properties: InternalTopicProperties,
    readonly partitioner: StreamPartitioner | null,
  ) {
    super(sourceName)
  }

  /**
   * Whether the filter drops null keys: Kafka's build rewrites it to `k != null` unless a join
   * that tolerates null keys is downstream (KIP-962).
   */
  dropsNullKeys = true

  writeToTopology(builder: InternalTopologyBuilder): void {
    builder.addInternalTopic(this.repartitionTopic, this.properties)
    const sinkOptions = {
      keySerde: this.keySerde,
      valueSerde: this.valueSerde,
      partitioner: this.partitioner,
    }
    if (this.filterName !== null) {
      builder.addProcessor(
        this.filterName,
        {
          kind: 'operator',
          operator: { operator: 'RepartitionNullKeyFilter', dropNullKeys: this.dropsNullKeys },
        },
        ...this.parentNodeNames(),
      )
      builder.addSink(this.sinkName, this.repartitionTopic, sinkOptions, this.filterName)
    } else {
      builder.addSink(this.sinkName, this.repartitionTopic, sinkOptions, ...this.parentNodeNames())
    }
    builder.addSource(this.sourceName, [this.repartitionTopic], {
      keySerde: this.keySerde,
      valueSerde: this.valueSerde,
    })
  }
}

/** The this/other `WINDOWED` processors feed the join processors written by this node. */
export class StreamStreamJoinNode extends GraphNode {
  constructor(
    mergeName: string,
    readonly thisJoin: { name: string; logic: ProcessorLogic },
    readonly otherJoin: { name: string; logic: ProcessorLogic },
    readonly mergeLogic: ProcessorLogic,
    readonly thisWindowedName: string,
    readonly otherWindowedName: string,
    readonly thisStore: StoreBuilder,
    readonly otherStore: StoreBuilder,
    readonly sharedOuterStore: StoreBuilder | null,
    readonly copartitionSources: readonly string[],
    readonly inner: boolean,
    readonly selfJoinLogic: ProcessorLogic,
  ) {
    super(mergeName)
  }

  /** Set by `single.store.self.join`: one processor named like the merge replaces three. */
  selfJoin = false

  writeToTopology(builder: InternalTopologyBuilder): void {
    if (this.selfJoin) {
      builder.addProcessor(this.nodeName, this.selfJoinLogic, this.thisWindowedName)
      builder.addStateStore(this.thisStore, false, this.thisWindowedName, this.nodeName)
      return
    }
    builder.addProcessor(this.thisJoin.name, this.thisJoin.logic, this.thisWindowedName)
    builder.addProcessor(this.otherJoin.name, this.otherJoin.logic, this.otherWindowedName)
    builder.addProcessor(this.nodeName, this.mergeLogic, this.thisJoin.name, this.otherJoin.name)
    builder.addStateStore(this.thisStore, false, this.thisWindowedName, this.otherJoin.name)
    builder.addStateStore(this.otherStore, false, this.otherWindowedName, this.thisJoin.name)
    if (this.sharedOuterStore !== null) {
      builder.addStateStore(this.sharedOuterStore, false, this.thisJoin.name, this.otherJoin.name)
    }
    builder.copartitionSources(this.copartitionSources)
  }
}

export class TableTableJoinNode extends GraphNode {
  constructor(
    mergeName: string,
    readonly mergeLogic: ProcessorLogic,
    readonly thisJoin: { name: string; logic: ProcessorLogic },
    readonly otherJoin: { name: string; logic: ProcessorLogic },
    readonly thisSideName: string,
    readonly otherSideName: string,
    readonly thisStoreNames: readonly string[],
    readonly otherStoreNames: readonly string[],
    readonly resultStore: StoreBuilder | null,
    readonly copartitionSources: readonly string[],
  ) {
    super(mergeName)
  }

  writeToTopology(builder: InternalTopologyBuilder): void {
    builder.addProcessor(this.thisJoin.name, this.thisJoin.logic, this.thisSideName)
    builder.addProcessor(this.otherJoin.name, this.otherJoin.logic, this.otherSideName)
    builder.addProcessor(this.nodeName, this.mergeLogic, this.thisJoin.name, this.otherJoin.name)
    if (this.otherStoreNames.length > 0) {
      builder.connectProcessorAndStateStores(this.thisJoin.name, ...this.otherStoreNames)
    }
    if (this.thisStoreNames.length > 0) {
      builder.connectProcessorAndStateStores(this.otherJoin.name, ...this.thisStoreNames)
    }
    if (this.resultStore !== null) builder.addStateStore(this.resultStore, false, this.nodeName)
    builder.copartitionSources(this.copartitionSources)
  }
}

/** Stream–table and stream–globalTable joins: a processor reading the table's stores. */
export class StreamTableJoinNode extends GraphNode {
  constructor(
    name: string,
    readonly logic: ProcessorLogic,
    readonly tableStoreNames: readonly string[],
    readonly copartitionSources: readonly string[] | null,
  ) {
    super(name)
  }

  writeToTopology(builder: InternalTopologyBuilder): void {
    builder.addProcessor(this.nodeName, this.logic, ...this.parentNodeNames())
    if (this.copartitionSources !== null) {
      if (this.tableStoreNames.length > 0) {
        builder.connectProcessorAndStateStores(this.nodeName, ...this.tableStoreNames)
      }
      builder.copartitionSources(this.copartitionSources)
    }
  }
}

/** `StreamsBuilder#addStateStore`: a store nothing is connected to yet. */
export class StateStoreNode extends GraphNode {
  constructor(readonly storeBuilder: StoreBuilder) {
    super(`STATE-STORE-${storeBuilder.name}`)
  }

  writeToTopology(builder: InternalTopologyBuilder): void {
    builder.addStateStore(this.storeBuilder, false)
  }
}

export class GlobalStoreNode extends GraphNode {
  constructor(
    readonly storeBuilder: StoreBuilder,
    readonly sourceName: string,
    readonly topic: string,
    readonly options: SourceOptions,
    readonly processorName: string,
    readonly logic: ProcessorLogic,
  ) {
    super(processorName)
  }

  writeToTopology(builder: InternalTopologyBuilder): void {
    builder.addGlobalStore(
      this.storeBuilder,
      this.sourceName,
      this.topic,
      this.options,
      this.processorName,
      this.logic,
    )
  }
}
