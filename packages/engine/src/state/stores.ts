import type { Serde } from '../serde/serde'
import type { StoreSupplier } from './store-builder'
import { StoreBuilder } from './store-builder'

function requireName(name: string): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new TypeError('name cannot be null or empty')
  }
  return name
}

function requireNonNegative(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${what} cannot be negative (was ${value})`)
  }
  return value
}

/**
 * The segment interval Kafka gives its RocksDB window and session stores: half the retention
 * (Java's long division), but at least a minute.
 */
export function persistentSegmentIntervalMs(retentionMs: number): number {
  return Math.max(Math.trunc(retentionMs / 2), 60_000)
}

/** Store suppliers and builders, named as in `org.apache.kafka.streams.state.Stores`. */
export const Stores = {
  inMemoryKeyValueStore(name: string): StoreSupplier {
    return { name: requireName(name), shape: 'keyValue', persistent: false }
  },
  persistentKeyValueStore(name: string): StoreSupplier {
    return { name: requireName(name), shape: 'keyValue', persistent: true }
  },
  persistentTimestampedKeyValueStore(name: string): StoreSupplier {
    return { name: requireName(name), shape: 'keyValue', persistent: true }
  },
  inMemoryWindowStore(
    name: string,
    retentionMs: number,
    windowSizeMs: number,
    retainDuplicates: boolean,
  ): StoreSupplier {
    requireNonNegative(retentionMs, 'retentionPeriod')
    requireNonNegative(windowSizeMs, 'windowSize')
    if (windowSizeMs > retentionMs) {
      throw new RangeError(
        `The retention period of the window store ${name} must be no smaller than its window size. Got size=[${windowSizeMs}], retention=[${retentionMs}]`,
      )
    }
    return {
      name: requireName(name),
      shape: 'window',
      persistent: false,
      retentionMs,
      windowSizeMs,
      retainDuplicates,
      segmentIntervalMs: 1,
    }
  },
  persistentWindowStore(
    name: string,
    retentionMs: number,
    windowSizeMs: number,
    retainDuplicates: boolean,
  ): StoreSupplier {
    return {
      ...Stores.inMemoryWindowStore(name, retentionMs, windowSizeMs, retainDuplicates),
      persistent: true,
      segmentIntervalMs: persistentSegmentIntervalMs(retentionMs),
    }
  },
  persistentTimestampedWindowStore(
    name: string,
    retentionMs: number,
    windowSizeMs: number,
    retainDuplicates: boolean,
  ): StoreSupplier {
    return Stores.persistentWindowStore(name, retentionMs, windowSizeMs, retainDuplicates)
  },
  inMemorySessionStore(name: string, retentionMs: number): StoreSupplier {
    requireNonNegative(retentionMs, 'retentionPeriod')
    return {
      name: requireName(name),
      shape: 'session',
      persistent: false,
      retentionMs,
      segmentIntervalMs: 1,
    }
  },
  persistentSessionStore(name: string, retentionMs: number): StoreSupplier {
    return {
      ...Stores.inMemorySessionStore(name, retentionMs),
      persistent: true,
      segmentIntervalMs: persistentSegmentIntervalMs(retentionMs),
    }
  },
  persistentVersionedKeyValueStore(name: string, historyRetentionMs: number): StoreSupplier {
    requireNonNegative(historyRetentionMs, 'historyRetention')
    return {
      name: requireName(name),
      shape: 'versioned',
      persistent: true,
      retentionMs: historyRetentionMs,
    }
  },
  keyValueStoreBuilder<K, V>(
    supplier: StoreSupplier,
    keySerde: Serde<K> | null = null,
    valueSerde: Serde<V> | null = null,
  ): StoreBuilder<K, V> {
    return new StoreBuilder(supplier, 'keyValue', keySerde, valueSerde)
  },
  timestampedKeyValueStoreBuilder<K, V>(
    supplier: StoreSupplier,
    keySerde: Serde<K> | null = null,
    valueSerde: Serde<V> | null = null,
  ): StoreBuilder<K, V> {
    return new StoreBuilder(supplier, 'timestampedKeyValue', keySerde, valueSerde)
  },
  versionedKeyValueStoreBuilder<K, V>(
    supplier: StoreSupplier,
    keySerde: Serde<K> | null = null,
    valueSerde: Serde<V> | null = null,
  ): StoreBuilder<K, V> {
    return new StoreBuilder(supplier, 'versionedKeyValue', keySerde, valueSerde)
  },
  windowStoreBuilder<K, V>(
    supplier: StoreSupplier,
    keySerde: Serde<K> | null = null,
    valueSerde: Serde<V> | null = null,
  ): StoreBuilder<K, V> {
    return new StoreBuilder(supplier, 'window', keySerde, valueSerde)
  },
  timestampedWindowStoreBuilder<K, V>(
    supplier: StoreSupplier,
    keySerde: Serde<K> | null = null,
    valueSerde: Serde<V> | null = null,
  ): StoreBuilder<K, V> {
    return new StoreBuilder(supplier, 'timestampedWindow', keySerde, valueSerde)
  },
  sessionStoreBuilder<K, V>(
    supplier: StoreSupplier,
    keySerde: Serde<K> | null = null,
    valueSerde: Serde<V> | null = null,
  ): StoreBuilder<K, V> {
    return new StoreBuilder(supplier, 'session', keySerde, valueSerde)
  },
} as const
