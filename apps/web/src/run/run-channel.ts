// The live feed of runs over socket.io: join a run's room, get its status, metrics once a second
// (acknowledged, so a slow tab gets the newest rather than a backlog) and its errors.
import type {
  Ack,
  ClientToServerEvents,
  RunError,
  RunFollow,
  RunMetrics,
  RunStatus,
  RunTap,
  ServerToClientEvents,
  StatePage,
  StatePageRequest,
} from '@topology-studio/shared'
import { io, type Socket } from 'socket.io-client'

export interface RunFeed {
  status(status: RunStatus): void
  metrics(metrics: RunMetrics): void
  error(error: RunError): void
  /** The latest records through a node whose tap is open, once a second. */
  tap(tap: RunTap): void
  /** The latest records of a followed key at every node it reached, once a second. */
  follow(follow: RunFollow): void
  /**
   * The run's room was joined again after the connection dropped: the server has let go of this
   * page's taps and followed keys, which must be asked for again.
   */
  rejoined(): void
}

export interface RunChannel {
  /** Follows one run until the returned function is called. */
  watch(runId: string, feed: RunFeed): () => void
  /** Opens or closes a node's record tap. */
  tap(runId: string, nodeId: string, enabled: boolean): Promise<void>
  /** Follows a key through every node of the run, or stops. */
  follow(runId: string, key: string, enabled: boolean): Promise<void>
  /** A page of a store's contents. */
  statePage(request: StatePageRequest): Promise<StatePage>
}

type StudioSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** One socket for the tab, opened when a run is first watched. */
export function socketRunChannel(open: () => StudioSocket = () => io()): RunChannel {
  let socket: StudioSocket | null = null
  const connected = () => (socket ??= open())
  /** Sends a request and settles with its acknowledgement. */
  const ask = <T>(send: (ack: Ack<T>) => void) =>
    new Promise<T>((resolve, reject) =>
      send((answer) =>
        answer.ok ? resolve(answer.value) : reject(new Error(answer.error.message)),
      ),
    )
  return {
    tap: (runId, nodeId, enabled) =>
      ask<null>((ack) => connected().emit('run:tap', { runId, nodeId, enabled }, ack)).then(
        () => undefined,
      ),
    follow: (runId, key, enabled) =>
      ask<null>((ack) => connected().emit('run:follow', { runId, key, enabled }, ack)).then(
        () => undefined,
      ),
    statePage: (request) => ask<StatePage>((ack) => connected().emit('run:state', request, ack)),
    watch(runId, feed) {
      const live = connected()
      let joins = 0
      const join = () => {
        const again = joins++ > 0
        live.emit('run:join', { runId }, (answer) => {
          if (!answer.ok) return
          feed.status(answer.value)
          if (again) feed.rejoined()
        })
      }
      const onStatus = (status: RunStatus) => status.id === runId && feed.status(status)
      // Snapshots are acknowledged whichever run they are of, so the server sends the next one.
      const snapshot =
        <T extends { runId: string }>(deliver: (value: T) => void) =>
        (value: T, ack: () => void) => {
          ack()
          if (value.runId === runId) deliver(value)
        }
      const onError = (error: RunError & { runId: string }) =>
        error.runId === runId && feed.error(error)
      const onMetrics = snapshot<RunMetrics>((metrics) => feed.metrics(metrics))
      const onTap = snapshot<RunTap>((tap) => feed.tap(tap))
      const onFollow = snapshot<RunFollow>((follow) => feed.follow(follow))
      live.on('run:status', onStatus)
      live.on('run:tap', onTap)
      live.on('run:follow', onFollow)
      live.on('run:metrics', onMetrics)
      live.on('run:error', onError)
      // A reconnected socket has left every room: join again.
      live.on('connect', join)
      if (live.connected) join()
      return () => {
        live.off('run:status', onStatus)
        live.off('run:metrics', onMetrics)
        live.off('run:error', onError)
        live.off('run:tap', onTap)
        live.off('run:follow', onFollow)
        live.off('connect', join)
        live.emit('run:leave', { runId }, () => undefined)
      }
    },
  }
}
