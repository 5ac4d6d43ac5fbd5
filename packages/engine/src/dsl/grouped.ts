import type { Serde } from '../serde/serde'
import { validateName } from './internal/names'

/** Name and serdes of a grouping's repartition topic, as Kafka's `Grouped`. */
export class Grouped<K = unknown, V = unknown> {
  private constructor(
    readonly name: string | null,
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
  ) {}

  static as<K, V>(name: string): Grouped<K, V> {
    return new Grouped<K, V>(validateName(name), null, null)
  }

  /** `Grouped.with(keySerde, valueSerde)` or `Grouped.with(name, keySerde, valueSerde)`. */
  static with<K, V>(keySerde: Serde<K> | null, valueSerde: Serde<V> | null): Grouped<K, V>
  static with<K, V>(
    name: string | null,
    keySerde: Serde<K> | null,
    valueSerde: Serde<V> | null,
  ): Grouped<K, V>
  static with<K, V>(...args: unknown[]): Grouped<K, V> {
    if (args.length >= 3) {
      const name = args[0] as string | null
      return new Grouped<K, V>(
        name === null ? null : validateName(name),
        args[1] as Serde<K>,
        args[2] as Serde<V>,
      )
    }
    return new Grouped<K, V>(
      null,
      (args[0] ?? null) as Serde<K> | null,
      (args[1] ?? null) as Serde<V> | null,
    )
  }

  static keySerde<K, V>(keySerde: Serde<K>): Grouped<K, V> {
    return new Grouped<K, V>(null, keySerde, null)
  }

  static valueSerde<K, V>(valueSerde: Serde<V>): Grouped<K, V> {
    return new Grouped<K, V>(null, null, valueSerde)
  }

  withName(name: string): Grouped<K, V> {
    return new Grouped(validateName(name), this.keySerde, this.valueSerde)
  }

  withKeySerde(keySerde: Serde<K>): Grouped<K, V> {
    return new Grouped(this.name, keySerde, this.valueSerde)
  }

  withValueSerde(valueSerde: Serde<V>): Grouped<K, V> {
    return new Grouped(this.name, this.keySerde, valueSerde)
  }
}
