// Runs on the real broker, driven through REST and watched over socket.io as the browser does:
// word count fed by the sample-data generator, metrics on every node, taps, a state page,
// stop and reset; and the starts that must be refused.
import {
  wordCountDesign,
  type Ack,
  type Cluster,
  type ClientToServerEvents,
  type RunMetrics,
  type RunStatus,
  type RunFollow,
  type RunTap,
  type ServerToClientEvents,
  type StatePage,
  type TopologyGraph,
} from '@topology-studio/shared'
import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startTestServer, type TestServer } from '../src/testing/test-server'

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>

let studio: TestServer
let cluster: Cluster
const run = `runs-${Date.now().toString(36)}`

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`)
  return (await response.json()) as T
}

function socketOf(headers: Record<string, string>, transports = ['websocket']): ClientSocket {
  return connect(studio.url, {
    transports,
    extraHeaders: headers,
    reconnection: false,
  })
}

function call<E extends 'run:join' | 'run:tap' | 'run:follow' | 'run:state'>(
  socket: ClientSocket,
  event: E,
  request: Parameters<ClientToServerEvents[E]>[0],
): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]> {
  return new Promise((resolve) => {
    ;(socket.emit as (e: string, r: unknown, ack: Ack<unknown>) => void)(
      event,
      request,
      resolve as Ack<unknown>,
    )
  })
}

function until<T>(
  socket: ClientSocket,
  event: keyof ServerToClientEvents,
  test: (value: T) => boolean,
  ms = 45_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No ${event} matching within ${ms} ms`)), ms)
    const listener = (value: T, ack?: () => void) => {
      // Snapshots (metrics, taps) are acknowledged, as the web app does.
      ack?.()
      if (!test(value)) return
      clearTimeout(timer)
      socket.off(event, listener as never)
      resolve(value)
    }
    socket.on(event, listener as never)
  })
}

