import { planGraph } from '@topology-studio/engine'
import express from 'express'
import type { Router } from 'express'
import { parseDesign } from '../http/parse-design'

/**
 * `POST /api/plan`: diagnostics, physical plan and describe() text of a design, from the same
 * function the browser runs on every edit. Code parameters are only parsed, never run.
 */
export function planRouter(): Router {
  const router = express.Router()
  router.post('/plan', (req, res) => {
    res.json(planGraph(parseDesign(req.body)))
  })
  return router
}
