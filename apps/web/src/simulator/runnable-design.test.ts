import { wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { runsAlike } from './runnable-design'

describe('runsAlike', () => {
  it('ignores where nodes sit, not what they do', () => {
    const design = wordCountDesign()
    const moved = {
      ...design,
      nodes: design.nodes.map((n) => ({ ...n, position: { x: n.position.x + 10, y: 5 } })),
    }
    expect(runsAlike(design, moved)).toBe(true)
    const renamed = { ...design, nodes: design.nodes.map((n) => ({ ...n, label: 'x' })) }
    expect(runsAlike(design, renamed)).toBe(false)
    expect(runsAlike(design, { ...design, edges: design.edges.slice(1) })).toBe(false)
  })
})
