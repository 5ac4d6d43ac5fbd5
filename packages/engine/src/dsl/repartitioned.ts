import type { Serde } from '../serde/serde'
import type { StreamPartitioner } from '../topology/node-factory'
import { validateName } from './internal/names'

/** Options of `KStream#repartition()`, as Kafka's `Repartitioned`. */
export class Repartitioned<K = unknown, V = unknown> {
  private constructor(
    readonly name: string | null,
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    readonly numberOfPartitions: number | null,
    readonly partitioner: StreamPartitioner<K, V> | null,
  ) {}

  static as<K, V>(name: string): Repartitioned<K, V> {
    return new Repartitioned<K, V>(validateName(name), null, null, null, null)
  }

  static with<K, V>(keySerde: Serde<K> | null, valueSerde: Serde<V> | null): Repartitioned<K, V> {
    return new Repartitioned(null, keySerde, valueSerde, null, null)
  }

  static numberOfPartitions<K, V>(partitions: number): Repartitioned<K, V> {
    return new Repartitioned<K, V>(null, null, null, checkPartitions(partitions), null)
  }

  static streamPartitioner<K, V>(partitioner: StreamPartitioner<K, V>): Repartitioned<K, V> {
    return new Repartitioned<K, V>(null, null, null, null, partitioner)
  }

  withName(name: string): Repartitioned<K, V> {
    return new Repartitioned(
      validateName(name),
      this.keySerde,
      this.valueSerde,
      this.numberOfPartitions,
      this.partitioner,
    )
  }

  withNumberOfPartitions(partitions: number): Repartitioned<K, V> {
    return new Repartitioned(
      this.name,
      this.keySerde,
      this.valueSerde,
      checkPartitions(partitions),
      this.partitioner,
    )
  }

  withKeySerde(keySerde: Serde<K>): Repartitioned<K, V> {
    return new Repartitioned(
      this.name,
      keySerde,
      this.valueSerde,
      this.numberOfPartitions,
      this.partitioner,
    )
  }

  withValueSerde(valueSerde: Serde<V>): Repartitioned<K, V> {
    return new Repartitioned(
      this.name,
      this.keySerde,
      valueSerde,
      this.numberOfPartitions,
      this.partitioner,
    )
  }

  withStreamPartitioner(partitioner: StreamPartitioner<K, V>): Repartitioned<K, V> {
    return new Repartitioned(
      this.name,
      this.keySerde,
      this.valueSerde,
      this.numberOfPartitions,
      partitioner,
    )
  }
}

function checkPartitions(partitions: number): number {
  if (!Number.isInteger(partitions) || partitions < 1) {
    throw new RangeError(`Number of partitions must be a positive integer (was ${partitions})`)
  }
  return partitions
}
