import {
  DEFAULT_BRANCH_PORT,
  unwrittenFunction,
  unwrittenProcessor,
  type GraphNode,
  type NodeKind,
  type PhysicalNode,
  type ProcessorStore,
} from '@topology-studio/shared'
import {
  counterOf,
  generatedPrefix,
  type PhysicalIndex,
  type RepartitionUnit,
} from './physical-index'
import { matchJoin, type JoinMatch } from './match-join'

// Recovers DSL operations from the processor names Kafka Streams generates. The text names
// processors, topics and stores but never the functions, windows or suppression settings, so
// those are stand-ins (`unwrittenFunction`) or stated guesses; whatever the guesses, the design
// is only offered when planning it gives back the same describe() text.

/** A design node without its id and position. */
export type RecoveredNode = GraphNode extends infer N
  ? N extends GraphNode
    ? Pick<N, 'kind' | 'params'>
    : never
  : never

/** Where an input comes from: the physical node that feeds it, or the owner of a store. */
export type InputRef =
  | { readonly node: string; readonly port?: string }
  | { readonly store: string; readonly port?: string }
  | { readonly globalTable: true; readonly port?: string }

export interface RecoveredOperation {
  readonly id: string
  readonly node: RecoveredNode
  /** The physical nodes this operation builds. */
  readonly claims: readonly string[]
  readonly inputs: readonly InputRef[]
  /** What the text does not say and the design had to assume. */
  readonly guesses: readonly string[]
  /** The stores it creates. */
  readonly stores: readonly string[]
  /** The output port of each physical node it ends in, where it has several (a split). */
  readonly ports?: Readonly<Record<string, string>>
  /** The lowest name counter among its nodes and stores, which fixes its place in the DSL. */
  readonly counter: number | undefined
}

export type Recovery =
  | {
      readonly ok: true
      readonly operations: RecoveredOperation[]
      /** Whether `namedStateless` decided any processor, so another reading could differ. */
      readonly readNamedStateless: boolean
    }
  | { readonly ok: false; readonly reason: string }

const AGGREGATIONS = new Set([
  'KSTREAM-AGGREGATE',
  'KSTREAM-REDUCE',
  'KTABLE-AGGREGATE',
  'KTABLE-REDUCE',
])
const REPARTITIONED_CONSUMERS = new Set([...AGGREGATIONS, 'KSTREAM-JOIN', 'KSTREAM-LEFTJOIN'])
const TABLE_KINDS: ReadonlySet<string> = new Set([
  'table',
  'globalTable',
  'count',
  'reduce',
  'toTable',
  'suppress',
])
const GENERATED_STORE = /^K(?:STREAM|TABLE)-[A-Z-]+-STATE-STORE-\d{10}$/

/** A time limit for suppressions; describe() prints none. */
const SUPPRESS_GUESS_MS = 1_000
/** A join window for stream–stream joins; describe() prints none. */
const JOIN_WINDOW_GUESS_MS = 300_000

// One processor each: the design kind and its functions (param: what describe() calls it).
const STATELESS: Readonly<Record<string, readonly [NodeKind, Readonly<Record<string, string>>]>> = {
  'KSTREAM-FILTER': ['filter', { predicate: 'predicate' }],
  'KTABLE-FILTER': ['filter', { predicate: 'predicate' }],
  'KSTREAM-MAP': ['map', { key: 'key mapper', value: 'value mapper' }],
  'KSTREAM-MAPVALUES': ['mapValues', { mapper: 'value mapper' }],
  'KTABLE-MAPVALUES': ['mapValues', { mapper: 'value mapper' }],
  'KSTREAM-FLATMAP': ['flatMap', { mapper: 'mapper' }],
  'KSTREAM-FLATMAPVALUES': ['flatMapValues', { mapper: 'value mapper' }],
  'KSTREAM-KEY-SELECT': ['selectKey', { keySelector: 'key selector' }],
  'KSTREAM-PEEK': ['peek', { action: 'action' }],
  'KSTREAM-FOREACH': ['foreach', { action: 'action' }],
  'KTABLE-TOSTREAM': ['toStream', {}],
}

