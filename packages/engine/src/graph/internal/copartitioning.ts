import type { Diagnostic, GraphNode, TopologyGraph } from '@topology-studio/shared'
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
 * What each join (and cogroup) needs co-partitioned, checked before any run the way Kafka
 * Streams checks it at start-up:
 * - `join/repartitioned-input` for each repartition topic the node's own step inserts because
 *   an input was re-keyed upstream (with the partition count it will take, when known);
 * - with a cluster, `join/not-copartitioned` when the user topics (and repartition topics given
 *   an explicit count) differ in partition count, or `join/copartitioning-unchecked` when a user
 *   topic is missing from the cluster. Repartition topics without a count take the others'.
 */
export function copartitionDiagnostics(
  graph: TopologyGraph,
  topology: Topology,
  cluster: ClusterTopics | undefined,
): Diagnostic[] {
  const builder = topology.internalBuilder
  const internal = builder.internalTopics()
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]))
  // Which design node's step created the source reading each repartition topic.
  const readBy = new Map<string, string | undefined>()
  for (const factory of builder.nodes().values()) {
    if (factory.type !== 'source') continue
    for (const topic of factory.topics ?? []) {
      if (internal.has(topic) && !readBy.has(topic))
        readBy.set(topic, builder.originOf(factory.name))
    }
  }
  const diagnostics: Diagnostic[] = []
  const checked = new Set<string>()
  for (const group of builder.copartitionGroups()) {
    const node = group.origin === undefined ? undefined : nodes.get(group.origin)
    if (node === undefined) continue
    const topics = builder.copartitionGroupTopics(group)
    const counts = new Map<string, number>()
    const missing: string[] = []
    for (const topic of topics) {
      const count = internal.has(topic)
        ? internal.get(topic)?.numberOfPartitions
        : cluster?.partitions.get(topic)
      if (count !== undefined) counts.set(topic, count)
      else if (!internal.has(topic)) missing.push(topic)
    }
    const distinct = new Set(counts.values())
    const [like] = counts
    for (const topic of topics) {
      if (internal.get(topic)?.numberOfPartitions !== undefined) continue
      if (!internal.has(topic) || readBy.get(topic) !== node.id) continue
      diagnostics.push(
        createDiagnostic(
          'join/repartitioned-input',
          {
            node: nodeLabel(node),
            topic: `${graph.applicationId}-${topic}`,
            ...(distinct.size === 1 && like !== undefined
              ? { partitions: like[1], like: like[0] }
              : {}),
          },
          { nodeId: node.id },
        ),
      )
    }
    if (cluster !== undefined && !checked.has(node.id)) {
      const finding = partitionFinding(node, cluster, counts, distinct.size, missing)
      if (finding !== undefined) {
        checked.add(node.id)
        diagnostics.push(finding)
      }
    }
  }
  return diagnostics
}

function partitionFinding(
  node: GraphNode,
  cluster: ClusterTopics,
  counts: ReadonlyMap<string, number>,
  distinct: number,
  missing: string[],
): Diagnostic | undefined {
  const place = { nodeId: node.id }
  if (distinct > 1) {
    const topics = [...counts]
      .map(([topic, n]) => `${topic} (${n} partition${n === 1 ? '' : 's'})`)
      .join(', ')
    return createDiagnostic(
      'join/not-copartitioned',
      { node: nodeLabel(node), cluster: cluster.name, topics },
      place,
    )
  }
  if (missing.length > 0) {
    return createDiagnostic(
      'join/copartitioning-unchecked',
      { node: nodeLabel(node), cluster: cluster.name, missing },
      place,
    )
  }
  return undefined
}
