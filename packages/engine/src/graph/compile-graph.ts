// Turns a design (TopologyGraph) into a Topology by calling the DSL exactly as hand-written
// code would, one node at a time in dependency order. Each DSL call is stamped with the
// design node's id so the planner can map physical nodes back to the canvas.
import type {
  Diagnostic,
  GraphEdge,
  GraphNode,
  GraphNodeOfKind,
  TopologyGraph,
  Window,
} from '@topology-studio/shared'
import { assertNever } from '@topology-studio/shared'
import type { BranchedKStream } from '../dsl/branched-kstream'
import { Branched } from '../dsl/branched'
import type { CogroupedKStream } from '../dsl/cogrouped-kstream'
import { Consumed } from '../dsl/consumed'
import type { GlobalKTable } from '../dsl/global-ktable'
import { Grouped } from '../dsl/grouped'
import { Joined } from '../dsl/joined'
import { KGroupedStream } from '../dsl/kgrouped-stream'
import { KGroupedTable } from '../dsl/kgrouped-table'
import { KeyValue } from '../dsl/key-value'
import { KStream } from '../dsl/kstream'
import { KTable } from '../dsl/ktable'
import { Materialized } from '../dsl/materialized'
import { Named } from '../dsl/named'
import { Produced } from '../dsl/produced'
import { Repartitioned } from '../dsl/repartitioned'
import { SessionWindowedKStream } from '../dsl/session-windowed-kstream'
import { StreamJoined } from '../dsl/stream-joined'
import { TableJoined } from '../dsl/table-joined'
import { StreamsBuilder } from '../dsl/streams-builder'
import { BufferConfig, Suppressed } from '../dsl/suppressed'
import type { TimeWindowedKStream } from '../dsl/time-windowed-kstream'
import { JoinWindows, SessionWindows, SlidingWindows, TimeWindows } from '../dsl/windows'
import type { ProcessorSupplier } from '../processor/processor'
import type { Serde } from '../serde/serde'
import { serdeByName } from '../serde/serdes'
import { Stores } from '../state/stores'
import type { StoreBuilder } from '../state/store-builder'
import type { Topology } from '../topology/topology'
import { nativeCodeExecutor, type CodeExecutor } from './code-executor'
import { createDiagnostic } from './diagnostic-codes'
import { describeFunction, graphFunction } from './internal/graph-functions'
import { nodeLabel } from './internal/node-label'
import { topologicalOrder } from './internal/topological-order'
import { validateGraph } from './validate-graph'

export interface CompileOptions {
  /** Runs JavaScript parameters; defaults to the native engine. */
  readonly codeExecutor?: CodeExecutor
  /** Skip validation when the caller has just validated the same graph. */
  readonly skipValidation?: boolean
}

/**
 * The serdes a node's records carry, by name (`String`, `Long`, `TimeWindowed(String)`), as the
 * DSL tracks them: a source's Consumed serdes flow through until an operation that may change
 * the type (mapValues drops the value serde, selectKey the key serde); count sets Long. Null
 * means none is known, so Kafka Streams falls back to `default.key.serde` / `default.value.serde`.
 */
export interface NodeSerdes {
  readonly key: string | null
  readonly value: string | null
  /** Keys are `Windowed<K>` (after a windowed aggregation), whatever serde is known for K. */
  readonly keyWindowed: boolean
}

export interface CompileResult {
  /** The topology, or null when the design has errors. */
  readonly topology: Topology | null
  readonly diagnostics: Diagnostic[]
  /** The serdes of each node's output (a sink's: what it writes with); empty with errors. */
  readonly serdes: Readonly<Record<string, NodeSerdes>>
}

type DslValue =
  | KStream
  | KTable
  | GlobalKTable
  | KGroupedStream
  | KGroupedTable
  | TimeWindowedKStream<unknown, unknown>
  | SessionWindowedKStream<unknown, unknown>
  | null

type AnyFunction = (...args: unknown[]) => unknown

/**
 * Builds the design through the DSL. Validation errors, and DSL errors Kafka Streams would
 * raise (as TopologyException), come back as diagnostics naming the node; never throws for
 * bad input.
 */
