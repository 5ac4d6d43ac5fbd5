import express from 'express'
import type { Express } from 'express'
import { errorHandler, notFound } from './http/error-handler'
import { webApp } from './http/web-app'
import { healthRouter } from './routes/health'
import { SERVER_VERSION } from './version'

export interface AppOptions {
  /** Folder holding the built web app (`apps/web/dist`). */
  webRoot: string
  /** Milliseconds on a monotonic clock; defaults to `performance.now`. */
  now?: () => number
}

/**
 * Builds the Express app without binding a port, so tests and `createServer` decide where it
 * listens. `/api/*` always answers JSON; every other GET falls through to the web app.
 */
export function createApp({ webRoot, now = () => performance.now() }: AppOptions): Express {
  const app = express()
  app.disable('x-powered-by')

  const api = express.Router()
  api.use(express.json())
  api.use(healthRouter({ version: SERVER_VERSION, now }))
  // Unknown API routes must not reach the SPA fallback, or clients would parse HTML as JSON.
  api.use(notFound())
  app.use('/api', api)

  app.use(webApp(webRoot))
  app.use(notFound())
  app.use(errorHandler())
  return app
}
