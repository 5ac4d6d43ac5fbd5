import type { ApiErrorBody, ApiErrorCode } from '@topology-studio/shared'

export type { ApiErrorBody, ApiErrorCode }

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
