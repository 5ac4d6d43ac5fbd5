/** What `GET /api/health` reports when the server is up. */
export interface ServerHealth {
  status: 'ok'
  version: string
  uptimeMs: number
}

/** The server answered 401: this browser has no session (the launch link was not opened). */
export class NotSignedInError extends Error {
  override readonly name = 'NotSignedInError'
}

/** Long enough for a busy local server, short enough that a hung one reads as unreachable. */
const HEALTH_TIMEOUT_MS = 3_000

/**
 * Asks the server whether it is up. Rejects on network failure, timeout, a non-2xx status or a
 * body that is not a health report (an HTML page from a misconfigured proxy, for instance).
 */
export async function fetchHealth(fetchFn: typeof fetch = fetch): Promise<ServerHealth> {
  const response = await fetchFn('/api/health', {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
  })
  if (response.status === 401) {
    throw new NotSignedInError(
      'Not signed in: open the link with the token that the server printed when it started',
    )
  }
  if (!response.ok) throw new Error(`Health check failed with HTTP ${response.status}`)
  const body: unknown = await response.json()
  if (!isServerHealth(body)) throw new Error('Health check returned an unexpected body')
  return body
}

function isServerHealth(value: unknown): value is ServerHealth {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return (
    record.status === 'ok' &&
    typeof record.version === 'string' &&
    typeof record.uptimeMs === 'number'
  )
}
