import { fileURLToPath } from 'node:url'

export interface ServerConfig {
  host: string
  port: number
  webRoot: string
}

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_PORT = 5173

/**
 * Where `apps/web` puts its build. `src/main.ts` in development and `dist/main.js` once bundled
 * sit at the same depth, so one relative path serves both.
 */
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url))

/** Reads the server's settings from the environment (`HOST`, `PORT`, `WEB_ROOT`). */
export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  return {
    host: nonEmpty(env.HOST) ?? DEFAULT_HOST,
    port: parsePort(env.PORT),
    webRoot: nonEmpty(env.WEB_ROOT) ?? DEFAULT_WEB_ROOT,
  }
}

function parsePort(value: string | undefined): number {
  const text = nonEmpty(value)
  if (text === undefined) return DEFAULT_PORT
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got '${text}'`)
  }
  return port
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}
