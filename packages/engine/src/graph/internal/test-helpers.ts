import type {
  FunctionParam,
  GraphEdge,
  GraphNode,
  GraphNodeOfKind,
  NodeKind,
  NodeParams,
  TopologyGraph,
  Window,
} from '@topology-studio/shared'

// Builders for designs in tests: `const d = design(); d.stream('orders').filter().to('out')`.
// Every node gets valid params by default, so a test only spells out what it is about.

/** An output to connect from: a node, or one branch of a split. */
export interface NodeRef {
  readonly id: string
  readonly port?: string | undefined
}

export interface NodeHandle extends NodeRef {
  /** Adds a node of any kind fed by this one; params override the kind's valid defaults. */
  then<K extends NodeKind>(kind: K, params?: Partial<NodeParams<K>>, id?: string): NodeHandle
  filter(predicate?: string): NodeHandle
  mapValues(mapper?: string): NodeHandle
  selectKey(keySelector?: string): NodeHandle
  groupByKey(): NodeHandle
  groupBy(params?: Partial<NodeParams<'groupBy'>>): NodeHandle
  windowedBy(window: Window): NodeHandle
  count(params?: Partial<NodeParams<'count'>>): NodeHandle
  toStream(): NodeHandle
  toTable(): NodeHandle
  to(topic?: string): NodeHandle
  /** The output of one branch of this split (`'default'` for the default branch). */
  branch(id: string): NodeRef
}

export interface DesignBuilder {
  stream(...topics: string[]): NodeHandle
  table(topic?: string): NodeHandle
  globalTable(topic?: string): NodeHandle
  /** Adds a node without inputs; params override the kind's valid defaults. */
  add<K extends NodeKind>(kind: K, params?: Partial<NodeParams<K>>, id?: string): NodeHandle
  join(left: NodeRef, right: NodeRef, params?: Partial<NodeParams<'join'>>): NodeHandle
  merge(...inputs: NodeRef[]): NodeHandle
  connect(from: NodeRef, to: NodeRef, targetPort?: string): GraphEdge
  /** A plain, independent copy of the design built so far. */
  build(): TopologyGraph
}

/** A declarative expression param. */
export function expr(source: string): FunctionParam {
  return { lang: 'expression', source }
}

/** A JavaScript code param. */
export function code(source: string): FunctionParam {
  return { lang: 'code', source }
}

/** Starts an empty design. */
export function design(): DesignBuilder {
  const nodes: GraphNode[] = []
  const edges: GraphEdge[] = []
  let counter = 0
  const fresh = (prefix: string) => `${prefix}${++counter}`

  const connect = (from: NodeRef, to: NodeRef, targetPort?: string): GraphEdge => {
    const edge: GraphEdge = { id: fresh('e'), source: from.id, target: to.id }
    if (from.port !== undefined) edge.sourcePort = from.port
    if (targetPort !== undefined) edge.targetPort = targetPort
    edges.push(edge)
    return edge
  }

  const add = <K extends NodeKind>(
    kind: K,
    params: Partial<NodeParams<K>> = {},
    id: string = fresh(kind),
  ): NodeHandle => {
    const merged = mergeParams(defaultParams(kind, fresh), params)
    nodes.push({ id, kind, position: { x: 0, y: 0 }, params: merged } as GraphNodeOfKind<K>)
    return handle(id)
  }

  const handle = (id: string): NodeHandle => {
    const self: NodeRef = { id }
    const then = <K extends NodeKind>(
      kind: K,
      params?: Partial<NodeParams<K>>,
      nodeId?: string,
    ) => {
      const next = add(kind, params, nodeId)
      connect(self, next)
      return next
    }
    return {
      id,
      then,
      filter: (predicate) => then('filter', predicate ? { predicate: expr(predicate) } : {}),
      mapValues: (mapper) => then('mapValues', mapper ? { mapper: expr(mapper) } : {}),
      selectKey: (keySelector) =>
        then('selectKey', keySelector ? { keySelector: expr(keySelector) } : {}),
      groupByKey: () => then('groupByKey'),
      groupBy: (params) => then('groupBy', params),
      windowedBy: (window) => then('windowedBy', { window }),
      count: (params) => then('count', params),
      toStream: () => then('toStream'),
      toTable: () => then('toTable'),
      to: (topic) => then('sink', topic === undefined ? {} : { topic }),
      branch: (port) => ({ id, port }),
    }
  }

  return {
    stream: (...topics) => add('stream', topics.length > 0 ? { topics } : {}),
    table: (topic) => add('table', topic === undefined ? {} : { topic }),
    globalTable: (topic) => add('globalTable', topic === undefined ? {} : { topic }),
    add,
    join: (left, right, params) => {
      const join = add('join', params)
      connect(left, join, 'left')
      connect(right, join, 'right')
      return join
    },
    merge: (...inputs) => {
      const merge = add('merge')
      for (const input of inputs) connect(input, merge)
      return merge
    },
    connect,
    build: () => {
      const graph: TopologyGraph = {
        version: 1,
        name: 'test design',
        applicationId: 'test-app',
        config: {},
        nodes,
        edges,
      }
      return JSON.parse(JSON.stringify(graph)) as TopologyGraph
    },
  }
}

