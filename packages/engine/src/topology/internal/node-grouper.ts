/** Union-find over node names: sub-topologies are its connected components. */
export class NodeGrouper {
  private readonly parent = new Map<string, string>()

  add(name: string): void {
    if (!this.parent.has(name)) this.parent.set(name, name)
  }

  root(name: string): string {
    let current = name
    let next = this.parent.get(current)
    while (next !== undefined && next !== current) {
      const grand = this.parent.get(next) ?? next
      this.parent.set(current, grand)
      current = next
      next = this.parent.get(current)
    }
    return current
  }

  unite(first: string, ...others: readonly string[]): void {
    const root = this.root(first)
    for (const other of others) {
      const otherRoot = this.root(other)
      if (otherRoot !== root) this.parent.set(otherRoot, root)
    }
  }
}
