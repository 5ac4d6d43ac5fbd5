import { useEffect } from 'react'
import type { DesignsApi } from './api/designs'
import type { DesignStore } from './design/design-store'
import type { PlanStore } from './design/plan-store'
import { Designer } from './designer/Designer'
import { AppHeader } from './shell/AppHeader'
import { watchConnection } from './stores/connection-store'
import type { ConnectionStore } from './stores/connection-store'

/** How often the header re-checks the server, so a stopped server shows within seconds. */
const HEALTH_POLL_MS = 5_000

export interface AppProps {
  connection: ConnectionStore
  design: DesignStore
  plan: PlanStore
  designs: DesignsApi
}

/** The application shell. Stores are created by the caller so tests can hand in their own. */
export function App({ connection, design, plan, designs }: AppProps) {
  useEffect(() => watchConnection(connection, HEALTH_POLL_MS), [connection])

  return (
    <div className="app">
      <AppHeader connection={connection} />
      <main className="app-main">
        <Designer design={design} plan={plan} api={designs} />
      </main>
    </div>
  )
}
