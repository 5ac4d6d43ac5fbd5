// Mirrors Kafka Streams' InternalStreamsBuilder: the logical graph of DSL operations, the
// shared name counter, the optimizations of `topology.optimization`, and the write of the
// graph into the physical topology in build-priority order.
import { InternalTopologyBuilder } from '../../topology/internal-topology-builder'
import { TopologyException } from '../../topology/topology-exception'
import { GraphNode, RootNode } from './graph-node'
import {
  RepartitionNode,
  StreamSourceNode,
  StreamStreamJoinNode,
  StreamTableJoinNode,
  TableSourceNode,
} from './graph-nodes'
import type { InternalNameProvider } from './names'
import { optimizeSelfJoins } from './optimize-self-joins'
import { createRepartitionedSource } from './repartition'
import { PriorityQueue } from './priority-queue'

export const REUSE_KTABLE_SOURCE_TOPICS = 'reuse.ktable.source.topics'
export const MERGE_REPARTITION_TOPICS = 'merge.repartition.topics'
export const SINGLE_STORE_SELF_JOIN = 'single.store.self.join'
const ALL_OPTIMIZATIONS = [
  REUSE_KTABLE_SOURCE_TOPICS,
  MERGE_REPARTITION_TOPICS,
  SINGLE_STORE_SELF_JOIN,
]

/** Parses `topology.optimization` as `StreamsConfig#verifyTopologyOptimizationConfigs`. */
export function parseOptimizations(value: unknown): Set<string> {
  if (value === undefined || value === null) return new Set()
  const configs = String(value)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
  if (configs.includes('none')) {
    if (configs.length > 1) {
      throw new TopologyException(
        `A topology optimization config of "none" cannot be combined with other configs: ${String(value)}`,
      )
    }
    return new Set()
  }
  if (configs.includes('all')) {
    if (configs.length > 1) {
      throw new TopologyException(
        `A topology optimization config of "all" cannot be combined with other configs: ${String(value)}`,
      )
    }
    return new Set(ALL_OPTIMIZATIONS)
  }
  for (const config of configs) {
    if (!ALL_OPTIMIZATIONS.includes(config)) {
      throw new TopologyException(
        `Unrecognized config for topology.optimization: ${config}; expected none, all or a list of ${ALL_OPTIMIZATIONS.join(', ')}`,
      )
    }
  }
  return new Set(configs)
}

export class InternalStreamsBuilder implements InternalNameProvider {
  readonly topologyBuilder = new InternalTopologyBuilder()
  readonly root = new RootNode()
  private index = 0
  private buildPriorityIndex = 0
  private readonly keyChangingToRepartitions = new Map<GraphNode, RepartitionNode[]>()
  private readonly mergeNodes = new Set<GraphNode>()
  private readonly tableSourceNodes = new Set<TableSourceNode>()
  /** Origin stamped on every graph node added while it is set (see `compileGraph`). */
  currentOrigin: string | null = null

  newProcessorName(prefix: string): string {
    return `${prefix}${String(this.index++).padStart(10, '0')}`
  }

  newStoreName(prefix: string): string {
    return `${prefix}STATE-STORE-${String(this.index++).padStart(10, '0')}`
  }

  addGraphNode(parents: GraphNode | readonly GraphNode[], child: GraphNode): void {
    const list = parents instanceof GraphNode ? [parents] : parents
    if (list.length === 0) throw new TopologyException('Parent node collection cannot be empty')
    if (child.origin === null) child.origin = this.currentOrigin
    for (const parent of list) {
      parent.addChild(child)
      this.recordForOptimization(child)
    }
  }

  private recordForOptimization(node: GraphNode): void {
    node.buildPriority = this.buildPriorityIndex++
    if (node.keyChangingOperation) {
      this.keyChangingToRepartitions.set(node, [])
    } else if (node instanceof RepartitionNode && node.kind === 'optimizable') {
      const keyChanger = this.keyChangingParentOf(node)
      if (keyChanger !== null) {
        const list = this.keyChangingToRepartitions.get(keyChanger)
        if (list !== undefined && !list.includes(node)) list.push(node)
      }
    } else if (node.mergeNode) {
      this.mergeNodes.add(node)
    } else if (node instanceof TableSourceNode) {
      this.tableSourceNodes.add(node)
    }
  }

