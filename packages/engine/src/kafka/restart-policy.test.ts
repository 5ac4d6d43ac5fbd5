import { describe, expect, it } from 'vitest'
import { restartPolicy } from './restart-policy'

describe('consumer restart policy', () => {
  it('backs off exponentially up to the cap and gives up after too many restarts in the window', async () => {
    let clock = 0
    const slept: number[] = []
    const policy = restartPolicy({
      maxRestarts: 3,
      windowMs: 60_000,
      initialBackoffMs: 1_000,
      maxBackoffMs: 3_000,
      now: () => clock,
      sleep: (ms) => {
        slept.push(ms)
        clock += ms
        return Promise.resolve()
      },
    })
    const error = new Error('broker gone')
    expect(await policy(error)).toBe(true)
    expect(await policy(error)).toBe(true)
    expect(await policy(error)).toBe(true)
    expect(await policy(error)).toBe(false)
    expect(slept).toEqual([1_000, 2_000, 3_000])
    // Restarts older than the window no longer count.
    clock += 60_000
    expect(await policy(error)).toBe(true)
  })
})
