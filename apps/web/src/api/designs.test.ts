import { wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it, vi } from 'vitest'
import { ApiRequestError, designsApi } from './designs'

const record = {
  id: 'wc',
  revision: 'r1',
  updatedAt: '2026-01-01T00:00:00.000Z',
  design: wordCountDesign(),
}

describe('designsApi', () => {
  it('saves with the revision it read and the CSRF header', async () => {
    const fetchFn = vi.fn(async () => Response.json({ ...record, revision: 'r2' }))
    const saved = await designsApi(fetchFn).update('wc', 'r1', wordCountDesign())
    expect(saved.revision).toBe('r2')
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/designs/wc')
    expect(init.method).toBe('PUT')
    expect(init.headers).toMatchObject({ 'x-topology-studio': '1' })
    expect(JSON.parse(String(init.body))).toEqual({ revision: 'r1', design: wordCountDesign() })
  })

  it('turns an error body into an ApiRequestError with its code', async () => {
    const fetchFn = vi.fn(async () =>
      Response.json(
        { error: { code: 'stale_revision', message: 'Design wc changed', details: {} } },
        { status: 409 },
      ),
    )
    const failure = designsApi(fetchFn).update('wc', 'old', wordCountDesign())
    await expect(failure).rejects.toBeInstanceOf(ApiRequestError)
    await expect(failure).rejects.toMatchObject({ code: 'stale_revision', status: 409 })
  })

  it('deletes and duplicates by id, sending the CSRF header', async () => {
    const fetchFn = vi.fn(async (url: string) =>
      url.endsWith('/duplicate')
        ? Response.json({ ...record, id: 'wc-copy' }, { status: 201 })
        : new Response(null, { status: 204 }),
    )
    const api = designsApi(fetchFn as unknown as typeof fetch)
    await api.remove('my design')
    expect((await api.duplicate('wc')).id).toBe('wc-copy')
    const calls = fetchFn.mock.calls as unknown as [string, RequestInit][]
    expect(calls.map(([url, init]) => [url, init.method])).toEqual([
      ['/api/designs/my%20design', 'DELETE'],
      ['/api/designs/wc/duplicate', 'POST'],
    ])
    expect(
      calls.every(
        ([, init]) => (init.headers as Record<string, string>)['x-topology-studio'] === '1',
      ),
    ).toBe(true)
  })
})