  private keyChangingParentOf(node: GraphNode): GraphNode | null {
    const keyOrValueChanger = findParentNodeMatching(
      node,
      (n) => n.keyChangingOperation || n.valueChangingOperation,
    )
    const keyChanger = findParentNodeMatching(node, (n) => n.keyChangingOperation)
    return keyOrValueChanger !== null && keyOrValueChanger === keyChanger ? keyChanger : null
  }

  /**
   * Writes the logical graph into the physical topology. As in Kafka Streams it may be called
   * again after more DSL calls: nodes already written are skipped, so topologies grow.
   */
  buildAndOptimizeTopology(optimizations: ReadonlySet<string>): InternalTopologyBuilder {
    this.mergeDuplicateSourceNodes()
    if (optimizations.has(REUSE_KTABLE_SOURCE_TOPICS)) {
      for (const node of this.tableSourceNodes) node.reuseSourceTopicForChangelog = true
    }
    if (optimizations.has(MERGE_REPARTITION_TOPICS)) this.mergeRepartitionTopics()
    if (optimizations.has(SINGLE_STORE_SELF_JOIN)) optimizeSelfJoins(this.root)
    markNullKeyTolerantRepartitions(this.root)

    // Nodes are written in build-priority order once all their parents are written, as
    // Kafka's priority-queue walk does. A node offers its children only once it is written:
    // a child becomes writable exactly when its last parent is written, so this yields the
    // same order without Kafka's repeated offers. Nodes written by an earlier build() are
    // walked through so that operations added since then are written too.
    const queue = new PriorityQueue<GraphNode>()
    const offered = new Set<GraphNode>([this.root])
    queue.push(this.root, this.root.buildPriority)
    while (queue.size > 0) {
      const node = queue.pop() as GraphNode
      if (!node.written) {
        if (!node.allParentsWritten()) {
          offered.delete(node)
          continue
        }
        this.topologyBuilder.setOrigin(node.origin)
        node.writeToTopology(this.topologyBuilder)
        node.written = true
      }
      for (const child of node.children) {
        if (!offered.has(child)) {
          offered.add(child)
          queue.push(child, child.buildPriority)
        }
      }
    }
    this.topologyBuilder.setOrigin(null)
    return this.topologyBuilder
  }

  private mergeDuplicateSourceNodes(): void {
    const byTopic = new Map<string, StreamSourceNode>()
    const byPattern = new Map<string, StreamSourceNode>()
    for (const node of [...this.root.children]) {
      if (!(node instanceof StreamSourceNode)) continue
      if (node.pattern !== null) {
        const key = `${node.pattern.source}/${node.pattern.flags}`
        const main = byPattern.get(key)
        if (main === undefined) byPattern.set(key, node)
        else this.mergeSourceInto(main, node)
        continue
      }
      const topics = node.topics ?? []
      const main = topics.map((topic) => byTopic.get(topic)).find((found) => found !== undefined)
      if (main === undefined) {
        for (const topic of topics) byTopic.set(topic, node)
        continue
      }
      const sameTopics =
        main.topics !== null &&
        main.topics.length === topics.length &&
        topics.every((topic) => main.topics?.includes(topic))
      if (!sameTopics) {
        throw new TopologyException(
          `Two source nodes are subscribed to overlapping but not equal input topics: ${JSON.stringify(main.topics)} and ${JSON.stringify(topics)}`,
        )
      }
      this.mergeSourceInto(main, node)
    }
  }

  private mergeSourceInto(main: StreamSourceNode, duplicate: StreamSourceNode): void {
    for (const child of [...duplicate.children]) {
      duplicate.removeChild(child)
      main.addChild(child)
    }
    this.root.removeChild(duplicate)
  }

  /** `merge.repartition.topics`: one repartition per key-changing node (or merge). */
  private mergeRepartitionTopics(): void {
    this.includeMergeNodes()
    for (const [keyChanger, repartitions] of [...this.keyChangingToRepartitions]) {
      if (repartitions.length === 0) continue
      const first = repartitions[0] as RepartitionNode
      const keySerde = repartitions.find((r) => r.keySerde !== null)?.keySerde ?? null
      const valueSerde = repartitions.find((r) => r.valueSerde !== null)?.valueSerde ?? null
      const optimized = createRepartitionedSource(this, 'optimizable', first.repartitionTopic, {
        keySerde,
        valueSerde,
      })
      optimized.origin = first.origin
      optimized.buildPriority = keyChanger.buildPriority
      for (const replaced of repartitions) {
        const keyChangerChild = findParentNodeMatching(replaced, (n) =>
          n.parents.includes(keyChanger),
        )
        if (keyChangerChild === null) {
          throw new TopologyException(`Found no child of the key changer for ${replaced.nodeName}`)
        }
        optimized.addChild(keyChangerChild)
        keyChanger.removeChild(keyChangerChild)
        const replacedParents = [...replaced.parents]
        for (const child of [...replaced.children]) {
          for (const parent of replacedParents) parent.addChild(child)
        }
        for (const parent of replacedParents) parent.removeChild(replaced)
        replaced.clearChildren()
      }
      keyChanger.addChild(optimized)
      this.keyChangingToRepartitions.delete(keyChanger)
    }
  }

