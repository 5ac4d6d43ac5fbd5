// The live feed of runs over socket.io: join a run's room, get its status, metrics once a second
// (acknowledged, so a slow tab gets the newest rather than a backlog) and its errors.
import type {
  ClientToServerEvents,
  RunError,
  RunMetrics,
  RunStatus,
  ServerToClientEvents,
} from '@topology-studio/shared'
import { io, type Socket } from 'socket.io-client'

export interface RunFeed {
  status(status: RunStatus): void
  metrics(metrics: RunMetrics): void
  error(error: RunError): void
}

export interface RunChannel {
  /** Follows one run until the returned function is called. */
  watch(runId: string, feed: RunFeed): () => void
}

type StudioSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** One socket for the tab, opened when a run is first watched. */
export function socketRunChannel(open: () => StudioSocket = () => io()): RunChannel {
  let socket: StudioSocket | null = null
  return {
    watch(runId, feed) {
      socket ??= open()
      const live = socket
      const join = () =>
        live.emit('run:join', { runId }, (answer) => {
          if (answer.ok) feed.status(answer.value)
        })
      const onStatus = (status: RunStatus) => status.id === runId && feed.status(status)
      const onMetrics = (metrics: RunMetrics, ack: () => void) => {
        ack()
        if (metrics.runId === runId) feed.metrics(metrics)
      }
      const onError = (error: RunError & { runId: string }) =>
        error.runId === runId && feed.error(error)
      live.on('run:status', onStatus)
      live.on('run:metrics', onMetrics)
      live.on('run:error', onError)
      // A reconnected socket has left every room: join again.
      live.on('connect', join)
      if (live.connected) join()
      return () => {
        live.off('run:status', onStatus)
        live.off('run:metrics', onMetrics)
        live.off('run:error', onError)
        live.off('connect', join)
        live.emit('run:leave', { runId }, () => undefined)
      }
    },
  }
}
