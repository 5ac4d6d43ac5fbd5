/**
 * Finds the cycles of a directed graph: one per strongly connected component that has one,
 * given as the node ids along a shortest cycle through the component's first node.
 *
 * @param nodeIds - every node, in the order results should follow
 * @param successors - the targets of a node's outgoing edges
 */
export function findCycles(
  nodeIds: readonly string[],
  successors: (id: string) => readonly string[],
): string[][] {
  const order = new Map(nodeIds.map((id, position) => [id, position]))
  return stronglyConnectedComponents(nodeIds, successors)
    .filter((component) => {
      const only = component[0]
      return component.length > 1 || (only !== undefined && successors(only).includes(only))
    })
    .map((component) => {
      const members = new Set(component)
      const start = [...component].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0]!
      return shortestCycle(start, (id) => successors(id).filter((next) => members.has(next)))
    })
    .sort((a, b) => (order.get(a[0]!) ?? 0) - (order.get(b[0]!) ?? 0))
}

// Tarjan's algorithm with an explicit stack, so long chains cannot overflow the call stack.
function stronglyConnectedComponents(
  nodeIds: readonly string[],
  successors: (id: string) => readonly string[],
): string[][] {
  const indexOf = new Map<string, number>()
  const lowLink = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const components: string[][] = []
  let counter = 0
  for (const root of nodeIds) {
    if (indexOf.has(root)) continue
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }]
    indexOf.set(root, counter)
    lowLink.set(root, counter++)
    stack.push(root)
    onStack.add(root)
    while (work.length > 0) {
      const frame = work[work.length - 1]!
      const targets = successors(frame.id)
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!
        if (!indexOf.has(target)) {
          indexOf.set(target, counter)
          lowLink.set(target, counter++)
          stack.push(target)
          onStack.add(target)
          work.push({ id: target, next: 0 })
        } else if (onStack.has(target)) {
          lowLink.set(frame.id, Math.min(lowLink.get(frame.id)!, indexOf.get(target)!))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) lowLink.set(parent.id, Math.min(lowLink.get(parent.id)!, lowLink.get(frame.id)!))
      if (lowLink.get(frame.id) === indexOf.get(frame.id)) {
        const component: string[] = []
        let member: string | undefined
        do {
          member = stack.pop()!
          onStack.delete(member)
          component.push(member)
        } while (member !== frame.id)
        components.push(component)
      }
    }
  }
  return components
}

function shortestCycle(start: string, successors: (id: string) => readonly string[]): string[] {
  const previous = new Map<string, string>()
  const queue = [start]
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!
    for (const next of successors(id)) {
      if (next === start) return [...pathTo(id, start, previous)]
      if (previous.has(next)) continue
      previous.set(next, id)
      queue.push(next)
    }
  }
  return [start]
}

function pathTo(end: string, start: string, previous: ReadonlyMap<string, string>): string[] {
  const path = [end]
  let current = end
  while (current !== start) {
    current = previous.get(current)!
    path.unshift(current)
  }
  return path
}