// A stream reads either topics or a pattern, a sink writes either a topic or an extractor, and
// only untilTimeLimit has a time limit: giving one alternative replaces the default's other one.
function mergeParams<P extends object>(defaults: P, overrides: Partial<P>): P {
  const merged: Record<string, unknown> = { ...defaults, ...overrides }
  if ('topicPattern' in overrides) delete merged['topics']
  if ('topicExtractor' in overrides) delete merged['topic']
  if (merged['mode'] === 'untilWindowCloses') delete merged['timeLimitMs']
  return merged as P
}

function defaultParams<K extends NodeKind>(
  kind: K,
  fresh: (prefix: string) => string,
): NodeParams<K> {
  return defaults(kind, fresh) as NodeParams<K>
}

function defaults(kind: NodeKind, fresh: (prefix: string) => string): NodeParams<NodeKind> {
  switch (kind) {
    case 'stream':
      return { topics: [fresh('topic-')] }
    case 'table':
    case 'globalTable':
      return { topic: fresh('topic-') }
    case 'filter':
    case 'filterNot':
      return { predicate: expr('value != null') }
    case 'map':
      return { key: expr('value.id'), value: expr('value') }
    case 'mapValues':
    case 'flatMapValues':
      return { mapper: expr('[value]') }
    case 'flatMap':
      return { mapper: expr('[{ key: key, value: value }]') }
    case 'selectKey':
      return { keySelector: expr('value.id') }
    case 'peek':
    case 'foreach':
      return { action: code('(key, value) => {}') }
    case 'split':
      return { branches: [{ id: 'a', predicate: expr('value > 0') }], defaultBranch: false }
    case 'merge':
    case 'repartition':
    case 'groupByKey':
    case 'count':
    case 'toTable':
    case 'toStream':
      return {}
    case 'groupBy':
      return { keySelector: expr('value.id') }
    case 'windowedBy':
      return { window: { type: 'tumbling', sizeMs: 60_000 } }
    case 'cogroup':
      return {
        inputs: [
          { id: 'a', aggregator: expr('aggregate + 1') },
          { id: 'b', aggregator: expr('aggregate + 2') },
        ],
        initializer: expr('0'),
      }
    case 'reduce':
      return { reducer: expr('aggregate + value') }
    case 'aggregate':
      return { initializer: expr('0'), aggregator: expr('aggregate + 1') }
    case 'join':
      return { joinType: 'inner', joiner: expr('{ left: left, right: right }') }
    case 'suppress':
      return { mode: 'untilTimeLimit', timeLimitMs: 1000 }
    case 'process':
      return { processor: code('() => ({ process() {} })'), stores: [], valuesOnly: false }
    case 'sink':
      return { topic: fresh('out-') }
  }
}
