import { describe, expect, it } from 'vitest'
import { NotSignedInError, fetchHealth } from './health'

function respondWith(response: Response): typeof fetch {
  return () => Promise.resolve(response)
}

describe('fetchHealth', () => {
  it('returns the health report of a healthy server', async () => {
    const body = { status: 'ok', version: '0.1.0', uptimeMs: 42 }

    const health = await fetchHealth(respondWith(Response.json(body)))

    expect(health).toEqual(body)
  })

  it('rejects on an error status', async () => {
    const response = Response.json({ error: { code: 'internal_error' } }, { status: 500 })

    await expect(fetchHealth(respondWith(response))).rejects.toThrow('HTTP 500')
  })

  it('rejects with NotSignedInError when the server wants the launch token', async () => {
    const response = Response.json({ error: { code: 'unauthorized' } }, { status: 401 })

    await expect(fetchHealth(respondWith(response))).rejects.toBeInstanceOf(NotSignedInError)
  })

  it('rejects a body that is not a health report', async () => {
    const response = Response.json({ status: 'starting' })

    await expect(fetchHealth(respondWith(response))).rejects.toThrow('unexpected body')
  })
})
