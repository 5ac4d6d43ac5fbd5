// The server as users start it: a process that prints its launch link, serves the API to a
// browser that opened the link, and stops cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CSRF_HEADER, wordCountDesign } from '@topology-studio/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const main = fileURLToPath(new URL('./main.ts', import.meta.url))
let folder: string

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'studio-process-'))
})

afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

function startProcess(args: string[]): { child: ChildProcess; output: () => string } {
  // As `npm run serve -w …` does: the process runs in the workspace, INIT_CWD is the user's.
  const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, INIT_CWD: folder, PORT: '0', HOST: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return { child, output: () => output }
}

async function launchUrl(output: () => string): Promise<string> {
  // tsx compiles the server and the engine on start: slow on a busy machine.
  for (let i = 0; i < 1_200; i++) {
    // Both start lines: they may arrive in separate chunks.
    const match = /running at (\S+)\n.*Designs are stored in/s.exec(output())
    if (match?.[1] !== undefined) return match[1]
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`No launch link printed:\n${output()}`)
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

describe('the server process', () => {
  it('prints a launch link whose token signs a browser in, and stops on SIGTERM', async () => {
    const { child, output } = startProcess(['--workspace', 'designs'])
    const exited = exitOf(child)
    try {
      const link = new URL(await launchUrl(output))
      expect(link.hostname).toBe('127.0.0.1')
      expect(link.searchParams.get('token')).toMatch(/^[\w-]{32,}$/)
      expect(output()).toContain(`Designs are stored in ${join(folder, 'designs')}`)

      const signIn = await fetch(link, { redirect: 'manual' })
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
      const created = await fetch(new URL('/api/designs', link), {
        method: 'POST',
        headers: { cookie, [CSRF_HEADER]: '1', 'content-type': 'application/json' },
        body: JSON.stringify({ design: wordCountDesign() }),
      })
      expect(created.status).toBe(201)
      expect(await readdir(join(folder, 'designs'))).toEqual(['word-count.json'])
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  }, 90_000)

  it('refuses to bind a non-loopback address without --allow-remote', async () => {
    const { child, output } = startProcess(['--host', '0.0.0.0'])
    expect(await exitOf(child)).toBe(1)
    expect(output()).toMatch(/Refusing to bind 0\.0\.0\.0.*--allow-remote/)
  }, 90_000)
})
