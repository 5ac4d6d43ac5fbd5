// Why Kafka Streams inserts a repartition topic before a node, in the words a reviewer would use:
// which operator changed the key, which operation needs records grouped by the new key, what
// it costs, and the cheaper way when there is one.
import type { GraphNode, TopologyGraph } from '@topology-studio/shared'
import { nodeLabel } from '@topology-studio/engine'
import type { RepartitionMarker } from './plan-overlay'

const KEY_CHANGERS = new Set(['map', 'selectKey', 'flatMap', 'groupBy'])

/** The nearest node upstream of `nodeId` (itself included) that changes the key, if any. */
function keyChanger(graph: TopologyGraph, nodeId: string): GraphNode | null {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]))
  const seen = new Set<string>()
  const queue = [nodeId]
  while (queue.length > 0) {
    const id = queue.shift() as string
    if (seen.has(id)) continue
    seen.add(id)
    const node = byId.get(id)
    if (node !== undefined && KEY_CHANGERS.has(node.kind)) return node
    for (const edge of graph.edges) if (edge.target === id) queue.push(edge.source)
  }
  return null
}

export function repartitionReason(
  graph: TopologyGraph,
  targetId: string,
  marker: RepartitionMarker,
): string {
  const target = graph.nodes.find((n) => n.id === targetId)
  const incoming = graph.edges.find((e) => e.target === targetId)
  const changer = incoming === undefined ? null : keyChanger(graph, incoming.source)
  const parts: string[] = []
  parts.push(
    changer === null
      ? `The key may have changed upstream of this edge`
      : `${nodeLabel(changer)} changes the key`,
  )
  if (target !== undefined) {
    parts.push(`so ${nodeLabel(target)} needs its records partitioned by the new key`)
  }
  let text =
    `${parts.join(', ')}: Kafka Streams writes them to the internal topic ${marker.topic} ` +
    `(sub-topology ${marker.from.join(', ')}) and reads them back in sub-topology ${marker.to ?? '?'}. ` +
    'That costs one more topic and a network hop for every record.'
  if (
    changer?.kind === 'map' &&
    changer.params.key.lang === 'expression' &&
    changer.params.key.source.trim() === 'key'
  ) {
    text += ` ${nodeLabel(changer)} keeps the key: use mapValues instead and the repartition goes away.`
  } else if (
    changer?.kind === 'selectKey' &&
    changer.params.keySelector.lang === 'expression' &&
    changer.params.keySelector.source.trim() === 'key'
  ) {
    text += ` ${nodeLabel(changer)} keeps the key: remove it and the repartition goes away.`
  } else {
    text +=
      ' Name the topic (Grouped.as / the node name) so it keeps its name when the design changes.'
  }
  return text
}
