import type { NodeKind } from '@topology-studio/shared'

/**
 * The variables a declarative expression of a node parameter can read, in the order a
 * JavaScript function for the same parameter receives them as arguments.
 */
export function functionVariables(kind: NodeKind, param: string): readonly string[] {
  const leaf = param.replace(/^.*\./, '')
  switch (leaf) {
    case 'initializer':
      return []
    case 'reducer':
      return ['aggregate', 'value']
    case 'subtractor':
      return kind === 'reduce' ? ['aggregate', 'value'] : ['key', 'value', 'aggregate']
    case 'aggregator':
      return ['key', 'value', 'aggregate']
    case 'merger':
      return ['key', 'aggregate1', 'aggregate2']
    case 'joiner':
      return ['key', 'left', 'right']
    default:
      return ['key', 'value']
  }
}
