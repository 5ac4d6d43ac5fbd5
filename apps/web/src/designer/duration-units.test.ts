import { describe, expect, it } from 'vitest'
import { durationMs, durationParts } from './duration-units'

describe('duration units', () => {
  it('shows a duration in the largest unit that divides it', () => {
    expect(durationParts(2_000)).toEqual({ amount: 2, unit: 's' })
    expect(durationParts(300_000)).toEqual({ amount: 5, unit: 'min' })
    expect(durationParts(86_400_000)).toEqual({ amount: 1, unit: 'd' })
    expect(durationParts(1_500)).toEqual({ amount: 1_500, unit: 'ms' })
    expect(durationParts(0)).toEqual({ amount: 0, unit: 'ms' })
  })

  it('turns an amount and unit back into whole milliseconds', () => {
    expect(durationMs(2, 's')).toBe(2_000)
    expect(durationMs(1.5, 'min')).toBe(90_000)
    expect(durationMs(0.0005, 's')).toBe(1)
  })
})
