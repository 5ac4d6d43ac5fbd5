import type { z } from 'zod'
import { schemaIssues } from '@topology-studio/shared'
import { ApiError } from './api-error'

/** Parses a request part with a shared schema, or fails with `invalid_request` naming each issue. */
export function parseRequest<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issues = schemaIssues(result.error.issues)
  const first = issues[0]
  const where = first === undefined || first.path === '' ? '' : ` at ${first.path}`
  throw new ApiError(
    400,
    'invalid_request',
    `The ${what} is invalid${where}: ${first?.message ?? 'unknown problem'}` +
      (issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''),
    { issues },
  )
}
