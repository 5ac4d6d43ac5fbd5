import { Windowed } from '@topology-studio/engine'

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
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64')
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  if (typeof value === 'function' || typeof value === 'symbol') return String(value)
  if (Array.isArray(value)) return value.map(jsonSafe)
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]))
  }
  return value
}

/** The text a key prefix filter compares with: the key itself, or a windowed key's key. */
export function keyText(key: unknown): string {
  const inner = key instanceof Windowed ? key.windowKey : key
  return typeof inner === 'string' ? inner : (JSON.stringify(jsonSafe(inner)) ?? '')
}
