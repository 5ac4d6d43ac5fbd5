import { z } from 'zod'

/**
 * The machine-readable reasons an API request can fail. Clients branch on the code, never on the
 * message, so a code is never renamed once released.
 */
export const API_ERROR_CODES = [
  'not_found',
  'invalid_json',
  'invalid_request',
  'bad_request',
  'payload_too_large',
  'unsupported_media_type',
  'unauthorized',
  'forbidden',
  'design_not_found',
  'design_exists',
  'design_unreadable',
  'stale_revision',
  'cluster_not_found',
  'cluster_unreachable',
  'kafka_error',
  'topic_not_found',
  'topic_exists',
  'generator_not_found',
  'run_not_found',
  'run_refused',
  'run_active',
  'web_app_not_built',
  'internal_error',
] as const
export const ApiErrorCodeSchema = z.enum(API_ERROR_CODES)
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>

/** The body of every error response: `{ error: { code, message, details } }`. */
export const ApiErrorBodySchema = z.strictObject({
  error: z.strictObject({
    code: ApiErrorCodeSchema,
    message: z.string(),
    /** Structured context for the code (the path that was not found, the schema issues, ...). */
    details: z.unknown(),
  }),
})
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>

/**
 * The header every state-changing request must carry. Browsers cannot send a custom header
 * cross-site without a CORS preflight, which the server never grants, so a forged form post or
 * `fetch` from another site is refused even though the session cookie rides along.
 */
export const CSRF_HEADER = 'x-topology-studio'
