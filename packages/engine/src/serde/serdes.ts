import type { Serde } from './serde'
import { SerializationException } from './serde'
import { readInt64, writeInt64 } from './int64'
import { decodeUtf8, encodeUtf8 } from './utf8'

function fixedWidth(
  name: string,
  width: number,
  write: (view: DataView, value: number) => void,
  read: (view: DataView) => number,
): Serde<number> {
  return {
    name,
    serialize(topic, data) {
      if (data === null) return null
      if (typeof data !== 'number') {
        throw new SerializationException(
          `${name}Serializer needs a number, got ${typeof data} ${JSON.stringify(data) ?? String(data)} (topic ${topic})`,
        )
      }
      const bytes = new Uint8Array(width)
      write(new DataView(bytes.buffer), data)
      return bytes
    },
    deserialize(topic, data) {
      if (data === null) return null
      if (data.length !== width) {
        throw new SerializationException(
          `Size of data received by ${name}Deserializer is not ${width} (got ${data.length} bytes on topic ${topic})`,
        )
      }
      return read(new DataView(data.buffer, data.byteOffset, data.byteLength))
    },
  }
}

const stringSerde: Serde<string> = {
  name: 'String',
  serialize(topic, data) {
    if (data === null) return null
    // Java's StringSerializer would throw a ClassCastException; say what arrived instead.
    if (typeof data !== 'string') {
      throw new SerializationException(
        `StringSerializer needs a string, got ${typeof data} ${JSON.stringify(data) ?? String(data)} (topic ${topic}); use a serde matching the data, e.g. Serdes.Long() or Serdes.Json()`,
      )
    }
    return encodeUtf8(data)
  },
  deserialize: (_topic, data) => (data === null ? null : decodeUtf8(data)),
}

// Java's long is 64-bit; JavaScript numbers are exact up to 2^53, which covers timestamps,
// counts and offsets. Larger values are refused rather than silently rounded.
const longSerde: Serde<number> = {
  name: 'Long',
  serialize(_topic, data) {
    if (data === null) return null
    if (typeof data !== 'number' || !Number.isSafeInteger(data)) {
      throw new SerializationException(`LongSerializer needs a safe integer, got ${data}`)
    }
    const bytes = new Uint8Array(8)
    writeInt64(bytes, 0, data)
    return bytes
  },
  deserialize(topic, data) {
    if (data === null) return null
    if (data.length !== 8) {
      throw new SerializationException(
        `Size of data received by LongDeserializer is not 8 (got ${data.length} bytes on topic ${topic})`,
      )
    }
    const value = readInt64(data, 0)
    if (!Number.isSafeInteger(value)) {
      throw new SerializationException(
        `LongDeserializer read ${value}, beyond JavaScript's exact integers (2^53), on topic ${topic}`,
      )
    }
    return value
  },
}

const integerSerde = fixedWidth(
  'Integer',
  4,
  (view, value) => {
    if (!Number.isInteger(value) || value < -2147483648 || value > 2147483647) {
      throw new SerializationException(`IntegerSerializer needs a 32-bit integer, got ${value}`)
    }
    view.setInt32(0, value)
  },
  (view) => view.getInt32(0),
)

const doubleSerde = fixedWidth(
  'Double',
  8,
  (view, value) => view.setFloat64(0, value),
  (view) => view.getFloat64(0),
)

const byteArraySerde: Serde<Uint8Array> = {
  name: 'ByteArray',
  serialize(topic, data) {
    if (data !== null && !(data instanceof Uint8Array)) {
      throw new SerializationException(
        `ByteArraySerializer needs a Uint8Array, got ${typeof data} (topic ${topic})`,
      )
    }
    return data
  },
  deserialize: (_topic, data) => data,
}

const jsonSerde: Serde<unknown> = {
  name: 'Json',
  serialize: (_topic, data) => (data === null ? null : encodeUtf8(JSON.stringify(data))),
  deserialize(topic, data) {
    if (data === null) return null
    const text = decodeUtf8(data)
    try {
      return JSON.parse(text) as unknown
    } catch (error) {
      throw new SerializationException(
        `JsonDeserializer could not parse a record on topic ${topic}: ${(error as Error).message}`,
      )
    }
  },
}

/** Factory of the built-in serdes, named as in `org.apache.kafka.common.serialization.Serdes`. */
export const Serdes = {
  String: (): Serde<string> => stringSerde,
  Long: (): Serde<number> => longSerde,
  Integer: (): Serde<number> => integerSerde,
  Double: (): Serde<number> => doubleSerde,
  ByteArray: (): Serde<Uint8Array> => byteArraySerde,
  Json: <T = unknown>(): Serde<T> => jsonSerde as Serde<T>,
} as const

/** The built-in serde with the given name, or undefined. */
export function serdeByName(name: string): Serde<unknown> | undefined {
  const factory = (Serdes as Record<string, (() => Serde<unknown>) | undefined>)[name]
  return factory?.()
}
