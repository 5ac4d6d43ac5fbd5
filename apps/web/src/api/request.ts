// JSON requests to the server's API: the CSRF header on writes, and errors as ApiRequestError
// carrying the server's code and message.
import { ApiErrorBodySchema, CSRF_HEADER, type ApiErrorCode } from '@topology-studio/shared'

export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError'

  constructor(
    message: string,
    readonly status: number,
    readonly code: ApiErrorCode | null,
    readonly details: unknown = null,
  ) {
    super(message)
  }
}

export async function request(
  fetchFn: typeof fetch,
  path: string,
  method = 'GET',
  body?: unknown,
): Promise<unknown> {
  const response = await fetchFn(path, {
    method,
    headers: {
      accept: 'application/json',
      ...(method === 'GET' ? {} : { [CSRF_HEADER]: '1' }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const json: unknown = response.status === 204 ? null : await response.json().catch(() => null)
  if (!response.ok) {
    const parsed = ApiErrorBodySchema.safeParse(json)
    throw parsed.success
      ? new ApiRequestError(
          parsed.data.error.message,
          response.status,
          parsed.data.error.code,
          parsed.data.error.details,
        )
      : new ApiRequestError(`The server answered HTTP ${response.status}`, response.status, null)
  }
  return json
}
