import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { designsApi } from './api/designs'
import { fetchHealth } from './api/health'
import { wordCountDesign } from '@topology-studio/shared'
import { createDesignStore } from './design/design-store'
import { createPlanStore } from './design/plan-store'
import { createConnectionStore } from './stores/connection-store'
import './styles.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

const connection = createConnectionStore({ checkHealth: () => fetchHealth() })
// A new editor starts on the word count example; /designs/<id> opens a stored design instead.
const design = createDesignStore(wordCountDesign())
const { store: plan } = createPlanStore(design)

createRoot(container).render(
  <StrictMode>
    <App connection={connection} design={design} plan={plan} designs={designsApi()} />
  </StrictMode>,
)
