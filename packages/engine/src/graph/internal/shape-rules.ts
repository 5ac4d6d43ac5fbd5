import { assertNever, type GraphNode, type NodeKind } from '@topology-studio/shared'
import { isTableShape, type Shape } from './shape'

// Which Kafka Streams type each operation is defined on and what it returns, mirroring where the
// methods live in the Java API (KStream, KTable, KGroupedStream, TimeWindowedKStream, ...).

const streamOnly: readonly Shape[] = ['stream']
const streamOrTable: readonly Shape[] = ['stream', 'table', 'windowedTable']
const tables: readonly Shape[] = ['table', 'windowedTable']
const groupedOrWindowed: readonly Shape[] = [
  'groupedStream',
  'groupedTable',
  'windowedStream',
  'sessionWindowedStream',
]

/** The kinds that read a topic and take no input. */
export const SOURCE_KINDS: ReadonlySet<NodeKind> = new Set(['stream', 'table', 'globalTable'])

/**
 * The input shapes a single-input kind accepts; empty for sources. Joins are handled by
 * {@link joinVariant} because their two sides combine.
 */
export function acceptedInputShapes(kind: Exclude<NodeKind, 'join'>): readonly Shape[] {
  switch (kind) {
    case 'stream':
    case 'table':
    case 'globalTable':
      return []
    case 'filter':
    case 'filterNot':
    case 'mapValues':
    case 'groupBy':
      return streamOrTable
    case 'map':
    case 'flatMap':
    case 'flatMapValues':
    case 'selectKey':
    case 'peek':
    case 'foreach':
    case 'split':
    case 'merge':
    case 'repartition':
    case 'groupByKey':
    case 'toTable':
    case 'process':
    case 'sink':
      return streamOnly
    case 'windowedBy':
    case 'cogroup':
      return ['groupedStream']
    case 'count':
    case 'reduce':
    case 'aggregate':
      return groupedOrWindowed
    case 'toStream':
    case 'suppress':
      return tables
    default:
      return assertNever(kind)
  }
}

/**
 * The shape a node outputs given the shape of its (first) input, or `unknown` when the output
 * depends on an input that is missing or not accepted.
 */
export function outputShape(node: GraphNode, input: Shape, right: Shape = 'unknown'): Shape {
  switch (node.kind) {
    case 'stream':
    case 'table':
    case 'globalTable':
      return node.kind
    case 'foreach':
    case 'sink':
      return 'none'
    case 'map':
    case 'flatMap':
    case 'flatMapValues':
    case 'selectKey':
    case 'peek':
    case 'split':
    case 'merge':
    case 'repartition':
    case 'process':
    case 'toStream':
      return 'stream'
    case 'toTable':
      return 'table'
    case 'groupByKey':
      return 'groupedStream'
    case 'filter':
    case 'filterNot':
    case 'mapValues':
    case 'suppress':
      return acceptedInputShapes(node.kind).includes(input) ? input : 'unknown'
    case 'groupBy':
      if (input === 'stream') return 'groupedStream'
      return isTableShape(input) ? 'groupedTable' : 'unknown'
    case 'windowedBy':
      return node.params.window.type === 'session' ? 'sessionWindowedStream' : 'windowedStream'
    case 'cogroup':
      if (input !== 'groupedStream') return 'unknown'
      return node.params.window === undefined ? 'table' : 'windowedTable'
    case 'count':
    case 'reduce':
    case 'aggregate':
      if (input === 'groupedStream' || input === 'groupedTable') return 'table'
      return input === 'windowedStream' || input === 'sessionWindowedStream'
        ? 'windowedTable'
        : 'unknown'
    case 'join': {
      const variant = joinVariant(input, right)
      if (variant === 'table–table') return 'table'
      return variant !== undefined || input === 'stream' ? 'stream' : 'unknown'
    }
    default:
      return assertNever(node)
  }
}

/** How the two inputs of a join pair up, for the pairs Kafka Streams offers. */
export type JoinVariant = 'stream–stream' | 'stream–table' | 'stream–globalTable' | 'table–table'

/** Which join a pair of input shapes makes, or undefined when Kafka Streams has no such join. */
export function joinVariant(left: Shape, right: Shape): JoinVariant | undefined {
  if (left === 'stream') {
    if (right === 'stream') return 'stream–stream'
    if (isTableShape(right)) return 'stream–table'
    if (right === 'globalTable') return 'stream–globalTable'
    return undefined
  }
  return isTableShape(left) && isTableShape(right) ? 'table–table' : undefined
}

/** The shapes a join side can take at all, before looking at the other side. */
export const JOIN_SIDE_SHAPES: Readonly<Record<'left' | 'right', readonly Shape[]>> = {
  left: ['stream', 'table', 'windowedTable'],
  right: ['stream', 'table', 'windowedTable', 'globalTable'],
}
