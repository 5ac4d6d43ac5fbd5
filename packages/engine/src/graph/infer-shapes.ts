import type { TopologyGraph } from '@topology-studio/shared'
import { computeShapes } from './internal/compute-shapes'
import { indexGraph } from './internal/graph-index'
import { readGraph } from './internal/read-graph'
import type { Shape } from './internal/shape'

export { SHAPES, shapeName } from './internal/shape'
export type { Shape } from './internal/shape'

/**
 * Infers what each node of a design outputs (a KStream, a KTable, a KGroupedStream, ...), for
 * typed ports on the canvas and for the planner. Never throws: a node whose type cannot be
 * known (missing or wrong inputs, a cycle, invalid params) maps to `unknown`.
 *
 * @param graph - the design, possibly half-edited
 * @returns the shape of every node id in the design
 * @example
 * inferNodeShapes(graph).get('counts') // 'windowedTable' after groupByKey → windowedBy → count
 */
export function inferNodeShapes(graph: TopologyGraph): Map<string, Shape> {
  const { index } = indexGraph(readGraph(graph).graph)
  return computeShapes(index)
}
