import { describe, expect, it } from 'vitest'
import { assertNever } from './assert-never'
import { GraphNodeSchema, NODE_KINDS, isNodeKind, type NodeKind } from './node-kinds'

describe('NODE_KINDS', () => {
  it('lists exactly the kinds the node schema accepts', () => {
    const schemaKinds = GraphNodeSchema.options.map((option) => option.shape.kind.value)
    expect([...NODE_KINDS].sort()).toEqual([...schemaKinds].sort())
  })

  it('has no kind missing from the list at compile time', () => {
    type Missing = Exclude<NodeKind, (typeof NODE_KINDS)[number]>
    const nothingMissing: [Missing] extends [never] ? true : false = true
    expect(nothingMissing).toBe(true)
  })

  it('recognises kind names and rejects others', () => {
    expect(isNodeKind('windowedBy')).toBe(true)
    expect(isNodeKind('branch')).toBe(false)
  })
})

describe('assertNever', () => {
  it('throws with the unexpected value when reached at run time', () => {
    expect(() => assertNever('surprise' as never)).toThrow('Unhandled case: "surprise"')
  })
})
