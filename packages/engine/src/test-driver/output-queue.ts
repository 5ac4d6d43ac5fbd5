import type { ProducedRecord } from '../runtime/record-collector'

/** The unread records of one output topic: appended by the driver, read oldest first in O(1). */
export class OutputQueue {
  private records: ProducedRecord[] = []
  private head = 0

  push(record: ProducedRecord): void {
    this.records.push(record)
  }

  poll(): ProducedRecord | undefined {
    const record = this.records[this.head]
    if (record === undefined) return undefined
    this.records[this.head] = undefined as unknown as ProducedRecord
    this.head++
    if (this.head === this.records.length) {
      this.records = []
      this.head = 0
    }
    return record
  }

  get size(): number {
    return this.records.length - this.head
  }
}
