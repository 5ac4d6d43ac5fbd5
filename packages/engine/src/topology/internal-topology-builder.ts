// Mirrors Kafka Streams' InternalTopologyBuilder: the physical topology of sources,
// processors, sinks and stores, with the same validation messages. Sub-topology grouping and
// describe() ordering live in ./internal so this file stays about registration.
import type { ProcessorSupplier, TopicNameExtractor } from '../processor/processor'
import type { Serde } from '../serde/serde'
import type { StoreBuilder } from '../state/store-builder'
import { describeSubtopologyNodes, type NodeSketch } from './internal/describe-subtopology'
import { NodeGrouper } from './internal/node-grouper'
import type {
  NodeFactory,
  OffsetResetPolicy,
  ProcessorLogic,
  ProcessorNodeFactory,
  SinkNodeFactory,
  SourceNodeFactory,
  StreamPartitioner,
  TimestampExtractor,
} from './node-factory'
import {
  TopologyDescription,
  type DescribedGlobalStore,
  type DescribedSubtopology,
} from './topology-description'
import { TopologyException } from './topology-exception'

export interface SourceOptions {
  readonly keySerde?: Serde<unknown> | null
  readonly valueSerde?: Serde<unknown> | null
  readonly timestampExtractor?: TimestampExtractor | null
  readonly offsetReset?: OffsetResetPolicy | null
}

export interface SinkOptions {
  readonly keySerde?: Serde<unknown> | null
  readonly valueSerde?: Serde<unknown> | null
  readonly partitioner?: StreamPartitioner | null
}

export interface InternalTopicProperties {
  readonly numberOfPartitions?: number
}

/** Source nodes whose topics a join needs co-partitioned, and the design node of that join. */
export interface CopartitionGroup {
  readonly sourceNodes: readonly string[]
  readonly origin?: string
}

interface StateStoreEntry {
  readonly builder: StoreBuilder
  readonly users: string[]
}

/** A group of nodes that run together: a sub-topology, or a global store's source+processor. */
export interface NodeGroup {
  readonly id: number
  readonly global: boolean
  /** Node names in physical insertion order. */
  readonly nodes: readonly string[]
}

export class InternalTopologyBuilder {
  private readonly nodeFactories = new Map<string, NodeFactory>()
  private readonly nodeOrigins = new Map<string, string>()
  private readonly stateFactories = new Map<string, StateStoreEntry>()
  private readonly globalStateBuilders = new Map<string, StoreBuilder>()
  private readonly globalTopics = new Set<string>()
  private readonly sourceTopicNames = new Set<string>()
  private readonly internalTopicNames = new Map<string, InternalTopicProperties>()
  private readonly storeToSourceChangelogTopic = new Map<string, string>()
  private readonly copartitionSourceGroups: CopartitionGroup[] = []
  private readonly grouper = new NodeGrouper()
  /** Logical origin stamped on nodes as they are added (planGraph maps them back). */
  private origin: string | null = null

  setOrigin(origin: string | null): void {
    this.origin = origin
  }

  private register(factory: NodeFactory): void {
    this.nodeFactories.set(factory.name, factory)
    if (this.origin !== null) this.nodeOrigins.set(factory.name, this.origin)
    this.grouper.add(factory.name)
  }

  private requireNewName(name: string): void {
    if (typeof name !== 'string' || name.length === 0) {
      throw new TopologyException('Node name must not be null or empty.')
    }
    if (this.nodeFactories.has(name)) {
      throw new TopologyException(`Processor ${name} is already added.`)
    }
  }

  private requireParents(
    kind: 'Processor' | 'Sink',
    name: string,
    parents: readonly string[],
  ): void {
    if (parents.length === 0) {
      throw new TopologyException(`${kind} ${name} must have at least one parent`)
    }
    for (const parent of parents) {
      if (parent === name) {
        throw new TopologyException(
          kind === 'Sink'
            ? `Sink ${name} cannot be used a parent.`
            : `Processor ${name} cannot be a predecessor of itself.`,
        )
      }
      const factory = this.nodeFactories.get(parent)
      if (factory === undefined) {
        throw new TopologyException(`Predecessor processor ${parent} is not added yet for ${name}`)
      }
      if (factory.type === 'sink') {
        throw new TopologyException(`Sink ${parent} cannot be used a parent.`)
      }
    }
  }

