// What crosses a foreign-key join's internal topics and sits in its subscription store, as
// Kafka's SubscriptionWrapper, SubscriptionResponseWrapper and CombinedKeySchema, with their
// byte layouts (the serdes wrap the primary key or foreign value serde, which the runtime
// completes with the application's defaults when they were not given).
import type { Serde } from '../../serde/serde'
import { SerializationException } from '../../serde/serde'
import { innerOrDefault, type WrappingNullableSerde } from '../../serde/wrapping-nullable-serde'

/** What the foreign side does with a subscription, by Kafka's instruction byte values. */
export const SUBSCRIPTION_INSTRUCTIONS = [
  /** Unsubscribe; the foreign key changed and only the new subscription answers. */
  'DELETE_KEY_NO_PROPAGATE',
  /** Unsubscribe and answer with null, so the primary side deletes its result. */
  'DELETE_KEY_AND_PROPAGATE',
  /** Subscribe and always answer, with null when the foreign row is missing. */
  'PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE',
  /** Subscribe and answer only when the foreign row exists. */
  'PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE',
] as const

export type SubscriptionInstruction = (typeof SUBSCRIPTION_INSTRUCTIONS)[number]

/** Layout version of both wrappers (1: with the primary partition). */
export const WRAPPER_VERSION = 1

/** A primary row's subscription to a foreign key, sent to the foreign key's partition. */
export class SubscriptionWrapper<K = unknown> {
  constructor(
    /** Hash of the primary row's serialized value; null when the row was deleted. */
    readonly hash: Uint8Array | null,
    readonly instruction: SubscriptionInstruction,
    /** Null in the subscription store, whose key holds the primary key. */
    readonly primaryKey: K,
    readonly primaryPartition: number,
    readonly version: number = WRAPPER_VERSION,
  ) {}

  toString(): string {
    return `SubscriptionWrapper{instruction=${this.instruction}, primaryKey=${String(this.primaryKey)}, hash=${hashHex(this.hash)}}`
  }
}

/** The foreign side's answer, sent back to the primary row's partition. */
export class SubscriptionResponseWrapper<VO = unknown> {
  constructor(
    readonly originalValueHash: Uint8Array | null,
    readonly foreignValue: VO | null,
    readonly primaryPartition: number,
    readonly version: number = WRAPPER_VERSION,
  ) {}

  toString(): string {
    return `SubscriptionResponseWrapper{foreignValue=${String(this.foreignValue)}, originalValueHash=${hashHex(this.originalValueHash)}}`
  }
}

/** The subscription store's key: foreign key, then primary key (a prefix scan finds a foreign key's subscribers). */
export class CombinedKey<KO = unknown, K = unknown> {
  constructor(
    readonly foreignKey: KO,
    readonly primaryKey: K,
  ) {}

  toString(): string {
    return `CombinedKey{foreignKey=${String(this.foreignKey)}, primaryKey=${String(this.primaryKey)}}`
  }
}

export function hashHex(hash: Uint8Array | null): string {
  return hash === null ? 'null' : [...hash].map((b) => b.toString(16).padStart(2, '0')).join('')
}

export function sameHash(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}

/** `[int32 foreign key length][foreign key][primary key]`; without a primary key, the scan prefix. */
export function combinedKeyBytes(
  foreignKey: Uint8Array,
  primaryKey: Uint8Array | null,
): Uint8Array {
  const out = new Uint8Array(4 + foreignKey.length + (primaryKey?.length ?? 0))
  new DataView(out.buffer).setInt32(0, foreignKey.length)
  out.set(foreignKey, 4)
  if (primaryKey !== null) out.set(primaryKey, 4 + foreignKey.length)
  return out
}

export function splitCombinedKey(bytes: Uint8Array): {
  foreignKey: Uint8Array
  primaryKey: Uint8Array
} {
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(0)
  return {
    foreignKey: bytes.subarray(4, 4 + length),
    primaryKey: bytes.subarray(4 + length),
  }
}

const HASH_ABSENT = 0x80
const HASH_BYTES = 16

function header(version: number, hash: Uint8Array | null): number {
  return hash === null ? version | HASH_ABSENT : version
}

/** The version byte, and the hash found at `hashAt` if the version byte says there is one. */
function readHeader(
  data: Uint8Array,
  hashAt: number,
  what: string,
): { version: number; hash: Uint8Array | null; offset: number } {
  if (data.length < hashAt) throw new SerializationException(`${what}: record too short`)
  const first = data[0] as number
  const version = first & 0x7f
  if (version > WRAPPER_VERSION) {
    throw new SerializationException(`${what} is of an incompatible version ${version}`)
  }
  const hasHash = (first & HASH_ABSENT) === 0
  if (hasHash && data.length < hashAt + HASH_BYTES) {
    throw new SerializationException(`${what}: record too short for its hash`)
  }
  return {
    version,
    hash: hasHash ? data.slice(hashAt, hashAt + HASH_BYTES) : null,
    offset: hasHash ? hashAt + HASH_BYTES : hashAt,
  }
}

/**
 * `[hash-absent bit | version][instruction][16-byte hash?][int32 primary partition][primary key]`,
 * as Kafka's SubscriptionWrapperSerde. `primaryKeySerde` null: the default key serde.
 */
