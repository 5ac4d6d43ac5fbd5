/** A binary min-heap keyed by a number, ties broken by insertion order. */
export class PriorityQueue<T> {
  private readonly heap: { item: T; priority: number; seq: number }[] = []
  private seq = 0

  get size(): number {
    return this.heap.length
  }

  push(item: T, priority: number): void {
    this.heap.push({ item, priority, seq: this.seq++ })
    let i = this.heap.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.less(i, parent)) break
      this.swap(i, parent)
      i = parent
    }
  }

  pop(): T | undefined {
    const top = this.heap[0]
    const last = this.heap.pop()
    if (top === undefined || last === undefined) return undefined
    if (this.heap.length > 0) {
      this.heap[0] = last
      let i = 0
      for (;;) {
        const left = 2 * i + 1
        const right = left + 1
        let smallest = i
        if (left < this.heap.length && this.less(left, smallest)) smallest = left
        if (right < this.heap.length && this.less(right, smallest)) smallest = right
        if (smallest === i) break
        this.swap(i, smallest)
        i = smallest
      }
    }
    return top.item
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a] as { priority: number; seq: number }
    const y = this.heap[b] as { priority: number; seq: number }
    return x.priority < y.priority || (x.priority === y.priority && x.seq < y.seq)
  }

  private swap(a: number, b: number): void {
    const tmp = this.heap[a] as (typeof this.heap)[number]
    this.heap[a] = this.heap[b] as (typeof this.heap)[number]
    this.heap[b] = tmp
  }
}
