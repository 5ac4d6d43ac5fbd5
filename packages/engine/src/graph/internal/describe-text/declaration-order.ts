// Finds how a sub-topology must be declared through the Processor API so that describe()
// prints given `-->`/`<--` lists. describe() visits nodes in Java HashSet order (by hash bucket,
// insertion order breaking ties) and, per node, its predecessors in declared order, inserting
// into red-black trees whose comparator reads sizes that are still growing (Appendix A). So the
// free choices are: the relative insertion order of nodes sharing a bucket, and each node's
// predecessor order. We search them bucket by bucket ("blocks", which are visited one after the
// other whatever we choose) with conflict-directed backjumping: a wrong successor list can only
// be caused by the earlier blocks that inserted into that same tree, because sizes at a block's
// start depend only on which nodes were visited before it, never on how.
import { javaHashBuckets } from '../../../topology/internal/java-hash-order'
import { TopologyException } from '../../../topology/topology-exception'
import { DescribeSimulation } from './describe-simulation'
import { insertionOrder } from './insertion-order'
import type { OrderTree } from './order-tree'

/** A sub-topology as describe() printed it; node ids index `names`. */
export interface OrderProblem {
  readonly names: readonly string[]
  /** Per node, its predecessors in printed (`<--`) order. */
  readonly predecessors: readonly (readonly number[])[]
  /** Per node, its successors in printed (`-->`) order. */
  readonly successors: readonly (readonly number[])[]
}

/** How to declare the sub-topology: node insertion order and each node's parent order. */
export interface DeclarationOrder {
  readonly insertion: readonly number[]
  readonly predecessors: readonly (readonly number[])[]
  /** False when no order reproduces every list; the result is then the closest one found. */
  readonly exact: boolean
}

export interface DeclarationOrderOptions {
  /** Predecessor connections to try before settling for an inexact order. */
  readonly budget?: number
}

const DEFAULT_BUDGET = 200_000
// Each restart gives up at least one list, so this bounds the work on unreproducible text.
const MAX_RELAXATIONS = 32

interface BlockChoice {
  readonly order: readonly number[]
  readonly declared: readonly (readonly number[])[]
}

type Outcome =
  | { readonly kind: 'found'; readonly choices: readonly BlockChoice[] }
  | { readonly kind: 'impossible'; readonly blame: ReadonlySet<number> }
  | { readonly kind: 'budget' }

/** Finds an insertion and declaration order that makes describe() print `problem`'s lists. */
export function findDeclarationOrder(
  problem: OrderProblem,
  options: DeclarationOrderOptions = {},
): DeclarationOrder {
  return new OrderSearch(problem, options.budget ?? DEFAULT_BUDGET).solve()
}

function isInOrder(values: readonly number[], positions: ReadonlyMap<number, number>): boolean {
  let last = -1
  for (const value of values) {
    const position = positions.get(value)
    if (position === undefined || position <= last) return false
    last = position
  }
  return true
}

function positionMaps(lists: readonly (readonly number[])[]): Map<number, number>[] {
  return lists.map((list) => new Map(list.map((value, index) => [value, index])))
}

// Tree ids for blame: a node's predecessor tree and its successor tree.
const predecessorTree = (node: number): number => node * 2
const successorTree = (node: number): number => node * 2 + 1

class OrderSearch {
  private readonly rank: number[]
  /** A topological order (parents first): the default everywhere a choice is free. */
  private readonly priority: number[]
  private readonly blocks: number[][]
  private readonly blockOf: number[]
  private readonly predecessorPositions: Map<number, number>[]
  private readonly successorPositions: Map<number, number>[]
  private readonly ancestry = new Map<number, boolean>()
  private readonly relaxed = new Set<number>()
  private steps = 0
  private aborted = false
  // Per-search state.
  private simulation: DescribeSimulation
  private current: BlockChoice[] = []
  private conflicts: Set<number>[] = []
  private blame: Set<number>[] = []
  private best: BlockChoice[] = []

