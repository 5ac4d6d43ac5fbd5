import type { StreamPartitioner } from '../topology/node-factory'
import { validateName } from './internal/names'

/** Options of foreign-key table joins, as Kafka's `TableJoined`. */
export class TableJoined<K = unknown, KO = unknown> {
  private constructor(
    readonly partitioner: StreamPartitioner<K, unknown> | null,
    readonly otherPartitioner: StreamPartitioner<KO, unknown> | null,
    readonly name: string | null,
  ) {}

  static with<K, KO>(
    partitioner: StreamPartitioner<K, unknown> | null,
    otherPartitioner: StreamPartitioner<KO, unknown> | null,
  ): TableJoined<K, KO> {
    return new TableJoined(partitioner, otherPartitioner, null)
  }

  static as<K, KO>(name: string): TableJoined<K, KO> {
    return new TableJoined<K, KO>(null, null, validateName(name))
  }

  withName(name: string): TableJoined<K, KO> {
    return new TableJoined(this.partitioner, this.otherPartitioner, validateName(name))
  }

  withPartitioner(partitioner: StreamPartitioner<K, unknown>): TableJoined<K, KO> {
    return new TableJoined(partitioner, this.otherPartitioner, this.name)
  }

  withOtherPartitioner(otherPartitioner: StreamPartitioner<KO, unknown>): TableJoined<K, KO> {
    return new TableJoined(this.partitioner, otherPartitioner, this.name)
  }
}
