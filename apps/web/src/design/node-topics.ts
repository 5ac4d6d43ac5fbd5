import type { GraphNode } from '@topology-studio/shared'

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
