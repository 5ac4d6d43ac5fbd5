import type { GraphNode } from '@topology-studio/shared'

/** How messages refer to a node: its kind and the name the user sees on the canvas. */
export function nodeLabel(node: GraphNode): string {
  const name = node.label ?? ('name' in node.params ? node.params.name : undefined)
  return `${node.kind} "${name !== undefined && name !== '' ? name : node.id}"`
}

/** Formats a param path as the UI shows it: `branches[1].predicate`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('')
}