export function compileGraph(graph: TopologyGraph, options: CompileOptions = {}): CompileResult {
  const diagnostics = options.skipValidation === true ? [] : validateGraph(graph)
  if (diagnostics.some((d) => d.severity === 'error')) {
    return { topology: null, diagnostics, serdes: {} }
  }
  const order = topologicalOrder(graph)
  if (order === null) return { topology: null, diagnostics, serdes: {} }
  const compiler = new GraphCompiler(graph, options.codeExecutor ?? nativeCodeExecutor)
  try {
    for (const id of order) compiler.compileNode(id)
    const topology = compiler.builder.build(graph.config)
    diagnostics.push(...compiler.serdeDiagnostics)
    const failed = compiler.serdeDiagnostics.some((d) => d.severity === 'error')
    return { topology: failed ? null : topology, diagnostics, serdes: compiler.serdes }
  } catch (error) {
    const nodeId = compiler.current ?? undefined
    diagnostics.push({
      severity: 'error',
      code: 'plan/topology-error',
      message: `${(error as Error).message}`,
      ...(nodeId !== undefined ? { nodeId } : {}),
      hint: 'Kafka Streams would refuse this topology; change the node named in the message.',
    })
    return { topology: null, diagnostics, serdes: {} }
  }
}

class GraphCompiler {
  readonly builder = new StreamsBuilder()
  current: string | null = null
  private readonly nodes: Map<string, GraphNode>
  private readonly inputs = new Map<string, GraphEdge[]>()
  /** Output per node, and per split branch (`<nodeId>#<port>`). */
  private readonly outputs = new Map<string, DslValue>()
  private readonly processStores = new Map<string, StoreBuilder>()
  readonly serdes: Record<string, NodeSerdes> = {}
  readonly serdeDiagnostics: Diagnostic[] = []

  constructor(
    graph: TopologyGraph,
    private readonly executor: CodeExecutor,
  ) {
    this.nodes = new Map(graph.nodes.map((node) => [node.id, node]))
    for (const edge of graph.edges) {
      const list = this.inputs.get(edge.target) ?? []
      list.push(edge)
      this.inputs.set(edge.target, list)
    }
  }

  private input(edge: GraphEdge | undefined): DslValue {
    if (edge === undefined) return null
    const key =
      edge.sourcePort !== undefined && this.nodes.get(edge.source)?.kind === 'split'
        ? `${edge.source}#${edge.sourcePort}`
        : edge.source
    return this.outputs.get(key) ?? null
  }

  private single(id: string): DslValue {
    return this.input(this.inputs.get(id)?.[0])
  }

  private port(id: string, port: string): DslValue {
    return this.input(this.inputs.get(id)?.find((edge) => edge.targetPort === port))
  }

  private fn(
    node: GraphNode,
    path: string,
    param: Parameters<typeof graphFunction>[0],
  ): AnyFunction {
    return graphFunction(param, node.kind, node.id, path, this.executor)
  }

  compileNode(id: string): void {
    const node = this.nodes.get(id) as GraphNode
    this.current = id
    this.builder.internal.currentOrigin = id
    const output = this.apply(node)
    this.outputs.set(id, output)
    this.serdes[id] = this.serdesOf(node, output)
    if (node.kind === 'sink') this.checkSinkSerdes(node)
    this.builder.internal.currentOrigin = null
  }

  private inputSerdes(id: string): NodeSerdes {
    const edge = this.inputs.get(id)?.[0]
    return (edge === undefined ? undefined : this.serdes[edge.source]) ?? NO_SERDES
  }

  private serdesOf(node: GraphNode, output: DslValue): NodeSerdes {
    const input = this.inputSerdes(node.id)
    const keyWindowed = KEY_CHANGING_KINDS.has(node.kind)
      ? false
      : AGGREGATING_KINDS.has(node.kind)
        ? this.nodes.get(this.inputs.get(node.id)?.[0]?.source ?? '')?.kind === 'windowedBy'
        : input.keyWindowed
    if (output instanceof KStream || output instanceof KTable || output instanceof KGroupedStream) {
      const key = output.keySerde?.name ?? null
      return { key, value: output.valueSerde?.name ?? null, keyWindowed }
    }
    switch (node.kind) {
      case 'globalTable':
        return {
          key: node.params.keySerde ?? null,
          value: node.params.valueSerde ?? null,
          keyWindowed: false,
        }
      case 'groupBy':
        // A table regrouped by a new key, with no serdes given to Grouped.
        return NO_SERDES
      case 'sink':
        return {
          key: node.params.keySerde ?? input.key,
          value: node.params.valueSerde ?? input.value,
          keyWindowed: node.params.keySerde === undefined && input.keyWindowed,
        }
      default:
        // Windowed streams keep their grouped input's serdes; split passes its input on.
        return { ...input, keyWindowed }
    }
  }

