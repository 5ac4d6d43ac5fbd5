import { z } from 'zod'

/** How bad a diagnostic is: errors block planning and running, warnings and infos do not. */
export const DIAGNOSTIC_SEVERITIES = ['error', 'warning', 'info'] as const
export const DiagnosticSeveritySchema = z.enum(DIAGNOSTIC_SEVERITIES)
export type DiagnosticSeverity = z.infer<typeof DiagnosticSeveritySchema>

/**
 * A change that resolves a diagnostic, applied to one node: its params are merged with
 * `params`, and with `kind` the node becomes that kind with exactly `params` (e.g. groupBy
 * whose key selector returns the key becomes groupByKey).
 */
export const DiagnosticFixSchema = z.strictObject({
  title: z.string().min(1),
  nodeId: z.string(),
  kind: z.string().optional(),
  params: z.record(z.string(), z.unknown()),
})
export type DiagnosticFix = z.infer<typeof DiagnosticFixSchema>

/**
 * A problem found in a design: a stable `code`, where it is (`nodeId` / `edgeId`, the node's
 * `param`, and `line` / `column` inside a function param) and a `hint` saying how to fix it.
 */
export const DiagnosticSchema = z.strictObject({
  severity: DiagnosticSeveritySchema,
  code: z.string().min(1),
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  param: z.string().optional(),
  line: z.int().positive().optional(),
  column: z.int().positive().optional(),
  hint: z.string().optional(),
  /** A one-click change that resolves it, when there is an obvious one. */
  fix: DiagnosticFixSchema.optional(),
})
export type Diagnostic = z.infer<typeof DiagnosticSchema>
