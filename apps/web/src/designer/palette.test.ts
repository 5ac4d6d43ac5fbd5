import { GraphNodeSchema, NODE_KINDS } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { newNode } from '../design/node-templates'
import { findPaletteItems, PALETTE_GROUPS, PALETTE_ITEMS } from './palette'

describe('palette', () => {
  it('offers every kind, each item with a unique id', () => {
    const kinds = new Set(PALETTE_GROUPS.flatMap((g) => g.items.map((i) => i.kind)))
    expect([...kinds].sort()).toEqual([...NODE_KINDS].sort())
    const ids = PALETTE_GROUPS.flatMap((g) => g.items.map((i) => i.id))
    expect(PALETTE_ITEMS.size).toBe(ids.length)
  })

  it('makes valid nodes from every preset', () => {
    for (const item of PALETTE_ITEMS.values()) {
      const node = newNode(item.kind, 'n', { x: 0, y: 0 }, item.params)
      expect(GraphNodeSchema.safeParse(node).error?.issues ?? [], item.id).toEqual([])
    }
  })

  it('offers every join Kafka Streams has, the foreign-key one among them', () => {
    const joins = PALETTE_GROUPS.find((g) => g.title === 'Joins')?.items.map((i) => i.id)
    expect(joins).toEqual([
      'join:stream-stream join',
      'join:stream-table join',
      'join:stream-global table join',
      'join:table-table join',
      'join:foreign-key join',
    ])
    expect(PALETTE_ITEMS.get('join:foreign-key join')?.params).toMatchObject({
      foreignKey: { lang: 'expression', source: 'value.id' },
    })
  })

  it('finds items by name or hint, ignoring case', () => {
    expect(findPaletteItems('HOPPING').map((i) => i.id)).toEqual(['windowedBy:hopping window'])
    expect(findPaletteItems('repartition').map((i) => i.kind)).toContain('selectKey')
    expect(findPaletteItems('  ')).toHaveLength(PALETTE_ITEMS.size)
  })
})
