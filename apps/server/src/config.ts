import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

export interface ServerConfig {
  host: string
  port: number
  webRoot: string
  /** Folder of design files (`--workspace`, default `./topologies`). */
  workspace: string
  /** Host names the `Host` and `Origin` headers may carry besides the loopback names. */
  allowedHosts: string[]
  /** The launch token; a random one per launch unless `TOPOLOGY_STUDIO_TOKEN` sets it. */
  token: string | undefined
  /** `--disable-code`: designs with JavaScript parameters are refused, every path. */
  codeDisabled: boolean
  /** The address printed in the launch URL (`TOPOLOGY_STUDIO_PUBLIC_URL`, for a dev proxy). */
  publicUrl: string | undefined
}

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_PORT = 5173
export const DEFAULT_WORKSPACE = 'topologies'
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1']

export const USAGE = `Usage: topology-studio [options]

Options:
  --host ADDRESS       interface to bind (default 127.0.0.1; env HOST)
  --port N             port to bind, 0 for any free one (default 5173; env PORT)
  --workspace DIR      folder of design files (default ./topologies)
  --allow-remote       required to bind an address other than loopback; the token stays required
  --allowed-host NAME  a host name browsers may use to reach the server (repeatable)
  --disable-code       refuse JavaScript code parameters in designs
  --help               show this help`

/** Bad command-line options or environment: the message says which and why. */
export class ServerConfigError extends Error {
  override readonly name = 'ServerConfigError'
}

/**
 * Where `apps/web` puts its build. `src/main.ts` in development and `dist/main.js` once bundled
 * sit at the same depth, so one relative path serves both.
 */
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url))

/** Reads the server's settings from the command line, then the environment. */
export function readServerConfig(
  env: Record<string, string | undefined>,
  argv: readonly string[] = [],
  cwd = process.cwd(),
): ServerConfig {
  let values
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        workspace: { type: 'string' },
        'allow-remote': { type: 'boolean', default: false },
        'allowed-host': { type: 'string', multiple: true, default: [] },
        'disable-code': { type: 'boolean', default: false },
      },
    }))
  } catch (error) {
    throw new ServerConfigError(`${(error as Error).message}\n\n${USAGE}`)
  }
  const host = nonEmpty(values.host) ?? nonEmpty(env.HOST) ?? DEFAULT_HOST
  if (!isLoopback(host) && !values['allow-remote']) {
    throw new ServerConfigError(
      `Refusing to bind ${host}: Topology Studio runs Kafka clients and user code, so it listens on ` +
        'loopback only unless --allow-remote is given (the launch token is still required).',
    )
  }
  const token = nonEmpty(env.TOPOLOGY_STUDIO_TOKEN)
  if (token !== undefined && token.length < 32) {
    throw new ServerConfigError('TOPOLOGY_STUDIO_TOKEN must be at least 32 characters long')
  }
  const allowedHosts = values['allowed-host'].map((name) => name.trim().toLowerCase())
  // A specific address bound on purpose is a name browsers will use.
  if (host !== '0.0.0.0' && host !== '::' && !isLoopback(host)) allowedHosts.push(host)
  return {
    host,
    port: parsePort(nonEmpty(values.port) ?? nonEmpty(env.PORT)),
    webRoot: nonEmpty(env.WEB_ROOT) ?? DEFAULT_WEB_ROOT,
    workspace: resolve(cwd, nonEmpty(values.workspace) ?? DEFAULT_WORKSPACE),
    allowedHosts,
    token,
    codeDisabled: values['disable-code'],
    publicUrl: nonEmpty(env.TOPOLOGY_STUDIO_PUBLIC_URL),
  }
}

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  return LOOPBACK_HOSTS.includes(bare) || /^127\.\d+\.\d+\.\d+$/.test(bare)
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new ServerConfigError(`PORT must be an integer from 0 to 65535, got '${text}'`)
  }
  return port
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}
