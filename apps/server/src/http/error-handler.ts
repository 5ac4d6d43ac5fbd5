import type { ErrorRequestHandler, RequestHandler } from 'express'
import { ApiError } from './api-error'

/** Answers any request that no route claimed with a `not_found` error. */
export function notFound(): RequestHandler {
  return (req, _res, next) => {
    next(
      new ApiError(404, 'not_found', `No route for ${req.method} ${req.originalUrl}`, {
        method: req.method,
        path: req.originalUrl,
      }),
    )
  }
}

/**
 * Turns every error into the JSON error body. Body-parser failures arrive as plain errors tagged
 * with `status` and `type`, so they are translated here instead of in each route.
 */
export function errorHandler(): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    // Once the headers are out, Express must abort the response itself.
    if (res.headersSent) {
      next(err)
      return
    }
    const apiError = toApiError(err)
    // Only the server's own failures; a cluster that is down (502) is the client's news.
    if (apiError.status === 500) console.error(err)
    res.status(apiError.status).json(apiError.toBody())
  }
}

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  const status = httpStatusOf(err)
  if (status === undefined || status >= 500) {
    return new ApiError(500, 'internal_error', 'The server failed to handle the request')
  }
  const message = err instanceof Error ? err.message : 'Bad request'
  switch (bodyParserTypeOf(err)) {
    case 'entity.parse.failed':
      return new ApiError(400, 'invalid_json', 'The request body is not valid JSON', {
        reason: message,
      })
    case 'entity.too.large':
      return new ApiError(413, 'payload_too_large', 'The request body is too large')
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError(415, 'unsupported_media_type', message)
    default:
      return new ApiError(status, status === 404 ? 'not_found' : 'bad_request', message)
  }
}

function httpStatusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined
  const status = 'status' in err ? err.status : 'statusCode' in err ? err.statusCode : undefined
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined
}

function bodyParserTypeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('type' in err)) return undefined
  return typeof err.type === 'string' ? err.type : undefined
}