  addSource(name: string, topics: readonly string[] | RegExp, options: SourceOptions = {}): void {
    this.requireNewName(name)
    let topicList: readonly string[] | null = null
    let pattern: RegExp | null = null
    if (topics instanceof RegExp) {
      pattern = topics
    } else {
      if (topics.length === 0) {
        throw new TopologyException('You must provide at least one topic')
      }
      for (const topic of topics) {
        if (typeof topic !== 'string' || topic.length === 0) {
          throw new TopologyException(`Source ${name} has a null or empty topic name.`)
        }
        if (this.sourceTopicNames.has(topic)) {
          throw new TopologyException(
            `Topic ${topic} has already been registered by another source.`,
          )
        }
      }
      for (const topic of topics) this.sourceTopicNames.add(topic)
      topicList = [...topics]
    }
    const factory: SourceNodeFactory = {
      type: 'source',
      name,
      predecessors: [],
      topics: topicList,
      pattern,
      keySerde: options.keySerde ?? null,
      valueSerde: options.valueSerde ?? null,
      timestampExtractor: options.timestampExtractor ?? null,
      offsetReset: options.offsetReset ?? null,
    }
    this.register(factory)
  }

  addSink(
    name: string,
    topic: string | TopicNameExtractor,
    options: SinkOptions,
    ...predecessorNames: string[]
  ): void {
    this.requireNewName(name)
    if (typeof topic === 'string' && topic.length === 0) {
      throw new TopologyException(`Sink ${name} must have a topic name.`)
    }
    this.requireParents('Sink', name, predecessorNames)
    const factory: SinkNodeFactory = {
      type: 'sink',
      name,
      predecessors: [...predecessorNames],
      topic: typeof topic === 'string' ? topic : null,
      topicExtractor: typeof topic === 'string' ? null : topic,
      keySerde: options.keySerde ?? null,
      valueSerde: options.valueSerde ?? null,
      partitioner: options.partitioner ?? null,
    }
    this.register(factory)
    this.grouper.unite(name, ...predecessorNames)
  }

  addProcessor(name: string, logic: ProcessorLogic, ...predecessorNames: string[]): void {
    this.requireNewName(name)
    this.requireParents('Processor', name, predecessorNames)
    const factory: ProcessorNodeFactory = {
      type: 'processor',
      name,
      predecessors: [...predecessorNames],
      logic,
      stateStoreNames: [],
    }
    this.register(factory)
    this.grouper.unite(name, ...predecessorNames)
    if (logic.kind === 'supplier') {
      for (const store of logic.supplier.stores?.() ?? []) {
        this.addStateStore(store, false, name)
      }
    }
  }

  addStateStore(builder: StoreBuilder, allowOverride: boolean, ...processorNames: string[]): void {
    const existing = this.stateFactories.get(builder.name)
    if (
      (!allowOverride && existing !== undefined && existing.builder !== builder) ||
      this.globalStateBuilders.has(builder.name)
    ) {
      throw new TopologyException(
        `A different StateStore has already been added with the name ${builder.name}`,
      )
    }
    if (existing === undefined || allowOverride) {
      this.stateFactories.set(builder.name, { builder, users: existing?.users ?? [] })
    }
    for (const processorName of processorNames) {
      this.connectProcessorAndStateStore(processorName, builder.name)
    }
  }

