import type { z } from 'zod'

/** One schema violation, with the path of the bad value (`design.nodes.3.params.topic`). */
export interface SchemaIssue {
  path: string
  message: string
}

/** zod's issues as the API reports them: a dotted path and a message each. */
export function schemaIssues(issues: readonly z.core.$ZodIssue[]): SchemaIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}
