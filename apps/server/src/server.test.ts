import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import packageJson from '../package.json' with { type: 'json' }
import { createServer } from './server'
import { startTestServer, type TestServer } from './testing/test-server'

const INDEX_HTML = '<!doctype html><title>Topology Studio</title><div id="root"></div>'
const ASSET_JS = 'console.log("asset")'

let webRoot: string
let studio: TestServer
let baseUrl: string
let clock = 1_000

beforeAll(async () => {
  webRoot = await mkdtemp(join(tmpdir(), 'topology-studio-web-'))
  await mkdir(join(webRoot, 'assets'))
  await writeFile(join(webRoot, 'index.html'), INDEX_HTML)
  await writeFile(join(webRoot, 'assets', 'index-abc123.js'), ASSET_JS)
  studio = await startTestServer({ webRoot, now: () => clock })
  baseUrl = studio.url
})

afterAll(async () => {
  await studio.close()
  await rm(webRoot, { recursive: true, force: true })
})

describe('GET /api/health', () => {
  it('reports ok with the server version and the time since start', async () => {
    clock = 1_250

    const response = await studio.api('/api/health')

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      status: 'ok',
      version: packageJson.version,
      uptimeMs: 250,
    })
  })
})

describe('API errors', () => {
  it('answers an unknown API route with a JSON 404, not the web app', async () => {
    const response = await studio.api('/api/no-such-route')

    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await response.json()).toEqual({
      error: {
        code: 'not_found',
        message: 'No route for GET /api/no-such-route',
        details: { method: 'GET', path: '/api/no-such-route' },
      },
    })
  })

  it('answers a malformed JSON body with a JSON 400', async () => {
    const response = await fetch(`${baseUrl}/api/designs`, {
      method: 'POST',
      headers: {
        cookie: studio.cookie,
        'x-topology-studio': '1',
        'content-type': 'application/json',
      },
      body: '{"name": ',
    })

    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { code: string; details: unknown } }
    expect(body.error.code).toBe('invalid_json')
    expect(body.error.details).toEqual({ reason: expect.any(String) })
  })
})

describe('web app hosting', () => {
  it('serves index.html at the root', async () => {
    const response = await fetch(`${baseUrl}/`)

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(response.headers.get('cache-control')).toBe('no-cache')
    expect(await response.text()).toBe(INDEX_HTML)
  })

  it('serves fingerprinted assets with a long-lived cache', async () => {
    const response = await fetch(`${baseUrl}/assets/index-abc123.js`)

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/javascript/)
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await response.text()).toBe(ASSET_JS)
  })

  it('falls back to index.html for client-side routes', async () => {
    const response = await fetch(`${baseUrl}/designs/word-count`)

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await response.text()).toBe(INDEX_HTML)
  })

  it('answers a missing file with a 404 instead of the app shell', async () => {
    const response = await fetch(`${baseUrl}/assets/missing.js`)

    expect(response.status).toBe(404)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })
})

describe('without a built web app', () => {
  it('explains that the web app must be built, while the API keeps working', async () => {
    const bare = await startTestServer({ webRoot: join(webRoot, 'absent') })
    try {
      const page = await fetch(`${bare.url}/`)
      const health = await bare.api('/api/health')

      expect(page.status).toBe(404)
      expect(((await page.json()) as { error: { code: string } }).error.code).toBe(
        'web_app_not_built',
      )
      expect(health.status).toBe(200)
    } finally {
      await bare.close()
    }
  })
})

describe('lifecycle', () => {
  it('stops accepting connections once closed', async () => {
    const temporary = createServer({ host: '127.0.0.1', port: 0, webRoot, workspace: webRoot })
    const { url } = await temporary.listen()
    await fetch(`${url}/api/health`)

    await temporary.close()

    await expect(fetch(`${url}/api/health`)).rejects.toThrow()
  })
})
