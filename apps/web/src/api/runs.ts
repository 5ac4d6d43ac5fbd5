// The server's runs API as the canvas uses it: start a stored design on a cluster, stop, reset.
import {
  RunListSchema,
  RunRefusalSchema,
  RunResetSchema,
  RunStatusSchema,
  type RunReset,
  type RunStatus,
  type StartRunRequest,
} from '@topology-studio/shared'
import { ApiRequestError, request } from './request'

export interface RunsApi {
  /** Every run since the server started, the ones still running among them. */
  list(): Promise<RunStatus[]>
  start(request: StartRunRequest): Promise<RunStatus>
  stop(id: string): Promise<RunStatus>
  /** Deletes a stopped run's internal topics and committed offsets, as Kafka's reset tool. */
  reset(id: string): Promise<RunReset>
}

/** Why the server refused to start a run, when it said: errors, or missing source topics. */
export function refusalOf(error: unknown): { missingTopics: string[] } | null {
  if (!(error instanceof ApiRequestError) || error.code !== 'run_refused') return null
  const parsed = RunRefusalSchema.safeParse(error.details)
  return parsed.success ? { missingTopics: parsed.data.missingTopics } : { missingTopics: [] }
}

export function runsApi(fetchFn: typeof fetch = (...args) => fetch(...args)): RunsApi {
  const path = (id: string) => `/api/runs/${encodeURIComponent(id)}`
  return {
    list: async () => RunListSchema.parse(await request(fetchFn, '/api/runs')).runs,
    start: async (body) => RunStatusSchema.parse(await request(fetchFn, '/api/runs', 'POST', body)),
    stop: async (id) => RunStatusSchema.parse(await request(fetchFn, `${path(id)}/stop`, 'POST')),
    reset: async (id) => RunResetSchema.parse(await request(fetchFn, `${path(id)}/reset`, 'POST')),
  }
}
