// A red-black tree over small integer ids that inserts exactly like `java.util.TreeMap` (and so
// like the engine's JavaTreeSet, which describe() uses for `-->`/`<--` lists). The search for a
// declaration order inserts, checks and takes insertions back thousands of times, so this tree
// is immutable: `with` returns a copy, and undoing an insertion is keeping the old tree.

const NIL = -1

export class OrderTree {
  static readonly EMPTY = new OrderTree([], [], [], [], [], NIL)

  private constructor(
    /** Ids in insertion order; slot i of the other arrays describes values[i]. */
    readonly values: readonly number[],
    private readonly left: number[],
    private readonly right: number[],
    private readonly parent: number[],
    private readonly red: boolean[],
    private root: number,
  ) {}

  get size(): number {
    return this.values.length
  }

  /**
   * A copy with `value` inserted, comparing with `compare` as TreeMap#put does (descend from
   * the root, smaller to the left, then the insertion fix-up). Unchanged if an equal id exists.
   */
  with(value: number, compare: (a: number, b: number) => number): OrderTree {
    let parent = NIL
    let cursor = this.root
    let cmp = 0
    while (cursor !== NIL) {
      parent = cursor
      cmp = compare(value, this.values[cursor] as number)
      if (cmp === 0) return this
      cursor = cmp < 0 ? (this.left[cursor] as number) : (this.right[cursor] as number)
    }
    const tree = new OrderTree(
      [...this.values, value],
      [...this.left, NIL],
      [...this.right, NIL],
      [...this.parent, parent],
      [...this.red, parent !== NIL],
      this.root,
    )
    const slot = this.values.length
    if (parent === NIL) {
      tree.root = slot
    } else {
      if (cmp < 0) tree.left[parent] = slot
      else tree.right[parent] = slot
      tree.fixAfterInsertion(slot)
    }
    return tree
  }

  /** The ids in iteration (in-order) order, as Java's iterator returns them. */
  toArray(): number[] {
    const out: number[] = []
    const stack: number[] = []
    let cursor = this.root
    while (cursor !== NIL || stack.length > 0) {
      while (cursor !== NIL) {
        stack.push(cursor)
        cursor = this.left[cursor] as number
      }
      const slot = stack.pop() as number
      out.push(this.values[slot] as number)
      cursor = this.right[slot] as number
    }
    return out
  }

  /** The tree's shape and colours: two trees with equal keys behave alike on later inserts. */
  shapeKey(): string {
    const parts: string[] = []
    const walk = (slot: number): void => {
      if (slot === NIL) {
        parts.push('.')
        return
      }
      parts.push(`${this.values[slot] as number}${this.red[slot] === true ? 'r' : 'b'}(`)
      walk(this.left[slot] as number)
      walk(this.right[slot] as number)
      parts.push(')')
    }
    walk(this.root)
    return parts.join('')
  }

  // TreeMap#fixAfterInsertion, with Java's null-tolerant helpers (parentOf, colorOf, ...).
  private fixAfterInsertion(inserted: number): void {
    let x = inserted
    while (x !== NIL && x !== this.root && this.isRed(this.parentOf(x))) {
      const parent = this.parentOf(x)
      const grandparent = this.parentOf(parent)
      if (parent === this.leftOf(grandparent)) {
        const uncle = this.rightOf(grandparent)
        if (this.isRed(uncle)) {
          this.setRed(parent, false)
          this.setRed(uncle, false)
          this.setRed(grandparent, true)
          x = grandparent
        } else {
          if (x === this.rightOf(parent)) {
            x = parent
            this.rotateLeft(x)
          }
          this.setRed(this.parentOf(x), false)
          this.setRed(this.parentOf(this.parentOf(x)), true)
          this.rotateRight(this.parentOf(this.parentOf(x)))
        }
      } else {
        const uncle = this.leftOf(grandparent)
        if (this.isRed(uncle)) {
          this.setRed(parent, false)
          this.setRed(uncle, false)
          this.setRed(grandparent, true)
          x = grandparent
        } else {
          if (x === this.leftOf(parent)) {
            x = parent
            this.rotateRight(x)
          }
          this.setRed(this.parentOf(x), false)
          this.setRed(this.parentOf(this.parentOf(x)), true)
          this.rotateLeft(this.parentOf(this.parentOf(x)))
        }
      }
    }
    this.red[this.root] = false
  }

  private rotateLeft(p: number): void {
    if (p === NIL) return
    const r = this.right[p] as number
    const rl = this.left[r] as number
    this.right[p] = rl
    if (rl !== NIL) this.parent[rl] = p
    const pp = this.parent[p] as number
    this.parent[r] = pp
    if (pp === NIL) this.root = r
    else if (this.left[pp] === p) this.left[pp] = r
    else this.right[pp] = r
    this.left[r] = p
    this.parent[p] = r
  }

  private rotateRight(p: number): void {
    if (p === NIL) return
    const l = this.left[p] as number
    const lr = this.right[l] as number
    this.left[p] = lr
    if (lr !== NIL) this.parent[lr] = p
    const pp = this.parent[p] as number
    this.parent[l] = pp
    if (pp === NIL) this.root = l
    else if (this.right[pp] === p) this.right[pp] = l
    else this.left[pp] = l
    this.right[l] = p
    this.parent[p] = l
  }

  private isRed(slot: number): boolean {
    return slot !== NIL && this.red[slot] === true
  }
  private setRed(slot: number, red: boolean): void {
    if (slot !== NIL) this.red[slot] = red
  }
  private parentOf(slot: number): number {
    return slot === NIL ? NIL : (this.parent[slot] as number)
  }
  private leftOf(slot: number): number {
    return slot === NIL ? NIL : (this.left[slot] as number)
  }
  private rightOf(slot: number): number {
    return slot === NIL ? NIL : (this.right[slot] as number)
  }
}
