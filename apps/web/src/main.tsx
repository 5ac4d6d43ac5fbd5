import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { fetchHealth } from './api/health'
import { createConnectionStore } from './stores/connection-store'
import './styles.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

const connection = createConnectionStore({ checkHealth: () => fetchHealth() })

createRoot(container).render(
  <StrictMode>
    <App connection={connection} />
  </StrictMode>,
)
