import { wordCountDesign, type GraphNode } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { newNode } from '../design/node-templates'
import { expressionProblems, paramFields, withParam } from './param-fields'
import { PALETTE_ITEMS } from './palette'

const node = (id: string): GraphNode => {
  const found = wordCountDesign().nodes.find((n) => n.id === id)
  if (found === undefined) throw new Error(id)
  return found
}

describe('paramFields', () => {
  it('reads each value as the field it needs, and offers the optional keys the kind takes', () => {
    const sink = paramFields(node('out'))
    expect(sink).toContainEqual({ kind: 'text', path: 'topic', value: 'word-counts' })
    expect(sink).toContainEqual(
      expect.objectContaining({ kind: 'choice', path: 'valueSerde', value: 'Long' }),
    )
    expect(sink.some((f) => f.path === 'name')).toBe(true)
    expect(paramFields(node('lines'))).toContainEqual({
      kind: 'list',
      path: 'topics',
      value: ['text-input'],
    })
    expect(paramFields(node('count')).map((f) => f.path)).toContain('storeName')
  })

  it('shows windows as durations, keeping the window type fixed', () => {
    const item = PALETTE_ITEMS.get('windowedBy:hopping window')
    if (item === undefined) throw new Error('preset')
    const fields = paramFields(newNode(item.kind, 'w', { x: 0, y: 0 }, item.params))
    expect(fields.filter((f) => f.path.startsWith('window.'))).toEqual([
      { kind: 'fixed', path: 'window.type', value: 'hopping' },
      { kind: 'duration', path: 'window.sizeMs', value: 60_000 },
      { kind: 'duration', path: 'window.advanceMs', value: 10_000 },
      { kind: 'duration', path: 'window.graceMs', value: 0 },
    ])
  })
})

describe('withParam', () => {
  it('replaces a nested value, and removes an emptied optional key', () => {
    const params = { window: { type: 'tumbling', sizeMs: 1 }, name: 'w' }
    expect(withParam(params, 'window.sizeMs', 5)).toEqual({
      window: { type: 'tumbling', sizeMs: 5 },
      name: 'w',
    })
    expect(withParam(params, 'name', '')).toEqual({ window: { type: 'tumbling', sizeMs: 1 } })
    expect(withParam({ branches: [{ id: 'a' }, { id: 'b' }] }, 'branches.1.id', 'c')).toEqual({
      branches: [{ id: 'a' }, { id: 'c' }],
    })
  })
})

describe('expressionProblems', () => {
  it('names the column of a parse error and unknown variables', () => {
    expect(expressionProblems(node('words'), 'mapper', "split(value, ' ')")).toEqual([])
    expect(expressionProblems(node('words'), 'mapper', 'split(value,')[0]).toMatch(/^column \d+/)
    expect(expressionProblems(node('words'), 'mapper', 'nope + 1').join()).toMatch(/nope/)
  })
})
