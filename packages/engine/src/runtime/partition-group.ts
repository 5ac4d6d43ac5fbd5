import type { Header } from '../processor/record'

/** A deserialized record waiting in its partition's queue. */
export interface StampedRecord {
  readonly topic: string
  readonly partition: number
  readonly offset: number
  readonly timestamp: number
  readonly key: unknown
  readonly value: unknown
  readonly headers: readonly Header[]
}

class RecordQueue {
  readonly records: StampedRecord[] = []
  head = 0
  /** Max timestamp taken from this partition; -1 until the first record. */
  partitionTime = -1

  constructor(readonly order: number) {}

  get size(): number {
    return this.records.length - this.head
  }

  peek(): StampedRecord | undefined {
    return this.records[this.head]
  }

  poll(): StampedRecord | undefined {
    const record = this.records[this.head]
    if (record === undefined) return undefined
    this.head++
    if (this.head > 1024 && this.head * 2 > this.records.length) {
      this.records.splice(0, this.head)
      this.head = 0
    }
    return record
  }
}

/**
 * The record queues of one task, one per input partition. As Kafka's PartitionGroup, the
 * next record is the head with the smallest timestamp across partitions (ties: the partition
 * registered first), and stream time is the largest timestamp taken so far.
 */
export class PartitionGroup {
  private readonly queues = new Map<string, RecordQueue>()
  private streamTimeMs = -1

  private queue(topic: string, partition: number): RecordQueue {
    const id = `${topic}\u0000${partition}`
    let queue = this.queues.get(id)
    if (queue === undefined) {
      queue = new RecordQueue(this.queues.size)
      this.queues.set(id, queue)
    }
    return queue
  }

  add(record: StampedRecord): void {
    this.queue(record.topic, record.partition).records.push(record)
  }

  partitionTime(topic: string, partition: number): number {
    return this.queues.get(`${topic}\u0000${partition}`)?.partitionTime ?? -1
  }

  nextRecord(): StampedRecord | undefined {
    let best: RecordQueue | undefined
    let bestTimestamp = Infinity
    for (const queue of this.queues.values()) {
      const head = queue.peek()
      if (head !== undefined && head.timestamp < bestTimestamp) {
        best = queue
        bestTimestamp = head.timestamp
      }
    }
    const record = best?.poll()
    if (best === undefined || record === undefined) return undefined
    if (record.timestamp > best.partitionTime) best.partitionTime = record.timestamp
    if (record.timestamp > this.streamTimeMs) this.streamTimeMs = record.timestamp
    return record
  }

  streamTime(): number {
    return this.streamTimeMs
  }

  /** Records queued for one input partition. */
  numBufferedIn(topic: string, partition: number): number {
    return this.queues.get(`${topic}\u0000${partition}`)?.size ?? 0
  }

  numBuffered(): number {
    let total = 0
    for (const queue of this.queues.values()) total += queue.size
    return total
  }
}