async function eventually(done: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Not done within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** The word count design with its word splitter written as JavaScript code. */
function withCodeSplitter(design: TopologyGraph, source: string) {
  return {
    ...design,
    nodes: design.nodes.map((n) =>
      n.id === 'words' ? { ...n, params: { mapper: { lang: 'code', source } } } : n,
    ),
  }
}

async function startRun(designId: string, config: Record<string, number> = {}) {
  return json<RunStatus>(
    await studio.api('/api/runs', {
      method: 'POST',
      body: { designId, clusterId: cluster.id, config },
    }),
  )
}

beforeAll(async () => {
  studio = await startTestServer()
  cluster = await json<Cluster>(
    await studio.api('/api/clusters', {
      method: 'POST',
      body: { bootstrapServers: inject('kafkaBootstrapServers') },
    }),
  )
  for (const [name, partitions] of [
    [`${run}-lines`, 2],
    [`${run}-counts`, 2],
  ] as const) {
    await json(
      await studio.api(`/api/clusters/${cluster.id}/topics`, {
        method: 'POST',
        body: { name, partitions },
      }),
    )
  }
  await json(
    await studio.api('/api/designs', {
      method: 'POST',
      body: {
        id: 'wc',
        design: wordCountDesign({
          input: `${run}-lines`,
          output: `${run}-counts`,
          applicationId: `${run}-app`,
        }),
      },
    }),
  )
})

afterAll(async () => {
  await studio.close()
})

describe('runs on a real broker', () => {
  it('refuses a handshake without the session cookie or from another origin', async () => {
    for (const headers of [{}, { cookie: studio.cookie, origin: 'https://evil.example' }]) {
      const socket = socketOf(headers, ['polling'])
      await new Promise<Error>((resolve) => socket.on('connect_error', resolve))
      expect(socket.connected).toBe(false)
      socket.close()
      // The handshake request itself says why.
      const handshake = await fetch(`${studio.url}/socket.io/?EIO=4&transport=polling`, { headers })
      expect(handshake.status).toBe(403)
      expect(await handshake.text()).toMatch(/Not signed in|not allowed/)
    }
    const signedIn = socketOf({ cookie: studio.cookie })
    await new Promise<void>((resolve) => signedIn.on('connect', resolve))
    signedIn.close()
  })

  it('runs word count: live metrics on every node, a tap, a state page, then stop and reset', async () => {
    // Counts reach the sink when the record cache flushes, on commit: every second here.
    const started = await startRun('wc', { 'commit.interval.ms': 1000 })
    expect(started.state).toBe('starting')
    const socket = socketOf({ cookie: studio.cookie })
    try {
      const joined = await call(socket, 'run:join', { runId: started.id })
      expect(joined.ok).toBe(true)
      await until<RunStatus>(socket, 'run:status', (s) => s.state === 'running')

      const tapped = await call(socket, 'run:tap', {
        runId: started.id,
        nodeId: 'count',
        enabled: true,
      })
      expect(tapped).toEqual({ ok: true, value: null })
      // The word "the" is followed from where it becomes a key: the count onwards.
      expect(
        await call(socket, 'run:follow', { runId: started.id, key: 'the', enabled: true }),
      ).toEqual({ ok: true, value: null })
      const generator = await json<{ id: string }>(
        await studio.api(`/api/clusters/${cluster.id}/generators`, {
          method: 'POST',
          body: { kind: 'sentences', topic: `${run}-lines`, recordsPerSecond: 100 },
        }),
      )
      const metrics = await until<RunMetrics>(
        socket,
        'run:metrics',
        (m) => m.nodes.length === 6 && m.nodes.every((n) => n.recordsInPerSecond > 0),
      )
      expect(metrics.nodes.map((n) => n.nodeId).sort()).toEqual(
        ['by-word', 'changes', 'count', 'lines', 'out', 'words'].sort(),
      )
      const lines = metrics.nodes.find((n) => n.nodeId === 'lines')
      const words = metrics.nodes.find((n) => n.nodeId === 'words')
      expect(words?.recordsOut).toBeGreaterThan(lines?.recordsIn ?? Infinity)
      expect(metrics.nodes.find((n) => n.nodeId === 'count')?.latencyP99Ms).toBeGreaterThan(0)
      expect(metrics.tasks.map((t) => t.taskId).sort()).toEqual(['0_0', '0_1', '1_0', '1_1'])

      const tap = await until<RunTap>(
        socket,
        'run:tap',
        (t) => t.nodeId === 'count' && t.records.length > 0,
      )
      expect(typeof tap.records[0]?.key).toBe('string')
      expect(tap.records[0]?.topic).toBe(`${run}-app-counts-repartition`)
      const followed = await until<RunFollow>(socket, 'run:follow', (f) =>
        ['count', 'changes', 'out'].every((id) => f.nodes.some((n) => n.nodeId === id)),
      )
      expect(followed.key).toBe('the')
      expect(followed.nodes.map((n) => n.nodeId)).not.toContain('lines')
      expect(followed.nodes.flatMap((n) => n.records).every((r) => r.key === 'the')).toBe(true)
      expect(
        await call(socket, 'run:follow', { runId: started.id, key: 'the', enabled: false }),
      ).toEqual({ ok: true, value: null })

      await json(
        await studio.api(`/api/clusters/${cluster.id}/generators/${generator.id}`, {
          method: 'DELETE',
        }),
      )
      const page = await call(socket, 'run:state', {
        runId: started.id,
        store: 'counts',
        keyPrefix: 'the',
        pageSize: 5,
      })
      if (!page.ok) throw new Error(page.error.message)
      const state = page.value as StatePage
      expect(state.kind).toBe('keyValue')
      expect(state.totalEntries).toBeGreaterThan(0)
      expect(state.entries.every((e) => String(e.key).startsWith('the'))).toBe(true)
      expect(state.entries.every((e) => typeof e.value === 'number' && e.value > 0)).toBe(true)

      const unknownStore = await call(socket, 'run:state', { runId: started.id, store: 'nope' })
      expect(unknownStore.ok).toBe(false)

      const stopped = await json<RunStatus>(
        await studio.api(`/api/runs/${started.id}/stop`, { method: 'POST' }),
      )
      expect(stopped.state).toBe('stopped')
      const reset = await json<{ deletedTopics: string[]; deletedGroup: boolean }>(
        await studio.api(`/api/runs/${started.id}/reset`, { method: 'POST' }),
      )
      expect(reset.deletedGroup).toBe(true)
      expect(reset.deletedTopics.sort()).toEqual([
        `${run}-app-counts-changelog`,
        `${run}-app-counts-repartition`,
      ])
    } finally {
      socket.close()
    }
  })

  it('runs JavaScript code parameters in the sandbox, and stops a runaway one, naming its node', async () => {
    await json(
      await studio.api(`/api/clusters/${cluster.id}/topics`, {
        method: 'POST',
        body: { name: `${run}-code-lines`, partitions: 1 },
      }),
    )
    for (const id of ['code', 'runaway']) {
      await json(
        await studio.api(`/api/clusters/${cluster.id}/topics`, {
          method: 'POST',
          body: { name: `${run}-${id}-counts`, partitions: 1 },
        }),
      )
    }
    const withCode = (id: string, source: string) => {
      const design = wordCountDesign({
        input: `${run}-code-lines`,
        output: `${run}-${id}-counts`,
        applicationId: `${run}-${id}`,
      })
      return { id, design: withCodeSplitter(design, source) }
    }
    await json(
      await studio.api('/api/designs', {
        method: 'POST',
        body: withCode('code', '(value) => value.toLowerCase().split(" ")'),
      }),
    )
    await json(
      await studio.api('/api/designs', {
        method: 'POST',
        body: withCode('runaway', '(value) => { while (true) {} }'),
      }),
    )
    await json(
      await studio.api(`/api/clusters/${cluster.id}/topics/${run}-code-lines/records`, {
        method: 'POST',
        body: { records: [{ key: 'a', value: 'The stream reads THE records' }] },
      }),
    )
    const socket = socketOf({ cookie: studio.cookie })
    try {
      const good = await startRun('code')
      await call(socket, 'run:join', { runId: good.id })
      const counted = await until<RunMetrics>(
        socket,
        'run:metrics',
        (m) => (m.nodes.find((n) => n.nodeId === 'count')?.recordsIn ?? 0) > 0,
      )
      expect(counted.nodes.find((n) => n.nodeId === 'words')?.errors).toBe(0)
      const page = await call(socket, 'run:state', {
        runId: good.id,
        store: 'counts',
        keyPrefix: 'the',
      })
      if (!page.ok) throw new Error(page.error.message)
      expect((page.value as StatePage).entries).toContainEqual({
        key: 'the',
        value: 2,
        window: null,
        // One partition: the count's only task.
        taskId: '1_0',
        bufferTime: null,
      })
      await json(await studio.api(`/api/runs/${good.id}/stop`, { method: 'POST' }))

      const runaway = await startRun('runaway')
      await call(socket, 'run:join', { runId: runaway.id })
      const failed = await until<RunStatus>(
        socket,
        'run:status',
        (s) => s.id === runaway.id && s.state === 'error',
      )
      expect(failed.error?.nodeId).toBe('words')
      expect(failed.error?.message).toMatch(/ran longer than 50 ms/)
    } finally {
      socket.close()
    }
  })

  it('sends a client that does not keep up the latest metrics, never a backlog', async () => {
    const started = await startRun('wc')
    const slow = socketOf({ cookie: studio.cookie })
    try {
      const received: RunMetrics[] = []
      let acknowledge = () => {}
      slow.on('run:metrics', (metrics, ack) => {
        received.push(metrics)
        acknowledge = ack
      })
      await call(slow, 'run:join', { runId: started.id })
      await eventually(() => received.length === 1)
      // 3.5 s without acknowledging: three samples or more are made, none is queued for it.
      await new Promise((resolve) => setTimeout(resolve, 3_500))
      expect(received).toHaveLength(1)
      acknowledge()
      await eventually(() => received.length === 2)
      expect((received[1]?.at ?? 0) - (received[0]?.at ?? 0)).toBeGreaterThanOrEqual(2_500)
    } finally {
      slow.close()
      await studio.api(`/api/runs/${started.id}/stop`, { method: 'POST' })
    }
  })

  it('refuses code parameters entirely on a server started with --disable-code', async () => {
    const locked = await startTestServer({ codeDisabled: true })
    try {
      const connected = await json<Cluster>(
        await locked.api('/api/clusters', {
          method: 'POST',
          body: { bootstrapServers: inject('kafkaBootstrapServers') },
        }),
      )
      const design = wordCountDesign({ input: `${run}-lines`, applicationId: `${run}-locked` })
      await json(
        await locked.api('/api/designs', {
          method: 'POST',
          body: {
            id: 'code',
            design: withCodeSplitter(design, '(v) => [v]'),
          },
        }),
      )
      const response = await locked.api('/api/runs', {
        method: 'POST',
        body: { designId: 'code', clusterId: connected.id },
      })
      expect(response.status).toBe(422)
      const body = (await response.json()) as { error: { message: string } }
      expect(body.error.message).toMatch(/--disable-code.*node words has code in mapper/)
    } finally {
      await locked.close()
    }
  })

  it('refuses a design with errors, naming them', async () => {
    const design = wordCountDesign({
      input: `${run}-lines`,
      output: `${run}-counts`,
      applicationId: `${run}-bad`,
    })
    await json(
      await studio.api('/api/designs', {
        method: 'POST',
        body: {
          id: 'broken',
          design: { ...design, edges: design.edges.filter((e) => e.target !== 'count') },
        },
      }),
    )
    const response = await studio.api('/api/runs', {
      method: 'POST',
      body: { designId: 'broken', clusterId: cluster.id },
    })
    expect(response.status).toBe(422)
    const body = (await response.json()) as {
      error: { code: string; details: { diagnostics: { nodeId?: string }[] } }
    }
    expect(body.error.code).toBe('run_refused')
    expect(body.error.details.diagnostics.some((d) => d.nodeId === 'count')).toBe(true)
  })

  it('refuses a design whose source and sink topics are missing, naming them', async () => {
    await json(
      await studio.api('/api/designs', {
        method: 'POST',
        body: {
          id: 'missing',
          design: wordCountDesign({ input: `${run}-absent`, applicationId: `${run}-m` }),
        },
      }),
    )
    const response = await studio.api('/api/runs', {
      method: 'POST',
      body: { designId: 'missing', clusterId: cluster.id },
    })
    expect(response.status).toBe(422)
    const body = (await response.json()) as {
      error: { message: string; details: { missingTopics: string[] } }
    }
    expect(body.error.details.missingTopics).toEqual([`${run}-absent`, 'word-counts'])
    expect(body.error.message).toBe(
      `Source topic ${run}-absent and sink topic word-counts do not exist on the cluster; create them first`,
    )
  })
})
