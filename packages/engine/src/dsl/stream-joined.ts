import type { Serde } from '../serde/serde'
import type { StoreSupplier } from '../state/store-builder'
import { validateName } from './internal/names'

/** Options of stream–stream joins, as Kafka's `StreamJoined`. */
export class StreamJoined<K = unknown, V1 = unknown, V2 = unknown> {
  private constructor(
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V1> | null,
    readonly otherValueSerde: Serde<V2> | null,
    readonly thisStoreSupplier: StoreSupplier | null,
    readonly otherStoreSupplier: StoreSupplier | null,
    readonly name: string | null,
    readonly storeName: string | null,
    readonly loggingEnabled: boolean,
    readonly logConfig: Readonly<Record<string, string>>,
  ) {}

  private copy(changes: Partial<StreamJoinedFields<K, V1, V2>>): StreamJoined<K, V1, V2> {
    const next = { ...this.fields(), ...changes }
    return new StreamJoined(
      next.keySerde,
      next.valueSerde,
      next.otherValueSerde,
      next.thisStoreSupplier,
      next.otherStoreSupplier,
      next.name,
      next.storeName,
      next.loggingEnabled,
      next.logConfig,
    )
  }

  private fields(): StreamJoinedFields<K, V1, V2> {
    return {
      keySerde: this.keySerde,
      valueSerde: this.valueSerde,
      otherValueSerde: this.otherValueSerde,
      thisStoreSupplier: this.thisStoreSupplier,
      otherStoreSupplier: this.otherStoreSupplier,
      name: this.name,
      storeName: this.storeName,
      loggingEnabled: this.loggingEnabled,
      logConfig: this.logConfig,
    }
  }

  /** `with(keySerde, valueSerde, otherValueSerde)` or `with(thisStoreSupplier, otherStoreSupplier)`. */
  static with<K, V1, V2>(
    keySerde: Serde<K> | null,
    valueSerde: Serde<V1> | null,
    otherValueSerde: Serde<V2> | null,
  ): StreamJoined<K, V1, V2>
  static with<K, V1, V2>(
    thisStoreSupplier: StoreSupplier,
    otherStoreSupplier: StoreSupplier,
  ): StreamJoined<K, V1, V2>
  static with<K, V1, V2>(...args: unknown[]): StreamJoined<K, V1, V2> {
    const empty = new StreamJoined<K, V1, V2>(null, null, null, null, null, null, null, true, {})
    if (args.length === 2 && isSupplier(args[0]) && isSupplier(args[1])) {
      return empty.copy({ thisStoreSupplier: args[0], otherStoreSupplier: args[1] })
    }
    return empty.copy({
      keySerde: (args[0] ?? null) as Serde<K> | null,
      valueSerde: (args[1] ?? null) as Serde<V1> | null,
      otherValueSerde: (args[2] ?? null) as Serde<V2> | null,
    })
  }

  /** Names the join's stores: `<storeName>-this-join-store`, `<storeName>-other-join-store`. */
  static as<K, V1, V2>(storeName: string): StreamJoined<K, V1, V2> {
    return StreamJoined.with<K, V1, V2>(null, null, null).withStoreName(storeName)
  }

  withName(name: string): StreamJoined<K, V1, V2> {
    return this.copy({ name: validateName(name) })
  }

  withStoreName(storeName: string): StreamJoined<K, V1, V2> {
    return this.copy({ storeName: validateName(storeName) })
  }

  withKeySerde(keySerde: Serde<K>): StreamJoined<K, V1, V2> {
    return this.copy({ keySerde })
  }

  withValueSerde(valueSerde: Serde<V1>): StreamJoined<K, V1, V2> {
    return this.copy({ valueSerde })
  }

  withOtherValueSerde(otherValueSerde: Serde<V2>): StreamJoined<K, V1, V2> {
    return this.copy({ otherValueSerde })
  }

  withThisStoreSupplier(supplier: StoreSupplier): StreamJoined<K, V1, V2> {
    return this.copy({ thisStoreSupplier: supplier })
  }

  withOtherStoreSupplier(supplier: StoreSupplier): StreamJoined<K, V1, V2> {
    return this.copy({ otherStoreSupplier: supplier })
  }

  withLoggingEnabled(config: Readonly<Record<string, string>> = {}): StreamJoined<K, V1, V2> {
    return this.copy({ loggingEnabled: true, logConfig: { ...config } })
  }

  withLoggingDisabled(): StreamJoined<K, V1, V2> {
    return this.copy({ loggingEnabled: false, logConfig: {} })
  }
}

interface StreamJoinedFields<K, V1, V2> {
  keySerde: Serde<K> | null
  valueSerde: Serde<V1> | null
  otherValueSerde: Serde<V2> | null
  thisStoreSupplier: StoreSupplier | null
  otherStoreSupplier: StoreSupplier | null
  name: string | null
  storeName: string | null
  loggingEnabled: boolean
  logConfig: Readonly<Record<string, string>>
}

function isSupplier(value: unknown): value is StoreSupplier {
  return typeof value === 'object' && value !== null && 'shape' in value && 'name' in value
}
