// Rebuilds a Topology from a PhysicalPlan through the Processor API, choosing the insertion and
// declaration orders so that describe() prints the plan's lists (see fromDescription).
import type {
  PhysicalNode,
  PhysicalPlan,
  PhysicalStore,
  Subtopology,
} from '@topology-studio/shared'
import type { ProcessorSupplier, TopicNameExtractor } from '../processor/processor'
import type { StoreBuilder } from '../state/store-builder'
import { Stores } from '../state/stores'
import { Topology } from '../topology/topology'
import { TopologyException } from '../topology/topology-exception'
import { findDeclarationOrder } from './internal/describe-text/declaration-order'
import { topicPattern } from './internal/describe-text/topic-pattern'

// The plan only knows node names and links, so processors do nothing.
const noopProcessor: ProcessorSupplier = () => ({ process() {} })

/** A sink extractor known only by the text describe() printed for it. */
function describedExtractor(sink: string, text: string): TopicNameExtractor {
  return {
    extract() {
      throw new TopologyException(
        `Sink ${sink} routes records with ${text}, which is only known by its description.`,
      )
    },
    toString: () => text,
  }
}

function storeBuilder(store: PhysicalStore | undefined, name: string): StoreBuilder {
  const builder = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name))
  return store?.logged === false || store?.global === true ? builder.withLoggingDisabled() : builder
}

function requireNode(nodes: ReadonlyMap<string, PhysicalNode>, name: string): PhysicalNode {
  const node = nodes.get(name)
  if (node === undefined) throw new TopologyException(`The plan has no node named ${name}.`)
  return node
}

function addGlobalStore(
  topology: Topology,
  subtopology: Subtopology,
  nodes: ReadonlyMap<string, PhysicalNode>,
  stores: ReadonlyMap<string, PhysicalStore>,
): void {
  const members = subtopology.nodes.map((name) => requireNode(nodes, name))
  const source = members.find((node) => node.type === 'source')
  const processor = members.find((node) => node.type === 'processor')
  const storeName = processor?.stores[0]
  const topic = source?.topics?.[0]
  if (source === undefined || processor === undefined || storeName === undefined || !topic) {
    throw new TopologyException(
      `Global sub-topology ${subtopology.id} needs a source with a topic and a processor with a store.`,
    )
  }
  const builder = storeBuilder(stores.get(storeName), storeName).withLoggingDisabled()
  topology.addGlobalStore(builder, source.name, {}, topic, processor.name, noopProcessor)
}

function addNode(topology: Topology, node: PhysicalNode, parents: readonly string[]): void {
  switch (node.type) {
    case 'source':
      if (node.topicPattern !== undefined)
        topology.addSource(node.name, topicPattern(node.topicPattern))
      else topology.addSource(node.name, ...(node.topics ?? []))
      return
    case 'processor':
      topology.addProcessor(node.name, noopProcessor, ...parents)
      return
    case 'sink': {
      const target =
        node.topicExtractor !== undefined
          ? describedExtractor(node.name, node.topicExtractor)
          : (node.topic ?? '')
      topology.addSink(node.name, target, ...parents)
      return
    }
  }
}

function addSubtopology(
  topology: Topology,
  subtopology: Subtopology,
  nodes: ReadonlyMap<string, PhysicalNode>,
  stores: ReadonlyMap<string, PhysicalStore>,
  added: Set<string>,
): void {
  const members = subtopology.nodes.map((name) => requireNode(nodes, name))
  const index = new Map(members.map((node, i) => [node.name, i]))
  const ids = (names: readonly string[]) =>
    names.map((name) => {
      const id = index.get(name)
      if (id === undefined) {
        throw new TopologyException(
          `${name} is linked from sub-topology ${subtopology.id} but not in it.`,
        )
      }
      return id
    })
  const order = findDeclarationOrder({
    names: members.map((node) => node.name),
    predecessors: members.map((node) => ids(node.predecessors)),
    successors: members.map((node) => ids(node.successors)),
  })
  for (const id of order.insertion) {
    const parents = (order.predecessors[id] as readonly number[]).map(
      (parent) => (members[parent] as PhysicalNode).name,
    )
    addNode(topology, members[id] as PhysicalNode, parents)
  }
  // Connecting in printed order keeps that order: describe() prints a processor's stores in
  // Java HashSet order, which breaks ties by connection order.
  for (const node of members) {
    for (const name of node.stores) {
      if (!added.has(name)) {
        topology.addStateStore(storeBuilder(stores.get(name), name))
        added.add(name)
      }
    }
    if (node.stores.length > 0) topology.connectProcessorAndStateStores(node.name, ...node.stores)
  }
}

/**
 * Rebuilds `plan` as a Processor API topology whose `describe().toString()` equals
 * `plan.describe` whenever Kafka Streams could have printed it: sub-topologies are added in id
 * order (ids follow each component's first node), and within each one the node insertion
 * order and every node's parent order are searched so the `-->`/`<--` lists come out as
 * planned. Processors do nothing and every store is an in-memory key-value store.
 *
 * @throws TopologyException when the plan is inconsistent (unknown nodes, links across
 *   sub-topologies, malformed global stores); `fromDescription` reports these as diagnostics.
 */
export function topologyFromPlan(plan: PhysicalPlan): Topology {
  const topology = new Topology()
  const nodes = new Map(plan.nodes.map((node) => [node.name, node]))
  const stores = new Map(plan.stores.map((store) => [store.name, store]))
  const added = new Set<string>()
  for (const subtopology of [...plan.subtopologies].sort((a, b) => a.id - b.id)) {
    if (subtopology.global) addGlobalStore(topology, subtopology, nodes, stores)
    else addSubtopology(topology, subtopology, nodes, stores, added)
  }
  // Stores no processor uses do not show in describe(), but belong to the topology.
  for (const store of plan.stores) {
    if (!store.global && !added.has(store.name)) {
      topology.addStateStore(storeBuilder(store, store.name))
    }
  }
  return topology
}
