import { describe, expect, it } from 'vitest'
import { lineDiff } from './line-diff'

const render = (before: string, after: string) =>
  lineDiff(before, after)
    .map((l) => `${l.kind === 'same' ? ' ' : l.kind === 'added' ? '+' : '-'}${l.text}`)
    .join('\n')

describe('lineDiff', () => {
  it('marks nothing when the texts are equal', () => {
    expect(lineDiff('a\nb', 'a\nb').every((l) => l.kind === 'same')).toBe(true)
  })

  it('shows a changed line as removed then added, keeping the lines around it', () => {
    expect(render('a\nb\nc', 'a\nB\nc')).toBe(' a\n-b\n+B\n c')
  })

  it('finds insertions and deletions in the middle', () => {
    expect(render('a\nb\nc\nd', 'a\nc\nx\nd')).toBe(' a\n-b\n c\n+x\n d')
  })

  it('handles one side empty', () => {
    expect(render('', 'a')).toBe('-\n+a')
  })
})
