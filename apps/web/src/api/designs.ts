// The server's designs API as the web app uses it.
import {
  DesignListSchema,
  DesignRecordSchema,
  type DesignRecord,
  type DesignSummary,
  type TopologyGraph,
} from '@topology-studio/shared'
import { request } from './request'

export { ApiRequestError } from './request'

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