  /** A sink declaring a serde other than the one its records carry fails on every record. */
  private checkSinkSerdes(node: GraphNodeOfKind<'sink'>): void {
    const carried = this.inputSerdes(node.id)
    for (const side of ['key', 'value'] as const) {
      const declared = side === 'key' ? node.params.keySerde : node.params.valueSerde
      const arriving =
        side === 'key' && carried.keyWindowed && !(carried.key ?? '').includes('Windowed(')
          ? `Windowed(${carried.key ?? 'default'})`
          : carried[side]
      if (declared === undefined || arriving === null) continue
      const conflict = serdeConflict(arriving, declared)
      if (conflict === null) continue
      const args = { node: nodeLabel(node), side, carried: arriving, declared }
      const place = { nodeId: node.id, param: side === 'key' ? 'keySerde' : 'valueSerde' }
      this.serdeDiagnostics.push(
        createDiagnostic(
          conflict === 'certain' ? 'serde/mismatch' : 'serde/possible-mismatch',
          args,
          place,
        ),
      )
    }
  }

  private apply(node: GraphNode): DslValue {
    const named = (name: string | undefined) => (name === undefined ? undefined : Named.as(name))
    const fn = (path: string, param: Parameters<typeof graphFunction>[0]) =>
      this.fn(node, path, param)
    switch (node.kind) {
      case 'stream': {
        const p = node.params
        const consumed = consumedOf(p.name, p.keySerde, p.valueSerde)
        return 'topics' in p
          ? this.builder.stream(p.topics, consumed)
          : this.builder.stream(new RegExp(p.topicPattern), consumed)
      }
      case 'table':
      case 'globalTable': {
        const p = node.params
        const consumed = consumedOf(p.name, p.keySerde, p.valueSerde)
        const materialized = p.storeName === undefined ? undefined : Materialized.as(p.storeName)
        return node.kind === 'table'
          ? this.builder.table(p.topic, consumed, materialized)
          : this.builder.globalTable(p.topic, consumed, materialized)
      }
      case 'filter':
      case 'filterNot': {
        const input = this.single(node.id)
        const predicate = fn('predicate', node.params.predicate) as (
          k: unknown,
          v: unknown,
        ) => boolean
        const name = named(node.params.name)
        if (input instanceof KTable) {
          return node.kind === 'filter'
            ? input.filter(predicate, name)
            : input.filterNot(predicate, name)
        }
        const stream = input as KStream
        return node.kind === 'filter'
          ? stream.filter(predicate, name)
          : stream.filterNot(predicate, name)
      }
      case 'map': {
        const key = fn('key', node.params.key)
        const value = fn('value', node.params.value)
        return (this.single(node.id) as KStream).map(
          (k, v) => KeyValue.pair(key(k, v), value(k, v)),
          named(node.params.name),
        )
      }
      case 'mapValues': {
        const mapper = fn('mapper', node.params.mapper) as (k: unknown, v: unknown) => unknown
        const input = this.single(node.id)
        return input instanceof KTable
          ? input.mapValues(mapper, named(node.params.name))
          : (input as KStream).mapValues(mapper, named(node.params.name))
      }
      case 'flatMap': {
        const mapper = fn('mapper', node.params.mapper)
        return (this.single(node.id) as KStream).flatMap(
          (k, v) => toKeyValues(mapper(k, v), node.id),
          named(node.params.name),
        )
      }
      case 'flatMapValues': {
        const mapper = fn('mapper', node.params.mapper) as (
          k: unknown,
          v: unknown,
        ) => Iterable<unknown>
        return (this.single(node.id) as KStream).flatMapValues(mapper, named(node.params.name))
      }
      case 'selectKey':
        return (this.single(node.id) as KStream).selectKey(
          fn('keySelector', node.params.keySelector),
          named(node.params.name),
        )
      case 'peek':
        return (this.single(node.id) as KStream).peek(
          fn('action', node.params.action),
          named(node.params.name),
        )
      case 'foreach':
        ;(this.single(node.id) as KStream).foreach(
          fn('action', node.params.action),
          named(node.params.name),
        )
        return null
      case 'split': {
        const splitter: BranchedKStream<unknown, unknown> = (this.single(node.id) as KStream).split(
          named(node.params.name),
        )
        node.params.branches.forEach((branch, index) => {
          const predicate = fn(`branches[${index}].predicate`, branch.predicate) as (
            k: unknown,
            v: unknown,
          ) => boolean
          splitter.branch(
            predicate,
            Branched.withConsumer(
              (s) => this.outputs.set(`${node.id}#${branch.id}`, s),
              branch.name ?? null,
            ),
          )
        })
        if (node.params.defaultBranch) {
          splitter.defaultBranch(
            Branched.withConsumer(
              (s) => this.outputs.set(`${node.id}#default`, s),
              node.params.defaultBranchName ?? null,
            ),
          )
        } else {
          splitter.noDefaultBranch()
        }
        return null
      }
      case 'merge': {
        const streams = (this.inputs.get(node.id) ?? []).map((edge) => this.input(edge) as KStream)
        let merged = streams[0] as KStream
        streams.slice(1).forEach((stream, index) => {
          const last = index === streams.length - 2
          merged = merged.merge(stream, last ? named(node.params.name) : undefined)
        })
        return merged
      }
      case 'repartition': {
        let repartitioned: Repartitioned | undefined
        if (node.params.name !== undefined) repartitioned = Repartitioned.as(node.params.name)
        if (node.params.numberOfPartitions !== undefined) {
          repartitioned = (repartitioned ?? Repartitioned.with(null, null)).withNumberOfPartitions(
            node.params.numberOfPartitions,
          )
        }
        return (this.single(node.id) as KStream).repartition(repartitioned)
      }
      case 'groupByKey':
        return (this.single(node.id) as KStream).groupByKey(
          node.params.name === undefined ? undefined : Grouped.as(node.params.name),
        )
      case 'groupBy': {
        const grouped =
          node.params.name === undefined
            ? undefined
            : Grouped.as<unknown, unknown>(node.params.name)
        const input = this.single(node.id)
        const keySelector = fn('keySelector', node.params.keySelector)
        if (input instanceof KTable) {
          const valueSelector =
            node.params.valueSelector === undefined
              ? (_k: unknown, v: unknown) => v
              : fn('valueSelector', node.params.valueSelector)
          return input.groupBy(
            (k, v) => KeyValue.pair(keySelector(k, v), valueSelector(k, v)),
            grouped,
          )
        }
        return (input as KStream).groupBy(keySelector, grouped)
      }
      case 'windowedBy': {
        const grouped = this.single(node.id) as KGroupedStream
        const windows = windowsOf(node.params.window)
        // One overload per window type: the narrowing picks it.
        return windows instanceof SessionWindows
          ? grouped.windowedBy(windows)
          : grouped.windowedBy(windows)
      }
      case 'cogroup': {
        const p = node.params
        const cogrouped = p.inputs.reduce<CogroupedKStream<unknown, unknown> | null>(
          (chain, input, position) => {
            const grouped = this.port(node.id, input.id) as KGroupedStream
            const aggregator = fn(`inputs[${position}].aggregator`, input.aggregator) as (
              k: unknown,
              v: unknown,
              a: unknown,
            ) => unknown
            return chain === null ? grouped.cogroup(aggregator) : chain.cogroup(grouped, aggregator)
          },
          null,
        ) as CogroupedKStream<unknown, unknown>
        const initializer = fn('initializer', p.initializer) as () => unknown
        const name = named(p.name)
        const materialized = materializedOf(p.storeName, p.valueSerde)
        if (p.window === undefined) return cogrouped.aggregate(initializer, name, materialized)
        const windows = windowsOf(p.window)
        if (windows instanceof SessionWindows) {
          const merger = fn('merger', p.merger as NonNullable<typeof p.merger>) as (
            k: unknown,
            a: unknown,
            b: unknown,
          ) => unknown
          return cogrouped
            .windowedBy(windows)
            .aggregate(initializer, merger, name, materialized) as KTable
        }
        return cogrouped.windowedBy(windows).aggregate(initializer, name, materialized) as KTable
      }
      case 'count': {
        const input = this.single(node.id) as
          | KGroupedStream
          | KGroupedTable
          | TimeWindowedKStream<unknown, unknown>
          | SessionWindowedKStream<unknown, unknown>
        return input.count(named(node.params.name), materializedOf(node.params.storeName)) as KTable
      }
      case 'reduce': {
        const input = this.single(node.id)
        const reducer = fn('reducer', node.params.reducer) as (a: unknown, b: unknown) => unknown
        const name = named(node.params.name)
        const materialized = materializedOf(node.params.storeName)
        if (input instanceof KGroupedTable) {
          const subtractor = fn('subtractor', node.params.subtractor ?? node.params.reducer) as (
            a: unknown,
            b: unknown,
          ) => unknown
          return input.reduce(reducer, subtractor, name, materialized)
        }
        return (input as KGroupedStream).reduce(reducer, name, materialized) as KTable
      }
      case 'aggregate': {
        const input = this.single(node.id)
        const initializer = fn('initializer', node.params.initializer) as () => unknown
        const aggregator = fn('aggregator', node.params.aggregator) as (
          k: unknown,
          v: unknown,
          a: unknown,
        ) => unknown
        const name = named(node.params.name)
        const materialized = materializedOf(node.params.storeName, node.params.valueSerde)
        if (input instanceof KGroupedTable) {
          const subtractor = fn(
            'subtractor',
            node.params.subtractor as NonNullable<typeof node.params.subtractor>,
          ) as typeof aggregator
          return input.aggregate(initializer, aggregator, subtractor, name, materialized)
        }
        if (input instanceof SessionWindowedKStream) {
          const merger = fn(
            'merger',
            node.params.merger as NonNullable<typeof node.params.merger>,
          ) as (k: unknown, a: unknown, b: unknown) => unknown
          return input.aggregate(initializer, aggregator, merger, name, materialized) as KTable
        }
        return (input as KGroupedStream).aggregate(
          initializer,
          aggregator,
          name,
          materialized,
        ) as KTable
      }
      case 'toTable':
        return (this.single(node.id) as KStream).toTable(
          named(node.params.name),
          materializedOf(node.params.storeName),
        )
      case 'toStream':
        return (this.single(node.id) as KTable).toStream(named(node.params.name))
      case 'join':
        return this.join(node)
      case 'suppress': {
        const p = node.params
        let buffer =
          p.maxRecords !== undefined
            ? BufferConfig.maxRecords(p.maxRecords)
            : p.maxBytes !== undefined
              ? BufferConfig.maxBytes(p.maxBytes)
              : BufferConfig.unbounded()
        if (p.maxRecords !== undefined && p.maxBytes !== undefined)
          buffer = buffer.withMaxBytes(p.maxBytes)
        if (p.whenFull === 'shutDown') buffer = buffer.shutDownWhenFull()
        else if (p.whenFull === 'emitEarly') buffer = buffer.emitEarlyWhenFull()
        let suppressed =
          p.mode === 'untilWindowCloses'
            ? Suppressed.untilWindowCloses(buffer)
            : Suppressed.untilTimeLimit(p.timeLimitMs, buffer)
        if (p.name !== undefined) suppressed = suppressed.withName(p.name)
        return (this.single(node.id) as KTable).suppress(suppressed)
      }
      case 'process': {
        const p = node.params
        const factory = fn('processor', p.processor)
        const stores = p.stores.map((store) => this.processStore(store))
        const supplier = Object.assign(() => factory() as ReturnType<ProcessorSupplier>, {
          stores: () => stores,
        }) as ProcessorSupplier
        const stream = this.single(node.id) as KStream
        const rest = p.name === undefined ? [] : [Named.as(p.name)]
        return p.valuesOnly
          ? stream.processValues(supplier, ...rest)
          : stream.process(supplier, ...rest)
      }
      case 'sink': {
        const p = node.params
        const stream = this.single(node.id) as KStream
        let produced: Produced | undefined
        if (p.keySerde !== undefined || p.valueSerde !== undefined) {
          produced = Produced.with(serdeOf(p.keySerde), serdeOf(p.valueSerde))
        }
        if (p.name !== undefined)
          produced = (produced ?? Produced.with(null, null)).withName(p.name)
        if ('topic' in p) {
          stream.to(p.topic, produced)
        } else {
          const extract = fn('topicExtractor', p.topicExtractor)
          const text = describeFunction(p.topicExtractor)
          stream.to({ extract: (k, v) => String(extract(k, v)), toString: () => text }, produced)
        }
        return null
      }
      default:
        return assertNever(node)
    }
  }

