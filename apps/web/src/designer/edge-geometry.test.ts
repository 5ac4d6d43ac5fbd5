import { Position, type InternalNode } from '@xyflow/react'
import { describe, expect, it } from 'vitest'
import { EdgeGeometryCache, type EdgeEnds } from './edge-geometry'

/** A node as React Flow holds it once measured: 100 x 40, a handle in on the left, out on the right. */
function measured(id: string, x: number, y: number): InternalNode {
  const handle = (type: 'source' | 'target', position: Position, hx: number) => ({
    id: null,
    type,
    nodeId: id,
    position,
    x: hx,
    y: 16,
    width: 8,
    height: 8,
  })
  return {
    id,
    position: { x, y },
    data: {},
    measured: { width: 100, height: 40 },
    internals: {
      positionAbsolute: { x, y },
      z: 0,
      userNode: { id, position: { x, y }, data: {} },
      handleBounds: {
        source: [handle('source', Position.Right, 96)],
        target: [handle('target', Position.Left, -4)],
      },
    },
  } as InternalNode
}

const lookup = (...nodes: InternalNode[]) => new Map(nodes.map((node) => [node.id, node]))

describe('edge geometry drawn by the canvas', () => {
  const edges: EdgeEnds[] = [
    { id: 'a->b', source: 'a', target: 'b' },
    { id: 'b->c', source: 'b', target: 'c' },
  ]

  it('runs each edge from its source handle to its target handle, labelled halfway', () => {
    const geometry = new EdgeGeometryCache().read(
      edges,
      lookup(measured('a', 0, 0), measured('b', 200, 0), measured('c', 400, 100)),
    )
    const first = geometry.get('a->b')!
    expect(first.path.startsWith('M104,20')).toBe(true)
    expect(first.path.endsWith('196,20')).toBe(true)
    expect([first.labelX, first.labelY]).toEqual([150, 20])
    expect(geometry.get('b->c')?.path.endsWith('396,120')).toBe(true)
  })

  it('gives back the same geometry while nothing moved, as on every frame of a pan', () => {
    const cache = new EdgeGeometryCache()
    const nodes = lookup(measured('a', 0, 0), measured('b', 200, 0), measured('c', 400, 100))
    const first = cache.read(edges, nodes)
    expect(cache.read(edges, nodes)).toBe(first)
  })

  it('draws again only the edges of a node that moved or was measured again', () => {
    const cache = new EdgeGeometryCache()
    const a = measured('a', 0, 0)
    const first = cache.read(edges, lookup(a, measured('b', 200, 0), measured('c', 400, 100)))
    const moved = cache.read(edges, lookup(a, measured('b', 200, 50), measured('c', 400, 100)))
    expect(moved).not.toBe(first)
    expect(moved.get('a->b')?.path.endsWith('196,70')).toBe(true)
    // React Flow moves a node in place when it works out absolute positions again.
    const c = measured('c', 400, 100)
    const nodes = lookup(a, measured('b', 200, 50), c)
    const before = cache.read(edges, nodes)
    c.internals.positionAbsolute = { x: 400, y: 300 }
    const after = cache.read(edges, nodes)
    expect(after).not.toBe(before)
    expect(after.get('b->c')?.path.endsWith('396,320')).toBe(true)
    expect(after.get('a->b')).toBe(before.get('a->b'))
  })

  it('leaves out an edge whose node is not yet measured or not there', () => {
    const unmeasured = measured('b', 200, 0)
    delete unmeasured.internals.handleBounds
    const geometry = new EdgeGeometryCache().read(edges, lookup(measured('a', 0, 0), unmeasured))
    expect(geometry.size).toBe(0)
  })

  it('follows an edge moved to another node', () => {
    const cache = new EdgeGeometryCache()
    const nodes = lookup(measured('a', 0, 0), measured('b', 200, 0), measured('c', 400, 100))
    cache.read(edges, nodes)
    const rewired = cache.read([{ id: 'a->b', source: 'a', target: 'c' }], nodes)
    expect(rewired.get('a->b')?.path.endsWith('396,120')).toBe(true)
    expect(rewired.has('b->c')).toBe(false)
  })
})
