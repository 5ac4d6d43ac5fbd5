/**
 * The machine-readable reasons an API request can fail. Clients branch on the code, never on the
 * message, so a code is never renamed once released.
 */
export type ApiErrorCode =
  | 'not_found'
  | 'invalid_json'
  | 'bad_request'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'web_app_not_built'
  | 'internal_error'

/** The body of every error response: `{ error: { code, message, details } }`. */
export interface ApiErrorBody {
  error: {
    code: ApiErrorCode
    message: string
    /** Structured context for the code (the path that was not found, the parse failure, ...). */
    details: unknown
  }
}

/** An error that carries its HTTP status and wire representation, thrown or passed to `next()`. */
export class ApiError extends Error {
  readonly status: number
  readonly code: ApiErrorCode
  readonly details: unknown

  constructor(status: number, code: ApiErrorCode, message: string, details: unknown = null) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, details: this.details } }
  }
}