  /** Process nodes declaring the same store share one builder, so Kafka connects both. */
  private processStore(store: Parameters<typeof processStore>[0]): StoreBuilder {
    const existing = this.processStores.get(store.name)
    if (existing !== undefined) return existing
    const builder = processStore(store)
    this.processStores.set(store.name, builder)
    return builder
  }

  private join(node: Extract<GraphNode, { kind: 'join' }>): DslValue {
    const p = node.params
    const left = this.port(node.id, 'left')
    const right = this.port(node.id, 'right')
    const joiner = this.fn(node, 'joiner', p.joiner) as (
      k: never,
      a: unknown,
      b: unknown,
    ) => unknown
    const method =
      p.joinType === 'inner' ? 'join' : p.joinType === 'left' ? 'leftJoin' : 'outerJoin'
    if (left instanceof KTable && right instanceof KTable) {
      const materialized = materializedOf(p.storeName)
      // Kafka's KTable joins take a ValueJoiner: a joiner that reads the key sees null.
      const valueJoiner = (l: unknown, r: unknown) =>
        joiner.length >= 3 ? joiner(null as never, l, r) : (joiner as AnyFunction)(l, r)
      if (p.foreignKey !== undefined) {
        const foreignKey = this.fn(node, 'foreignKey', p.foreignKey) as (
          k: unknown,
          v: unknown,
        ) => unknown
        const tableJoined = p.name === undefined ? undefined : TableJoined.as(p.name)
        return method === 'join'
          ? left.join(right, foreignKey, valueJoiner, tableJoined, materialized)
          : left.leftJoin(right, foreignKey, valueJoiner, tableJoined, materialized)
      }
      return left[method](
        right,
        valueJoiner,
        p.name === undefined ? undefined : Named.as(p.name),
        materialized,
      )
    }
    const stream = left as KStream
    if (right instanceof KStream) {
      const w = p.window as NonNullable<typeof p.window>
      let windows = JoinWindows.ofTimeDifferenceAndGrace(0, w.graceMs ?? 0)
        .before(w.beforeMs)
        .after(w.afterMs)
      if (w.beforeMs === w.afterMs)
        windows = JoinWindows.ofTimeDifferenceAndGrace(w.beforeMs, w.graceMs ?? 0)
      let joined = StreamJoined.with<unknown, unknown, unknown>(null, null, null)
      if (p.name !== undefined) joined = joined.withName(p.name)
      if (p.storeName !== undefined) joined = joined.withStoreName(p.storeName)
      return method === 'outerJoin'
        ? stream.outerJoin(right, joiner, windows, joined)
        : stream[method](right, joiner, windows, joined)
    }
    if (right instanceof KTable) {
      const joined = p.name === undefined ? undefined : Joined.as<unknown, unknown, unknown>(p.name)
      return method === 'join'
        ? stream.join(right, joiner, joined)
        : stream.leftJoin(right, joiner, joined)
    }
    const keySelector = this.fn(
      node,
      'keySelector',
      p.keySelector as NonNullable<typeof p.keySelector>,
    )
    const global = right as GlobalKTable
    const name = p.name === undefined ? undefined : Named.as(p.name)
    return method === 'join'
      ? stream.join(global, keySelector, joiner, name)
      : stream.leftJoin(global, keySelector, joiner, name)
  }
}

