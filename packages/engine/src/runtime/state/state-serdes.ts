import type { Serde } from '../../serde/serde'
import type { StoreBuilder } from '../../state/store-builder'
import { ValueAndTimestamp } from '../../state/value-and-timestamp'
import { rawValueOf, timestampOf, withTimestamp } from './bytes'
import type { StoreContext } from './store-context'

/**
 * A store's serdes: its own, else the application's defaults. A store with neither cannot
 * exist, so this fails when the store is created rather than at its first write.
 */
export function resolveStoreSerdes(
  builder: StoreBuilder,
  context: StoreContext,
): { keySerde: Serde<unknown>; valueSerde: Serde<unknown> } {
  const keySerde = builder.keySerde ?? context.defaultKeySerde
  const valueSerde = builder.valueSerde ?? context.defaultValueSerde
  const missing = (what: 'key' | 'value', method: string) =>
    new Error(
      `State store ${builder.name} has no ${what} serde: set 'default.${what}.serde' in the ` +
        `application config, or give the store a ${what} serde (Materialized.${method}).`,
    )
  if (keySerde === null) throw missing('key', 'withKeySerde')
  if (valueSerde === null) throw missing('value', 'withValueSerde')
  return { keySerde, valueSerde }
}

/** Values of timestamped stores: [8-byte big-endian timestamp][value bytes], as Kafka's. */
export function valueAndTimestampSerde<V>(inner: Serde<V>): Serde<ValueAndTimestamp<V>> {
  return {
    name: `ValueAndTimestamp(${inner.name})`,
    serialize(topic, data) {
      if (data === null) return null
      const raw = inner.serialize(topic, data.value())
      return raw === null ? null : withTimestamp(raw, data.timestamp())
    },
    deserialize(topic, data) {
      if (data === null) return null
      return ValueAndTimestamp.make(inner.deserialize(topic, rawValueOf(data)), timestampOf(data))
    },
  }
}
