// socket.io for live runs: a client joins `run:<id>` and receives its status, metrics once a
// second, errors, and, when it asks, record taps and store pages. Metrics and taps go to each
// client as acknowledged snapshots (snapshot-delivery.ts). The handshake passes the same
// Host, Origin and session checks as the REST API (browsers apply no CORS to WebSockets).
import type { Server as HttpServer } from 'node:http'
import {
  ApiErrorBodySchema,
  FollowRequestSchema,
  RUN_ROOM_PREFIX,
  StatePageRequestSchema,
  TapRequestSchema,
  type Ack,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@topology-studio/shared'
import type { RunFollow, RunMetrics, RunTap } from '@topology-studio/shared'
import { Server } from 'socket.io'
import { z } from 'zod'
import { ApiError } from '../http/api-error'
import { parseRequest } from '../http/parse-request'
import { checkRequest, type SecurityOptions } from '../http/security'
import type { RunManager } from '../runs/run-manager'
import { SnapshotDelivery } from './snapshot-delivery'

export type StudioSocketServer = Server<ClientToServerEvents, ServerToClientEvents>
type StudioSocket = Parameters<Parameters<StudioSocketServer['on']>[1]>[0]

/** A client that never acknowledges still gets a snapshot this often. */
const SNAPSHOT_ACK_TIMEOUT_MS = 5_000

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
  // Taps and followed keys stay open while at least one client wants them: counted per run and
  // node (or key).
  const wanted = new Map<string, number>()
  type Want = 'tap' | 'follow'
  const wantKey = (want: Want, runId: string, id: string) => `${want}\u0000${runId}\u0000${id}`

  // Who watches which run, each with their own snapshot deliveries (metrics, and taps per node).
  const watchers = new Map<string, Map<StudioSocket, Map<string, SnapshotDelivery<unknown>>>>()
  const deliveryFor = <T>(
    deliveries: Map<string, SnapshotDelivery<unknown>>,
    key: string,
    emit: (payload: T, done: () => void) => void,
  ): SnapshotDelivery<T> => {
    let delivery = deliveries.get(key) as SnapshotDelivery<T> | undefined
    if (delivery === undefined) {
      delivery = new SnapshotDelivery<T>(emit)
      deliveries.set(key, delivery as SnapshotDelivery<unknown>)
    }
    return delivery
  }
  const watch = (runId: string, socket: StudioSocket) => {
    const sockets = watchers.get(runId) ?? new Map()
    watchers.set(runId, sockets)
    if (!sockets.has(socket)) sockets.set(socket, new Map())
  }
  const unwatch = (runId: string, socket: StudioSocket) => {
    watchers.get(runId)?.delete(socket)
    if (watchers.get(runId)?.size === 0) watchers.delete(runId)
  }
  const forEachWatcher = (
    runId: string,
    each: (socket: StudioSocket, deliveries: Map<string, SnapshotDelivery<unknown>>) => void,
  ) => {
    for (const [socket, deliveries] of watchers.get(runId) ?? []) each(socket, deliveries)
  }

  io.on('connection', (socket) => {
    const mine = new Set<string>()
    const joined = new Set<string>()

    socket.on('run:join', (request, ack) =>
      answer(ack, async () => {
        const { runId } = parseRequest(RunRefSchema, request, 'run:join request')
        const run = runs.get(runId)
        await socket.join(room(runId))
        watch(runId, socket)
        joined.add(runId)
        const metrics = run.metrics()
        if (metrics !== null) sendMetrics(socket, metrics)
        return run.status()
      }),
    )

    socket.on('run:leave', (request, ack) =>
      answer(ack, async () => {
        const { runId } = parseRequest(RunRefSchema, request, 'run:leave request')
        await socket.leave(room(runId))
        unwatch(runId, socket)
        joined.delete(runId)
        return null
      }),
    )

    socket.on('run:tap', (request, ack) =>
      answer(ack, async () => {
        const { runId, nodeId, enabled } = parseRequest(TapRequestSchema, request, 'tap request')
        await want(wantKey('tap', runId, nodeId), enabled)
        return null
      }),
    )

    socket.on('run:follow', (request, ack) =>
      answer(ack, async () => {
        const { runId, key, enabled } = parseRequest(FollowRequestSchema, request, 'follow request')
        await want(wantKey('follow', runId, key), enabled)
        return null
      }),
    )

    /** Opens what this client asks for unless it has already, or releases it. */
    async function want(key: string, enabled: boolean): Promise<void> {
      if (enabled && !mine.has(key)) {
        await switchOn(key, true)
        mine.add(key)
        wanted.set(key, (wanted.get(key) ?? 0) + 1)
      } else if (!enabled && mine.has(key)) {
        mine.delete(key)
        await release(key)
      }
    }

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
      for (const runId of joined) unwatch(runId, socket)
      joined.clear()
    })
  })

  async function switchOn(key: string, enabled: boolean): Promise<void> {
    const [want = '', runId = '', id = ''] = key.split('\u0000')
    const run = runs.get(runId)
    await (want === 'tap' ? run.tap(id, enabled) : run.follow(id, enabled))
  }

  async function release(key: string): Promise<void> {
    const left = (wanted.get(key) ?? 1) - 1
    if (left > 0) {
      wanted.set(key, left)
      return
    }
    wanted.delete(key)
    const runId = key.split('\u0000')[1] ?? ''
    const run = runs.list().find((r) => r.id === runId)
    if (run !== undefined && run.state !== 'stopped' && run.state !== 'error') {
      await switchOn(key, false)
    }
  }

  const sendMetrics = (socket: StudioSocket, metrics: RunMetrics) => {
    const deliveries = watchers.get(metrics.runId)?.get(socket)
    if (deliveries === undefined) return
    deliveryFor<RunMetrics>(deliveries, 'metrics', (payload, done) =>
      socket.timeout(SNAPSHOT_ACK_TIMEOUT_MS).emit('run:metrics', payload, done),
    ).offer(metrics)
  }

  runs.events.on('status', (runId, status) => io.to(room(runId)).emit('run:status', status))
  runs.events.on('metrics', (runId, metrics) =>
    forEachWatcher(runId, (socket) => sendMetrics(socket, metrics)),
  )
  runs.events.on('tap', (runId, tap) =>
    forEachWatcher(runId, (socket, deliveries) =>
      deliveryFor<RunTap>(deliveries, `tap:${tap.nodeId}`, (payload, done) =>
        socket.timeout(SNAPSHOT_ACK_TIMEOUT_MS).emit('run:tap', payload, done),
      ).offer(tap),
    ),
  )
  runs.events.on('follow', (runId, follow) =>
    forEachWatcher(runId, (socket, deliveries) =>
      deliveryFor<RunFollow>(deliveries, `follow:${follow.key}`, (payload, done) =>
        socket.timeout(SNAPSHOT_ACK_TIMEOUT_MS).emit('run:follow', payload, done),
      ).offer(follow),
    ),
  )
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
