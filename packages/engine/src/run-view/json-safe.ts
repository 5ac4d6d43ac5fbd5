import { Windowed } from '../dsl/windowed'
import type { NodeRecord } from '../telemetry/node-telemetry'

/**
 * A record's key or value as JSON can carry it to the browser: bytes as base64, big integers as
 * text, windowed keys as `{ key, window: { start, end } }`.
 */
export function jsonSafe(value: unknown): unknown {
  if (value === null || value === undefined) return null
  if (value instanceof Windowed) {
    return {
      key: jsonSafe(value.windowKey),
      window: { start: value.windowValue.startMs, end: value.windowValue.endMs },
    }
  }
  if (value instanceof Uint8Array) return base64(value)
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  if (typeof value === 'function' || typeof value === 'symbol') return String(value)
  if (Array.isArray(value)) return value.map(jsonSafe)
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]))
  }
  return value
}

/** A record as a node saw it, with its key and value made JSON-safe. */
export function nodeRecordJson(record: NodeRecord): NodeRecord {
  return { ...record, key: jsonSafe(record.key), value: jsonSafe(record.value) }
}

/** The text a key prefix filter compares with: the key itself, or a windowed key's key. */
export function keyText(key: unknown): string {
  const inner = key instanceof Windowed ? key.windowKey : key
  return typeof inner === 'string' ? inner : (JSON.stringify(jsonSafe(inner)) ?? '')
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Bytes as standard base64 with padding; the engine core has no Buffer or btoa to lean on. */
export function base64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number
    const b = bytes[i + 1]
    const c = bytes[i + 2]
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0)
    out += BASE64[(n >> 18) & 63]
    out += BASE64[(n >> 12) & 63]
    out += b === undefined ? '=' : BASE64[(n >> 6) & 63]
    out += c === undefined ? '=' : BASE64[n & 63]
  }
  return out
}

/** Standard base64 (padding optional) as bytes; null when the text is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  const clean = text.trim().replace(/=+$/, '')
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return null
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let bits = 0
  let buffer = 0
  let at = 0
  for (const char of clean) {
    buffer = (buffer << 6) | BASE64.indexOf(char)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[at++] = (buffer >> bits) & 0xff
    }
  }
  return out
}