  addGlobalStore(
    builder: StoreBuilder,
    sourceName: string,
    topic: string,
    sourceOptions: SourceOptions,
    processorName: string,
    logic: ProcessorLogic,
  ): void {
    if (builder.loggingEnabled) {
      throw new TopologyException(
        `StateStore ${builder.name} for global table must not have logging enabled.`,
      )
    }
    if (sourceName === processorName) {
      throw new TopologyException('sourceName and processorName must be different.')
    }
    if (this.stateFactories.has(builder.name) || this.globalStateBuilders.has(builder.name)) {
      throw new TopologyException(
        `A different StateStore has already been added with the name ${builder.name}`,
      )
    }
    this.requireNewName(processorName)
    this.addSource(sourceName, [topic], sourceOptions)
    this.globalTopics.add(topic)
    const factory: ProcessorNodeFactory = {
      type: 'processor',
      name: processorName,
      predecessors: [sourceName],
      logic,
      stateStoreNames: [builder.name],
    }
    this.register(factory)
    this.grouper.unite(processorName, sourceName)
    this.globalStateBuilders.set(builder.name, builder)
  }

  connectProcessorAndStateStores(processorName: string, ...storeNames: string[]): void {
    if (storeNames.length === 0) {
      throw new TopologyException('Must provide at least one state store name.')
    }
    for (const storeName of storeNames) this.connectProcessorAndStateStore(processorName, storeName)
  }

  private connectProcessorAndStateStore(processorName: string, storeName: string): void {
    if (this.globalStateBuilders.has(storeName)) {
      throw new TopologyException(
        `Global StateStore ${storeName} can be used by a Processor without being specified; it should not be explicitly passed.`,
      )
    }
    const entry = this.stateFactories.get(storeName)
    if (entry === undefined) {
      throw new TopologyException(`StateStore ${storeName} is not added yet.`)
    }
    const factory = this.nodeFactories.get(processorName)
    if (factory === undefined) {
      throw new TopologyException(`Processor ${processorName} is not added yet.`)
    }
    if (factory.type !== 'processor') {
      throw new TopologyException(
        `cannot connect a state store ${storeName} to a source node or a sink node.`,
      )
    }
    if (!factory.stateStoreNames.includes(storeName)) factory.stateStoreNames.push(storeName)
    if (entry.users.length > 0) this.grouper.unite(entry.users[0] as string, processorName)
    if (!entry.users.includes(processorName)) entry.users.push(processorName)
  }

  addInternalTopic(topic: string, properties: InternalTopicProperties = {}): void {
    const existing = this.internalTopicNames.get(topic)
    if (
      existing?.numberOfPartitions !== undefined &&
      properties.numberOfPartitions !== undefined &&
      existing.numberOfPartitions !== properties.numberOfPartitions
    ) {
      throw new TopologyException(
        `Following topics do not have the same number of partitions: [${topic}]`,
      )
    }
    this.internalTopicNames.set(topic, { ...existing, ...properties })
  }

  /** `reuse.ktable.source.topics`: the store is restored from its source topic. */
  connectSourceStoreAndTopic(storeName: string, topic: string): void {
    if (this.storeToSourceChangelogTopic.has(storeName)) {
      throw new TopologyException(`Source store ${storeName} is already added.`)
    }
    this.storeToSourceChangelogTopic.set(storeName, topic)
  }

  /** `origin` defaults to the design node being written; DSL-time callers pass their own. */
  copartitionSources(sourceNodeNames: readonly string[], origin = this.origin): void {
    this.copartitionSourceGroups.push({
      sourceNodes: [...sourceNodeNames],
      ...(origin === null ? {} : { origin }),
    })
  }

  /** Node groups keyed by id: components in order of their first-inserted node. */
  nodeGroups(): NodeGroup[] {
    const groups: { id: number; nodes: string[] }[] = []
    const byRoot = new Map<string, { id: number; nodes: string[] }>()
    for (const name of this.nodeFactories.keys()) {
      const root = this.grouper.root(name)
      let group = byRoot.get(root)
      if (group === undefined) {
        group = { id: groups.length, nodes: [] }
        byRoot.set(root, group)
        groups.push(group)
      }
      group.nodes.push(name)
    }
    return groups.map((group) => ({
      ...group,
      global: group.nodes.some((name) => this.isGlobalSource(name)),
    }))
  }

