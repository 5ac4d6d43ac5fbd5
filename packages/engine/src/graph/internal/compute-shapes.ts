import type { GraphEdge } from '@topology-studio/shared'
import { inputsOf, outputsOf, type GraphIndex } from './graph-index'
import type { Shape } from './shape'
import { outputShape } from './shape-rules'

/**
 * Infers every node's output shape in topological order. Nodes on a cycle, and nodes that are
 * not valid, get `unknown`, as does anything whose output depends on an unknown input.
 */
export function computeShapes(index: GraphIndex): Map<string, Shape> {
  const shapes = new Map<string, Shape>()
  for (const id of index.knownIds) shapes.set(id, 'unknown')
  const pending = new Map<string, number>()
  const ready: string[] = []
  for (const id of index.knownIds) {
    const count = inputsOf(index, id).length
    pending.set(id, count)
    if (count === 0) ready.push(id)
  }
  for (let head = 0; head < ready.length; head++) {
    const id = ready[head]!
    const node = index.nodes.get(id)
    if (node) {
      const inputs = inputsOf(index, id)
      const shapeOf = (edges: readonly GraphEdge[]) => commonShape(edges, shapes)
      shapes.set(
        id,
        node.kind === 'join'
          ? outputShape(
              node,
              shapeOf(inputs.filter((edge) => edge.targetPort === 'left')),
              shapeOf(inputs.filter((edge) => edge.targetPort === 'right')),
            )
          : outputShape(node, shapeOf(inputs)),
      )
    }
    for (const edge of outputsOf(index, id)) {
      const left = pending.get(edge.target)! - 1
      pending.set(edge.target, left)
      if (left === 0) ready.push(edge.target)
    }
  }
  return shapes
}

/** The shape shared by all the given inputs, `unknown` if there are none or they differ. */
function commonShape(edges: readonly GraphEdge[], shapes: ReadonlyMap<string, Shape>): Shape {
  const found = new Set(edges.map((edge) => shapes.get(edge.source) ?? 'unknown'))
  const [only] = found
  return found.size === 1 && only !== undefined ? only : 'unknown'
}
