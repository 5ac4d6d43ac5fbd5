// Turns the physical topology (InternalTopologyBuilder) into fresh processor nodes for one
// task, as Kafka's InternalTopologyBuilder#buildTopology: nodes in insertion order, stores in
// the order their processors register them.
import type { Processor } from '../processor/processor'
import type { StoreBuilder } from '../state/store-builder'
import type { InternalTopologyBuilder } from '../topology/internal-topology-builder'
import { javaHashSetOrder } from '../topology/internal/java-hash-order'
import type { SourceNodeFactory } from '../topology/node-factory'
import type { ProcessorContextImpl } from './processor-context-impl'
import { ProcessorNode } from './processor-node'
import type { RecordCollector } from './record-collector'
import { createOperatorProcessor } from './operators/registry'
import { sinkProcessor } from './sink-processor'

export interface SourceBinding {
  readonly node: ProcessorNode
  readonly factory: SourceNodeFactory
}

export interface ProcessorTopology {
  readonly nodes: readonly ProcessorNode[]
  readonly nodeByName: ReadonlyMap<string, ProcessorNode>
  /** Source nodes by the runtime name of each topic they read. */
  readonly sourcesByTopic: ReadonlyMap<string, SourceBinding>
  readonly patternSources: readonly (SourceBinding & { readonly pattern: RegExp })[]
  /** Stores of these nodes in registration order (the order caches are flushed in). */
  readonly storeBuilders: readonly StoreBuilder[]
}

/** Internal topics are prefixed with the application id at runtime, as in Kafka. */
export function runtimeTopicNamer(
  builder: InternalTopologyBuilder,
  applicationId: string,
): (topic: string) => string {
  const internal = builder.internalTopics()
  return (topic) => (internal.has(topic) ? `${applicationId}-${topic}` : topic)
}

export function buildProcessorTopology(
  builder: InternalTopologyBuilder,
  options: {
    /** Build the global groups (global stores) or the stream groups. */
    readonly global: boolean
    /** Only this sub-topology (a Kafka task's); all stream groups when omitted. */
    readonly subtopology?: number
    readonly context: ProcessorContextImpl
    readonly collector: RecordCollector
    readonly runtimeTopic: (topic: string) => string
  },
): ProcessorTopology {
  const included = new Set(
    builder
      .nodeGroups()
      .filter(
        (group) =>
          group.global === options.global &&
          (options.subtopology === undefined || group.id === options.subtopology),
      )
      .flatMap((group) => group.nodes),
  )
  const factories = builder.nodes()
  const stateStores = builder.stateStores()
  const globalStores = builder.globalStores()
  const nodes: ProcessorNode[] = []
  const nodeByName = new Map<string, ProcessorNode>()
  const sourcesByTopic = new Map<string, SourceBinding>()
  const patternSources: (SourceBinding & { pattern: RegExp })[] = []
  const storeBuilders = new Map<string, StoreBuilder>()

  for (const [name, factory] of factories) {
    if (!included.has(name)) continue
    let processor: Processor<unknown, unknown, unknown, unknown>
    let storeNames: string[] = []
    let fixedKey = false
    switch (factory.type) {
      case 'source':
        processor = { process: (record) => options.context.forward(record) }
        break
      case 'sink':
        processor = sinkProcessor(factory, options.context, options.collector, options.runtimeTopic)
        break
      case 'processor': {
        storeNames = javaHashSetOrder(factory.stateStoreNames)
        for (const storeName of storeNames) {
          const store = stateStores.get(storeName)?.builder ?? globalStores.get(storeName)
          if (store !== undefined && !storeBuilders.has(storeName)) {
            storeBuilders.set(storeName, store)
          }
        }
        const logic = factory.logic
        if (logic.kind === 'supplier') {
          processor = logic.supplier() as Processor<unknown, unknown, unknown, unknown>
          fixedKey = logic.fixedKey === true
        } else {
          processor = createOperatorProcessor(logic.operator, {
            name,
            storeNames,
            childNames: [],
          }) as Processor<unknown, unknown, unknown, unknown>
        }
        break
      }
    }
    const node = new ProcessorNode(
      name,
      factory.type,
      processor,
      new Set(storeNames),
      fixedKey,
      builder.originOf(name),
    )
    nodes.push(node)
    nodeByName.set(name, node)
    if (factory.type === 'source') {
      const binding = { node, factory }
      if (factory.pattern !== null) patternSources.push({ ...binding, pattern: factory.pattern })
      for (const topic of factory.topics ?? []) {
        sourcesByTopic.set(options.runtimeTopic(topic), binding)
      }
    }
  }
  for (const [name, factory] of factories) {
    const node = nodeByName.get(name)
    if (node === undefined) continue
    for (const parent of factory.predecessors) nodeByName.get(parent)?.addChild(node)
  }
  return {
    nodes,
    nodeByName,
    sourcesByTopic,
    patternSources,
    storeBuilders: [...storeBuilders.values()],
  }
}
