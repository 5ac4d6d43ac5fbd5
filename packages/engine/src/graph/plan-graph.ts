// Everything the canvas shows for a design: diagnostics, and the physical plan exactly as
// Kafka Streams would build it (processor nodes, stores, internal topics, sub-topologies),
// with each physical node mapped back to the design node that produced it.
import type {
  Diagnostic,
  InternalTopic,
  LogicalNodePlacement,
  PhysicalNode,
  PhysicalPlan,
  PhysicalStore,
  TopologyGraph,
} from '@topology-studio/shared'
import type { Topology } from '../topology/topology'
import type { DescribedNode } from '../topology/topology-description'
import { compileGraph, type CompileOptions, type NodeSerdes } from './compile-graph'
import { copartitionDiagnostics, type ClusterTopics } from './internal/copartitioning'
import { unnamedStateLints } from './internal/unnamed-state'

export type { ClusterTopics } from './internal/copartitioning'

export interface PlanOptions extends CompileOptions {
  /** The cluster the design will run on: joins are checked against its partition counts. */
  readonly cluster?: ClusterTopics
}

export interface PlanResult {
  readonly diagnostics: Diagnostic[]
  /** Null when the design has errors and cannot be built. */
  readonly plan: PhysicalPlan | null
  /** The serdes each node's records carry, by node id; empty when the design has errors. */
  readonly serdes: Readonly<Record<string, NodeSerdes>>
}

/** Validates and plans a design; never throws for bad input. */
export function planGraph(graph: TopologyGraph, options: PlanOptions = {}): PlanResult {
  const { topology, diagnostics, serdes } = compileGraph(graph, options)
  if (topology === null) return { diagnostics, plan: null, serdes }
  const plan = planTopology(topology)
  const copartitioning = copartitionDiagnostics(graph, topology, options.cluster)
  return {
    diagnostics: [...diagnostics, ...copartitioning, ...unnamedStateLints(graph, plan)],
    plan,
    serdes,
  }
}

/** The physical plan of any built topology (designed, written with the DSL, or rebuilt). */
export function planTopology(topology: Topology): PhysicalPlan {
  const builder = topology.internalBuilder
  const description = topology.describe()
  const subtopologyOf = new Map<string, number>()
  const nodes: PhysicalNode[] = []
  const subtopologies: PhysicalPlan['subtopologies'] = []

  const addNode = (node: DescribedNode, subtopology: number): void => {
    subtopologyOf.set(node.name, subtopology)
    const physical: PhysicalNode = {
      name: node.name,
      type: node.type,
      subtopology,
      stores: node.stores === undefined ? [] : [...node.stores],
      predecessors: [...node.predecessors],
      successors: [...node.successors],
    }
    const origin = builder.originOf(node.name)
    if (origin !== undefined) physical.logicalNodeId = origin
    if (node.topics !== undefined && node.topics !== null) physical.topics = [...node.topics]
    if (node.topicPattern != null) physical.topicPattern = node.topicPattern
    if (node.topic != null) physical.topic = node.topic
    if (node.topicExtractor != null) physical.topicExtractor = node.topicExtractor
    nodes.push(physical)
  }

  for (const subtopology of description.subtopologies()) {
    subtopologies.push({
      id: subtopology.id,
      global: false,
      nodes: subtopology.nodes.map((n) => n.name),
    })
    for (const node of subtopology.nodes) addNode(node, subtopology.id)
  }
  for (const store of description.globalStores()) {
    subtopologies.push({
      id: store.id,
      global: true,
      nodes: [store.source.name, store.processor.name],
    })
    addNode(store.source, store.id)
    addNode(store.processor, store.id)
  }
  subtopologies.sort((a, b) => a.id - b.id)

  const sourceChangelogs = builder.sourceChangelogTopics()
  const stores: PhysicalStore[] = []
  const changelogs: InternalTopic[] = []
  for (const [name, { builder: store, users }] of builder.stateStores()) {
    const logged = store.loggingEnabled && !sourceChangelogs.has(name)
    const origin = users.map((user) => builder.originOf(user)).find((o) => o !== undefined)
    stores.push({
      name,
      type: store.type,
      logged,
      ...(logged ? { changelogTopic: `${name}-changelog` } : {}),
      global: false,
      processors: [...users],
      ...(origin !== undefined ? { logicalNodeId: origin } : {}),
    })
    if (logged) {
      const writers = [
        ...new Set(users.map((user) => subtopologyOf.get(user)).filter((id) => id !== undefined)),
      ]
      changelogs.push({ name: `${name}-changelog`, type: 'changelog', sinkOf: writers })
    }
  }
  const processorsByStore = new Map<string, string>()
  for (const node of builder.nodes().values()) {
    if (node.type !== 'processor') continue
    for (const store of node.stateStoreNames) {
      if (!processorsByStore.has(store)) processorsByStore.set(store, node.name)
    }
  }
  for (const [name, store] of builder.globalStores()) {
    const processor = processorsByStore.get(name)
    const origin = processor === undefined ? undefined : builder.originOf(processor)
    stores.push({
      name,
      type: store.type,
      logged: false,
      global: true,
      processors: processor === undefined ? [] : [processor],
      ...(origin !== undefined ? { logicalNodeId: origin } : {}),
    })
  }

  const readers = new Map<string, number>()
  const writers = new Map<string, Set<number>>()
  for (const node of nodes) {
    if (node.type === 'source') {
      for (const topic of node.topics ?? [])
        if (!readers.has(topic)) readers.set(topic, node.subtopology)
    } else if (node.type === 'sink' && node.topic !== undefined) {
      const set = writers.get(node.topic) ?? new Set<number>()
      set.add(node.subtopology)
      writers.set(node.topic, set)
    }
  }
  const repartitions: InternalTopic[] = [...builder.internalTopics().keys()].map((topic) => {
    const reader = readers.get(topic)
    return {
      name: topic,
      type: 'repartition',
      ...(reader !== undefined ? { sourceOf: reader } : {}),
      sinkOf: [...(writers.get(topic) ?? [])],
    }
  })

  const placements = new Map<string, { physical: string[]; subtopologies: Set<number> }>()
  for (const node of nodes) {
    if (node.logicalNodeId === undefined) continue
    const placement = placements.get(node.logicalNodeId) ?? {
      physical: [],
      subtopologies: new Set<number>(),
    }
    placement.physical.push(node.name)
    placement.subtopologies.add(node.subtopology)
    placements.set(node.logicalNodeId, placement)
  }
  const logicalNodes: LogicalNodePlacement[] = [...placements].map(([nodeId, placement]) => ({
    nodeId,
    physicalNodes: placement.physical,
    subtopologies: [...placement.subtopologies].sort((a, b) => a - b),
  }))

  return {
    describe: description.toString(),
    subtopologies,
    nodes,
    stores,
    internalTopics: [...repartitions, ...changelogs],
    logicalNodes,
  }
}
