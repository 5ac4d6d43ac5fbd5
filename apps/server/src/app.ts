import express from 'express'
import type { Express } from 'express'
import type { ClusterRegistry } from './clusters/cluster-registry'
import type { DesignStore } from './designs/design-store'
import { errorHandler, notFound } from './http/error-handler'
import {
  exchangeLaunchToken,
  requireAllowedHost,
  requireApiHeaders,
  requireSession,
  type SecurityOptions,
} from './http/security'
import { webApp } from './http/web-app'
import { clustersRouter } from './routes/clusters'
import { designsRouter } from './routes/designs'
import { healthRouter } from './routes/health'
import { planRouter } from './routes/plan'
import { runsRouter } from './routes/runs'
import type { RunManager } from './runs/run-manager'
import { SERVER_VERSION } from './version'

export interface AppOptions {
  /** Folder holding the built web app (`apps/web/dist`). */
  webRoot: string
  security: SecurityOptions
  designs: DesignStore
  clusters: ClusterRegistry
  runs: RunManager
  /** Milliseconds on a monotonic clock; defaults to `performance.now`. */
  now?: () => number
}

/** Request bodies are designs and records typed in by users: generous, but bounded. */
export const BODY_LIMIT = '2mb'

/**
 * Builds the Express app without binding a port, so tests and `createServer` decide where it
 * listens. `/api/*` always answers JSON; every other GET falls through to the web app.
 */
export function createApp({
  webRoot,
  security,
  designs,
  clusters,
  runs,
  now = () => performance.now(),
}: AppOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  app.use(requireAllowedHost(security))

  const api = express.Router()
  api.use(requireSession(security))
  api.use(requireApiHeaders())
  api.use(
    express.json({
      limit: BODY_LIMIT,
      // Own `__proto__` keys are harmless to JSON.parse but not to code that copies objects.
      reviver: (key, value: unknown) => (key === '__proto__' ? undefined : value),
    }),
  )
  api.use(healthRouter({ version: SERVER_VERSION, now }))
  api.use(designsRouter(designs))
  api.use(planRouter())
  api.use(clustersRouter(clusters))
  api.use(runsRouter(runs))
  // Unknown API routes must not reach the SPA fallback, or clients would parse HTML as JSON.
  api.use(notFound())
  app.use('/api', api)

  app.use(exchangeLaunchToken(security))
  app.use(webApp(webRoot))
  app.use(notFound())
  app.use(errorHandler())
  return app
}
