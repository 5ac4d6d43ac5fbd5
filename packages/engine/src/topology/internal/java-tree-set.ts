// A red-black tree that behaves like `java.util.TreeMap` on insertion. Kafka Streams fills
// the predecessor and successor sets of describe() nodes while the comparator's inputs (the
// nodes' sizes) are still changing, so the printed order depends on the exact tree shape
// that Java's insertion and fix-up produce. Sorting at the end would give different lists.

const RED = true
const BLACK = false

interface TreeNode<T> {
  value: T
  left: TreeNode<T> | null
  right: TreeNode<T> | null
  parent: TreeNode<T> | null
  color: boolean
}

export class JavaTreeSet<T> {
  // Assigned in the constructor: describe() creates two of these per node.
  declare private root: TreeNode<T> | null
  declare private count: number
  declare private readonly compare: (a: T, b: T) => number

  constructor(compare: (a: T, b: T) => number) {
    this.root = null
    this.count = 0
    this.compare = compare
  }

  get size(): number {
    return this.count
  }

  /** Adds `value` unless the comparator finds an equal element on its search path. */
  add(value: T): boolean {
    let parent: TreeNode<T> | null = null
    let cursor = this.root
    let cmp = 0
    while (cursor !== null) {
      parent = cursor
      cmp = this.compare(value, cursor.value)
      if (cmp < 0) cursor = cursor.left
      else if (cmp > 0) cursor = cursor.right
      else return false
    }
    const node: TreeNode<T> = { value, left: null, right: null, parent, color: BLACK }
    if (parent === null) {
      this.root = node
    } else {
      node.color = RED
      if (cmp < 0) parent.left = node
      else parent.right = node
      this.fixAfterInsertion(node)
    }
    this.count++
    return true
  }

  /** Calls `action` for every element in order, without allocating an array. */
  forEach(action: (value: T) => void): void {
    visit(this.root, action)
  }

  /** In-order traversal, as Java's iterator. */
  toArray(): T[] {
    const out: T[] = []
    const stack: TreeNode<T>[] = []
    let cursor = this.root
    while (cursor !== null || stack.length > 0) {
      while (cursor !== null) {
        stack.push(cursor)
        cursor = cursor.left
      }
      const node = stack.pop() as TreeNode<T>
      out.push(node.value)
      cursor = node.right
    }
    return out
  }

  private fixAfterInsertion(inserted: TreeNode<T>): void {
    let x: TreeNode<T> | null = inserted
    while (x !== null && x !== this.root && colorOf(x.parent) === RED) {
      const parent = x.parent as TreeNode<T>
      const grandparent = parentOf(parent)
      if (parent === leftOf(grandparent)) {
        const uncle = rightOf(grandparent)
        if (colorOf(uncle) === RED) {
          setColor(parent, BLACK)
          setColor(uncle, BLACK)
          setColor(grandparent, RED)
          x = grandparent
        } else {
          if (x === rightOf(parent)) {
            x = parent
            this.rotateLeft(x)
          }
          setColor(parentOf(x), BLACK)
          setColor(parentOf(parentOf(x)), RED)
          this.rotateRight(parentOf(parentOf(x)))
        }
      } else {
        const uncle = leftOf(grandparent)
        if (colorOf(uncle) === RED) {
          setColor(parent, BLACK)
          setColor(uncle, BLACK)
          setColor(grandparent, RED)
          x = grandparent
        } else {
          if (x === leftOf(parent)) {
            x = parent
            this.rotateRight(x)
          }
          setColor(parentOf(x), BLACK)
          setColor(parentOf(parentOf(x)), RED)
          this.rotateLeft(parentOf(parentOf(x)))
        }
      }
    }
    if (this.root !== null) this.root.color = BLACK
  }

  private rotateLeft(p: TreeNode<T> | null): void {
    if (p === null) return
    const r = p.right as TreeNode<T>
    p.right = r.left
    if (r.left !== null) r.left.parent = p
    r.parent = p.parent
    if (p.parent === null) this.root = r
    else if (p.parent.left === p) p.parent.left = r
    else p.parent.right = r
    r.left = p
    p.parent = r
  }

  private rotateRight(p: TreeNode<T> | null): void {
    if (p === null) return
    const l = p.left as TreeNode<T>
    p.left = l.right
    if (l.right !== null) l.right.parent = p
    l.parent = p.parent
    if (p.parent === null) this.root = l
    else if (p.parent.right === p) p.parent.right = l
    else p.parent.left = l
    l.right = p
    p.parent = l
  }
}

function visit<T>(node: TreeNode<T> | null, action: (value: T) => void): void {
  if (node === null) return
  visit(node.left, action)
  action(node.value)
  visit(node.right, action)
}

function colorOf<T>(node: TreeNode<T> | null): boolean {
  return node === null ? BLACK : node.color
}
function parentOf<T>(node: TreeNode<T> | null): TreeNode<T> | null {
  return node === null ? null : node.parent
}
function leftOf<T>(node: TreeNode<T> | null): TreeNode<T> | null {
  return node === null ? null : node.left
}
function rightOf<T>(node: TreeNode<T> | null): TreeNode<T> | null {
  return node === null ? null : node.right
}
function setColor<T>(node: TreeNode<T> | null, color: boolean): void {
  if (node !== null) node.color = color
}