export function subscriptionWrapperSerde<K>(
  primaryKeySerde: Serde<K> | null,
): WrappingNullableSerde<SubscriptionWrapper<K>> {
  const serde = (keySerde: Serde<K> | null): WrappingNullableSerde<SubscriptionWrapper<K>> => ({
    name: `SubscriptionWrapper(${keySerde?.name ?? 'default'})`,
    withDefaults(defaultKeySerde) {
      return serde(innerOrDefault(keySerde, defaultKeySerde, 'SubscriptionWrapperSerde', 'key'))
    },
    serialize(topic, data) {
      if (data === null) return null
      const key = requireSerde(keySerde, 'SubscriptionWrapperSerde').serialize(
        topic,
        data.primaryKey,
      )
      return encodeSubscription(data, key ?? new Uint8Array(0))
    },
    deserialize(topic, data) {
      if (data === null) return null
      const { wrapper, rest } = decodeSubscription(data)
      const key = requireSerde(keySerde, 'SubscriptionWrapperSerde').deserialize(topic, rest) as K
      return new SubscriptionWrapper(
        wrapper.hash,
        wrapper.instruction,
        key,
        wrapper.primaryPartition,
        wrapper.version,
      )
    },
  })
  return serde(primaryKeySerde)
}

/** The subscription store's values: the wrapper without its primary key (the store key has it). */
export function subscriptionStoreValueSerde(): Serde<SubscriptionWrapper<null>> {
  return {
    name: 'SubscriptionWrapper',
    serialize(_topic, data) {
      return data === null ? null : encodeSubscription(data, new Uint8Array(0))
    },
    deserialize(_topic, data) {
      return data === null ? null : decodeSubscription(data).wrapper
    },
  }
}

function encodeSubscription(data: SubscriptionWrapper<unknown>, key: Uint8Array): Uint8Array {
  const hashLength = data.hash === null ? 0 : HASH_BYTES
  const out = new Uint8Array(2 + hashLength + 4 + key.length)
  out[0] = header(data.version, data.hash)
  out[1] = SUBSCRIPTION_INSTRUCTIONS.indexOf(data.instruction)
  if (data.hash !== null) out.set(data.hash, 2)
  new DataView(out.buffer).setInt32(2 + hashLength, data.primaryPartition)
  out.set(key, 6 + hashLength)
  return out
}

function decodeSubscription(data: Uint8Array): {
  wrapper: SubscriptionWrapper<null>
  rest: Uint8Array
} {
  // The instruction byte sits between the version byte and the hash.
  const { version, hash, offset } = readHeader(data, 2, 'SubscriptionWrapper')
  const instruction = SUBSCRIPTION_INSTRUCTIONS[data[1] ?? -1]
  if (instruction === undefined || data.length < offset + 4) {
    throw new SerializationException('SubscriptionWrapper: malformed record')
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const primaryPartition = view.getInt32(offset)
  return {
    wrapper: new SubscriptionWrapper(hash, instruction, null, primaryPartition, version),
    rest: data.subarray(offset + 4),
  }
}

/**
 * `[hash-absent bit | version][16-byte hash?][int32 primary partition][foreign value?]`, as
 * Kafka's SubscriptionResponseWrapperSerde (no value bytes: null). `foreignValueSerde` null:
 * the default value serde.
 */
export function subscriptionResponseWrapperSerde<VO>(
  foreignValueSerde: Serde<VO> | null,
): WrappingNullableSerde<SubscriptionResponseWrapper<VO>> {
  const serde = (
    valueSerde: Serde<VO> | null,
  ): WrappingNullableSerde<SubscriptionResponseWrapper<VO>> => ({
    name: `SubscriptionResponseWrapper(${valueSerde?.name ?? 'default'})`,
    withDefaults(_defaultKeySerde, defaultValueSerde) {
      return serde(
        innerOrDefault(valueSerde, defaultValueSerde, 'SubscriptionResponseWrapperSerde', 'value'),
      )
    },
    serialize(topic, data) {
      if (data === null) return null
      const value =
        data.foreignValue === null
          ? null
          : requireSerde(valueSerde, 'SubscriptionResponseWrapperSerde').serialize(
              topic,
              data.foreignValue,
            )
      const hashLength = data.originalValueHash === null ? 0 : HASH_BYTES
      const out = new Uint8Array(1 + hashLength + 4 + (value?.length ?? 0))
      out[0] = header(data.version, data.originalValueHash)
      if (data.originalValueHash !== null) out.set(data.originalValueHash, 1)
      new DataView(out.buffer).setInt32(1 + hashLength, data.primaryPartition)
      if (value !== null) out.set(value, 5 + hashLength)
      return out
    },
    deserialize(topic, data) {
      if (data === null) return null
      const { version, hash, offset } = readHeader(data, 1, 'SubscriptionResponseWrapper')
      if (data.length < offset + 4) {
        throw new SerializationException('SubscriptionResponseWrapper: malformed record')
      }
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
      const primaryPartition = view.getInt32(offset)
      const rest = data.subarray(offset + 4)
      const foreignValue =
        rest.length === 0
          ? null
          : requireSerde(valueSerde, 'SubscriptionResponseWrapperSerde').deserialize(topic, rest)
      return new SubscriptionResponseWrapper(hash, foreignValue, primaryPartition, version)
    },
  })
  return serde(foreignValueSerde)
}

function requireSerde<T>(serde: Serde<T> | null, wrapper: string): Serde<T> {
  if (serde === null) {
    throw new SerializationException(
      `${wrapper} has no inner serde: it is completed with the default serdes when a task starts`,
    )
  }
  return serde
}
