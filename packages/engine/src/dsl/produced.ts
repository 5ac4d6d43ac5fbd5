import type { Serde } from '../serde/serde'
import type { StreamPartitioner } from '../topology/node-factory'
import { validateName } from './internal/names'

/** How a sink writes: serdes, partitioner and the sink's name, as Kafka's `Produced`. */
export class Produced<K = unknown, V = unknown> {
  private constructor(
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    readonly partitioner: StreamPartitioner<K, V> | null,
    readonly name: string | null,
  ) {}

  static with<K, V>(
    keySerde: Serde<K> | null,
    valueSerde: Serde<V> | null,
    partitioner: StreamPartitioner<K, V> | null = null,
  ): Produced<K, V> {
    return new Produced(keySerde, valueSerde, partitioner, null)
  }

  static as<K, V>(name: string): Produced<K, V> {
    return new Produced<K, V>(null, null, null, validateName(name))
  }

  static keySerde<K, V>(keySerde: Serde<K>): Produced<K, V> {
    return new Produced<K, V>(keySerde, null, null, null)
  }

  static valueSerde<K, V>(valueSerde: Serde<V>): Produced<K, V> {
    return new Produced<K, V>(null, valueSerde, null, null)
  }

  static streamPartitioner<K, V>(partitioner: StreamPartitioner<K, V>): Produced<K, V> {
    return new Produced<K, V>(null, null, partitioner, null)
  }

  withName(name: string): Produced<K, V> {
    return new Produced(this.keySerde, this.valueSerde, this.partitioner, validateName(name))
  }

  withKeySerde(keySerde: Serde<K>): Produced<K, V> {
    return new Produced(keySerde, this.valueSerde, this.partitioner, this.name)
  }

  withValueSerde(valueSerde: Serde<V>): Produced<K, V> {
    return new Produced(this.keySerde, valueSerde, this.partitioner, this.name)
  }

  withStreamPartitioner(partitioner: StreamPartitioner<K, V>): Produced<K, V> {
    return new Produced(this.keySerde, this.valueSerde, partitioner, this.name)
  }
}
