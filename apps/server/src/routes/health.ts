import { Router } from 'express'

/** The body of `GET /api/health`. */
export interface HealthResponse {
  status: 'ok'
  version: string
  uptimeMs: number
}

export interface HealthRouteOptions {
  version: string
  /** Milliseconds on a monotonic clock; injected so tests can pin the uptime. */
  now: () => number
}

/** `GET /health`: the liveness probe the web app polls to show its connection state. */
export function healthRouter({ version, now }: HealthRouteOptions): Router {
  const startedAt = now()
  const router = Router()
  router.get('/health', (_req, res) => {
    const body: HealthResponse = { status: 'ok', version, uptimeMs: Math.round(now() - startedAt) }
    res.json(body)
  })
  return router
}
