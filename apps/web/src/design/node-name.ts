import type { GraphNode } from '@topology-studio/shared'

/** How the app names a design node in sentences: its kind and label, e.g. `count "Count"`. */
export function nodeName(node: GraphNode): string {
  return `${node.kind} "${node.label ?? node.id}"`
}