const NO_SERDES: NodeSerdes = { key: null, value: null, keyWindowed: false }

// Operations after which the key is a new value (so no longer a window).
const KEY_CHANGING_KINDS: ReadonlySet<GraphNode['kind']> = new Set([
  'map',
  'flatMap',
  'selectKey',
  'groupBy',
  'process',
])
const AGGREGATING_KINDS: ReadonlySet<GraphNode['kind']> = new Set(['count', 'reduce', 'aggregate'])

const NUMERIC_SERDES: ReadonlySet<string> = new Set(['Long', 'Integer', 'Double'])

/**
 * Whether records carried with one serde fail when written with another: `certain` when the
 * value types cannot match (a Long is not a String, a windowed key is not a plain one),
 * `possible` when they might (a JSON value may be a string), null when they are compatible.
 */
export function serdeConflict(carried: string, declared: string): 'certain' | 'possible' | null {
  if (carried === declared) return null
  const windowed = (name: string) => /Windowed\(/.test(name)
  if (windowed(carried) || windowed(declared)) return 'certain'
  if (declared === 'Json') return carried === 'ByteArray' ? 'certain' : null
  if (carried === 'Json') return 'possible'
  if (carried === 'ByteArray' || declared === 'ByteArray') return 'certain'
  if (NUMERIC_SERDES.has(carried) || NUMERIC_SERDES.has(declared)) return 'certain'
  return 'possible'
}

function serdeOf(name: string | undefined): Serde<unknown> | null {
  return name === undefined ? null : (serdeByName(name) ?? null)
}

function consumedOf(
  name: string | undefined,
  keySerde: string | undefined,
  valueSerde: string | undefined,
): Consumed<unknown, unknown> {
  const consumed = Consumed.with(serdeOf(keySerde), serdeOf(valueSerde))
  return name === undefined ? consumed : consumed.withName(name)
}

/** The DSL windows of a design window. */
function windowsOf(w: Window): TimeWindows | SlidingWindows | SessionWindows {
  const grace = w.graceMs ?? 0
  switch (w.type) {
    case 'tumbling':
      return TimeWindows.ofSizeAndGrace(w.sizeMs, grace)
    case 'hopping':
      return TimeWindows.ofSizeAndGrace(w.sizeMs, grace).advanceBy(w.advanceMs)
    case 'sliding':
      return SlidingWindows.ofTimeDifferenceAndGrace(w.timeDifferenceMs, grace)
    case 'session':
      return SessionWindows.ofInactivityGapAndGrace(w.inactivityGapMs, grace)
    default:
      return assertNever(w)
  }
}

function materializedOf(
  storeName: string | undefined,
  valueSerde?: string,
): Materialized<never, never> | undefined {
  if (storeName === undefined && valueSerde === undefined) return undefined
  const materialized =
    storeName === undefined
      ? Materialized.with<never, never>(null, null)
      : Materialized.as<never, never>(storeName)
  if (valueSerde !== undefined) materialized.valueSerde = serdeOf(valueSerde) as Serde<never> | null
  return materialized
}

function processStore(store: {
  name: string
  type: 'keyValue' | 'window' | 'session'
  retentionMs?: number | undefined
  windowSizeMs?: number | undefined
}): StoreBuilder {
  switch (store.type) {
    case 'keyValue':
      return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(store.name))
    case 'window': {
      const size = store.windowSizeMs ?? 60_000
      return Stores.windowStoreBuilder(
        Stores.inMemoryWindowStore(
          store.name,
          Math.max(store.retentionMs ?? 86_400_000, size),
          size,
          false,
        ),
      )
    }
    case 'session':
      return Stores.sessionStoreBuilder(
        Stores.inMemorySessionStore(store.name, store.retentionMs ?? 86_400_000),
      )
  }
}

function toKeyValues(result: unknown, nodeId: string): KeyValue<unknown, unknown>[] {
  if (result === null || result === undefined) return []
  if (typeof result !== 'object' || !(Symbol.iterator in result)) {
    throw new TypeError(`flatMap of node ${nodeId} must return a list of { key, value } pairs`)
  }
  return [...(result as Iterable<unknown>)].map((item) => {
    if (item instanceof KeyValue) return item
    if (typeof item === 'object' && item !== null && 'key' in item && 'value' in item) {
      return KeyValue.pair((item as { key: unknown }).key, (item as { value: unknown }).value)
    }
    throw new TypeError(
      `flatMap of node ${nodeId} returned an element that is not a { key, value } pair`,
    )
  })
}
