import { describe, expect, it } from 'vitest'
import { SortedMap } from './sorted-map'

// A small deterministic generator, so a failure replays.
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

describe('SortedMap', () => {
  it('keeps keys ordered through many inserts and deletes, across chunk splits', () => {
    const next = random(42)
    const map = new SortedMap<number, string>()
    const reference = new Map<number, string>()
    for (let i = 0; i < 20_000; i++) {
      const key = Math.floor(next() * 5000)
      if (next() < 0.3) {
        expect(map.delete(key)).toBe(reference.delete(key))
      } else {
        map.set(key, `v${i}`)
        reference.set(key, `v${i}`)
      }
    }
    const sorted = [...reference.keys()].sort((a, b) => a - b)
    expect(map.size).toBe(reference.size)
    expect(map.keys()).toEqual(sorted)
    expect(map.keys(1000, 2000)).toEqual(sorted.filter((k) => k >= 1000 && k <= 2000))
    expect(map.keys(1000, 2000, true)).toEqual(sorted.filter((k) => k >= 1000 && k < 2000))
    expect(map.keys(null, 10)).toEqual(sorted.filter((k) => k <= 10))
    expect(map.keys(4990, null)).toEqual(sorted.filter((k) => k >= 4990))
    expect(map.keys(3000, 2000)).toEqual([])
    for (const key of sorted.slice(0, 50)) expect(map.get(key)).toBe(reference.get(key))

    map.deleteBelow(2500)
    expect(map.keys()).toEqual(sorted.filter((k) => k >= 2500))
    expect(map.get(sorted[0] as number)).toBeUndefined()
    expect(map.size).toBe(sorted.filter((k) => k >= 2500).length)
    map.deleteBelow(10_000)
    expect(map.size).toBe(0)
    expect(map.keys()).toEqual([])
  })

  it('stays ordered when ordered reads come between batches of writes of every size', () => {
    // New keys wait unordered until a read needs them, then are inserted one by one (few) or
    // sorted and merged (many); deletes may hit waiting or ordered keys.
    const next = random(7)
    const map = new SortedMap<number, number>()
    const reference = new Map<number, number>()
    for (let round = 0; round < 200; round++) {
      const writes = Math.floor(next() * (round % 3 === 0 ? 3000 : 40))
      for (let i = 0; i < writes; i++) {
        const key = Math.floor(next() * 20_000)
        if (next() < 0.25) {
          expect(map.delete(key)).toBe(reference.delete(key))
        } else {
          map.set(key, i)
          reference.set(key, i)
        }
      }
      const sorted = [...reference.keys()].sort((a, b) => a - b)
      if (round % 50 === 49) {
        map.deleteBelow(round * 50)
        for (const key of sorted) if (key < round * 50) reference.delete(key)
        expect(map.keys()).toEqual(sorted.filter((k) => k >= round * 50))
      } else if (round % 2 === 0) {
        expect(map.keys(5000, 15_000)).toEqual(sorted.filter((k) => k >= 5000 && k <= 15_000))
      } else {
        expect(map.firstKey()).toBe(sorted[0])
      }
      expect(map.size).toBe(reference.size)
    }
    // A key set and deleted again before any read never reaches the order.
    map.clear()
    map.set(3, 3)
    map.set(1, 1)
    expect(map.delete(1)).toBe(true)
    map.set(2, 2)
    expect(map.delete(3)).toBe(true)
    expect(map.keys()).toEqual([2])
    expect(map.get(3)).toBeUndefined()
  })

  it('orders binary-string keys as unsigned bytes, a prefix first', () => {
    const map = new SortedMap<string, number>()
    for (const key of ['\u00ff', 'b', '', 'ab', 'a', '\u0000']) map.set(key, key.length)
    expect(map.keys()).toEqual(['', '\u0000', 'a', 'ab', 'b', '\u00ff'])
  })
})
