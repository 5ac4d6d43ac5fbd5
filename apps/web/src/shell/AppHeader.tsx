import { ClusterPicker, type ClusterPickerProps } from '../cluster/ClusterPicker'
import type { ConnectionStore } from '../stores/connection-store'
import { ServerStatus } from './ServerStatus'

export interface AppHeaderProps extends ClusterPickerProps {
  connection: ConnectionStore
}

export function AppHeader({ connection, ...cluster }: AppHeaderProps) {
  return (
    <header className="app-header">
      <h1 className="app-header__title">Topology Studio</h1>
      <ClusterPicker {...cluster} />
      <ServerStatus connection={connection} />
    </header>
  )
}
