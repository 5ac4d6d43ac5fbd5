/**
 * A node insertion order that adds every node after its predecessors and keeps the given
 * `chains` (each a list of nodes that must be inserted in that relative order), preferring
 * lower `priority` when several nodes are ready. Null when the constraints form a cycle.
 */
export function insertionOrder(
  predecessors: readonly (readonly number[])[],
  chains: readonly (readonly number[])[],
  priority: readonly number[],
): number[] | null {
  const count = predecessors.length
  const after: number[][] = predecessors.map(() => [])
  const waitingFor = new Array<number>(count).fill(0)
  const require = (first: number, then: number): void => {
    ;(after[first] as number[]).push(then)
    waitingFor[then] = (waitingFor[then] as number) + 1
  }
  predecessors.forEach((parents, node) => parents.forEach((parent) => require(parent, node)))
  for (const chain of chains) {
    for (let i = 1; i < chain.length; i++) require(chain[i - 1] as number, chain[i] as number)
  }
  const ready: number[] = []
  waitingFor.forEach((waiting, node) => {
    if (waiting === 0) ready.push(node)
  })
  const order: number[] = []
  // Sub-topologies have at most a few hundred nodes, so a linear scan for the next node is
  // cheaper than keeping a heap.
  while (ready.length > 0) {
    let best = 0
    for (let i = 1; i < ready.length; i++) {
      if ((priority[ready[i] as number] as number) < (priority[ready[best] as number] as number)) {
        best = i
      }
    }
    const node = ready.splice(best, 1)[0] as number
    order.push(node)
    for (const next of after[node] as number[]) {
      waitingFor[next] = (waitingFor[next] as number) - 1
      if (waitingFor[next] === 0) ready.push(next)
    }
  }
  return order.length === count ? order : null
}