  /** A merge of key-changed streams collects the repartitions of all its key changers. */
  private includeMergeNodes(): void {
    const mergeToKeyChangers = new Map<GraphNode, GraphNode[]>()
    const toRemove = new Set<GraphNode>()
    for (const mergeNode of this.mergeNodes) {
      const keyChangers: GraphNode[] = []
      mergeToKeyChangers.set(mergeNode, keyChangers)
      for (const [keyChanger, repartitions] of this.keyChangingToRepartitions) {
        const allBelowMerge = repartitions.every(
          (r) => findParentNodeMatching(r, (n) => n.parents.includes(mergeNode)) !== null,
        )
        if (!allBelowMerge) continue
        const path = findParentNodeMatching(mergeNode, (n) => n.parents.includes(keyChanger))
        if (path !== null && !keyChangers.includes(keyChanger)) keyChangers.push(keyChanger)
      }
    }
    for (const [mergeNode, keyChangers] of mergeToKeyChangers) {
      const repartitions: RepartitionNode[] = []
      for (const keyChanger of keyChangers) {
        for (const r of this.keyChangingToRepartitions.get(keyChanger) ?? []) {
          if (!repartitions.includes(r)) repartitions.push(r)
        }
        toRemove.add(keyChanger)
      }
      this.keyChangingToRepartitions.set(mergeNode, repartitions)
    }
    for (const keyChanger of toRemove) this.keyChangingToRepartitions.delete(keyChanger)
  }

  /** Stream–stream join nodes, for the self-join rewrite. */
  static isStreamStreamJoin(node: GraphNode): node is StreamStreamJoinNode {
    return node instanceof StreamStreamJoinNode
  }
}

/**
 * Kafka's `findParentNodeMatching`: the node itself, a direct parent, or else the result of
 * searching the last parent's ancestry (earlier parents' results are overwritten).
 */
export function findParentNodeMatching(
  start: GraphNode,
  predicate: (node: GraphNode) => boolean,
): GraphNode | null {
  if (predicate(start)) return start
  let found: GraphNode | null = null
  for (const parent of start.parents) {
    if (predicate(parent)) return parent
    found = findParentNodeMatching(parent, predicate)
  }
  return found
}

/** Stream–table and stream–globalTable left joins and stream–stream left/outer joins. */
function isNullKeyTolerantJoin(node: GraphNode): boolean {
  if (node instanceof StreamStreamJoinNode) return !node.inner
  if (node instanceof StreamTableJoinNode) {
    return node.logic.kind === 'operator' && node.logic.operator['leftJoin'] === true
  }
  return false
}

/**
 * As Kafka's NodesWithRelaxedNullKeyJoinDownstream: a repartition keeps null keys when a join
 * that tolerates them is anywhere downstream, and drops them otherwise.
 */
function markNullKeyTolerantRepartitions(root: GraphNode): void {
  // Iterative post-order walk: designs can chain thousands of nodes.
  const tolerantBelow = new Map<GraphNode, boolean>()
  const stack: { node: GraphNode; expanded: boolean }[] = [{ node: root, expanded: false }]
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { node: GraphNode; expanded: boolean }
    if (tolerantBelow.has(top.node)) {
      stack.pop()
    } else if (!top.expanded) {
      top.expanded = true
      for (const child of top.node.children) {
        if (!tolerantBelow.has(child)) stack.push({ node: child, expanded: false })
      }
    } else {
      stack.pop()
      const tolerant = top.node.children.some(
        (child) => tolerantBelow.get(child) === true || isNullKeyTolerantJoin(child),
      )
      tolerantBelow.set(top.node, tolerant)
      if (top.node instanceof RepartitionNode) top.node.dropsNullKeys = !tolerant
    }
  }
}
