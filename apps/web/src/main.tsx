import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { clustersApi } from './api/clusters'
import { designsApi } from './api/designs'
import { fetchHealth } from './api/health'
import { wordCountDesign } from '@topology-studio/shared'
import { createDesignStore } from './design/design-store'
import { createPlanStore } from './design/plan-store'
import { workerPlanner } from './design/worker-planner'
import { createClusterStore } from './stores/cluster-store'
import { createConnectionStore } from './stores/connection-store'
import { runsApi } from './api/runs'
import { socketRunChannel } from './run/run-channel'
import { createRunStore } from './stores/run-store'
import { createSimulation, workerTransport } from './simulator/simulation-store'
import './styles.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

const connection = createConnectionStore({ checkHealth: () => fetchHealth() })
// A new editor starts on the word count example; /designs/<id> opens a stored design instead.
const design = createDesignStore(wordCountDesign())
const clusterApi = clustersApi()
const clusters = createClusterStore(clusterApi, window.localStorage)
const run = createRunStore({
  api: runsApi(),
  channel: socketRunChannel(),
  createTopic: (clusterId, name, partitions) =>
    clusterApi.createTopic(clusterId, { name, partitions }),
  startGenerator: (clusterId, request) => clusterApi.startGenerator(clusterId, request),
  stopGenerator: (clusterId, generatorId) => clusterApi.stopGenerator(clusterId, generatorId),
  listGenerators: (clusterId) => clusterApi.generators(clusterId),
})
// Designs simulate in a Web Worker of their own, started with the app.
const simulation = createSimulation(workerTransport())
const { store: plan } = createPlanStore(design, {
  clusters,
  remote: workerPlanner(),
})

createRoot(container).render(
  <StrictMode>
    <App
      connection={connection}
      clusters={clusters}
      design={design}
      plan={plan}
      designs={designsApi()}
      clusterApi={clusterApi}
      run={run}
      simulation={simulation}
    />
  </StrictMode>,
)
