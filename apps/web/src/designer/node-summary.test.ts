import { wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { newNode } from '../design/node-templates'
import { durationText, nodeSummary } from './node-summary'
import { PALETTE_ITEMS } from './palette'

describe('nodeSummary', () => {
  it('shows the parameter that matters for each kind', () => {
    const summaries = Object.fromEntries(wordCountDesign().nodes.map((n) => [n.id, nodeSummary(n)]))
    expect(summaries).toEqual({
      lines: 'text-input',
      words: "split(lower(value), ' ')",
      'by-word': 'key: value',
      count: 'store counts',
      changes: '',
      out: 'word-counts',
    })
  })

  it('describes windows and joins in their terms', () => {
    const window = (id: string) => {
      const item = PALETTE_ITEMS.get(id)
      if (item === undefined) throw new Error(id)
      return nodeSummary(newNode(item.kind, 'n', { x: 0, y: 0 }, item.params))
    }
    expect(window('windowedBy:hopping window')).toBe('hopping 1 min every 10 s, grace 0 ms')
    expect(window('windowedBy:session window')).toBe('session gap 5 min, grace 0 ms')
    expect(window('join:stream-stream join')).toBe('inner ±5 s')
  })

  it('writes durations in the largest whole unit', () => {
    expect([durationText(7_200_000), durationText(1500), durationText(0)]).toEqual([
      '2 h',
      '1500 ms',
      '0 ms',
    ])
  })
})
