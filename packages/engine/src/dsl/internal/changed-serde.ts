// The value serde of a table groupBy's repartition topic, as Kafka's ChangedSerializer and
// ChangedDeserializer: the subtract (old) and add (new) halves of an update cross the topic in
// one record when both map to the same key.
import type { Serde } from '../../serde/serde'
import { SerializationException } from '../../serde/serde'
import { innerOrDefault, type WrappingNullableSerde } from '../../serde/wrapping-nullable-serde'

/** A table update as it crosses the topic (the runtime's `Change`). */
export interface ChangedValue<T> {
  readonly newValue: T | null
  readonly oldValue: T | null
  readonly isLatest: boolean
}

// The last byte says which halves the record holds, as in Kafka:
// [old bytes][0] | [new bytes][1] | [varint new length][new bytes][old bytes][2], the length
// a zig-zag varint as Kafka's ByteUtils.writeVarint writes it.
const OLD_ONLY = 0
const NEW_ONLY = 1
const BOTH = 2

/** `inner` null: the grouped value serde was not given, the default value serde is used. */
export function changedSerde<T>(inner: Serde<T> | null): WrappingNullableSerde<ChangedValue<T>> {
  return {
    name: `Changed(${inner?.name ?? 'default'})`,
    withDefaults(_defaultKeySerde, defaultValueSerde) {
      return changedSerdeOf(innerOrDefault(inner, defaultValueSerde, 'ChangedSerde', 'value'))
    },
    serialize(topic, data) {
      return changedSerdeOf(requireInner(inner)).serialize(topic, data)
    },
    deserialize(topic, data) {
      return changedSerdeOf(requireInner(inner)).deserialize(topic, data)
    },
  }
}

function requireInner<T>(inner: Serde<T> | null): Serde<T> {
  if (inner === null) {
    throw new SerializationException(
      'ChangedSerde has no inner value serde: it is completed with default.value.serde when a task starts',
    )
  }
  return inner
}

function changedSerdeOf<T>(inner: Serde<T>): WrappingNullableSerde<ChangedValue<T>> {
  return {
    name: `Changed(${inner.name})`,
    withDefaults() {
      return this
    },
    serialize(topic, data) {
      if (data === null) return null
      const newData = data.newValue === null ? null : inner.serialize(topic, data.newValue)
      const oldData = data.oldValue === null ? null : inner.serialize(topic, data.oldValue)
      if (newData !== null && oldData !== null) {
        const length = zigZagVarint(newData.length)
        const out = new Uint8Array(length.length + newData.length + oldData.length + 1)
        out.set(length, 0)
        out.set(newData, length.length)
        out.set(oldData, length.length + newData.length)
        out[out.length - 1] = BOTH
        return out
      }
      const half = newData ?? oldData
      if (half === null) {
        throw new SerializationException(
          'Both old and new values are null in ChangeSerializer, which is not allowed.',
        )
      }
      const out = new Uint8Array(half.length + 1)
      out.set(half, 0)
      out[half.length] = newData !== null ? NEW_ONLY : OLD_ONLY
      return out
    },
    deserialize(topic, data) {
      if (data === null) return null
      if (data.length === 0) {
        throw new SerializationException('A Change record needs at least its flag byte')
      }
      const flag = data[data.length - 1]
      const body = data.subarray(0, data.length - 1)
      switch (flag) {
        case NEW_ONLY:
          return { newValue: inner.deserialize(topic, body), oldValue: null, isLatest: true }
        case OLD_ONLY:
          return { newValue: null, oldValue: inner.deserialize(topic, body), isLatest: true }
        case BOTH: {
          const { value: newLength, size } = readZigZagVarint(body)
          if (newLength < 0 || size + newLength > body.length) {
            throw new SerializationException('A Change record with both values is too short')
          }
          return {
            newValue: inner.deserialize(topic, body.subarray(size, size + newLength)),
            oldValue: inner.deserialize(topic, body.subarray(size + newLength)),
            isLatest: true,
          }
        }
        default:
          throw new SerializationException(`Unknown Change flag ${String(flag)}`)
      }
    },
  }
}

function zigZagVarint(value: number): Uint8Array {
  let v = ((value << 1) ^ (value >> 31)) >>> 0
  const bytes: number[] = []
  while (v >= 0x80) {
    bytes.push((v & 0x7f) | 0x80)
    v >>>= 7
  }
  bytes.push(v)
  return Uint8Array.from(bytes)
}

function readZigZagVarint(data: Uint8Array): { value: number; size: number } {
  let raw = 0
  for (let i = 0; i < 5 && i < data.length; i++) {
    const byte = data[i] as number
    raw |= (byte & 0x7f) << (7 * i)
    if ((byte & 0x80) === 0) return { value: (raw >>> 1) ^ -(raw & 1), size: i + 1 }
  }
  throw new SerializationException('A Change record has a malformed varint length')
}
