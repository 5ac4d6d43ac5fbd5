import { createServer as createHttpServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Express } from 'express'
import { createApp } from './app'

export interface ServerOptions {
  /** Interface to bind; Topology Studio is a local tool, so callers pass 127.0.0.1 by default. */
  host: string
  /** Port to bind; 0 picks a free one (tests). */
  port: number
  /** Folder holding the built web app (`apps/web/dist`). */
  webRoot: string
  /** Milliseconds on a monotonic clock; defaults to `performance.now`. */
  now?: () => number
}

export interface ServerAddress {
  host: string
  port: number
  url: string
}

export interface StudioServer {
  readonly app: Express
  /** The underlying HTTP server, for attaching WebSocket transports. */
  readonly httpServer: Server
  /** Starts listening and resolves with the bound address (the real port when 0 was asked). */
  listen(): Promise<ServerAddress>
  /** Stops accepting connections and resolves once open ones are closed. */
  close(): Promise<void>
}

/** Creates the Topology Studio server; nothing is bound until `listen()`. */
export function createServer({ host, port, webRoot, now }: ServerOptions): StudioServer {
  const app = createApp(now === undefined ? { webRoot } : { webRoot, now })
  const httpServer = createHttpServer(app)

  function listen(): Promise<ServerAddress> {
    return new Promise((resolve, reject) => {
      httpServer.once('error', reject)
      httpServer.listen(port, host, () => {
        httpServer.off('error', reject)
        const { port: boundPort } = httpServer.address() as AddressInfo
        resolve({ host, port: boundPort, url: formatUrl(host, boundPort) })
      })
    })
  }

  function close(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!httpServer.listening) {
        resolve()
        return
      }
      httpServer.close((err) => (err ? reject(err) : resolve()))
      // Browsers keep idle sockets open for reuse; without this close() would wait for them.
      httpServer.closeIdleConnections()
    })
  }

  return { app, httpServer, listen, close }
}

function formatUrl(host: string, port: number): string {
  const hostPart = host.includes(':') ? `[${host}]` : host
  return `http://${hostPart}:${port}`
}
