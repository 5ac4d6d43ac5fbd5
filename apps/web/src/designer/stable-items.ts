// React Flow re-renders a node whose object changed. The canvas rebuilds its nodes and edges
// from the design on every edit, so items that did not change keep their previous object: on a
// 500-node design an edit then re-renders the few nodes it touched, not all of them.

export function reuseUnchanged<T extends { readonly id: string }>(
  previous: ReadonlyMap<string, T>,
  next: readonly T[],
  same: (before: T, after: T) => boolean,
): T[] {
  return next.map((item) => {
    const before = previous.get(item.id)
    return before !== undefined && same(before, item) ? before : item
  })
}

/** Equal lists of equal items, compared with `key`. */
export function sameList<T>(a: readonly T[], b: readonly T[], key: (item: T) => unknown): boolean {
  return a.length === b.length && a.every((item, index) => key(item) === key(b[index] as T))
}

/**
 * Remembers the last list it returned, so each call can hand back the objects of unchanged
 * items (see {@link reuseUnchanged}).
 */
export class StableItems<T extends { readonly id: string }> {
  private previous: ReadonlyMap<string, T> = new Map()

  constructor(private readonly same: (before: T, after: T) => boolean) {}

  reuse(next: readonly T[]): T[] {
    const items = reuseUnchanged(this.previous, next, this.same)
    this.previous = new Map(items.map((item) => [item.id, item]))
    return items
  }
}