  constructor(
    private readonly problem: OrderProblem,
    private readonly budget: number,
  ) {
    const { names, predecessors } = problem
    const byName = names.map((_, node) => node)
    byName.sort((a, b) => {
      const nameA = names[a] as string
      const nameB = names[b] as string
      return nameA < nameB ? -1 : nameA > nameB ? 1 : 0
    })
    this.rank = new Array<number>(names.length)
    byName.forEach((node, index) => (this.rank[node] = index))
    // Ids follow the printed order, itself parents-first; keep it wherever it is allowed.
    const topological = insertionOrder(
      predecessors,
      [],
      names.map((_, node) => node),
    )
    if (topological === null) throw new TopologyException('The sub-topology has a cycle.')
    this.priority = new Array<number>(names.length)
    topological.forEach((node, index) => (this.priority[node] = index))
    const buckets = javaHashBuckets(names)
    const byBucket = new Map<number, number[]>()
    for (const node of topological) {
      const bucket = buckets[node] as number
      byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), node])
    }
    this.blocks = [...byBucket.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1])
    this.blockOf = new Array<number>(names.length)
    this.blocks.forEach((block, index) => block.forEach((node) => (this.blockOf[node] = index)))
    this.predecessorPositions = positionMaps(predecessors)
    this.successorPositions = positionMaps(problem.successors)
    this.simulation = new DescribeSimulation(this.rank)
  }

  solve(): DeclarationOrder {
    for (let relaxations = 0; relaxations <= MAX_RELAXATIONS; relaxations++) {
      const outcome = this.search()
      if (outcome.kind === 'found') {
        const order = this.orderFrom(outcome.choices)
        if (order !== null) return { ...order, exact: this.relaxed.size === 0 }
        break
      }
      if (outcome.kind === 'budget' || outcome.blame.size === 0) break
      // No order prints every list: give up the ones that made the search fail, and retry.
      outcome.blame.forEach((tree) => this.relaxed.add(tree))
    }
    const closest = this.orderFrom(this.best) ?? this.orderFrom([])
    return { ...(closest as Omit<DeclarationOrder, 'exact'>), exact: false }
  }

  private search(): Outcome {
    const count = this.blocks.length
    this.simulation = new DescribeSimulation(this.rank)
    this.current = []
    const generators: Generator<void, void, undefined>[] = []
    const enter = (block: number): void => {
      this.conflicts[block] = new Set()
      this.blame[block] = new Set()
      generators[block] = this.chooseNode(block, this.blocks[block] as number[], [], [], new Set())
    }
    let block = 0
    if (count > 0) enter(0)
    for (;;) {
      if (block === count) {
        const choices = this.current.slice(0, count)
        if (this.orderFrom(choices) !== null) return { kind: 'found', choices }
        // Rare: the chosen in-bucket orders contradict parent-before-child. Backtrack plainly.
        block = count - 1
        if (block < 0) return { kind: 'impossible', blame: new Set() }
        for (let earlier = 0; earlier < block; earlier++) this.conflicts[block]?.add(earlier)
      }
      const next = (generators[block] as Generator<void, void, undefined>).next()
      if (this.aborted) return { kind: 'budget' }
      if (next.done !== true) {
        block++
        if (block > this.best.length) this.best = this.current.slice(0, block)
        if (block < count) enter(block)
        continue
      }
      const conflicts = this.conflicts[block] as Set<number>
      const blame = this.blame[block] as Set<number>
      const target = Math.max(-1, ...conflicts)
      if (target < 0) return { kind: 'impossible', blame }
      conflicts.forEach((earlier) => {
        if (earlier !== target) this.conflicts[target]?.add(earlier)
      })
      blame.forEach((tree) => this.blame[target]?.add(tree))
      // Unwind the blocks in between; their generators' finally blocks disconnect.
      for (let skipped = block - 1; skipped > target; skipped--) generators[skipped]?.return()
      block = target
    }
  }

  private *chooseNode(
    block: number,
    remaining: readonly number[],
    order: number[],
    declared: number[][],
    seen: Set<string>,
  ): Generator<void, void, undefined> {
    if (remaining.length === 0) {
      // Choices that leave the same successor trees behind are interchangeable from here on.
      const signature = declared
        .flat()
        .map((parent) => `${parent}:${this.simulation.successors[parent]?.shapeKey() ?? ''}`)
        .sort()
        .join('|')
      if (seen.has(signature)) return
      seen.add(signature)
      this.current[block] = { order: [...order], declared: declared.map((list) => [...list]) }
      yield
      return
    }
    for (const node of remaining) {
      if (remaining.some((other) => other !== node && this.isAncestor(other, node))) continue
      // Orders of parentless nodes cost no connection but still multiply: count them too.
      if (++this.steps > this.budget) {
        this.aborted = true
        return
      }
      order.push(node)
      declared.push([])
      const rest = remaining.filter((other) => other !== node)
      const parents = this.problem.predecessors[node] as readonly number[]
      yield* this.chooseParent(block, node, parents, rest, order, declared, seen)
      order.pop()
      declared.pop()
      if (this.aborted) return
    }
  }

  private *chooseParent(
    block: number,
    node: number,
    left: readonly number[],
    remaining: readonly number[],
    order: number[],
    declared: number[][],
    seen: Set<string>,
  ): Generator<void, void, undefined> {
    if (left.length === 0) {
      yield* this.chooseNode(block, remaining, order, declared, seen)
      return
    }
    const chosen = declared[declared.length - 1] as number[]
    for (const parent of left) {
      if (++this.steps > this.budget) {
        this.aborted = true
        return
      }
      const connection = this.simulation.connect(node, parent)
      try {
        if (this.consistent(block, node, parent)) {
          chosen.push(parent)
          const others = left.filter((other) => other !== parent)
          yield* this.chooseParent(block, node, others, remaining, order, declared, seen)
          chosen.pop()
        }
      } finally {
        this.simulation.disconnect(connection)
      }
      if (this.aborted) return
    }
  }

  /** Whether the two trees just changed can still end up as printed; records why not. */
  private consistent(block: number, node: number, parent: number): boolean {
    const parents = predecessorTree(node)
    if (!this.relaxed.has(parents)) {
      const printed = this.predecessorPositions[node] as Map<number, number>
      if (!isInOrder((this.simulation.predecessors[node] as OrderTree).toArray(), printed)) {
        this.blame[block]?.add(parents)
        return false
      }
    }
    const children = successorTree(parent)
    if (!this.relaxed.has(children)) {
      const printed = this.successorPositions[parent] as Map<number, number>
      if (!isInOrder((this.simulation.successors[parent] as OrderTree).toArray(), printed)) {
        // The tree's shape so far was decided by the blocks that inserted into it.
        for (const child of this.problem.successors[parent] as readonly number[]) {
          const childBlock = this.blockOf[child] as number
          if (childBlock < block) this.conflicts[block]?.add(childBlock)
        }
        this.blame[block]?.add(children)
        return false
      }
    }
    return true
  }

  private isAncestor(ancestor: number, node: number): boolean {
    const key = ancestor * this.problem.names.length + node
    let known = this.ancestry.get(key)
    if (known === undefined) {
      const stack = [...(this.problem.predecessors[node] as readonly number[])]
      const visited = new Set<number>()
      known = false
      while (stack.length > 0 && !known) {
        const next = stack.pop() as number
        if (next === ancestor) known = true
        else if (!visited.has(next)) {
          visited.add(next)
          stack.push(...(this.problem.predecessors[next] as readonly number[]))
        }
      }
      this.ancestry.set(key, known)
    }
    return known
  }

  /** Completes `choices` (a prefix of blocks) with defaults; null if no insertion order fits. */
  private orderFrom(
    choices: readonly BlockChoice[],
  ): { insertion: number[]; predecessors: number[][] } | null {
    const predecessors = this.problem.predecessors.map((list) => [...list])
    const chains = this.blocks.map((block, index) => {
      const choice = choices[index]
      if (choice === undefined) return block
      choice.order.forEach((node, i) => {
        // A prefix choice may stop inside a node's parent list: keep the rest in printed order.
        const declared = choice.declared[i] as readonly number[]
        const rest = (predecessors[node] as number[]).filter((p) => !declared.includes(p))
        predecessors[node] = [...declared, ...rest]
      })
      return [...choice.order]
    })
    const insertion = insertionOrder(this.problem.predecessors, chains, this.priority)
    return insertion === null ? null : { insertion, predecessors }
  }
}
