import { useCallback, useEffect } from 'react'
import type { ClustersApi } from './api/clusters'
import type { DesignsApi } from './api/designs'
import { topicSerdes } from './cluster/topic-serdes'
import type { DesignStore } from './design/design-store'
import type { PlanStore } from './design/plan-store'
import { Designer } from './designer/Designer'
import { AppHeader } from './shell/AppHeader'
import type { ClusterStore } from './stores/cluster-store'
import type { RunStore } from './stores/run-store'
import type { Simulation } from './simulator/simulation-store'
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
  /** What the cluster dialog reads and writes through. */
  clusterApi: ClustersApi
  run: RunStore
  /** The design simulated in the browser. */
  simulation: Simulation
}

/** The application shell. Stores are created by the caller so tests can hand in their own. */
export function App(props: AppProps) {
  const { connection, clusters, design, plan, designs, clusterApi, run, simulation } = props
  useEffect(() => watchConnection(connection, HEALTH_POLL_MS), [connection])
  useEffect(() => void clusters.getState().refresh(), [clusters])
  const serdesOf = useCallback(
    (topic: string) => topicSerdes(design.getState().graph, plan.getState().serdes, topic),
    [design, plan],
  )

  return (
    <div className="app">
      <AppHeader
        connection={connection}
        clusters={clusters}
        api={clusterApi}
        run={run}
        topicSerdes={serdesOf}
      />
      <main className="app-main">
        <Designer
          design={design}
          plan={plan}
          api={designs}
          clusters={clusters}
          run={run}
          simulation={simulation}
        />
      </main>
    </div>
  )
}