  private isGlobalSource(name: string): boolean {
    const factory = this.nodeFactories.get(name)
    return (
      factory?.type === 'source' &&
      factory.topics !== null &&
      factory.topics.length === 1 &&
      this.globalTopics.has(factory.topics[0] as string)
    )
  }

  describe(): TopologyDescription {
    const subtopologies: DescribedSubtopology[] = []
    const globalStores: DescribedGlobalStore[] = []
    for (const group of this.nodeGroups()) {
      if (group.global) {
        globalStores.push(this.describeGlobalStore(group))
      } else {
        subtopologies.push({
          id: group.id,
          nodes: describeSubtopologyNodes(group.nodes.map((name) => this.sketch(name))),
        })
      }
    }
    return new TopologyDescription(subtopologies, globalStores)
  }

  private describeGlobalStore(group: NodeGroup): DescribedGlobalStore {
    const sourceName = group.nodes.find((name) => this.isGlobalSource(name)) as string
    const processorName = group.nodes.find((name) => name !== sourceName) as string
    const source = this.nodeFactories.get(sourceName) as SourceNodeFactory
    const processor = this.nodeFactories.get(processorName) as ProcessorNodeFactory
    const storeName = processor.stateStoreNames[0] as string
    const topic = (source.topics as readonly string[])[0] as string
    return {
      id: group.id,
      storeName,
      topic,
      source: {
        type: 'source',
        name: sourceName,
        topics: [topic],
        predecessors: [],
        successors: [processorName],
      },
      processor: {
        type: 'processor',
        name: processorName,
        stores: [storeName],
        predecessors: [sourceName],
        successors: [],
      },
    }
  }

  private sketch(name: string): NodeSketch {
    const factory = this.nodeFactories.get(name) as NodeFactory
    switch (factory.type) {
      case 'source':
        return {
          type: 'source',
          name,
          predecessors: [],
          topics: factory.topics,
          topicPattern: factory.pattern?.source ?? null,
        }
      case 'processor':
        return {
          type: 'processor',
          name,
          predecessors: factory.predecessors,
          stores: factory.stateStoreNames,
        }
      case 'sink':
        return {
          type: 'sink',
          name,
          predecessors: factory.predecessors,
          topic: factory.topic,
          topicExtractor: factory.topicExtractor?.toString() ?? null,
        }
    }
  }

  // Read access for the planner, the runtime and the test driver.

  nodes(): ReadonlyMap<string, NodeFactory> {
    return this.nodeFactories
  }

  originOf(nodeName: string): string | undefined {
    return this.nodeOrigins.get(nodeName)
  }

  stateStores(): ReadonlyMap<string, { builder: StoreBuilder; users: readonly string[] }> {
    return this.stateFactories
  }

  globalStores(): ReadonlyMap<string, StoreBuilder> {
    return this.globalStateBuilders
  }

  internalTopics(): ReadonlyMap<string, InternalTopicProperties> {
    return this.internalTopicNames
  }

  sourceChangelogTopics(): ReadonlyMap<string, string> {
    return this.storeToSourceChangelogTopic
  }

  copartitionGroups(): readonly CopartitionGroup[] {
    return this.copartitionSourceGroups
  }

  /** The topics the source nodes of a co-partition group read (pattern subscriptions aside). */
  copartitionGroupTopics(group: CopartitionGroup): string[] {
    return [
      ...new Set(
        group.sourceNodes.flatMap((node) => {
          const factory = this.nodeFactories.get(node)
          return factory?.type === 'source' && factory.topics !== null ? factory.topics : []
        }),
      ),
    ]
  }

  globalTopicNames(): ReadonlySet<string> {
    return this.globalTopics
  }

  userSupplier(name: string): ProcessorSupplier | null {
    const factory = this.nodeFactories.get(name)
    return factory?.type === 'processor' && factory.logic.kind === 'supplier'
      ? factory.logic.supplier
      : null
  }
}
