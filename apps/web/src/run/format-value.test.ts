import { describe, expect, it } from 'vitest'
import { formatKey, formatValue } from './format-value'

describe('formatValue', () => {
  it('shows strings bare, null as null and the rest as JSON', () => {
    expect(formatValue('fox')).toBe('fox')
    expect(formatValue(null)).toBe('null')
    expect(formatValue({ price: 1.5 })).toBe('{"price":1.5}')
  })

  it("shows a table processor's change as the new value and the old one", () => {
    expect(formatValue({ newValue: 13, oldValue: 12, isLatest: true })).toBe('13 (was 12)')
    expect(formatValue({ newValue: { n: 1 }, oldValue: null, isLatest: true })).toBe(
      '{"n":1} (was null)',
    )
    expect(formatValue({ newValue: 1, oldValue: 2 })).toBe('{"newValue":1,"oldValue":2}')
  })
})

describe('formatKey', () => {
  it('shows a windowed key as its key and window, other keys as values', () => {
    const start = Date.UTC(2026, 0, 1, 10, 0, 0)
    expect(formatKey({ key: 'IE1', window: { start, end: start + 2000 } })).toBe(
      'IE1 [10:00:00.000 – 10:00:02.000]',
    )
    expect(formatKey({ key: 'k', window: 'w' })).toBe('{"key":"k","window":"w"}')
    expect(formatKey('plain')).toBe('plain')
  })
})
