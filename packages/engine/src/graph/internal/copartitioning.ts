import type { Diagnostic, TopologyGraph } from '@topology-studio/shared'
import type { Topology } from '../../topology/topology'
import { createDiagnostic } from '../diagnostic-codes'
import { nodeLabel } from './node-label'

/** The topics of the cluster a design will run on, with their partition counts. */
export interface ClusterTopics {
  /** How messages name the cluster, e.g. its name or bootstrap servers. */
  readonly name: string
  readonly partitions: ReadonlyMap<string, number>
}

/**
 * Joins whose inputs the cluster shows are not co-partitioned, checked before any run the way
 * Kafka Streams checks them at start-up: the user topics of each join (and repartition topics
 * given an explicit count) must have one partition count; repartition topics without one take
 * the others' count. A user topic missing from the cluster leaves the join unchecked.
 */
export function copartitionDiagnostics(
  graph: TopologyGraph,
  topology: Topology,
  cluster: ClusterTopics,
): Diagnostic[] {
  const builder = topology.internalBuilder
  const internal = builder.internalTopics()
  const diagnostics: Diagnostic[] = []
  const reported = new Set<string>()
  for (const group of builder.copartitionGroups()) {
    const node = graph.nodes.find((n) => n.id === group.origin)
    if (node === undefined || reported.has(node.id)) continue
    const counts = new Map<string, number>()
    const missing: string[] = []
    for (const topic of builder.copartitionGroupTopics(group)) {
      const count = internal.has(topic)
        ? internal.get(topic)?.numberOfPartitions
        : cluster.partitions.get(topic)
      if (count !== undefined) counts.set(topic, count)
      else if (!internal.has(topic)) missing.push(topic)
    }
    const place = { nodeId: node.id }
    if (new Set(counts.values()).size > 1) {
      reported.add(node.id)
      const topics = [...counts]
        .map(([topic, n]) => `${topic} (${n} partition${n === 1 ? '' : 's'})`)
        .join(', ')
      diagnostics.push(
        createDiagnostic(
          'join/not-copartitioned',
          { node: nodeLabel(node), cluster: cluster.name, topics },
          place,
        ),
      )
    } else if (missing.length > 0) {
      reported.add(node.id)
      diagnostics.push(
        createDiagnostic(
          'join/copartitioning-unchecked',
          { node: nodeLabel(node), cluster: cluster.name, missing },
          place,
        ),
      )
    }
  }
  return diagnostics
}

/**
 * One `join/repartitioned-input` per join that reads a repartition topic Kafka Streams inserts
 * because an input was re-keyed upstream: flagged before any run, with the partition count the
 * topic will take when the cluster tells it.
 */
export function repartitionedJoinInputs(
  graph: TopologyGraph,
  topology: Topology,
  cluster: ClusterTopics | undefined,
): Diagnostic[] {
  const builder = topology.internalBuilder
  const internal = builder.internalTopics()
  const diagnostics: Diagnostic[] = []
  for (const group of builder.copartitionGroups()) {
    const node = graph.nodes.find((n) => n.id === group.origin)
    if (node === undefined) continue
    const topics = builder.copartitionGroupTopics(group)
    const fixed = topics.flatMap((topic) => {
      const count = internal.has(topic)
        ? internal.get(topic)?.numberOfPartitions
        : cluster?.partitions.get(topic)
      return count === undefined ? [] : [[topic, count] as const]
    })
    const [first] = fixed
    const follows =
      first !== undefined && fixed.every(([, count]) => count === first[1]) ? first : undefined
    for (const topic of topics) {
      const props = internal.get(topic)
      if (props === undefined || props.numberOfPartitions !== undefined) continue
      // Only the repartitions this node's own step inserts: an upstream aggregation's or an
      // explicit repartition() are that node's business.
      if (!insertedBy(topology, topic, node.id)) continue
      diagnostics.push(
        createDiagnostic(
          'join/repartitioned-input',
          {
            node: nodeLabel(node),
            topic: `${graph.applicationId}-${topic}`,
            ...(follows === undefined ? {} : { partitions: follows[1], like: follows[0] }),
          },
          { nodeId: node.id },
        ),
      )
    }
  }
  return diagnostics
}

/** Whether a repartition topic is read back by a source that compiling `nodeId` created. */
function insertedBy(topology: Topology, topic: string, nodeId: string): boolean {
  const builder = topology.internalBuilder
  for (const factory of builder.nodes().values()) {
    if (factory.type === 'source' && factory.topics?.includes(topic) === true) {
      return builder.originOf(factory.name) === nodeId
    }
  }
  return false
}
