import { seededRandom } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { describeSubtopologyNodes } from '../../../topology/internal/describe-subtopology'
import type { DescribedNode } from '../../../topology/topology-description'
import { Topology } from '../../../topology/topology'
import { findDeclarationOrder, type OrderProblem } from './declaration-order'

// Seeded so a failing case can be replayed.
const random = seededRandom

const noop = () => ({ process() {} })

/** A random DAG declared in a random order, the way a Java application might have built it. */
function randomTopology(seed: number, size: number, maxParents: number): Topology {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  const topology = new Topology()
  const parents: string[] = []
  const sources = 1 + Math.floor(next() * 3)
  for (let i = 0; i < sources; i++) {
    const name = `src-${i}-${Math.floor(next() * 1000)}`
    topology.addSource(name, `topic-${i}`)
    parents.push(name)
  }
  for (let i = 0; i < size; i++) {
    const name = `${pick(['KSTREAM-MAP', 'KSTREAM-FILTER', 'p', 'merge'])}-${i}-${Math.floor(next() * 100)}`
    const count = 1 + Math.floor(next() * Math.min(maxParents, parents.length))
    const chosen = new Set<string>()
    while (chosen.size < count) chosen.add(pick(parents))
    const declared = [...chosen].sort(() => next() - 0.5)
    if (next() < 0.2) {
      topology.addSink(name, `out-${i}`, ...declared)
    } else {
      topology.addProcessor(name, noop, ...declared)
      parents.push(name)
    }
  }
  return topology
}

function problemOf(nodes: readonly DescribedNode[]): OrderProblem {
  const index = new Map(nodes.map((node, i) => [node.name, i]))
  const ids = (names: readonly string[]) => names.map((name) => index.get(name) as number)
  return {
    names: nodes.map((node) => node.name),
    predecessors: nodes.map((node) => ids(node.predecessors)),
    successors: nodes.map((node) => ids(node.successors)),
  }
}

function redescribe(problem: OrderProblem, nodes: readonly DescribedNode[]): DescribedNode[] {
  const order = findDeclarationOrder(problem)
  expect(order.exact).toBe(true)
  return describeSubtopologyNodes(
    order.insertion.map((id) => ({
      type: (nodes[id] as DescribedNode).type,
      name: problem.names[id] as string,
      predecessors: (order.predecessors[id] as number[]).map((p) => problem.names[p] as string),
    })),
  )
}

describe('findDeclarationOrder', () => {
  it('reproduces the neighbour lists of random topologies declared in random orders', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const topology = randomTopology(seed, 4 + (seed % 40), 1 + (seed % 4))
      for (const subtopology of topology.describe().subtopologies()) {
        const problem = problemOf(subtopology.nodes)
        const again = redescribe(problem, subtopology.nodes)
        expect({ seed, nodes: again.map((n) => [n.name, n.predecessors, n.successors]) }).toEqual({
          seed,
          nodes: subtopology.nodes.map((n) => [n.name, n.predecessors, n.successors]),
        })
      }
    }
  })

  it('stays fast on a sub-topology of several hundred nodes', { timeout: 5000 }, () => {
    const topology = randomTopology(7, 600, 3)
    for (const subtopology of topology.describe().subtopologies()) {
      redescribe(problemOf(subtopology.nodes), subtopology.nodes)
    }
  })

  it('returns the closest order, marked inexact, when no order prints the lists', () => {
    // b and c have equal size; describe() lists them by name, never c before b.
    const problem: OrderProblem = {
      names: ['a', 'b', 'c'],
      predecessors: [[], [0], [0]],
      successors: [[2, 1], [], []],
    }
    const order = findDeclarationOrder(problem)
    expect(order.exact).toBe(false)
    expect(order.insertion).toEqual([0, 1, 2])
  })
})
