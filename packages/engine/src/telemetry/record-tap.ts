import type { NodeRecord } from './node-telemetry'

/** Which keys a tap keeps; a tap without one keeps every record. */
export type KeyFilter = (key: unknown) => boolean

/** The last `capacity` records through a node, oldest first; a fixed-size ring buffer. */
export class RecordTap {
  private readonly buffer: (NodeRecord | undefined)[]
  private next = 0
  private size = 0
  /** Every record ever tapped, including the ones the ring has overwritten. */
  total = 0

  constructor(
    readonly capacity: number,
    private readonly keys: KeyFilter | null = null,
  ) {
    if (!Number.isInteger(capacity) || capacity <= 0) {
      throw new RangeError(`A record tap needs a positive capacity, got ${capacity}`)
    }
    this.buffer = new Array<NodeRecord | undefined>(capacity)
  }

  /** Whether a record with this key belongs in the tap; asked before the record is built. */
  accepts(key: unknown): boolean {
    return this.keys === null || this.keys(key)
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
