// Reads back what the suppression buffer logs (Kafka's BufferValue, version 3, followed by the
// buffer time), so that a buffer restored from its changelog holds what it held before.
import type { Header } from '../../processor/record'
import { decodeUtf8 } from '../../serde/utf8'
import type { RecordContext } from '../record-context'

export interface DecodedBufferValue {
  readonly context: RecordContext
  readonly prior: Uint8Array | null
  /** `'prior'` when Kafka wrote the marker meaning "the same bytes as prior". */
  readonly old: Uint8Array | null | 'prior'
  readonly latest: Uint8Array | null
  readonly time: number
}

const SAME_AS_PRIOR = -2

export function decodeBufferValue(bytes: Uint8Array): DecodedBufferValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = 0
  const long = (): number => {
    const value = Number(view.getBigInt64(at))
    at += 8
    return value
  }
  const int = (): number => {
    const value = view.getInt32(at)
    at += 4
    return value
  }
  const take = (length: number): Uint8Array => {
    if (at + length > bytes.length) {
      throw new RangeError(
        `Corrupt suppression buffer changelog value: needs ${at + length} bytes, has ${bytes.length}`,
      )
    }
    const out = bytes.slice(at, at + length)
    at += length
    return out
  }
  const timestamp = long()
  const offset = long()
  const topic = decodeUtf8(take(int()))
  const partition = int()
  const headers: Header[] = []
  for (let count = int(); count > 0; count--) {
    const key = decodeUtf8(take(int()))
    const length = int()
    headers.push({ key, value: length < 0 ? null : take(length) })
  }
  const sized = (): Uint8Array | null => {
    const length = int()
    return length < 0 ? null : take(length)
  }
  const prior = sized()
  const oldLength = int()
  const old = oldLength === SAME_AS_PRIOR ? 'prior' : oldLength < 0 ? null : take(oldLength)
  const latest = sized()
  const time = long()
  return {
    context: { timestamp, offset, topic: topic === '' ? null : topic, partition, headers },
    prior,
    old,
    latest,
    time,
  }
}
