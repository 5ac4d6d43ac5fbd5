import { describe, expect, it } from 'vitest'
import { JoinWindows, SessionWindows, SlidingWindows, TimeWindows } from './windows'

describe('window specifications', () => {
  it('puts a record into size/advance hopping windows aligned to the epoch', () => {
    const hopping = TimeWindows.ofSizeWithNoGrace(10).advanceBy(5)
    expect(hopping.windowStartsFor(12)).toEqual([5, 10])
    expect(TimeWindows.ofSizeWithNoGrace(10).windowStartsFor(12)).toEqual([10])
    expect(hopping.windowStartsFor(3)).toEqual([0])
  })

  it('refuses an advance larger than the window size, and non-positive sizes', () => {
    expect(() => TimeWindows.ofSizeWithNoGrace(10).advanceBy(11)).toThrow(
      /less than window duration which is 10 ms, but given advancement interval is: 11 ms/,
    )
    expect(() => TimeWindows.ofSizeWithNoGrace(0)).toThrow(/must be positive/)
    expect(() => SessionWindows.ofInactivityGapAndGrace(5, -1)).toThrow(/must be non-negative/)
    expect(() => SlidingWindows.ofTimeDifferenceAndGrace(-1, 0)).toThrow(/non-negative/)
  })

  it('gives the deprecated JoinWindows.of a 24h-minus-twice-the-difference grace and no spurious-result fix', () => {
    const windows = JoinWindows.of(100)
    expect(windows.gracePeriodMs()).toBe(86_400_000 - 200)
    expect(windows.enableSpuriousResultFix).toBe(false)
    expect(JoinWindows.ofTimeDifferenceWithNoGrace(100).enableSpuriousResultFix).toBe(true)
  })

  it('sizes join windows as before + after', () => {
    expect(JoinWindows.ofTimeDifferenceWithNoGrace(100).before(30).size()).toBe(130)
  })
})
