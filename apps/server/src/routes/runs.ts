import { StartRunRequestSchema } from '@topology-studio/shared'
import express from 'express'
import type { Router } from 'express'
import { parseRequest } from '../http/parse-request'
import type { RunManager } from '../runs/run-manager'

/** `/api/runs`: start (checked first), list, status, stop, reset. */
export function runsRouter(runs: RunManager): Router {
  const router = express.Router()
  const id = (value: unknown) => String(value)

  router.post('/runs', async (req, res) => {
    const request = parseRequest(StartRunRequestSchema, req.body, 'run')
    const status = await runs.start(request)
    res.status(201).location(`/api/runs/${status.id}`).json(status)
  })

  router.get('/runs', (_req, res) => {
    res.json({ runs: runs.list() })
  })

  router.get('/runs/:id', (req, res) => {
    const run = runs.get(id(req.params['id']))
    res.json({ ...run.status(), metrics: run.metrics() })
  })

  router.post('/runs/:id/stop', async (req, res) => {
    res.json(await runs.stop(id(req.params['id'])))
  })

  router.post('/runs/:id/reset', async (req, res) => {
    res.json(await runs.reset(id(req.params['id'])))
  })

  return router
}
