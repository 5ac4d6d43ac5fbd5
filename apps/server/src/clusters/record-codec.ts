// Records between JSON (what the browser shows and types) and bytes (what Kafka stores), with the
// serde a user picks: the engine's built-in serdes, ByteArray as base64 text.
import { serdeByName } from '@topology-studio/engine'
import type { Serde } from '@topology-studio/shared'
import { ApiError } from '../http/api-error'

function serdeOf(name: Serde) {
  const serde = serdeByName(name)
  if (serde === undefined) throw new Error(`No built-in serde named ${name}`)
  return serde
}

/** Encodes a value typed by a user; the error names the record field (`records.2.value`). */
export function encodeField(
  serdeName: Serde,
  topic: string,
  value: unknown,
  where: string,
): Buffer | null {
  if (value === null || value === undefined) return null
  let input = value
  if (serdeName === 'ByteArray') {
    if (typeof value !== 'string') throw badField(where, 'ByteArray needs base64 text')
    input = new Uint8Array(Buffer.from(value, 'base64'))
  } else if (serdeName === 'String') {
    if (typeof value !== 'string') {
      throw badField(where, `String needs text, got ${JSON.stringify(value)}`)
    }
  } else if (serdeName !== 'Json' && typeof value !== 'number') {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
    if (Number.isNaN(number)) throw badField(where, `${serdeName} needs a number`)
    input = number
  }
  try {
    const bytes = serdeOf(serdeName).serialize(topic, input)
    return bytes === null ? null : Buffer.from(bytes)
  } catch (error) {
    throw badField(where, (error as Error).message)
  }
}

/** Decodes stored bytes; bytes the serde refuses come back as base64 with the reason. */
export function decodeField(
  serdeName: Serde,
  topic: string,
  bytes: Buffer | null,
): { value: unknown; error?: string } {
  if (bytes === null) return { value: null }
  try {
    const value = serdeOf(serdeName).deserialize(topic, new Uint8Array(bytes))
    return { value: value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value }
  } catch (error) {
    return { value: bytes.toString('base64'), error: (error as Error).message }
  }
}

function badField(where: string, reason: string): ApiError {
  return new ApiError(400, 'invalid_request', `${where} cannot be encoded: ${reason}`, {
    issues: [{ path: where, message: reason }],
  })
}
