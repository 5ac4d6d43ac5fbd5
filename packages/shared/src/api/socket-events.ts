// The socket.io events between the browser and the server, typed once for both sides
// (`Server<ClientToServerEvents, ServerToClientEvents>` and `Socket<ServerToClientEvents,
// ClientToServerEvents>`). Payloads from clients are parsed with the schemas of runs-api.ts.
import type { ApiErrorBody } from './api-error'
import type {
  FollowRequest,
  RunError,
  RunFollow,
  RunMetrics,
  RunStatus,
  RunTap,
  StatePage,
  StatePageRequest,
  TapRequest,
} from './runs-api'

/** Every request answers through its acknowledgement: the result, or an error body. */
export type Ack<T> = (answer: { ok: true; value: T } | ({ ok: false } & ApiErrorBody)) => void

/**
 * Metrics and taps are snapshots: the client acknowledges each one, and until it does the
 * server keeps only the newest for it, so a slow client gets the latest, never a backlog.
 */
export type SnapshotAck = () => void

export interface ServerToClientEvents {
  'run:status': (status: RunStatus) => void
  'run:metrics': (metrics: RunMetrics, ack: SnapshotAck) => void
  'run:error': (error: RunError & { runId: string }) => void
  'run:tap': (tap: RunTap, ack: SnapshotAck) => void
  'run:follow': (follow: RunFollow, ack: SnapshotAck) => void
  'run:state': (page: StatePage) => void
}

export interface ClientToServerEvents {
  /** Joins the room `run:<id>`; answers the run's status. */
  'run:join': (request: { runId: string }, ack: Ack<RunStatus>) => void
  'run:leave': (request: { runId: string }, ack: Ack<null>) => void
  /** Opens or closes a node's record tap; while open, `run:tap` arrives every second. */
  'run:tap': (request: TapRequest, ack: Ack<null>) => void
  /** Follows a key through every node, or stops; while followed, `run:follow` arrives every second. */
  'run:follow': (request: FollowRequest, ack: Ack<null>) => void
  /** Asks for a page of a store; answered in the ack and as `run:state`. */
  'run:state': (request: StatePageRequest, ack: Ack<StatePage>) => void
}

export const RUN_ROOM_PREFIX = 'run:'
