// Where the design's edges run when the canvas draws them itself (zoomed out): from the handles
// React Flow measured on each node, computed again only for the edges whose nodes changed.
import { getBezierPath, type InternalNode } from '@xyflow/react'
import { ConnectionMode, getEdgePosition } from '@xyflow/system'

export interface EdgeEnds {
  readonly id: string
  readonly source: string
  readonly target: string
  readonly sourceHandle?: string | null
  readonly targetHandle?: string | null
}

export interface EdgeGeometry {
  /** The SVG path of the edge, the same curve React Flow draws. */
  readonly path: string
  /** Halfway along the curve, where the edge's labels go. */
  readonly labelX: number
  readonly labelY: number
}

/** What of a node an edge's course depends on. */
interface NodeFix {
  readonly node: InternalNode
  readonly x: number
  readonly y: number
  readonly handles: unknown
}

function fixOf(node: InternalNode): NodeFix {
  const { x, y } = node.internals.positionAbsolute
  return { node, x, y, handles: node.internals.handleBounds }
}

function unmoved(fix: NodeFix | undefined, node: InternalNode | undefined): boolean {
  if (fix === undefined || node === undefined) return fix === undefined && node === undefined
  const { x, y } = node.internals.positionAbsolute
  return (
    fix.node === node && fix.x === x && fix.y === y && fix.handles === node.internals.handleBounds
  )
}

interface Course {
  readonly edge: EdgeEnds
  readonly source: NodeFix | undefined
  readonly target: NodeFix | undefined
  readonly geometry: EdgeGeometry | null
}

/**
 * The geometry of each edge on the nodes' current positions and handles. Reading it again with
 * nothing moved returns the very same map, so that a pan, which changes only the viewport,
 * costs a look at each edge's two nodes and no drawing.
 */
export class EdgeGeometryCache {
  private edges: readonly EdgeEnds[] = []
  private courses = new Map<string, Course>()
  private geometry: ReadonlyMap<string, EdgeGeometry> = new Map()

  read(
    edges: readonly EdgeEnds[],
    nodes: ReadonlyMap<string, InternalNode>,
    connectionMode: ConnectionMode = ConnectionMode.Strict,
  ): ReadonlyMap<string, EdgeGeometry> {
    if (edges === this.edges && this.allUnmoved(nodes)) return this.geometry
    const courses = new Map<string, Course>()
    const geometry = new Map<string, EdgeGeometry>()
    for (const edge of edges) {
      const source = nodes.get(edge.source)
      const target = nodes.get(edge.target)
      const known = this.courses.get(edge.id)
      const course =
        known !== undefined &&
        sameEnds(known.edge, edge) &&
        unmoved(known.source, source) &&
        unmoved(known.target, target)
          ? known
          : {
              edge,
              source: source === undefined ? undefined : fixOf(source),
              target: target === undefined ? undefined : fixOf(target),
              geometry: courseOf(edge, source, target, connectionMode),
            }
      courses.set(edge.id, course)
      if (course.geometry !== null) geometry.set(edge.id, course.geometry)
    }
    this.edges = edges
    this.courses = courses
    this.geometry = geometry
    return geometry
  }

  private allUnmoved(nodes: ReadonlyMap<string, InternalNode>): boolean {
    for (const edge of this.edges) {
      const course = this.courses.get(edge.id)
      if (course === undefined) return false
      if (!unmoved(course.source, nodes.get(edge.source))) return false
      if (!unmoved(course.target, nodes.get(edge.target))) return false
    }
    return true
  }
}

function sameEnds(before: EdgeEnds, now: EdgeEnds): boolean {
  return (
    before.source === now.source &&
    before.target === now.target &&
    (before.sourceHandle ?? null) === (now.sourceHandle ?? null) &&
    (before.targetHandle ?? null) === (now.targetHandle ?? null)
  )
}

function courseOf(
  edge: EdgeEnds,
  source: InternalNode | undefined,
  target: InternalNode | undefined,
  connectionMode: ConnectionMode,
): EdgeGeometry | null {
  if (source === undefined || target === undefined) return null
  const ends = getEdgePosition({
    id: edge.id,
    sourceNode: source,
    targetNode: target,
    sourceHandle: edge.sourceHandle ?? null,
    targetHandle: edge.targetHandle ?? null,
    connectionMode,
  })
  if (ends === null) return null
  const [path, labelX, labelY] = getBezierPath(ends)
  return { path, labelX, labelY }
}
