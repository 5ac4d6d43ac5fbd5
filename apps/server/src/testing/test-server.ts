// A real server on a free loopback port with its own workspace, and a client that signs in
// like the web app does (session cookie, CSRF header, JSON), for route tests.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CSRF_HEADER } from '@topology-studio/shared'
import { createServer, type ServerOptions, type StudioServer } from '../server'

export const TEST_TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv'

export interface TestServer {
  readonly server: StudioServer
  readonly url: string
  readonly port: number
  readonly workspace: string
  readonly cookie: string
  /** A signed-in JSON call; `body` is sent as JSON. */
  api(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>
  close(): Promise<void>
}

export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const workspace = options.workspace ?? (await mkdtemp(join(tmpdir(), 'topology-studio-designs-')))
  const server = createServer({
    host: '127.0.0.1',
    port: 0,
    webRoot: join(workspace, 'no-web-app'),
    token: TEST_TOKEN,
    ...options,
    workspace,
  })
  const { url, port } = await server.listen()
  const cookie = `topology_studio_${port}=${TEST_TOKEN}`
  return {
    server,
    url,
    port,
    workspace,
    cookie,
    api: (path, init = {}) =>
      fetch(`${url}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          cookie,
          [CSRF_HEADER]: '1',
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }),
    close: async () => {
      await server.close()
      if (options.workspace === undefined) await rm(workspace, { recursive: true, force: true })
    },
  }
}
