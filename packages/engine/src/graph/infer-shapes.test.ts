import { describe, expect, it } from 'vitest'
import { inferNodeShapes } from './infer-shapes'
import { design, expr } from './internal/test-helpers'

describe('inferNodeShapes', () => {
  it('follows a stream through grouping, windowing and aggregation', () => {
    const d = design()
    const stream = d.stream()
    const grouped = stream.groupByKey()
    const windowed = grouped.windowedBy({ type: 'sliding', timeDifferenceMs: 1000 })
    const counts = windowed.count()
    const changes = counts.toStream()
    const sink = changes.to()
    const shapes = inferNodeShapes(d.build())
    expect([stream, grouped, windowed, counts, changes, sink].map((n) => shapes.get(n.id))).toEqual(
      ['stream', 'groupedStream', 'windowedStream', 'windowedTable', 'stream', 'none'],
    )
  })

  it('gives session windows their own shape', () => {
    const d = design()
    const sessions = d.stream().groupByKey().windowedBy({ type: 'session', inactivityGapMs: 5 })
    expect(inferNodeShapes(d.build()).get(sessions.id)).toBe('sessionWindowedStream')
  })

  it('keeps a filtered table a table and a regrouped table a grouped table', () => {
    const d = design()
    const filtered = d.table().filter()
    const regrouped = filtered.groupBy()
    const shapes = inferNodeShapes(d.build())
    expect([shapes.get(filtered.id), shapes.get(regrouped.id)]).toEqual(['table', 'groupedTable'])
  })

  it('derives a join’s output from the shapes of its sides', () => {
    const d = design()
    const tables = d.join(d.table(), d.table(), {})
    const lookup = d.join(d.stream(), d.globalTable(), { keySelector: expr('value.id') })
    const shapes = inferNodeShapes(d.build())
    expect([shapes.get(tables.id), shapes.get(lookup.id)]).toEqual(['table', 'stream'])
  })

  it('marks nodes on a cycle and their consumers as unknown', () => {
    const d = design()
    const filter = d.stream().filter()
    const peek = filter.then('peek')
    d.connect(peek, filter)
    const sink = peek.to()
    const shapes = inferNodeShapes(d.build())
    expect([filter, peek, sink].map((n) => shapes.get(n.id))).toEqual([
      'unknown',
      'unknown',
      'unknown',
    ])
  })

  it('marks the result of an operation on the wrong input type as unknown', () => {
    const d = design()
    const count = d.stream().count()
    expect(inferNodeShapes(d.build()).get(count.id)).toBe('unknown')
  })
})