function statelessNode(processor: string, prefix: string): RecoveredNode | undefined {
  const found = STATELESS[prefix]
  if (found === undefined) return undefined
  const [kind, functions] = found
  const params = Object.fromEntries(
    Object.entries(functions).map(([param, role]) => [param, unwrittenFunction(processor, role)]),
  )
  return { kind, params } as RecoveredNode
}

const STORE_TYPES: Readonly<Record<string, ProcessorStore['type']>> = {
  keyValue: 'keyValue',
  timestampedKeyValue: 'keyValue',
  window: 'window',
  timestampedWindow: 'window',
  session: 'session',
}

export interface RecoveryOptions {
  /**
   * What a processor the application named, with one stream in and out and no store, becomes:
   * named stateless operations take a number from the name counter, `process` does not.
   */
  readonly namedStateless: 'mapValues' | 'process'
}

/** Recovers one operation per DSL call from a plan parsed from describe() text. */
export function recoverOperations(index: PhysicalIndex, options: RecoveryOptions): Recovery {
  const operations: RecoveredOperation[] = []
  const claimed = new Set<string>()
  let readNamedStateless = false

  // Physical nodes whose output is a KTable: a custom processor cannot read one.
  const tableOutputs = new Set<string>()
  const claim = (
    op: Omit<RecoveredOperation, 'counter' | 'stores'>,
    stores: readonly string[] = [],
    outputsTable = TABLE_KINDS.has(op.node.kind),
  ) => {
    for (const name of op.claims) claimed.add(name)
    if (outputsTable) for (const name of op.claims) tableOutputs.add(name)
    const counters = [...op.claims, ...stores].flatMap((name) => counterOf(name) ?? [])
    operations.push({
      ...op,
      stores,
      counter: counters.length === 0 ? undefined : Math.min(...counters),
    })
  }

  const joins = index.plan.nodes.flatMap((node) => matchJoin(index, node) ?? [])
  const joinEntries = new Set(joins.flatMap((join) => [join.leftEntry.name, join.rightEntry.name]))

  // A repartition Kafka Streams inserts by itself, for the aggregation or join that reads it.
  const implicit = (unit: RepartitionUnit) => {
    const [consumer] = unit.source.successors
    if (consumer === undefined || unit.source.successors.length !== 1) return false
    const prefix = generatedPrefix(consumer)
    return joinEntries.has(consumer) || (prefix !== null && REPARTITIONED_CONSUMERS.has(prefix))
  }

  /** What feeds `name`, looking through a repartition Kafka Streams inserts by itself. */
  const feeding = (name: string): { upstream: string; unit: RepartitionUnit | undefined } => {
    const unit = index.repartitions.get(name)
    return unit !== undefined && unit.source.name === name && implicit(unit)
      ? { upstream: unit.upstream, unit }
      : { upstream: name, unit: undefined }
  }
  const unitClaims = (unit: RepartitionUnit | undefined) =>
    unit === undefined
      ? []
      : [unit.filter?.name, unit.sink.name, unit.source.name].filter((n) => n !== undefined)

  const recoverSource = (node: PhysicalNode): string | null => {
    const [next] = node.successors
    const tableSource =
      node.successors.length === 1 &&
      next !== undefined &&
      generatedPrefix(next) === 'KTABLE-SOURCE'
        ? index.node(next)
        : undefined
    const named = generatedPrefix(node.name) === 'KSTREAM-SOURCE' ? {} : { name: node.name }
    if (tableSource !== undefined && node.topics?.length === 1 && tableSource.stores.length <= 1) {
      const topic = node.topics[0] as string
      const [store] = tableSource.stores
      const storeName =
        store === undefined || store.startsWith(`${topic}-STATE-STORE-`) ? {} : { storeName: store }
      const kind = index.isGlobal(node) ? 'globalTable' : 'table'
      claim(
        {
          id: node.name,
          node: { kind, params: { topic, ...storeName, ...named } },
          claims: [node.name, tableSource.name],
          inputs: [],
          guesses: [],
        },
        tableSource.stores,
      )
      return null
    }
    if (node.topicPattern !== undefined) {
      claim({
        id: node.name,
        node: { kind: 'stream', params: { topicPattern: node.topicPattern, ...named } },
        claims: [node.name],
        inputs: [],
        guesses: [],
      })
      return null
    }
    claim({
      id: node.name,
      node: { kind: 'stream', params: { topics: node.topics ?? [], ...named } },
      claims: [node.name],
      inputs: [],
      guesses: [],
    })
    return null
  }

  const recoverSink = (node: PhysicalNode): string | null => {
    const named = generatedPrefix(node.name) === 'KSTREAM-SINK' ? {} : { name: node.name }
    const target =
      node.topic !== undefined
        ? { topic: node.topic }
        : { topicExtractor: unwrittenFunction(node.name, 'topic extractor') }
    claim({
      id: node.name,
      node: { kind: 'sink', params: { ...target, ...named } },
      claims: [node.name],
      inputs: node.predecessors.map((name) => ({ node: name })),
      guesses: [],
    })
    return null
  }

  const recoverRepartition = (unit: RepartitionUnit): string | null => {
    const named = /^KSTREAM-REPARTITION-\d{10}$/.test(unit.base) ? {} : { name: unit.base }
    claim({
      id: `${unit.base}-repartition`,
      node: { kind: 'repartition', params: named },
      claims: unitClaims(unit),
      inputs: [{ node: unit.upstream }],
      guesses: [],
    })
    return null
  }

  const recoverAggregation = (
    node: PhysicalNode,
    prefix: string,
    named: { name?: string } = {},
  ): string | null => {
    const [store] = node.stores
    const [predecessor] = node.predecessors
    if (node.stores.length !== 1 || store === undefined || predecessor === undefined) {
      return `${node.name} aggregates with ${node.stores.length} stores and ${node.predecessors.length} inputs, which no single DSL aggregation builds.`
    }
    if (node.predecessors.length !== 1) {
      return `${node.name} aggregates ${node.predecessors.length} inputs, which no single DSL aggregation does (a cogroup is not recovered).`
    }
    const onTable = prefix.startsWith('KTABLE-')
    const { upstream, unit } = feeding(predecessor)
    const selector = unit === undefined ? undefined : index.node(upstream)
    // Grouped.as(n) names the selector n (n-select for a table) and the repartition n-repartition.
    const selects =
      selector !== undefined &&
      unit !== undefined &&
      !claimed.has(selector.name) &&
      selector.successors.length === 1 &&
      (generatedPrefix(selector.name) === (onTable ? 'KTABLE-SELECT' : 'KSTREAM-KEY-SELECT') ||
        selector.name === (onTable ? `${unit.base}-select` : unit.base))
    if (onTable && !selects) {
      return `${node.name} aggregates a table that is not grouped by a KTABLE-SELECT processor.`
    }
    const groupedName = unit !== undefined && unit.base !== store ? { name: unit.base } : {}
    const groupingId = selects ? selector.name : `${node.name}-grouping`
    claim({
      id: groupingId,
      node: selects
        ? {
            kind: 'groupBy',
            params: {
              keySelector: unwrittenFunction(selector.name, 'key selector'),
              ...(onTable
                ? { valueSelector: unwrittenFunction(selector.name, 'value selector') }
                : {}),
              ...groupedName,
            },
          }
        : { kind: 'groupByKey', params: groupedName },
      claims: [...(selects ? [selector.name] : []), ...unitClaims(unit)],
      inputs: [{ node: selects ? (selector.predecessors[0] ?? upstream) : upstream }],
      guesses: [],
    })
    const storeName = GENERATED_STORE.test(store) ? {} : { storeName: store }
    const reduces = prefix.endsWith('-REDUCE')
    const windowGuess =
      `describe() does not print windows: if ${node.name} is a windowed aggregation, add a ` +
      'windowedBy before it.'
    claim(
      {
        id: node.name,
        node: reduces
          ? {
              kind: 'reduce',
              params: {
                reducer: unwrittenFunction(node.name, 'reducer'),
                ...(onTable ? { subtractor: unwrittenFunction(node.name, 'subtractor') } : {}),
                ...storeName,
                ...named,
              },
            }
          : { kind: 'count', params: { ...storeName, ...named } },
        claims: [node.name],
        inputs: [{ node: groupingId }],
        guesses: reduces
          ? [windowGuess]
          : [
              `${node.name} is imported as count(); aggregate() builds the same processor.`,
              windowGuess,
            ],
      },
      [store],
    )
    return null
  }

  const recoverStreamTableJoin = (
    node: PhysicalNode,
    prefix: string,
    named: { name?: string } = {},
  ): string | null => {
    const [predecessor] = node.predecessors
    if (predecessor === undefined || node.predecessors.length !== 1 || node.stores.length > 1) {
      return `${node.name} has ${node.predecessors.length} inputs and ${node.stores.length} stores, unlike a stream–table join.`
    }
    const { upstream, unit } = feeding(predecessor)
    const [store] = node.stores
    const joinType = prefix === 'KSTREAM-LEFTJOIN' ? 'left' : 'inner'
    const globalGuess =
      store === undefined
        ? [
            `Kafka Streams prints inner and left global-table joins alike: ${node.name} is imported as a ${joinType} join.`,
          ]
        : []
    const right: InputRef =
      store === undefined ? { globalTable: true, port: 'right' } : { store, port: 'right' }
    claim({
      id: node.name,
      node: {
        kind: 'join',
        params: {
          joinType,
          joiner: unwrittenFunction(node.name, 'value joiner'),
          ...(store === undefined
            ? { keySelector: unwrittenFunction(node.name, 'key selector') }
            : {}),
          ...named,
        },
      },
      claims: [node.name, ...unitClaims(unit)],
      inputs: [{ node: upstream, port: 'left' }, right],
      guesses:
        named.name === undefined
          ? globalGuess
          : [
              `A named stream–table join prints alike whether inner or left: ${node.name} is imported as an inner join.`,
            ],
    })
    return null
  }

  const recoverJoin = (join: JoinMatch) => {
    const [leftFeed] = join.leftEntry.predecessors
    const [rightFeed] = join.rightEntry.predecessors
    const left = feeding(leftFeed ?? '')
    const right = feeding(rightFeed ?? '')
    const streams = join.between === 'streams'
    const head = join.parts[join.parts.length - 1] as PhysicalNode
    // StreamJoined.withStoreName(n) names the window stores n-this-join-store (n-outer-…); a
    // materialized table join keeps its result in the merge's store.
    const [thisStore] = join.leftEntry.stores
    const storeName = streams
      ? /^(?!KSTREAM-)(.+?)-(?:outer-)?this-join-store$/.exec(thisStore ?? '')?.[1]
      : head.stores.length === 1 && !GENERATED_STORE.test(head.stores[0] as string)
        ? head.stores[0]
        : undefined
    claim(
      {
        id: head.name,
        node: {
          kind: 'join',
          params: {
            joinType: join.joinType,
            joiner: unwrittenFunction(head.name, 'value joiner'),
            ...(streams
              ? { window: { beforeMs: JOIN_WINDOW_GUESS_MS, afterMs: JOIN_WINDOW_GUESS_MS } }
              : {}),
            ...(join.name === undefined ? {} : { name: join.name }),
            ...(storeName === undefined ? {} : { storeName }),
          },
        },
        claims: [
          ...join.parts.map((part) => part.name),
          ...unitClaims(left.unit),
          ...unitClaims(right.unit),
        ],
        inputs: [
          { node: left.upstream, port: 'left' },
          { node: right.upstream, port: 'right' },
        ],
        guesses: [
          streams
            ? `describe() does not print join windows: ${head.name} is imported with 5 minutes before and after.`
            : `Inner, left and outer table joins print alike: ${head.name} is imported as an inner join.`,
        ],
      },
      streams ? [] : head.stores,
      !streams,
    )
  }

  // A processor named by the application: its neighbours tell whether it reads or writes a KTable,
  // and so which named DSL operation prints as one processor there.
  const recoverNamed = (node: PhysicalNode): string | null => {
    // One child named after its parent is a naming habit, not a split.
    if (isSplitter(node) && node.successors.length > 1) return recoverSplit(node)
    const named = { name: node.name }
    const guessed = (kind: string) => [
      `${node.name} has a name of its own, so describe() does not say what it does; it is imported as ${kind}.`,
    ]
    const single = (recovered: RecoveredNode, outputsTable: boolean, stores: string[] = []) => {
      claim(
        {
          id: node.name,
          node: recovered,
          claims: [node.name],
          inputs: node.predecessors.map((name) => ({ node: name })),
          guesses: guessed(recovered.kind),
        },
        stores,
        outputsTable,
      )
      return null
    }
    const [predecessor] = node.predecessors
    if (node.predecessors.length > 1 && node.stores.length === 0) {
      return single({ kind: 'merge', params: named }, false)
    }
    if (predecessor === undefined || node.predecessors.length !== 1) return recoverCustom(node)
    const readsTable = tableOutputs.has(predecessor)
    const writesTable = node.successors.some((name) => {
      const prefix = generatedPrefix(name)
      return prefix !== null && prefix.startsWith('KTABLE-') && prefix !== 'KTABLE-SOURCE'
    })
    const [store] = node.stores
    if (readsTable && node.stores.length === 0) {
      return writesTable
        ? single(
            {
              kind: 'filter',
              params: { predicate: unwrittenFunction(node.name, 'predicate'), ...named },
            },
            true,
          )
        : single({ kind: 'toStream', params: named }, false)
    }
    if (readsTable && node.stores.length === 1 && store === `${node.name}-store`) {
      return single(
        {
          kind: 'suppress',
          params: { mode: 'untilTimeLimit', timeLimitMs: SUPPRESS_GUESS_MS, ...named },
        },
        true,
        node.stores,
      )
    }
    const storeOwners = store === undefined ? [] : (index.store(store)?.processors ?? [])
    if (
      !readsTable &&
      node.stores.length === 1 &&
      storeOwners.some((name) => name !== node.name && tableOutputs.has(name))
    ) {
      return recoverStreamTableJoin(node, 'KSTREAM-JOIN', named)
    }
    if (!readsTable && writesTable && node.stores.length === 1 && store !== undefined) {
      // An aggregation reads through a repartition or keeps a store named for one; otherwise a
      // stream that becomes a table is likelier a toTable.
      const aggregates =
        index.repartitions.get(predecessor)?.source.name === predecessor ||
        /^KSTREAM-(AGGREGATE|REDUCE)-STATE-STORE-\d{10}$/.test(store)
      if (aggregates) return recoverAggregation(node, 'KSTREAM-AGGREGATE', named)
      const storeName = /^KSTREAM-TOTABLE-STATE-STORE-\d{10}$/.test(store)
        ? {}
        : { storeName: store }
      claim(
        {
          id: node.name,
          node: { kind: 'toTable', params: { ...storeName, ...named } },
          claims: [node.name],
          inputs: [{ node: predecessor }],
          guesses: [
            `${node.name} has a name of its own, so describe() does not say what it does; it is imported as toTable (a named count or aggregate prints alike).`,
          ],
        },
        node.stores,
        true,
      )
      return null
    }
    if (!readsTable && !writesTable && node.stores.length === 0) {
      readNamedStateless = true
      if (options.namedStateless === 'mapValues') {
        const mapper = unwrittenFunction(node.name, 'value mapper')
        return single({ kind: 'mapValues', params: { mapper, ...named } }, false)
      }
    }
    return recoverCustom(node)
  }

  const recoverCustom = (node: PhysicalNode): string | null => {
    const [predecessor] = node.predecessors
    if (predecessor === undefined || node.predecessors.length !== 1) {
      return `${node.name} has ${node.predecessors.length} inputs; a custom processor in a design has one.`
    }
    const stores: ProcessorStore[] = []
    for (const name of node.stores) {
      const store = index.store(name)
      const type = store === undefined ? undefined : STORE_TYPES[store.type]
      if (store === undefined || type === undefined || store.processors.length !== 1) {
        return `${node.name} uses store ${name}${store === undefined ? '' : ` (${store.type}, shared by ${store.processors.join(', ')})`}, which a design's custom processor cannot declare.`
      }
      stores.push({ name, type })
    }
    const prefix = generatedPrefix(node.name)
    const generated = prefix === 'KSTREAM-PROCESSOR' || prefix === 'KSTREAM-PROCESSVALUES'
    if (prefix !== null && !generated) {
      return `${node.name} is a ${prefix} processor, which import does not recover.`
    }
    claim(
      {
        id: node.name,
        node: {
          kind: 'process',
          params: {
            processor: unwrittenProcessor(node.name),
            stores,
            valuesOnly: prefix === 'KSTREAM-PROCESSVALUES',
            ...(generated ? {} : { name: node.name }),
          },
        },
        claims: [node.name],
        inputs: [{ node: predecessor }],
        guesses: generated
          ? []
          : [
              `${node.name} is imported as a custom processor: describe() does not say what it does.`,
            ],
      },
      node.stores,
    )
    return null
  }

  // split() names its branches <splitter><branch name>, or <splitter><n> with the default
  // branch 0 and the others numbered from 1.
  const isSplitter = (node: PhysicalNode) =>
    node.stores.length === 0 &&
    node.predecessors.length === 1 &&
    node.successors.length > 0 &&
    node.successors.every((name) => {
      const branch = index.node(name)
      return (
        name.length > node.name.length &&
        name.startsWith(node.name) &&
        branch.type === 'processor' &&
        branch.predecessors.length === 1 &&
        branch.stores.length === 0
      )
    })

  const recoverSplit = (node: PhysicalNode): string | null => {
    const generated = generatedPrefix(node.name) === 'KSTREAM-BRANCH'
    const branches = node.successors.map((name) => ({ name, suffix: name.slice(node.name.length) }))
    const numbered = (suffix: string) => /^\d+$/.test(suffix)
    const hasDefault = branches.some((branch) => branch.suffix === '0')
    const ports: Record<string, string> = {}
    const ordered = [...branches].sort((a, b) =>
      numbered(a.suffix) && numbered(b.suffix) ? Number(a.suffix) - Number(b.suffix) : 0,
    )
    const params = ordered.flatMap((branch) => {
      if (branch.suffix === '0') {
        ports[branch.name] = DEFAULT_BRANCH_PORT
        return []
      }
      const id = numbered(branch.suffix) ? `branch-${branch.suffix}` : branch.suffix
      ports[branch.name] = id
      return [
        {
          id,
          predicate: unwrittenFunction(branch.name, 'branch predicate'),
          ...(numbered(branch.suffix) ? {} : { name: branch.suffix }),
        },
      ]
    })
    claim({
      id: node.name,
      node: {
        kind: 'split',
        params: {
          branches: params,
          defaultBranch: hasDefault,
          ...(generated ? {} : { name: node.name }),
        },
      },
      claims: [node.name, ...branches.map((branch) => branch.name)],
      inputs: node.predecessors.map((name) => ({ node: name })),
      guesses: branches.every((branch) => numbered(branch.suffix))
        ? []
        : [
            `Named branches do not say which is the default: every branch of ${node.name} is imported with a predicate.`,
          ],
      ports,
    })
    return null
  }

  const recoverProcessor = (node: PhysicalNode): string | null => {
    const prefix = generatedPrefix(node.name)
    if (prefix === 'KSTREAM-BRANCH' && isSplitter(node)) return recoverSplit(node)
    const stateless = prefix === null ? undefined : statelessNode(node.name, prefix)
    const [predecessor] = node.predecessors
    if (stateless !== undefined && predecessor !== undefined && node.predecessors.length === 1) {
      if (node.stores.length > 0) {
        return `${node.name} keeps a store (${node.stores.join(', ')}), which the design's ${stateless.kind} cannot name.`
      }
      const outputsTable = prefix?.startsWith('KTABLE-') === true && prefix !== 'KTABLE-TOSTREAM'
      claim(
        {
          id: node.name,
          node: stateless,
          claims: [node.name],
          inputs: [{ node: predecessor }],
          guesses: [],
        },
        [],
        outputsTable,
      )
      return null
    }
    if (prefix !== null && AGGREGATIONS.has(prefix)) return recoverAggregation(node, prefix)
    if (prefix === 'KSTREAM-JOIN' || prefix === 'KSTREAM-LEFTJOIN') {
      return recoverStreamTableJoin(node, prefix)
    }
    if (prefix === 'KSTREAM-MERGE') {
      claim({
        id: node.name,
        node: { kind: 'merge', params: {} },
        claims: [node.name],
        inputs: node.predecessors.map((name) => ({ node: name })),
        guesses: [],
      })
      return null
    }
    if (prefix === 'KSTREAM-TOTABLE' || prefix === 'KTABLE-SUPPRESS') {
      const [store] = node.stores
      if (predecessor === undefined || node.predecessors.length !== 1 || node.stores.length > 1) {
        return `${node.name} has ${node.predecessors.length} inputs and ${node.stores.length} stores.`
      }
      const storeName =
        store === undefined || GENERATED_STORE.test(store) ? {} : { storeName: store }
      claim(
        {
          id: node.name,
          node:
            prefix === 'KSTREAM-TOTABLE'
              ? { kind: 'toTable', params: storeName }
              : {
                  kind: 'suppress',
                  params: { mode: 'untilTimeLimit', timeLimitMs: SUPPRESS_GUESS_MS },
                },
          claims: [node.name],
          inputs: [{ node: predecessor }],
          guesses:
            prefix === 'KTABLE-SUPPRESS'
              ? [
                  `describe() does not print suppression settings: ${node.name} is imported as ` +
                    'suppress until a time limit of 1 s (set untilWindowCloses after a windowedBy ' +
                    'if that is what it does).',
                ]
              : [],
        },
        node.stores,
      )
      return null
    }
    return prefix === null ? recoverNamed(node) : recoverCustom(node)
  }

  for (const join of joins) recoverJoin(join)
  // A key selector is recovered with the aggregation it groups for, which comes later.
  const deferred: PhysicalNode[] = []
  const groupsFor = (node: PhysicalNode) => {
    const [next] = node.successors
    const unit = next === undefined ? undefined : index.repartitions.get(next)
    return node.successors.length === 1 && unit !== undefined && implicit(unit)
  }
  const recover = (node: PhysicalNode): string | null => {
    const unit = index.repartitions.get(node.name)
    if (unit !== undefined) return implicit(unit) ? null : recoverRepartition(unit)
    if (node.type === 'source') return recoverSource(node)
    if (node.type === 'sink') return recoverSink(node)
    return recoverProcessor(node)
  }
  for (const node of index.plan.nodes) {
    if (claimed.has(node.name)) continue
    if (node.type === 'processor' && groupsFor(node)) {
      deferred.push(node)
      continue
    }
    const problem = recover(node)
    if (problem !== null) return { ok: false, reason: problem }
  }
  for (const node of deferred) {
    const problem = claimed.has(node.name) ? null : recover(node)
    if (problem !== null) return { ok: false, reason: problem }
  }
  const leftOver = index.plan.nodes.find((node) => !claimed.has(node.name))
  if (leftOver !== undefined) {
    return {
      ok: false,
      reason: `${leftOver.name} is part of an operation import does not recover.`,
    }
  }
  return { ok: true, operations, readNamedStateless }
}
