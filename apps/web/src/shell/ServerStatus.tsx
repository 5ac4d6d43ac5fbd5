import { useStore } from 'zustand'
import type { ConnectionStatus, ConnectionStore } from '../stores/connection-store'

const LABELS: Record<ConnectionStatus, string> = {
  checking: 'Connecting…',
  connected: 'Connected',
  unreachable: 'Server unreachable',
  'signed-out': 'Not signed in: open the link the server printed',
}

export interface ServerStatusProps {
  connection: ConnectionStore
}

/** The header badge telling whether the server answers its health check. */
export function ServerStatus({ connection }: ServerStatusProps) {
  const status = useStore(connection, (state) => state.status)
  const version = useStore(connection, (state) => state.serverVersion)
  const lastError = useStore(connection, (state) => state.lastError)
  const title = status === 'connected' && version !== null ? `Server ${version}` : lastError

  return (
    <span
      className="server-status"
      role="status"
      data-testid="server-status"
      data-status={status}
      title={title ?? undefined}
    >
      <span className="server-status__dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  )
}
