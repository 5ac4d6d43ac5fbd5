// The defences of a local tool that runs Kafka clients and user code: browsers may only reach
// it under an allowed host name (DNS rebinding), from its own pages (Origin), with the launch
// token's cookie, and state changes need a header other sites cannot send without a preflight.
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { CSRF_HEADER } from '@topology-studio/shared'
import type { RequestHandler } from 'express'
import { ApiError } from './api-error'
import { LOOPBACK_HOSTS } from '../config'

export interface SecurityOptions {
  /** The launch token; its cookie is required on every API call and socket handshake. */
  token: string
  /** Host names besides the loopback ones. */
  allowedHosts: readonly string[]
  /** The session cookie's name; it carries the port, as cookies are shared across ports. */
  cookieName: string
}

/** Why a request is refused, or null when it passes the host, origin and session checks. */
export function checkRequest(req: IncomingMessage, options: SecurityOptions): ApiError | null {
  return checkHost(req, options) ?? checkOrigin(req, options) ?? checkSession(req, options)
}

export function hostnameOf(hostHeader: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hostHeader)
  if (bracketed?.[1] !== undefined) return bracketed[1].toLowerCase()
  return hostHeader.replace(/:\d+$/, '').toLowerCase()
}

function isAllowedHost(hostname: string, options: SecurityOptions): boolean {
  return (
    LOOPBACK_HOSTS.includes(hostname) ||
    /^127\.\d+\.\d+\.\d+$/.test(hostname) ||
    options.allowedHosts.includes(hostname)
  )
}

function checkHost(req: IncomingMessage, options: SecurityOptions): ApiError | null {
  const host = req.headers.host
  if (host !== undefined && isAllowedHost(hostnameOf(host), options)) return null
  return new ApiError(
    403,
    'forbidden',
    `The Host header ${JSON.stringify(host ?? '')} is not allowed; start the server with --allowed-host NAME to reach it under another name`,
    { host: host ?? null },
  )
}

function checkOrigin(req: IncomingMessage, options: SecurityOptions): ApiError | null {
  const origin = req.headers.origin
  if (origin === undefined) return null
  let hostname: string | null = null
  try {
    hostname = hostnameOf(new URL(origin).host)
  } catch {
    hostname = null
  }
  if (hostname !== null && isAllowedHost(hostname, options)) return null
  return new ApiError(403, 'forbidden', `Requests from origin ${origin} are not allowed`, {
    origin,
  })
}

function checkSession(req: IncomingMessage, options: SecurityOptions): ApiError | null {
  const cookie = readCookie(req.headers.cookie, options.cookieName)
  if (cookie !== undefined && sameSecret(cookie, options.token)) return null
  return new ApiError(
    401,
    'unauthorized',
    'Not signed in: open the link with the token that the server printed when it started',
  )
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined
  for (const part of header.split(';')) {
    const separator = part.indexOf('=')
    if (separator < 0) continue
    if (part.slice(0, separator).trim() === name) {
      try {
        return decodeURIComponent(part.slice(separator + 1).trim())
      } catch {
        return undefined
      }
    }
  }
  return undefined
}

/** Host and Origin checks for every path, the web app's included. */
export function requireAllowedHost(options: SecurityOptions): RequestHandler {
  return (req, _res, next) => {
    next(checkHost(req, options) ?? checkOrigin(req, options) ?? undefined)
  }
}

/** The session cookie on every API call. */
export function requireSession(options: SecurityOptions): RequestHandler {
  return (req, _res, next) => {
    next(checkSession(req, options) ?? undefined)
  }
}

/**
 * `GET /?token=…` (the launch link) sets the session cookie and redirects to the same page
 * without the token, so it stays out of the history and of bookmarks.
 */
export function exchangeLaunchToken(options: SecurityOptions): RequestHandler {
  return (req, res, next) => {
    const token = req.query['token']
    if (req.method !== 'GET' || typeof token !== 'string') {
      next()
      return
    }
    if (!sameSecret(token, options.token)) {
      next(
        new ApiError(
          401,
          'unauthorized',
          'The token in this link is not the one of the running server: open the link it printed at its latest start',
        ),
      )
      return
    }
    const url = new URL(req.originalUrl, 'http://placeholder')
    url.searchParams.delete('token')
    res.setHeader(
      'Set-Cookie',
      `${options.cookieName}=${encodeURIComponent(options.token)}; Path=/; HttpOnly; SameSite=Strict`,
    )
    res.setHeader('Cache-Control', 'no-store')
    res.redirect(303, `${url.pathname}${url.search}`)
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** State-changing calls carry the custom header and, when they have a body, JSON. */
export function requireApiHeaders(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) {
      next()
      return
    }
    if (req.headers[CSRF_HEADER] === undefined) {
      next(
        new ApiError(403, 'forbidden', `State-changing requests need the ${CSRF_HEADER} header`, {
          header: CSRF_HEADER,
        }),
      )
      return
    }
    const hasBody =
      req.headers['transfer-encoding'] !== undefined ||
      Number(req.headers['content-length'] ?? '0') > 0
    if (hasBody && !req.is('application/json')) {
      next(
        new ApiError(
          415,
          'unsupported_media_type',
          `Request bodies must be application/json, got ${req.headers['content-type'] ?? 'no content type'}`,
        ),
      )
      return
    }
    next()
  }
}
