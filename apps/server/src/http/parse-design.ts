import { migrateTopologyGraph, type TopologyGraph } from '@topology-studio/shared'
import { ApiError } from './api-error'
import { schemaIssues } from '@topology-studio/shared'

/** Opens a design sent by a client (upgrading older versions), or fails naming what is wrong. */
export function parseDesign(value: unknown, where = 'design'): TopologyGraph {
  const migrated = migrateTopologyGraph(value)
  if (migrated.ok) return migrated.graph
  const issues = schemaIssues(migrated.error.issues).map((issue) => ({
    ...issue,
    path: issue.path === '' ? where : `${where}.${issue.path}`,
  }))
  throw new ApiError(400, 'invalid_request', `The ${where} is invalid: ${migrated.error.message}`, {
    code: migrated.error.code,
    issues,
  })
}
