import { describe, expect, it } from 'vitest'
import { reuseUnchanged, sameList } from './stable-items'

describe('reuseUnchanged', () => {
  it('keeps the previous object of every unchanged item', () => {
    const a = { id: 'a', v: 1 }
    const b = { id: 'b', v: 2 }
    const previous = new Map([
      ['a', a],
      ['b', b],
    ])
    const next = reuseUnchanged(
      previous,
      [
        { id: 'a', v: 1 },
        { id: 'b', v: 3 },
        { id: 'c', v: 0 },
      ],
      (x, y) => x.v === y.v,
    )
    expect(next[0]).toBe(a)
    expect(next[1]).toEqual({ id: 'b', v: 3 })
    expect(next[1]).not.toBe(b)
    expect(next[2]).toEqual({ id: 'c', v: 0 })
  })
})

describe('sameList', () => {
  it('compares lists item by item with a key', () => {
    expect(sameList([{ m: 'x' }], [{ m: 'x' }], (d) => d.m)).toBe(true)
    expect(sameList([{ m: 'x' }], [{ m: 'y' }], (d) => d.m)).toBe(false)
    expect(sameList([], [{ m: 'y' }], (d) => d.m)).toBe(false)
  })
})
