import type { ConnectionStore } from '../stores/connection-store'
import { ServerStatus } from './ServerStatus'

export interface AppHeaderProps {
  connection: ConnectionStore
}

export function AppHeader({ connection }: AppHeaderProps) {
  return (
    <header className="app-header">
      <h1 className="app-header__title">Topology Studio</h1>
      <ServerStatus connection={connection} />
    </header>
  )
}
