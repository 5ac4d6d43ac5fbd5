// Left-to-right layered layout (ELK's Sugiyama-style "layered" algorithm) for the design canvas
// and the physical plan. ELK is large, so it is loaded on first use and kept out of the first
// page load.
import type { ElkNode } from 'elkjs/lib/elk-api'

/** A box to place; `children` are placed inside it (a sub-topology around its processors). */
export interface LayoutBox {
  readonly id: string
  readonly width: number
  readonly height: number
  readonly children?: readonly LayoutBox[]
}

export interface LayoutEdge {
  readonly id: string
  readonly source: string
  readonly target: string
}

/** Where a box went: `x`/`y` are relative to its parent box, as React Flow expects. */
export interface PlacedBox {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly parentId: string | null
}

// Room above a group's children for its title, and around them.
const GROUP_PADDING = '[top=36,left=20,bottom=20,right=20]'

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Edges may join boxes in different groups (a repartition topic between sub-topologies).
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '60',
  'elk.spacing.nodeNode': '28',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.padding': GROUP_PADDING,
}

interface Elk {
  layout(graph: ElkNode): Promise<ElkNode>
}

let elk: Promise<Elk> | null = null

function loadElk(): Promise<Elk> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK())
  return elk
}

function toElk(box: LayoutBox): ElkNode {
  const node: ElkNode = { id: box.id, width: box.width, height: box.height }
  if (box.children !== undefined && box.children.length > 0) {
    node.children = box.children.map(toElk)
    node.layoutOptions = { 'elk.padding': GROUP_PADDING }
    // A group's size comes from its children.
    delete node.width
    delete node.height
  }
  return node
}

function collect(node: ElkNode, parentId: string | null, into: Map<string, PlacedBox>): void {
  for (const child of node.children ?? []) {
    into.set(child.id, {
      x: child.x ?? 0,
      y: child.y ?? 0,
      width: child.width ?? 0,
      height: child.height ?? 0,
      parentId,
    })
    collect(child, child.id, into)
  }
}

/**
 * Places boxes in layers, from left to right by default, so that edges point one way and cross
 * little.
 * Edges naming unknown boxes are ignored, so a caller can pass a graph with dangling edges.
 */
export async function layeredLayout(
  boxes: readonly LayoutBox[],
  edges: readonly LayoutEdge[],
  direction: 'RIGHT' | 'DOWN' = 'RIGHT',
): Promise<Map<string, PlacedBox>> {
  const known = new Set<string>()
  const remember = (box: LayoutBox): void => {
    known.add(box.id)
    box.children?.forEach(remember)
  }
  boxes.forEach(remember)
  const root: ElkNode = {
    id: '__root__',
    layoutOptions: {
      ...LAYOUT_OPTIONS,
      'elk.direction': direction,
      'elk.padding': '[top=0,left=0,bottom=0,right=0]',
    },
    children: boxes.map(toElk),
    edges: edges
      .filter((edge) => known.has(edge.source) && known.has(edge.target))
      .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  }
  const laidOut = await (await loadElk()).layout(root)
  const placed = new Map<string, PlacedBox>()
  collect(laidOut, null, placed)
  return placed
}
