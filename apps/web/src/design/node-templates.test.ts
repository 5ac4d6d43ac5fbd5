import { GraphNodeSchema, NODE_KINDS } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { newNode } from './node-templates'

describe('node templates', () => {
  it.each(NODE_KINDS)('makes a valid %s node', (kind) => {
    const node = newNode(kind, `${kind}-1`, { x: 10, y: 20 })
    expect(GraphNodeSchema.safeParse(node).error?.issues ?? []).toEqual([])
  })

  it('gives every node params of its own', () => {
    const a = newNode('split', 'a', { x: 0, y: 0 })
    const b = newNode('split', 'b', { x: 0, y: 0 })
    expect(a.params).not.toBe(b.params)
  })
})
