import { describe, expect, it } from 'vitest'
import { formatValue } from './format-value'

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
