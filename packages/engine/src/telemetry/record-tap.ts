import type { NodeRecord } from './node-telemetry'

/** The last `capacity` records through a node, oldest first; a fixed-size ring buffer. */
export class RecordTap {
  private readonly buffer: (NodeRecord | undefined)[]
  private next = 0
  private size = 0
  /** Every record ever tapped, including the ones the ring has overwritten. */
  total = 0

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity <= 0) {
      throw new RangeError(`A record tap needs a positive capacity, got ${capacity}`)
    }
    this.buffer = new Array<NodeRecord | undefined>(capacity)
  }

  push(record: NodeRecord): void {
    this.buffer[this.next] = record
    this.next = (this.next + 1) % this.capacity
    if (this.size < this.capacity) this.size++
    this.total++
  }

  records(): NodeRecord[] {
    const start = (this.next - this.size + this.capacity) % this.capacity
    const out: NodeRecord[] = []
    for (let i = 0; i < this.size; i++) {
      out.push(this.buffer[(start + i) % this.capacity] as NodeRecord)
    }
    return out
  }

  clear(): void {
    this.buffer.fill(undefined)
    this.next = 0
    this.size = 0
  }
}
