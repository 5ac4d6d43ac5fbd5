import { describe, expect, it } from 'vitest'
import { layeredLayout } from './layered-layout'

const box = (id: string) => ({ id, width: 100, height: 40 })

describe('layeredLayout', () => {
  it('places a chain from left to right without overlaps', async () => {
    const placed = await layeredLayout(
      [box('a'), box('b'), box('c')],
      [
        { id: 'ab', source: 'a', target: 'b' },
        { id: 'bc', source: 'b', target: 'c' },
      ],
    )
    const [a, b, c] = ['a', 'b', 'c'].map((id) => placed.get(id)!)
    expect(a!.x + a!.width).toBeLessThan(b!.x)
    expect(b!.x + b!.width).toBeLessThan(c!.x)
  })

  it('stacks siblings of one parent in the same layer', async () => {
    const placed = await layeredLayout(
      [box('source'), box('left'), box('right')],
      [
        { id: 'l', source: 'source', target: 'left' },
        { id: 'r', source: 'source', target: 'right' },
      ],
    )
    const left = placed.get('left')!
    const right = placed.get('right')!
    expect(left.x).toBe(right.x)
    expect(Math.abs(left.y - right.y)).toBeGreaterThanOrEqual(40)
  })

  it('sizes a group around its children, whose positions are relative to it', async () => {
    const placed = await layeredLayout(
      [box('topic'), { id: 'group', width: 0, height: 0, children: [box('x'), box('y')] }],
      [
        { id: 'tx', source: 'topic', target: 'x' },
        { id: 'xy', source: 'x', target: 'y' },
      ],
    )
    const group = placed.get('group')!
    const x = placed.get('x')!
    const y = placed.get('y')!
    expect(x.parentId).toBe('group')
    expect(group.parentId).toBeNull()
    expect(group.width).toBeGreaterThanOrEqual(x.x + x.width)
    expect(y.x).toBeGreaterThan(x.x)
    expect(group.x).toBeGreaterThan(placed.get('topic')!.x)
  })

  it('ignores edges to boxes it was not given', async () => {
    const placed = await layeredLayout([box('a')], [{ id: 'e', source: 'a', target: 'gone' }])
    expect([...placed.keys()]).toEqual(['a'])
  })
})

describe('layeredLayout downwards', () => {
  it('places a chain from top to bottom', async () => {
    const placed = await layeredLayout(
      [box('a'), box('b')],
      [{ id: 'ab', source: 'a', target: 'b' }],
      'DOWN',
    )
    expect(placed.get('a')!.y + 40).toBeLessThan(placed.get('b')!.y)
    expect(placed.get('a')!.x).toBe(placed.get('b')!.x)
  })
})
