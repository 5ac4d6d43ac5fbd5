// Records between JSON (what a page shows and types) and bytes (what topics hold), with a
// built-in serde by name; ByteArray travels as base64 text.
import type { Serde as SerdeName } from '@topology-studio/shared'
import { serdeByName } from '../serde/serdes'
import { base64, fromBase64 } from './json-safe'

/** The built-in serde of this name; a name that is none throws, saying so. */
export function builtInSerde(name: SerdeName) {
  const serde = serdeByName(name)
  if (serde === undefined) throw new Error(`No built-in serde named ${name}`)
  return serde
}

/** Why a typed value cannot be encoded with its serde. */
export class FieldEncodingError extends Error {
  override readonly name = 'FieldEncodingError'
}

/** Encodes a value typed by a user; null and undefined stay null (a null key, a tombstone). */
export function encodeField(
  serdeName: SerdeName,
  topic: string,
  value: unknown,
): Uint8Array | null {
  if (value === null || value === undefined) return null
  let input = value
  if (serdeName === 'ByteArray') {
    if (typeof value !== 'string') throw new FieldEncodingError('ByteArray needs base64 text')
    const bytes = fromBase64(value)
    if (bytes === null) throw new FieldEncodingError('ByteArray needs base64 text')
    input = bytes
  } else if (serdeName === 'String') {
    if (typeof value !== 'string') {
      throw new FieldEncodingError(`String needs text, got ${JSON.stringify(value)}`)
    }
  } else if (serdeName !== 'Json' && typeof value !== 'number') {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
    if (Number.isNaN(number)) throw new FieldEncodingError(`${serdeName} needs a number`)
    input = number
  }
  try {
    return builtInSerde(serdeName).serialize(topic, input)
  } catch (error) {
    throw new FieldEncodingError((error as Error).message)
  }
}

/** Decodes stored bytes; bytes the serde refuses come back as base64 with the reason. */
export function decodeField(
  serdeName: SerdeName,
  topic: string,
  bytes: Uint8Array | null,
): { value: unknown; error?: string } {
  if (bytes === null) return { value: null }
  try {
    const value = builtInSerde(serdeName).deserialize(topic, bytes)
    return { value: value instanceof Uint8Array ? base64(value) : value }
  } catch (error) {
    return { value: base64(bytes), error: (error as Error).message }
  }
}
