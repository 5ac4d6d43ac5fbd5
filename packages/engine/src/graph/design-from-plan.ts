/**
 * Turns a topology read from describe() text into an editable design.
 *
 * The processor names Kafka Streams generates say which DSL call made each processor
 * (`KSTREAM-FILTER-0000000003` is a filter), so those become nodes of that kind. Processors with
 * names of their own become custom processors named as in the text. What the text never shows
 * (functions, windows, suppression settings) is left as stand-in code that validation flags, or
 * stated as a guess. The design is only returned when planning it prints the very same text, so
 * every store, changelog and repartition topic keeps its name.
 */
import type { GraphEdge, GraphNode, PhysicalPlan, TopologyGraph } from '@topology-studio/shared'
import { indexPlan } from './internal/describe-design/physical-index'
import {
  recoverOperations,
  type InputRef,
  type RecoveredOperation,
} from './internal/describe-design/recover-operations'
import { planGraph } from './plan-graph'

export interface DesignFromPlanOptions {
  readonly name?: string
  readonly applicationId?: string
}

export type DesignFromPlanResult =
  | {
      readonly graph: TopologyGraph
      /** What the text does not say and the design assumes, one sentence each. */
      readonly guesses: string[]
    }
  | { readonly graph: null; readonly reason: string }

const COLUMN_WIDTH = 300
const ROW_HEIGHT = 140
const OPTIMIZATION_KEY = 'topology.optimization'

/**
 * Recovers a design from a plan made by `fromDescription`.
 *
 * @example
 * const { plan } = fromDescription(text)
 * const result = plan === null ? null : designFromPlan(plan)
 * if (result?.graph) planGraph(result.graph).plan?.describe // === plan.describe
 */
export function designFromPlan(
  plan: PhysicalPlan,
  options: DesignFromPlanOptions = {},
): DesignFromPlanResult {
  const index = indexPlan(plan)
  let firstReason: string | undefined
  for (const namedStateless of NAMED_STATELESS) {
    const recovery = recoverOperations(index, { namedStateless })
    if (!recovery.ok) return { graph: null, reason: recovery.reason }
    const owner = ownerOf(recovery.operations)
    const operations = inDslOrder(recovery.operations, owner)
    const edges = connect(operations, owner)
    if (typeof edges === 'string') return { graph: null, reason: edges }
    const graph = readableIds(
      {
        version: 1,
        name: options.name ?? 'Imported topology',
        applicationId: options.applicationId ?? 'imported-topology',
        config: {},
        nodes: place(operations, edges),
        edges,
      },
      owner,
    )
    const guesses = operations.flatMap((op) => op.guesses)
    const reason = sameDescription(graph, plan.describe)
    if (reason === null) return { graph, guesses }
    firstReason ??= reason
    // An optimized application merges repartition topics and reuses source topics as changelogs.
    const optimized = { ...graph, config: { [OPTIMIZATION_KEY]: 'all' } }
    if (sameDescription(optimized, plan.describe) === null) return { graph: optimized, guesses }
    // Another reading of named processors would recover the very same design.
    if (!recovery.readNamedStateless) break
  }
  return { graph: null, reason: firstReason ?? 'Nothing was recovered.' }
}

/** The readings of application-named processors to try, the likelier first. */
const NAMED_STATELESS = ['mapValues', 'process'] as const

/** Null when the design describes as `expected`, else what differs. */
function sameDescription(graph: TopologyGraph, expected: string): string | null {
  const { plan, diagnostics } = planGraph(graph)
  if (plan === null) {
    const error = diagnostics.find((d) => d.severity === 'error')
    return `The recovered design does not plan: ${error?.message ?? 'unknown error'}`
  }
  if (plan.describe === expected) return null
  const got = plan.describe.split('\n')
  const want = expected.split('\n')
  const line = want.findIndex((text, at) => got[at] !== text)
  const at = line === -1 ? want.length : line
  return (
    `The recovered design describes differently from line ${at + 1}: the text has ` +
    `"${(want[at] ?? '').trim()}", the design "${(got[at] ?? '').trim()}".`
  )
}

// The DSL numbers generated names in call order, and the design is compiled in list order among
// ready nodes: listing operations by their name counters reproduces the numbers.
function inDslOrder(operations: readonly RecoveredOperation[], owner: Owner): RecoveredOperation[] {
  const keys = new Map<string, number>()
  const keyOf = (op: RecoveredOperation, visiting: Set<string>): number => {
    const known = keys.get(op.id)
    if (known !== undefined) return known
    if (op.counter !== undefined) {
      keys.set(op.id, op.counter)
      return op.counter
    }
    visiting.add(op.id)
    const upstream = op.inputs.flatMap((input) => {
      const fromOp = owner.operation(owner(input))
      return fromOp === undefined || visiting.has(fromOp.id) ? [] : [keyOf(fromOp, visiting)]
    })
    const key = (upstream.length === 0 ? -1 : Math.max(...upstream)) + 0.001
    keys.set(op.id, key)
    return key
  }
  const position = new Map(operations.map((op, at) => [op.id, at]))
  for (const op of operations) keyOf(op, new Set())
  return [...operations].sort(
    (a, b) =>
      (keys.get(a.id) ?? 0) - (keys.get(b.id) ?? 0) ||
      (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0),
  )
}

