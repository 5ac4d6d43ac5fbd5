import type { GraphNode, TopologyGraph } from '@topology-studio/shared'

/**
 * The topics a source or sink node names, in the order given: none for other nodes, a source
 * read by pattern, or a sink whose topic a function picks.
 */
export function nodeTopics(node: GraphNode): string[] {
  switch (node.kind) {
    case 'stream':
      return 'topics' in node.params ? node.params.topics.filter((t) => t !== '') : []
    case 'table':
    case 'globalTable':
      return node.params.topic === '' ? [] : [node.params.topic]
    case 'sink':
      return 'topic' in node.params && node.params.topic !== '' ? [node.params.topic] : []
    default:
      return []
  }
}

/** Every topic the design names, once each, in node order. */
export function designTopics(graph: TopologyGraph): string[] {
  return [...new Set(graph.nodes.flatMap(nodeTopics))]
}

/** The topics the design's sources read, or its sinks write, once each. */
export function designTopicsOf(graph: TopologyGraph, side: 'source' | 'sink'): string[] {
  const nodes = graph.nodes.filter((n) => (n.kind === 'sink') === (side === 'sink'))
  return [...new Set(nodes.flatMap(nodeTopics))]
}
