// What a node of each kind starts as when it is dropped on the canvas: valid params that show
// the operation's shape (expressions a user edits rather than empty fields to guess at).
import type {
  FunctionParam,
  GraphNode,
  NodeKind,
  NodeParams,
  Position,
} from '@topology-studio/shared'

const expr = (source: string): FunctionParam => ({ lang: 'expression', source })

const TEMPLATES: { readonly [K in NodeKind]: () => NodeParams<K> } = {
  stream: () => ({ topics: ['input-topic'] }),
  table: () => ({ topic: 'table-topic' }),
  globalTable: () => ({ topic: 'global-topic' }),
  filter: () => ({ predicate: expr('value != null') }),
  filterNot: () => ({ predicate: expr('value == null') }),
  map: () => ({ key: expr('key'), value: expr('value') }),
  mapValues: () => ({ mapper: expr('value') }),
  flatMap: () => ({ mapper: { lang: 'code', source: '(key, value) => [[key, value]]' } }),
  flatMapValues: () => ({ mapper: expr("split(value, ' ')") }),
  selectKey: () => ({ keySelector: expr('key') }),
  peek: () => ({ action: { lang: 'code', source: '(key, value) => {}' } }),
  foreach: () => ({ action: { lang: 'code', source: '(key, value) => {}' } }),
  split: () => ({
    branches: [{ id: 'branch-1', name: 'branch-1', predicate: expr('value != null') }],
    defaultBranch: true,
  }),
  merge: () => ({}),
  repartition: () => ({}),
  groupByKey: () => ({}),
  groupBy: () => ({ keySelector: expr('value') }),
  windowedBy: () => ({ window: { type: 'tumbling', sizeMs: 60_000, graceMs: 0 } }),
  cogroup: () => ({
    inputs: [
      { id: 'a', aggregator: expr('aggregate + 1') },
      { id: 'b', aggregator: expr('aggregate + 1') },
    ],
    initializer: expr('0'),
  }),
  count: () => ({}),
  reduce: () => ({ reducer: expr('aggregate + value') }),
  aggregate: () => ({ initializer: expr('0'), aggregator: expr('aggregate + 1') }),
  toTable: () => ({}),
  toStream: () => ({}),
  join: () => ({ joinType: 'inner', joiner: expr('value') }),
  suppress: () => ({ mode: 'untilWindowCloses', whenFull: 'shutDown' }),
  process: () => ({
    processor: {
      lang: 'code',
      source: '() => ({ process(record) { this.context.forward(record) } })',
    },
    stores: [],
    valuesOnly: false,
  }),
  sink: () => ({ topic: 'output-topic' }),
}

/** A new node of a kind at a position, with its template params or the preset given. */
export function newNode(
  kind: NodeKind,
  id: string,
  position: Position,
  params?: GraphNode['params'],
): GraphNode {
  return { id, kind, position, params: params ?? TEMPLATES[kind]() } as GraphNode
}

/** The port a node wired after another takes: a join's left side, a cogroup's first input. */
export function firstInputPort(node: GraphNode): string | undefined {
  if (node.kind === 'join') return 'left'
  if (node.kind === 'cogroup') return node.params.inputs[0]?.id
  return undefined
}
