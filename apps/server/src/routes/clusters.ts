import {
  ConnectClusterRequestSchema,
  CreateTopicRequestSchema,
  PeekQuerySchema,
  ProduceRequestSchema,
  StartGeneratorRequestSchema,
} from '@topology-studio/shared'
import express from 'express'
import type { Router } from 'express'
import { z } from 'zod'
import type { ClusterRegistry } from '../clusters/cluster-registry'
import { parseRequest } from '../http/parse-request'

const PartitionParamSchema = z.coerce.number().int().nonnegative()

/**
 * `/api/clusters`: connect, health, topics (list, create, peek, produce) and sample-data
 * generators. Responses never carry SASL passwords or TLS keys.
 */
export function clustersRouter(clusters: ClusterRegistry): Router {
  const router = express.Router()
  const param = (value: unknown) => String(value)

  router.post('/clusters', async (req, res) => {
    const request = parseRequest(ConnectClusterRequestSchema, req.body, 'cluster connection')
    res.status(201).json(await clusters.connect(request))
  })

  router.get('/clusters', (_req, res) => {
    res.json({ clusters: clusters.list() })
  })

  router.get('/clusters/:id', (req, res) => {
    res.json(clusters.describe(param(req.params['id'])))
  })

  router.delete('/clusters/:id', async (req, res) => {
    await clusters.disconnect(param(req.params['id']))
    res.status(204).end()
  })

  router.get('/clusters/:id/health', async (req, res) => {
    res.json(await clusters.get(param(req.params['id'])).health())
  })

  router.get('/clusters/:id/topics', async (req, res) => {
    res.json({ topics: await clusters.get(param(req.params['id'])).topics() })
  })

  router.post('/clusters/:id/topics', async (req, res) => {
    const connection = clusters.get(param(req.params['id']))
    const request = parseRequest(CreateTopicRequestSchema, req.body, 'topic')
    await connection.createTopic(request)
    const [topic] = await connection.topics([request.name])
    res.status(201).json(topic)
  })

  router.get('/clusters/:id/topics/:topic/partitions/:partition/records', async (req, res) => {
    const connection = clusters.get(param(req.params['id']))
    const partition = parseRequest(PartitionParamSchema, req.params['partition'], 'partition')
    const query = parseRequest(PeekQuerySchema, req.query, 'query')
    res.json({ records: await connection.peek(param(req.params['topic']), partition, query) })
  })

  router.post('/clusters/:id/topics/:topic/records', async (req, res) => {
    const connection = clusters.get(param(req.params['id']))
    const request = parseRequest(ProduceRequestSchema, req.body, 'records')
    res.json({ offsets: await connection.produce(param(req.params['topic']), request) })
  })

  router.post('/clusters/:id/generators', async (req, res) => {
    const request = parseRequest(StartGeneratorRequestSchema, req.body, 'generator')
    res.status(201).json(await clusters.startGenerator(param(req.params['id']), request))
  })

  router.get('/clusters/:id/generators', (req, res) => {
    res.json({ generators: clusters.generatorsOf(param(req.params['id'])) })
  })

  router.delete('/clusters/:id/generators/:generator', async (req, res) => {
    res.json(await clusters.stopGenerator(param(req.params['id']), param(req.params['generator'])))
  })

  return router
}
