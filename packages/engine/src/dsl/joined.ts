import type { Serde } from '../serde/serde'
import { validateName } from './internal/names'

/** Options of stream–table joins, as Kafka's `Joined`. */
export class Joined<K = unknown, V = unknown, VO = unknown> {
  private constructor(
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    readonly otherValueSerde: Serde<VO> | null,
    readonly name: string | null,
    readonly gracePeriodMs: number | null,
  ) {}

  static with<K, V, VO>(
    keySerde: Serde<K> | null,
    valueSerde: Serde<V> | null,
    otherValueSerde: Serde<VO> | null,
    name: string | null = null,
    gracePeriodMs: number | null = null,
  ): Joined<K, V, VO> {
    return new Joined(
      keySerde,
      valueSerde,
      otherValueSerde,
      name === null ? null : validateName(name),
      gracePeriodMs,
    )
  }

  static as<K, V, VO>(name: string): Joined<K, V, VO> {
    return new Joined<K, V, VO>(null, null, null, validateName(name), null)
  }

  static keySerde<K, V, VO>(keySerde: Serde<K>): Joined<K, V, VO> {
    return new Joined<K, V, VO>(keySerde, null, null, null, null)
  }

  withName(name: string): Joined<K, V, VO> {
    return new Joined(
      this.keySerde,
      this.valueSerde,
      this.otherValueSerde,
      validateName(name),
      this.gracePeriodMs,
    )
  }

  withGracePeriod(gracePeriodMs: number): Joined<K, V, VO> {
    return new Joined(
      this.keySerde,
      this.valueSerde,
      this.otherValueSerde,
      this.name,
      gracePeriodMs,
    )
  }

  withKeySerde(keySerde: Serde<K>): Joined<K, V, VO> {
    return new Joined(
      keySerde,
      this.valueSerde,
      this.otherValueSerde,
      this.name,
      this.gracePeriodMs,
    )
  }

  withValueSerde(valueSerde: Serde<V>): Joined<K, V, VO> {
    return new Joined(
      this.keySerde,
      valueSerde,
      this.otherValueSerde,
      this.name,
      this.gracePeriodMs,
    )
  }

  withOtherValueSerde(otherValueSerde: Serde<VO>): Joined<K, V, VO> {
    return new Joined(
      this.keySerde,
      this.valueSerde,
      otherValueSerde,
      this.name,
      this.gracePeriodMs,
    )
  }
}
