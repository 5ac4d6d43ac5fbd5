import { randomBytes } from 'node:crypto'
import { createServer as createHttpServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Express } from 'express'
import { createApp } from './app'
import { ClusterRegistry } from './clusters/cluster-registry'
import { DesignStore } from './designs/design-store'
import { attachSocketServer, type StudioSocketServer } from './realtime/socket-server'
import { RunManager } from './runs/run-manager'
import type { SecurityOptions } from './http/security'

export interface ServerOptions {
  /** Interface to bind; Topology Studio is a local tool, so callers pass 127.0.0.1 by default. */
  host: string
  /** Port to bind; 0 picks a free one (tests). */
  port: number
  /** Folder holding the built web app (`apps/web/dist`). */
  webRoot: string
  /** Folder of design files. */
  workspace: string
  /** The launch token; a random 192-bit one when not given. */
  token?: string | undefined
  /** Host names browsers may use besides the loopback ones. */
  allowedHosts?: readonly string[]
  /** Refuse runs of designs with JavaScript code parameters. */
  codeDisabled?: boolean
  /** The origin printed in the launch URL when browsers reach the server through a proxy. */
  publicUrl?: string | undefined
  /** Milliseconds on a monotonic clock; defaults to `performance.now`. */
  now?: () => number
}

export interface ServerAddress {
  host: string
  port: number
  url: string
  /** The URL to open: it carries the token that signs the browser in. */
  launchUrl: string
}

export interface StudioServer {
  readonly app: Express
  /** The underlying HTTP server. */
  readonly httpServer: Server
  /** socket.io on the same port, for live runs. */
  readonly io: StudioSocketServer
  /** Starts listening and resolves with the bound address (the real port when 0 was asked). */
  listen(): Promise<ServerAddress>
  /** Stops accepting connections and resolves once open ones are closed. */
  close(): Promise<void>
}

/** Creates the Topology Studio server; nothing is bound until `listen()`. */
export function createServer(options: ServerOptions): StudioServer {
  const { host, port } = options
  const token = options.token ?? randomBytes(24).toString('base64url')
  // Cookies ignore ports: the name carries it so two servers on one host keep their sessions.
  const security: SecurityOptions = {
    token,
    allowedHosts: options.allowedHosts ?? [],
    cookieName: `topology_studio_${port}`,
  }
  const clusters = new ClusterRegistry()
  const designs = new DesignStore(options.workspace)
  const runs = new RunManager(designs, clusters, options.codeDisabled ?? false)
  const app = createApp({
    webRoot: options.webRoot,
    security,
    designs,
    clusters,
    runs,
    ...(options.now === undefined ? {} : { now: options.now }),
  })
  const httpServer = createHttpServer(app)
  const io = attachSocketServer(httpServer, security, runs)

  function listen(): Promise<ServerAddress> {
    return new Promise((resolve, reject) => {
      httpServer.once('error', reject)
      httpServer.listen(port, host, () => {
        httpServer.off('error', reject)
        const { port: boundPort } = httpServer.address() as AddressInfo
        // Port 0 is only known now; the cookie is named after the real one.
        security.cookieName = `topology_studio_${boundPort}`
        const url = formatUrl(host, boundPort)
        const base = options.publicUrl ?? url
        resolve({ host, port: boundPort, url, launchUrl: `${base}/?token=${token}` })
      })
    })
  }

  async function close(): Promise<void> {
    await runs.closeAll()
    await clusters.closeAll()
    if (!httpServer.listening) return
    // Closes the sockets, then the HTTP server; browsers keep idle connections open for reuse,
    // without closing those it would wait for them.
    const closing = io.close()
    httpServer.closeIdleConnections()
    await closing
  }

  return { app, httpServer, io, listen, close }
}

function formatUrl(host: string, port: number): string {
  const bare = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  const hostPart = bare.includes(':') ? `[${bare}]` : bare
  return `http://${hostPart}:${port}`
}
