// Which wires the DSL allows, checked while the user drags one: a node takes the Kafka Streams
// types its operation is defined on (count takes a KGroupedStream, not a KStream, ...).
import { acceptedInputShapes, shapeName, SOURCE_KINDS, type Shape } from '@topology-studio/engine'
import type { NodeKind, TopologyGraph } from '@topology-studio/shared'

const TERMINAL_KINDS: ReadonlySet<NodeKind> = new Set(['sink', 'foreach'])

export function takesInput(kind: NodeKind): boolean {
  return !SOURCE_KINDS.has(kind)
}

export function givesOutput(kind: NodeKind): boolean {
  return !TERMINAL_KINDS.has(kind)
}

/**
 * Null when the wire is allowed; otherwise why not, in the DSL's words. `shapes` are the nodes'
 * output types, inferred once per edit by the plan store.
 */
export function connectionProblem(
  graph: TopologyGraph,
  shapes: ReadonlyMap<string, Shape>,
  sourceId: string,
  targetId: string,
): string | null {
  if (sourceId === targetId) return 'A node cannot feed itself'
  const source = graph.nodes.find((n) => n.id === sourceId)
  const target = graph.nodes.find((n) => n.id === targetId)
  if (source === undefined || target === undefined) return 'Unknown node'
  if (!takesInput(target.kind)) return `${target.kind} reads a topic and takes no input`
  const shape = shapes.get(sourceId) ?? 'unknown'
  if (shape === 'unknown' || target.kind === 'join') return null
  const accepted = acceptedInputShapes(target.kind)
  if (accepted.includes(shape)) return null
  return `${target.kind} is defined on ${accepted.map(shapeName).join(' or ')}, but ${source.label ?? source.id} gives ${shapeName(shape)}`
}