/** Resolves an input to the id of the operation that produces it; finds operations by id. */
interface Owner {
  (input: InputRef): string | undefined
  operation(id: string | undefined): RecoveredOperation | undefined
}

function ownerOf(operations: readonly RecoveredOperation[]): Owner {
  const byId = new Map(operations.map((op) => [op.id, op]))
  const byNode = new Map<string, string>()
  const byStore = new Map<string, string>()
  for (const op of operations) {
    byNode.set(op.id, op.id)
    for (const name of op.claims) byNode.set(name, op.id)
    for (const store of op.stores) if (!byStore.has(store)) byStore.set(store, op.id)
  }
  const globalTables = operations.filter((op) => op.node.kind === 'globalTable')
  const owner = (input: InputRef): string | undefined => {
    if ('node' in input) return byNode.get(input.node)
    if ('store' in input) return byStore.get(input.store)
    return globalTables.length === 1 ? globalTables[0]?.id : undefined
  }
  owner.operation = (id: string | undefined) => (id === undefined ? undefined : byId.get(id))
  return owner
}

function connect(operations: readonly RecoveredOperation[], owner: Owner): GraphEdge[] | string {
  const edges: GraphEdge[] = []
  for (const op of operations) {
    for (const input of op.inputs) {
      const source = owner(input)
      if (source === undefined) {
        return 'globalTable' in input
          ? `${op.id} joins a global table, and describe() does not say which one.`
          : `${op.id} reads from ${'node' in input ? input.node : `the owner of store ${input.store}`}, which was not recovered.`
      }
      const from = owner.operation(source)
      const sourcePort = 'node' in input ? from?.ports?.[input.node] : undefined
      const edge: GraphEdge = { id: `${source}->${op.id}`, source, target: op.id }
      if (sourcePort !== undefined) {
        edge.id = `${source}:${sourcePort}->${op.id}`
        edge.sourcePort = sourcePort
      }
      if (input.port !== undefined) {
        edge.id += `:${input.port}`
        edge.targetPort = input.port
      }
      edges.push(edge)
    }
  }
  return edges
}

// Nodes are named on the canvas by their ids unless they have a name: `count-3` reads better than
// the processor name, which would no longer match once the design changes.
function readableIds(graph: TopologyGraph, owner: Owner): TopologyGraph {
  const taken = new Set<string>()
  const ids = new Map<string, string>()
  for (const [at, node] of graph.nodes.entries()) {
    const counter = owner.operation(node.id)?.counter
    const base = `${node.kind}-${counter ?? at}`
    let id = base
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
    taken.add(id)
    ids.set(node.id, id)
  }
  const rename = (id: string) => ids.get(id) ?? id
  return {
    ...graph,
    nodes: graph.nodes.map((node) => ({ ...node, id: rename(node.id) })),
    edges: graph.edges.map((edge) => {
      const source = rename(edge.source)
      const target = rename(edge.target)
      const from = edge.sourcePort === undefined ? source : `${source}:${edge.sourcePort}`
      const to = edge.targetPort === undefined ? target : `${target}:${edge.targetPort}`
      return { ...edge, id: `${from}->${to}`, source, target }
    }),
  }
}

// A plain layered placement (column = longest path from a source); the canvas lays the design
// out properly when it opens it.
function place(
  operations: readonly RecoveredOperation[],
  edges: readonly GraphEdge[],
): GraphNode[] {
  const column = new Map<string, number>()
  const rows = new Map<number, number>()
  const sourcesOf = new Map<string, string[]>()
  for (const edge of edges)
    sourcesOf.set(edge.target, [...(sourcesOf.get(edge.target) ?? []), edge.source])
  return operations.map((op) => {
    const sources = sourcesOf.get(op.id) ?? []
    const at = Math.max(-1, ...sources.map((source) => column.get(source) ?? 0)) + 1
    column.set(op.id, at)
    const row = rows.get(at) ?? 0
    rows.set(at, row + 1)
    return {
      id: op.id,
      ...op.node,
      position: { x: at * COLUMN_WIDTH, y: row * ROW_HEIGHT },
    } as GraphNode
  })
}
