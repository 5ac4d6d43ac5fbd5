import { useEffect } from 'react'
import type { DesignsApi } from './api/designs'
import type { DesignStore } from './design/design-store'
import type { PlanStore } from './design/plan-store'
import { Designer } from './designer/Designer'
import { AppHeader } from './shell/AppHeader'
import type { ClusterStore } from './stores/cluster-store'
import type { RunStore } from './stores/run-store'
import { watchConnection } from './stores/connection-store'
import type { ConnectionStore } from './stores/connection-store'

/** How often the header re-checks the server, so a stopped server shows within seconds. */
const HEALTH_POLL_MS = 5_000

export interface AppProps {
  connection: ConnectionStore
  clusters: ClusterStore
  design: DesignStore
  plan: PlanStore
  designs: DesignsApi
  run: RunStore
}

/** The application shell. Stores are created by the caller so tests can hand in their own. */
export function App({ connection, clusters, design, plan, designs, run }: AppProps) {
  useEffect(() => watchConnection(connection, HEALTH_POLL_MS), [connection])
  useEffect(() => void clusters.getState().refresh(), [clusters])

  return (
    <div className="app">
      <AppHeader connection={connection} clusters={clusters} />
      <main className="app-main">
        <Designer design={design} plan={plan} api={designs} clusters={clusters} run={run} />
      </main>
    </div>
  )
}
