import {
  CreateDesignRequestSchema,
  DesignIdSchema,
  DuplicateDesignRequestSchema,
  UpdateDesignRequestSchema,
} from '@topology-studio/shared'
import express from 'express'
import type { Router } from 'express'
import { ApiError } from '../http/api-error'
import { parseDesign } from '../http/parse-design'
import { parseRequest } from '../http/parse-request'
import { DesignStoreError, type DesignStore } from '../designs/design-store'

/** `/api/designs`: list, get, create, update (optimistic), delete, duplicate. */
export function designsRouter(store: DesignStore): Router {
  const router = express.Router()
  const idOf = (value: unknown) => parseRequest(DesignIdSchema, value, 'design id')

  router.get('/designs', async (_req, res) => {
    res.json({ designs: await store.list() })
  })

  router.get('/designs/:id', async (req, res) => {
    res.json(await guard(store.get(idOf(req.params['id']))))
  })

  router.post('/designs', async (req, res) => {
    const body = parseRequest(CreateDesignRequestSchema, req.body, 'request body')
    const created = await guard(store.create(parseDesign(body.design), body.id))
    res
      .status(201)
      .location(`/api/designs/${encodeURIComponent(created.id)}`)
      .json(created)
  })

  router.put('/designs/:id', async (req, res) => {
    const id = idOf(req.params['id'])
    const body = parseRequest(UpdateDesignRequestSchema, req.body, 'request body')
    res.json(await guard(store.update(id, body.revision, parseDesign(body.design))))
  })

  router.delete('/designs/:id', async (req, res) => {
    await guard(store.delete(idOf(req.params['id'])))
    res.status(204).end()
  })

  router.post('/designs/:id/duplicate', async (req, res) => {
    const id = idOf(req.params['id'])
    const body = parseRequest(DuplicateDesignRequestSchema, req.body ?? {}, 'request body')
    const copy = await guard(store.duplicate(id, body))
    res
      .status(201)
      .location(`/api/designs/${encodeURIComponent(copy.id)}`)
      .json(copy)
  })

  return router
}

async function guard<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (!(error instanceof DesignStoreError)) throw error
    switch (error.reason) {
      case 'not_found':
        throw new ApiError(404, 'design_not_found', error.message, error.details)
      case 'exists':
        throw new ApiError(409, 'design_exists', error.message, error.details)
      case 'stale':
        throw new ApiError(409, 'stale_revision', error.message, error.details)
      case 'unreadable':
        throw new ApiError(422, 'design_unreadable', error.message, error.details)
    }
  }
}
