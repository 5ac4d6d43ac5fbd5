import { describe, expect, it } from 'vitest'
import { JavaTreeSet } from '../../../topology/internal/java-tree-set'
import { OrderTree } from './order-tree'
import { seededRandom } from '@topology-studio/shared'

// Seeded so a failure can be replayed.
const random = seededRandom

describe('OrderTree', () => {
  it('orders like the engine’s JavaTreeSet while the compared weights keep changing', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed)
      const weights = Array.from({ length: 40 }, () => Math.floor(next() * 5))
      const compare = (a: number, b: number) =>
        (weights[b] as number) - (weights[a] as number) || a - b
      const java = new JavaTreeSet<number>(compare)
      let tree = OrderTree.EMPTY
      for (let id = 0; id < weights.length; id++) {
        java.add(id)
        tree = tree.with(id, compare)
        const bumped = Math.floor(next() * weights.length)
        weights[bumped] = (weights[bumped] as number) + Math.floor(next() * 3)
      }
      expect(tree.toArray()).toEqual(java.toArray())
    }
  })

  it('leaves the tree it was copied from unchanged', () => {
    const compare = (a: number, b: number) => a - b
    const one = OrderTree.EMPTY.with(2, compare).with(1, compare)
    const two = one.with(3, compare)
    expect(one.toArray()).toEqual([1, 2])
    expect(two.toArray()).toEqual([1, 2, 3])
    expect(one.shapeKey()).not.toBe(two.shapeKey())
    expect(one.with(1, compare)).toBe(one)
  })
})
