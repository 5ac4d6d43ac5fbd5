// The server's designs API as the web app uses it: JSON in and out, the CSRF header on writes,
// and errors as ApiRequestError carrying the server's code and message.
import {
  ApiErrorBodySchema,
  CSRF_HEADER,
  DesignListSchema,
  DesignRecordSchema,
  type ApiErrorCode,
  type DesignRecord,
  type DesignSummary,
  type TopologyGraph,
} from '@topology-studio/shared'

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

async function request(
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

export interface DesignsApi {
  list(): Promise<DesignSummary[]>
  get(id: string): Promise<DesignRecord>
  create(design: TopologyGraph): Promise<DesignRecord>
  update(id: string, revision: string, design: TopologyGraph): Promise<DesignRecord>
  /** A copy under a new id, name and application id. */
  duplicate(id: string): Promise<DesignRecord>
  remove(id: string): Promise<void>
}

export function designsApi(fetchFn: typeof fetch = (...args) => fetch(...args)): DesignsApi {
  const path = (id: string) => `/api/designs/${encodeURIComponent(id)}`
  return {
    list: async () => DesignListSchema.parse(await request(fetchFn, '/api/designs')).designs,
    get: async (id) => DesignRecordSchema.parse(await request(fetchFn, path(id))),
    create: async (design) =>
      DesignRecordSchema.parse(await request(fetchFn, '/api/designs', 'POST', { design })),
    update: async (id, revision, design) =>
      DesignRecordSchema.parse(await request(fetchFn, path(id), 'PUT', { revision, design })),
    duplicate: async (id) =>
      DesignRecordSchema.parse(await request(fetchFn, `${path(id)}/duplicate`, 'POST', {})),
    remove: async (id) => {
      await request(fetchFn, path(id), 'DELETE')
    },
  }
}
