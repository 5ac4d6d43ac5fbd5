import { z } from 'zod'

/** How bad a diagnostic is: errors block planning and running, warnings and infos do not. */
export const DIAGNOSTIC_SEVERITIES = ['error', 'warning', 'info'] as const
export const DiagnosticSeveritySchema = z.enum(DIAGNOSTIC_SEVERITIES)
export type DiagnosticSeverity = z.infer<typeof DiagnosticSeveritySchema>

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
})
export type Diagnostic = z.infer<typeof DiagnosticSchema>
