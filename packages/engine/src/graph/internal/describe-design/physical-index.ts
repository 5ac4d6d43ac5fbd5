import type { PhysicalNode, PhysicalPlan, PhysicalStore } from '@topology-studio/shared'

const GENERATED_NAME = /^(K(?:STREAM|TABLE)-[A-Z-]+?)-(\d{10})$/
const COUNTER = /-(\d{10})(?=-|$)/

/** The operation prefix of a name Kafka Streams generated (`KSTREAM-FILTER`), or null. */
export function generatedPrefix(name: string): string | null {
  return GENERATED_NAME.exec(name)?.[1] ?? null
}

/** The counter a generated name carries (`KSTREAM-AGGREGATE-STATE-STORE-0000000002-…` → 2). */
export function counterOf(name: string): number | undefined {
  const match = COUNTER.exec(name)
  return match === null ? undefined : Number(match[1])
}

/**
 * A repartition topic as the DSL writes it: `<base>-repartition-filter` (absent for grouped
 * tables) → `<base>-repartition-sink` → topic `<base>-repartition` → `<base>-repartition-source`.
 */
export interface RepartitionUnit {
  readonly base: string
  readonly filter: PhysicalNode | undefined
  readonly sink: PhysicalNode
  readonly source: PhysicalNode
  /** The node that feeds the repartition. */
  readonly upstream: string
}

/** Lookups over a plan parsed from describe() text. */
export interface PhysicalIndex {
  readonly plan: PhysicalPlan
  node(name: string): PhysicalNode
  store(name: string): PhysicalStore | undefined
  isGlobal(node: PhysicalNode): boolean
  /** Repartition units by the name of each of their nodes. */
  readonly repartitions: ReadonlyMap<string, RepartitionUnit>
}

export function indexPlan(plan: PhysicalPlan): PhysicalIndex {
  const nodes = new Map(plan.nodes.map((node) => [node.name, node]))
  const stores = new Map(plan.stores.map((store) => [store.name, store]))
  const global = new Set(plan.subtopologies.filter((s) => s.global).map((s) => s.id))
  const repartitions = new Map<string, RepartitionUnit>()
  // Named groupings and user-named stores give `<base>-repartition-*` nodes; otherwise the DSL
  // generates KSTREAM-FILTER / KSTREAM-SINK / KSTREAM-SOURCE names for them.
  const isPart = (node: PhysicalNode | undefined, base: string, part: string, prefix: string) =>
    node !== undefined &&
    (node.name === `${base}-repartition-${part}` || GENERATED_NAME.exec(node.name)?.[1] === prefix)
  const readers = new Map<string, PhysicalNode[]>()
  for (const node of plan.nodes) {
    for (const topic of node.topics ?? []) readers.set(topic, [...(readers.get(topic) ?? []), node])
  }
  for (const sink of plan.nodes) {
    const base = sink.topic?.endsWith('-repartition') ? sink.topic.slice(0, -12) : undefined
    if (sink.type !== 'sink' || base === undefined || sink.predecessors.length !== 1) continue
    if (!isPart(sink, base, 'sink', 'KSTREAM-SINK')) continue
    const [source, ...more] = readers.get(sink.topic as string) ?? []
    if (more.length > 0 || source?.topics?.length !== 1) continue
    if (!isPart(source, base, 'source', 'KSTREAM-SOURCE')) continue
    const feeding = nodes.get(sink.predecessors[0] as string)
    const filter =
      isPart(feeding, base, 'filter', 'KSTREAM-FILTER') &&
      feeding?.successors.length === 1 &&
      feeding.predecessors.length === 1
        ? feeding
        : undefined
    const upstream = filter === undefined ? sink.predecessors[0] : filter.predecessors[0]
    if (upstream === undefined) continue
    const unit = { base, filter, sink, source, upstream }
    for (const member of [filter, sink, source]) if (member) repartitions.set(member.name, unit)
  }
  return {
    plan,
    node: (name) => {
      const found = nodes.get(name)
      if (found === undefined) throw new Error(`The plan has no node named ${name}.`)
      return found
    },
    store: (name) => stores.get(name),
    isGlobal: (node) => global.has(node.subtopology),
    repartitions,
  }
}
