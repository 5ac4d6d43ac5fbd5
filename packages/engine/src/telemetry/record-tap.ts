/** One record seen by a tapped processor node. */
export interface TappedRecord {
  readonly key: unknown
  readonly value: unknown
  readonly timestamp: number
  readonly topic: string | null
  readonly partition: number
  readonly offset: number
}

/** The last `capacity` records through a node, oldest first; a fixed-size ring buffer. */
export class RecordTap {
  private readonly buffer: (TappedRecord | undefined)[]
  private next = 0
  private size = 0
  /** Every record ever tapped, including the ones the ring has overwritten. */
  total = 0

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity <= 0) {
      throw new RangeError(`A record tap needs a positive capacity, got ${capacity}`)
    }
    this.buffer = new Array<TappedRecord | undefined>(capacity)
  }

  push(record: TappedRecord): void {
    this.buffer[this.next] = record
    this.next = (this.next + 1) % this.capacity
    if (this.size < this.capacity) this.size++
    this.total++
  }

  records(): TappedRecord[] {
    const start = (this.next - this.size + this.capacity) % this.capacity
    const out: TappedRecord[] = []
    for (let i = 0; i < this.size; i++) {
      out.push(this.buffer[(start + i) % this.capacity] as TappedRecord)
    }
    return out
  }

  clear(): void {
    this.buffer.fill(undefined)
    this.next = 0
    this.size = 0
  }
}
