import { wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { layoutDesign } from './design-layout'

describe('layoutDesign', () => {
  it('places word count from its source on the left to its sink on the right', async () => {
    const graph = wordCountDesign()
    const moves = await layoutDesign(graph)
    expect(moves.map((m) => m.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort())
    const x = new Map(moves.map((m) => [m.id, m.position.x]))
    for (const edge of graph.edges) {
      expect(x.get(edge.source)!).toBeLessThan(x.get(edge.target)!)
    }
    for (const move of moves) {
      expect(move.position.x % 10).toBe(0)
      expect(move.position.y % 10).toBe(0)
    }
  })

  it('uses measured sizes so wide nodes do not overlap', async () => {
    const graph = wordCountDesign()
    const moves = await layoutDesign(graph, () => ({ width: 400, height: 80 }))
    const xs = moves.map((m) => m.position.x).sort((a, b) => a - b)
    for (let i = 1; i < xs.length; i += 1) {
      if (xs[i] !== xs[i - 1]) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(400)
    }
  })
})
