// Records between JSON and Kafka's bytes for the cluster API: the engine's codec, with errors
// that name the request field.
import { decodeField as decode, encodeField as encode } from '@topology-studio/engine'
import type { Serde } from '@topology-studio/shared'
import { ApiError } from '../http/api-error'

/** Encodes a value typed by a user; the error names the record field (`records.2.value`). */
export function encodeField(
  serdeName: Serde,
  topic: string,
  value: unknown,
  where: string,
): Buffer | null {
  try {
    const bytes = encode(serdeName, topic, value)
    return bytes === null ? null : Buffer.from(bytes)
  } catch (error) {
    const reason = (error as Error).message
    throw new ApiError(400, 'invalid_request', `${where} cannot be encoded: ${reason}`, {
      issues: [{ path: where, message: reason }],
    })
  }
}

/** Decodes stored bytes; bytes the serde refuses come back as base64 with the reason. */
export function decodeField(
  serdeName: Serde,
  topic: string,
  bytes: Buffer | null,
): { value: unknown; error?: string } {
  return decode(serdeName, topic, bytes === null ? null : new Uint8Array(bytes))
}
