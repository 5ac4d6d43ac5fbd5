import { ClusterPicker } from '../cluster/ClusterPicker'
import type { ClusterStore } from '../stores/cluster-store'
import type { ConnectionStore } from '../stores/connection-store'
import { ServerStatus } from './ServerStatus'

export interface AppHeaderProps {
  connection: ConnectionStore
  clusters: ClusterStore
}

export function AppHeader({ connection, clusters }: AppHeaderProps) {
  return (
    <header className="app-header">
      <h1 className="app-header__title">Topology Studio</h1>
      <ClusterPicker clusters={clusters} />
      <ServerStatus connection={connection} />
    </header>
  )
}
