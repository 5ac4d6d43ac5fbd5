import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { RunStatus } from '@topology-studio/shared'
import { wordCountDesign } from '@topology-studio/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RunHandle, runStateOf } from './run-handle'
import type { StartRun } from './run-protocol'

let folder: string

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'run-handle-'))
})

afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

const start: StartRun = {
  type: 'start',
  runId: 'run-1',
  design: wordCountDesign(),
  cluster: { bootstrapServers: ['127.0.0.1:1'] },
  config: {},
  metricsIntervalMs: 1_000,
}
const base = {
  id: 'run-1',
  designId: 'wc',
  designName: 'Word count',
  clusterId: 'c',
  applicationId: 'word-count',
  startedAt: new Date(0).toISOString(),
}

async function workerScript(name: string, source: string) {
  const path = join(folder, name)
  await writeFile(path, source)
  return pathToFileURL(path)
}

function until(handle: RunHandle, test: (status: RunStatus) => boolean): Promise<RunStatus> {
  return new Promise((resolve) => {
    if (test(handle.status())) resolve(handle.status())
    handle.events.on('status', (status) => {
      if (test(status)) resolve(status)
    })
  })
}

describe('RunHandle', () => {
  it('ends a worker that stops answering and reports why', async () => {
    const script = await workerScript(
      'stuck.mjs',
      "import { parentPort } from 'node:worker_threads'\nparentPort.on('message', () => { for (;;) {} })\n",
    )
    const handle = new RunHandle(start, base, [], script, 300)
    const failed = await until(handle, (s) => s.state === 'error')
    expect(failed.error?.message).toBe('The run stopped answering for 0.3 s and was ended')
    expect(failed.stoppedAt).not.toBeNull()
  })

  it('reports a worker that exits unexpectedly', async () => {
    const script = await workerScript('exits.mjs', 'process.exit(3)\n')
    const handle = new RunHandle(start, base, [], script)
    const failed = await until(handle, (s) => s.state === 'error')
    expect(failed.error?.message).toBe('The run ended unexpectedly')
    await expect(handle.tap('count', true)).rejects.toThrow(/is error/)
  })
})

describe('runStateOf', () => {
  it('names restoring apart from running and rebalancing', () => {
    expect(runStateOf('RUNNING', false)).toBe('running')
    expect(runStateOf('RUNNING', true)).toBe('restoring')
    expect(runStateOf('REBALANCING', false)).toBe('rebalancing')
    expect(runStateOf('PENDING_ERROR', false)).toBe('error')
    expect(runStateOf('NOT_RUNNING', false)).toBe('stopped')
  })
})
