import type { GraphIndex } from './graph-index'
import type { ReadGraph } from './read-graph'
import type { Shape } from './shape'

/** What every validation check reads. */
export interface CheckContext {
  graph: ReadGraph
  index: GraphIndex
  shapes: ReadonlyMap<string, Shape>
}

/** The inferred shape of a node, `unknown` for ids that are not nodes. */
export function shapeOf(context: CheckContext, nodeId: string): Shape {
  return context.shapes.get(nodeId) ?? 'unknown'
}
