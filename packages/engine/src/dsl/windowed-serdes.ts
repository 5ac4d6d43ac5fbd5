import type { Serde } from '../serde/serde'
import { readInt64, writeInt64 } from '../serde/int64'
import { SerializationException } from '../serde/serde'
import { Window, Windowed } from './windowed'

function concat(inner: Uint8Array, trailer: number[]): Uint8Array {
  const out = new Uint8Array(inner.length + trailer.length * 8)
  out.set(inner, 0)
  trailer.forEach((value, index) => writeInt64(out, inner.length + index * 8, value))
  return out
}

const readLong = readInt64

/**
 * Serdes for windowed keys with Kafka Streams' binary layout: the inner key's bytes followed
 * by the window start (time windows), or by end then start (session windows), big-endian.
 */
export const WindowedSerdes = {
  timeWindowedSerdeFrom<K>(inner: Serde<K>, windowSizeMs: number): Serde<Windowed<K>> {
    return {
      name: `TimeWindowed(${inner.name})`,
      serialize(topic, data) {
        if (data === null) return null
        const key = inner.serialize(topic, data.key()) ?? new Uint8Array(0)
        return concat(key, [data.window().start()])
      },
      deserialize(topic, data) {
        if (data === null) return null
        if (data.length < 8) {
          throw new SerializationException(
            `A time-windowed key needs at least 8 bytes, got ${data.length}`,
          )
        }
        const start = readLong(data, data.length - 8)
        const key = inner.deserialize(topic, data.subarray(0, data.length - 8)) as K
        return new Windowed(key, new Window(start, start + windowSizeMs))
      },
    }
  },
  sessionWindowedSerdeFrom<K>(inner: Serde<K>): Serde<Windowed<K>> {
    return {
      name: `SessionWindowed(${inner.name})`,
      serialize(topic, data) {
        if (data === null) return null
        const key = inner.serialize(topic, data.key()) ?? new Uint8Array(0)
        return concat(key, [data.window().end(), data.window().start()])
      },
      deserialize(topic, data) {
        if (data === null) return null
        if (data.length < 16) {
          throw new SerializationException(
            `A session-windowed key needs at least 16 bytes, got ${data.length}`,
          )
        }
        const end = readLong(data, data.length - 16)
        const start = readLong(data, data.length - 8)
        const key = inner.deserialize(topic, data.subarray(0, data.length - 16)) as K
        return new Windowed(key, new Window(start, end))
      },
    }
  },
} as const
