// socket.io for live runs: a client joins `run:<id>` and receives its status, metrics once a
// second, errors, and, when it asks, record taps and store pages. The handshake passes the same
// Host, Origin and session checks as the REST API (browsers apply no CORS to WebSockets).
import type { Server as HttpServer } from 'node:http'
import {
  ApiErrorBodySchema,
  RUN_ROOM_PREFIX,
  StatePageRequestSchema,
  TapRequestSchema,
  type Ack,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@topology-studio/shared'
import { Server } from 'socket.io'
import { z } from 'zod'
import { ApiError } from '../http/api-error'
import { parseRequest } from '../http/parse-request'
import { checkRequest, type SecurityOptions } from '../http/security'
import type { RunManager } from '../runs/run-manager'

export type StudioSocketServer = Server<ClientToServerEvents, ServerToClientEvents>

const RunRefSchema = z.strictObject({ runId: z.string().min(1) })
const room = (runId: string) => `${RUN_ROOM_PREFIX}${runId}`

export function attachSocketServer(
  httpServer: HttpServer,
  security: SecurityOptions,
  runs: RunManager,
): StudioSocketServer {
  const io: StudioSocketServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 100_000,
    allowRequest: (req, callback) => {
      const refused = checkRequest(req, security)
      callback(refused?.message ?? null, refused === null)
    },
  })
  // Taps stay open while at least one client wants them: counted per run and node.
  const tapWanted = new Map<string, number>()
  const tapKey = (runId: string, nodeId: string) => `${runId}\u0000${nodeId}`

  io.on('connection', (socket) => {
    const mine = new Set<string>()

    socket.on('run:join', (request, ack) =>
      answer(ack, async () => {
        const { runId } = parseRequest(RunRefSchema, request, 'run:join request')
        const run = runs.get(runId)
        await socket.join(room(runId))
        const metrics = run.metrics()
        if (metrics !== null) socket.emit('run:metrics', metrics)
        return run.status()
      }),
    )

    socket.on('run:leave', (request, ack) =>
      answer(ack, async () => {
        const { runId } = parseRequest(RunRefSchema, request, 'run:leave request')
        await socket.leave(room(runId))
        return null
      }),
    )

    socket.on('run:tap', (request, ack) =>
      answer(ack, async () => {
        const { runId, nodeId, enabled } = parseRequest(TapRequestSchema, request, 'tap request')
        const key = tapKey(runId, nodeId)
        const run = runs.get(runId)
        if (enabled && !mine.has(key)) {
          await run.tap(nodeId, true)
          mine.add(key)
          tapWanted.set(key, (tapWanted.get(key) ?? 0) + 1)
        } else if (!enabled && mine.has(key)) {
          mine.delete(key)
          await release(key)
        }
        return null
      }),
    )

    socket.on('run:state', (request, ack) =>
      answer(ack, async () => {
        const { runId, ...page } = parseRequest(StatePageRequestSchema, request, 'state request')
        const result = await runs.get(runId).statePage(page)
        socket.emit('run:state', result)
        return result
      }),
    )

    socket.on('disconnect', () => {
      for (const key of mine) void release(key).catch(() => undefined)
      mine.clear()
    })
  })

  async function release(key: string): Promise<void> {
    const left = (tapWanted.get(key) ?? 1) - 1
    if (left > 0) {
      tapWanted.set(key, left)
      return
    }
    tapWanted.delete(key)
    const [runId = '', nodeId = ''] = key.split('\u0000')
    const run = runs.list().find((r) => r.id === runId)
    if (run !== undefined && run.state !== 'stopped' && run.state !== 'error') {
      await runs.get(runId).tap(nodeId, false)
    }
  }

  runs.events.on('status', (runId, status) => io.to(room(runId)).emit('run:status', status))
  // Volatile: a client that cannot keep up skips to the next snapshot instead of queueing.
  runs.events.on('metrics', (runId, metrics) =>
    io.to(room(runId)).volatile.emit('run:metrics', metrics),
  )
  runs.events.on('tap', (runId, tap) => io.to(room(runId)).volatile.emit('run:tap', tap))
  runs.events.on('failed', (runId, error) =>
    io.to(room(runId)).emit('run:error', { ...error, runId }),
  )
  return io
}

async function answer<T>(ack: Ack<T> | undefined, work: () => Promise<T>): Promise<void> {
  if (typeof ack !== 'function') return
  try {
    ack({ ok: true, value: await work() })
  } catch (error) {
    const apiError =
      error instanceof ApiError
        ? error
        : new ApiError(500, 'internal_error', 'The server failed to handle the request')
    if (!(error instanceof ApiError)) console.error(error)
    ack({ ok: false, ...ApiErrorBodySchema.parse(apiError.toBody()) })
  }
}
