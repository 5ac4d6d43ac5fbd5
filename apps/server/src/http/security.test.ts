import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, TEST_TOKEN, type TestServer } from '../testing/test-server'

let studio: TestServer

beforeAll(async () => {
  studio = await startTestServer()
})

afterAll(async () => {
  await studio.close()
})

/** A raw request, so the Host header can be anything (fetch would not let tests set it). */
function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: studio.port, path, method: 'GET', headers },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

const errorCode = async (response: Response) =>
  ((await response.json()) as { error: { code: string } }).error.code

describe('session', () => {
  it('refuses API calls without the session cookie, saying how to sign in', async () => {
    const response = await fetch(`${studio.url}/api/health`)
    expect(response.status).toBe(401)
    const body = (await response.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('unauthorized')
    expect(body.error.message).toMatch(/token that the server printed/)
  })

  it('refuses a cookie with another token', async () => {
    const response = await fetch(`${studio.url}/api/health`, {
      headers: { cookie: `topology_studio_${studio.port}=${TEST_TOKEN.replace('a', 'b')}` },
    })
    expect(response.status).toBe(401)
  })

  it('exchanges the launch token for an HttpOnly SameSite=Strict cookie and drops it from the URL', async () => {
    const response = await fetch(`${studio.url}/designs/x?token=${TEST_TOKEN}&tab=plan`, {
      redirect: 'manual',
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/designs/x?tab=plan')
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(new RegExp(`^topology_studio_${studio.port}=`))
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const signedIn = await fetch(`${studio.url}/api/health`, {
      headers: { cookie: cookie.split(';')[0] ?? '' },
    })
    expect(signedIn.status).toBe(200)
  })

  it('refuses a launch link with a wrong token', async () => {
    const response = await fetch(`${studio.url}/?token=nope`, { redirect: 'manual' })
    expect(response.status).toBe(401)
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('never reveals the token through the API', async () => {
    for (const path of ['/api/health', '/api/designs']) {
      expect(await (await studio.api(path)).text()).not.toContain(TEST_TOKEN)
    }
  })
})

describe('host and origin', () => {
  it('refuses a Host header outside the allowlist (DNS rebinding)', async () => {
    const response = await rawGet('/api/health', {
      host: 'evil.example:5173',
      cookie: studio.cookie,
    })
    expect(response.status).toBe(403)
    expect(response.body).toMatch(/--allowed-host/)
  })

  it('accepts localhost and [::1] as host names', async () => {
    for (const host of [`localhost:${studio.port}`, `[::1]:${studio.port}`]) {
      expect((await rawGet('/api/health', { host, cookie: studio.cookie })).status).toBe(200)
    }
  })

  it('refuses requests from another origin, even with the cookie', async () => {
    const response = await studio.api('/api/health', {
      headers: { origin: 'https://evil.example' },
    })
    expect(response.status).toBe(403)
    expect(await errorCode(response)).toBe('forbidden')
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('accepts its own origin', async () => {
    const response = await studio.api('/api/health', { headers: { origin: studio.url } })
    expect(response.status).toBe(200)
  })
})

describe('state-changing requests', () => {
  it('need the custom header', async () => {
    const response = await fetch(`${studio.url}/api/designs`, {
      method: 'POST',
      headers: { cookie: studio.cookie, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(response.status).toBe(403)
    expect(await response.text()).toMatch(/x-topology-studio/)
  })

  it('take JSON only', async () => {
    const response = await studio.api('/api/designs', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
    })
    const form = await fetch(`${studio.url}/api/designs`, {
      method: 'POST',
      headers: {
        cookie: studio.cookie,
        'x-topology-studio': '1',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'a=1',
    })
    expect(response.status).toBe(400)
    expect(form.status).toBe(415)
    expect(await errorCode(form)).toBe('unsupported_media_type')
  })

  it('refuses bodies over the size limit with 413', async () => {
    const response = await studio.api('/api/designs', {
      method: 'POST',
      body: { design: { padding: 'x'.repeat(3 * 1024 * 1024) } },
    })
    expect(response.status).toBe(413)
    expect(await errorCode(response)).toBe('payload_too_large')
  })
})
