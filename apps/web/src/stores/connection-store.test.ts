import { afterEach, describe, expect, it, vi } from 'vitest'
import { NotSignedInError, type ServerHealth } from '../api/health'
import { createConnectionStore, watchConnection } from './connection-store'

const HEALTHY: ServerHealth = { status: 'ok', version: '1.2.3', uptimeMs: 10 }

/** A health check whose answers the test hands out one by one. */
function controlledHealth() {
  const pending: { resolve: (h: ServerHealth) => void; reject: (e: Error) => void }[] = []
  const checkHealth = vi.fn(
    () => new Promise<ServerHealth>((resolve, reject) => pending.push({ resolve, reject })),
  )
  const answer = (index: number) => {
    const call = pending[index]
    if (!call) throw new Error(`No health check #${index} was made`)
    return call
  }
  return { checkHealth, answer }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('connection store', () => {
  it('starts as checking with nothing known about the server', () => {
    const store = createConnectionStore({ checkHealth: () => Promise.resolve(HEALTHY) })

    expect(store.getState()).toMatchObject({
      status: 'checking',
      serverVersion: null,
      lastError: null,
    })
  })

  it('becomes connected and records the version when the server answers', async () => {
    const store = createConnectionStore({ checkHealth: () => Promise.resolve(HEALTHY) })

    await store.getState().check()

    expect(store.getState()).toMatchObject({ status: 'connected', serverVersion: '1.2.3' })
  })

  it('becomes unreachable with the reason when the check fails', async () => {
    const store = createConnectionStore({
      checkHealth: () => Promise.reject(new Error('Failed to fetch')),
    })

    await store.getState().check()

    expect(store.getState()).toMatchObject({ status: 'unreachable', lastError: 'Failed to fetch' })
  })

  it('tells a browser without a session apart from a server that is down', async () => {
    const store = createConnectionStore({
      checkHealth: () => Promise.reject(new NotSignedInError('Not signed in')),
    })

    await store.getState().check()

    expect(store.getState()).toMatchObject({ status: 'signed-out', lastError: 'Not signed in' })
  })

  it('clears the last error once the server is back', async () => {
    const checkHealth = vi
      .fn<() => Promise<ServerHealth>>()
      .mockRejectedValueOnce(new Error('Failed to fetch'))
      .mockResolvedValueOnce(HEALTHY)
    const store = createConnectionStore({ checkHealth })

    await store.getState().check()
    await store.getState().check()

    expect(store.getState()).toMatchObject({ status: 'connected', lastError: null })
  })

  it('ignores an older answer that arrives after a newer one', async () => {
    const { checkHealth, answer } = controlledHealth()
    const store = createConnectionStore({ checkHealth })

    const first = store.getState().check()
    const second = store.getState().check()
    answer(1).resolve(HEALTHY)
    await second
    answer(0).reject(new Error('timed out'))
    await first

    expect(store.getState().status).toBe('connected')
  })
})

describe('watchConnection', () => {
  it('checks at once, then again an interval after each answer, until stopped', async () => {
    vi.useFakeTimers()
    const checkHealth = vi.fn(() => Promise.resolve(HEALTHY))
    const store = createConnectionStore({ checkHealth })

    const stop = watchConnection(store, 1_000)
    await vi.advanceTimersByTimeAsync(0)
    expect(checkHealth).toHaveBeenCalledTimes(1)

    await vi.advanceTimersByTimeAsync(1_000)
    expect(checkHealth).toHaveBeenCalledTimes(2)

    stop()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(checkHealth).toHaveBeenCalledTimes(2)
  })

  it('never has two checks in flight when the server is slow', async () => {
    vi.useFakeTimers()
    const { checkHealth, answer } = controlledHealth()
    const store = createConnectionStore({ checkHealth })

    const stop = watchConnection(store, 1_000)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(checkHealth).toHaveBeenCalledTimes(1)

    answer(0).resolve(HEALTHY)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(checkHealth).toHaveBeenCalledTimes(2)
    stop()
  })
})
