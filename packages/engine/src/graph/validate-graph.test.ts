import type { Diagnostic, TopologyGraph } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { code, design, expr } from './internal/test-helpers'
import { validateGraph } from './validate-graph'

// One test per diagnostic, grouped by what is being checked. The parameter and naming rules
// live in validate-graph-params.test.ts.

function withCode(graph: TopologyGraph, code: string): Diagnostic[] {
  return validateGraph(graph).filter((diagnostic) => diagnostic.code === code)
}

function only(graph: TopologyGraph, code: string): Diagnostic {
  const found = withCode(graph, code)
  expect(found, `diagnostics with code ${code}`).toHaveLength(1)
  return found[0]!
}

function codes(graph: TopologyGraph): string[] {
  return validateGraph(graph).map((diagnostic) => diagnostic.code)
}

describe('validateGraph on valid designs', () => {
  it('accepts a windowed count that is suppressed until windows close', () => {
    const d = design()
    d.stream('orders')
      .filter('value.amount > 100')
      .selectKey('value.customerId')
      .groupByKey()
      .windowedBy({ type: 'hopping', sizeMs: 60_000, advanceMs: 10_000, graceMs: 5_000 })
      .count({ storeName: 'big-orders-per-minute' })
      .then('suppress', { mode: 'untilWindowCloses', maxRecords: 1000, whenFull: 'shutDown' })
      .toStream()
      .to('big-orders-per-minute')
    expect(validateGraph(d.build())).toEqual([])
  })

  it('accepts every join Kafka Streams offers', () => {
    const d = design()
    const orders = d.stream('orders')
    const customers = d.table('customers')
    const window = { beforeMs: 1000, afterMs: 2000, graceMs: 0 }
    d.join(orders, d.stream('payments'), { joinType: 'outer', window }).to('matched')
    d.join(orders, customers, { joinType: 'left' }).to('with-customer')
    d.join(orders, d.globalTable('products'), { keySelector: expr('value.productId') }).to('p')
    d.join(customers, d.table('accounts'), { joinType: 'outer', storeName: 'customer-accounts' })
      .toStream()
      .to('customer-accounts')
    expect(validateGraph(d.build())).toEqual([])
  })

  it('accepts split, merge, custom processing, session aggregation and table regrouping', () => {
    const d = design()
    const route = d.stream('events').then('split', {
      name: 'route-',
      branches: [
        { id: 'clicks', name: 'clicks', predicate: expr("value.type == 'click'") },
        { id: 'views', predicate: expr("value.type == 'view'") },
      ],
      defaultBranch: true,
    })
    d.connect(route.branch('default'), d.add('foreach'))
    const merged = d.merge(route.branch('clicks'), route.branch('views'))
    merged.then('process', {
      processor: code('() => ({ process(record) {} })'),
      stores: [{ name: 'seen', type: 'window', retentionMs: 60_000, windowSizeMs: 60_000 }],
      valuesOnly: true,
    })
    merged
      .groupByKey()
      .windowedBy({ type: 'session', inactivityGapMs: 300_000, graceMs: 60_000 })
      .then('aggregate', { merger: expr('aggregate1 + aggregate2') })
      .toStream()
      .to('sessions')
    d.table('balances')
      .groupBy({ keySelector: expr('value.region'), valueSelector: expr('value.balance') })
      .then('reduce', { subtractor: expr('aggregate - value') })
      .toStream()
      .to('balance-per-region')
    expect(validateGraph(d.build())).toEqual([])
  })

  it('accepts two streams over the identical topic set, which share one source', () => {
    const d = design()
    d.stream('a', 'b').to()
    d.stream('b', 'a').to()
    expect(validateGraph(d.build())).toEqual([])
  })
})

describe('validateGraph on the structure of the graph', () => {
  it('names the nodes of a cycle in order', () => {
    const d = design()
    const first = d.stream('in').then('filter', {}, 'a')
    const second = first.then('mapValues', {}, 'b')
    d.connect(second.then('peek', {}, 'c'), first)
    expect(only(d.build(), 'graph/cycle')).toMatchObject({
      severity: 'error',
      nodeId: 'a',
      message: expect.stringContaining('filter "a" → mapValues "b" → peek "c" → filter "a"'),
      hint: expect.stringContaining('remove one of these edges'),
    })
  })

  it('reports an edge from a node to itself as a cycle', () => {
    const d = design()
    const peek = d.stream().then('peek', {}, 'p')
    d.connect(peek, peek)
    expect(only(d.build(), 'graph/cycle').message).toContain('peek "p" → peek "p"')
  })

  it('reports an edge whose target does not exist', () => {
    const graph = design().build()
    graph.edges.push({ id: 'lost', source: 'nowhere', target: 'ghost' })
    expect(only(graph, 'graph/dangling-edge')).toMatchObject({
      edgeId: 'lost',
      message: 'Edge "lost" starts at node "nowhere", which does not exist.',
    })
  })

  it('reports a second edge between the same ports', () => {
    const d = design()
    const source = d.stream()
    const sink = source.to()
    const repeat = d.connect(source, sink)
    expect(only(d.build(), 'graph/duplicate-edge')).toMatchObject({ edgeId: repeat.id })
    expect(codes(d.build())).not.toContain('node/too-many-inputs')
  })

  it('reports two nodes with the same id', () => {
    const d = design()
    d.stream().to(undefined)
    d.add('stream', {}, 'twin')
    d.add('table', {}, 'twin')
    expect(only(d.build(), 'graph/duplicate-node-id')).toMatchObject({
      nodeId: 'twin',
      message: 'Two nodes have the id "twin": stream "twin" and table "twin".',
    })
  })

  it('reports two edges with the same id', () => {
    const d = design()
    d.stream().filter().to()
    const graph = d.build()
    graph.edges[1]!.id = graph.edges[0]!.id
    expect(only(graph, 'graph/duplicate-edge-id').edgeId).toBe(graph.edges[0]!.id)
  })

  it('reports a node that does not match the schema and still checks the rest', () => {
    const d = design()
    const filter = d.stream().filter()
    filter.to()
    d.add('mapValues', {}, 'orphan')
    const graph = d.build()
    Object.assign(graph.nodes[1]!.params, { predicate: { lang: 'sql', source: 'x' } })
    expect(only(graph, 'graph/invalid-schema')).toMatchObject({
      nodeId: filter.id,
      param: 'predicate.lang',
      message: expect.stringContaining('nodes[1].params.predicate.lang'),
    })
    expect(only(graph, 'node/missing-input').nodeId).toBe('orphan')
    expect(codes(graph)).not.toContain('graph/dangling-edge')
  })

  it('never throws, whatever it is given', () => {
    for (const input of [null, 42, {}, { nodes: 'x', edges: [null] }, { nodes: [{ id: 1 }] }]) {
      expect(() => validateGraph(input as never)).not.toThrow()
      expect(validateGraph(input as never).length).toBeGreaterThan(0)
    }
  })
})

describe('validateGraph on inputs', () => {
  it('reports an operation with no input', () => {
    const d = design()
    d.add('filter', {}, 'alone').to()
    expect(only(d.build(), 'node/missing-input')).toMatchObject({
      nodeId: 'alone',
      message: 'filter "alone" has no input.',
    })
  })

  it('reports a merge with a single input', () => {
    const d = design()
    d.merge(d.stream()).to()
    expect(only(d.build(), 'node/missing-input').message).toContain('only one stream')
  })

  it('reports a join without its right input', () => {
    const d = design()
    const join = d.add('join', {}, 'j')
    d.connect(d.stream(), join, 'left')
    join.to()
    expect(only(d.build(), 'node/missing-input')).toMatchObject({
      nodeId: 'j',
      param: 'right',
      message: 'join "j" has no right input.',
    })
  })

  it('reports a join with two inputs on one side', () => {
    const d = design()
    const join = d.join(d.stream(), d.table(), {})
    d.connect(d.stream(), join, 'left')
    join.to()
    expect(only(d.build(), 'node/too-many-inputs')).toMatchObject({ param: 'left' })
  })

  it('reports a join input that does not name its side', () => {
    const d = design()
    const join = d.join(d.stream(), d.table(), {})
    const edge = d.connect(d.stream(), join)
    join.to()
    expect(only(d.build(), 'edge/invalid-port')).toMatchObject({
      edgeId: edge.id,
      message: expect.stringContaining('through no port'),
    })
  })

  it('reports a single-input operation fed by two nodes and suggests a merge', () => {
    const d = design()
    const filter = d.stream().filter()
    d.connect(d.stream(), filter)
    filter.to()
    expect(only(d.build(), 'node/too-many-inputs').hint).toContain('merge')
  })

  it('reports an edge into a source', () => {
    const d = design()
    const source = d.stream()
    const edge = d.connect(d.stream().filter(), source)
    source.to()
    expect(only(d.build(), 'node/unexpected-input')).toMatchObject({
      nodeId: source.id,
      edgeId: edge.id,
    })
  })

  it('warns about a target port on a node without input ports', () => {
    const d = design()
    const sink = d.add('sink')
    d.connect(d.stream(), sink, 'left')
    expect(only(d.build(), 'edge/ignored-port').severity).toBe('warning')
  })
})

describe('validateGraph on outputs', () => {
  it('reports an edge out of a sink', () => {
    const d = design()
    const sink = d.stream().to()
    d.connect(sink, d.add('sink'))
    expect(only(d.build(), 'node/unexpected-output').nodeId).toBe(sink.id)
  })

  it('reports an edge out of foreach and suggests peek', () => {
    const d = design()
    d.stream().then('foreach').to()
    expect(only(d.build(), 'node/unexpected-output').hint).toContain('peek')
  })

  it('warns about an output that goes nowhere', () => {
    const d = design()
    const filter = d.stream().filter()
    expect(only(d.build(), 'node/unused-output')).toMatchObject({
      severity: 'warning',
      nodeId: filter.id,
    })
  })

  it('does not warn about a process node without outputs', () => {
    const d = design()
    d.stream().then('process')
    expect(validateGraph(d.build())).toEqual([])
  })

  it('warns about a split branch that goes nowhere', () => {
    const d = design()
    const split = d.stream().then('split', {
      branches: [
        { id: 'a', predicate: expr('value > 0') },
        { id: 'b', name: 'negative', predicate: expr('value < 0') },
      ],
    })
    d.connect(split.branch('a'), d.add('sink'))
    expect(only(d.build(), 'node/unused-output')).toMatchObject({
      param: 'branches[1]',
      message: expect.stringContaining('Branch "negative"'),
    })
  })

  it('reports a split output that names no branch', () => {
    const d = design()
    const split = d.stream().then('split')
    d.connect(split.branch('a'), d.add('sink'))
    const edge = d.connect(split.branch('missing'), d.add('sink'))
    expect(only(d.build(), 'edge/invalid-port')).toMatchObject({ edgeId: edge.id })
  })

  it('reports a default-branch output when the default branch is off', () => {
    const d = design()
    const split = d.stream().then('split')
    d.connect(split.branch('a'), d.add('sink'))
    d.connect(split.branch('default'), d.add('sink'))
    expect(only(d.build(), 'edge/invalid-port').message).toContain('switched off')
  })
})

describe('validateGraph on input types', () => {
  it('reports count on a stream that is not grouped and suggests groupByKey', () => {
    const d = design()
    const count = d.stream('orders').filter().count()
    count.toStream().to()
    expect(only(d.build(), 'node/wrong-input-type')).toMatchObject({
      nodeId: count.id,
      message: expect.stringMatching(/needs a KGroupedStream.* but filter ".*" gives a KStream/),
      hint: expect.stringContaining('groupByKey'),
    })
  })

  it('does not repeat the error further down a wrong branch', () => {
    const d = design()
    d.stream().count().toStream().filter().to()
    expect(codes(d.build())).toEqual(['node/wrong-input-type'])
  })

  it('reports windowedBy on a table', () => {
    const d = design()
    d.table().windowedBy({ type: 'tumbling', sizeMs: 1000 }).count().toStream().to()
    expect(only(d.build(), 'node/wrong-input-type').message).toContain('gives a KTable')
  })

  it('reports windowedBy on a grouped table', () => {
    const d = design()
    d.table().groupBy().windowedBy({ type: 'tumbling', sizeMs: 1000 }).count().toStream().to()
    expect(only(d.build(), 'node/wrong-input-type')).toMatchObject({
      message: expect.stringContaining('gives a KGroupedTable'),
      hint: expect.stringContaining('not grouped tables'),
    })
  })

  it('reports suppress on a stream', () => {
    const d = design()
    d.stream().then('suppress').toStream().to()
    expect(only(d.build(), 'node/wrong-input-type').hint).toContain('suppress works on tables')
  })

  it('reports toStream on a stream', () => {
    const d = design()
    d.stream().toStream().to()
    expect(only(d.build(), 'node/wrong-input-type').hint).toContain('remove toStream')
  })

  it('reports groupByKey on a table and suggests groupBy', () => {
    const d = design()
    d.table().groupByKey().count().toStream().to()
    expect(only(d.build(), 'node/wrong-input-type').hint).toContain('use groupBy')
  })

  it('reports filter on a grouped stream', () => {
    const d = design()
    d.stream().groupByKey().filter().count().toStream().to()
    expect(only(d.build(), 'node/wrong-input-type').message).toContain('gives a KGroupedStream')
  })

  it('reports merging tables', () => {
    const d = design()
    d.merge(d.table(), d.table()).to()
    expect(withCode(d.build(), 'node/wrong-input-type')).toHaveLength(2)
  })

  it('reports a sink fed by a table and suggests toStream', () => {
    const d = design()
    d.table().to()
    expect(only(d.build(), 'node/wrong-input-type').hint).toContain('toStream')
  })

  it('reports a grouped-table reduce without a subtractor', () => {
    const d = design()
    const reduce = d.table().groupBy().then('reduce')
    reduce.toStream().to()
    expect(only(d.build(), 'param/missing')).toMatchObject({
      nodeId: reduce.id,
      param: 'subtractor',
    })
  })

  it('reports a subtractor on a grouped-stream aggregate', () => {
    const d = design()
    d.stream()
      .groupByKey()
      .then('aggregate', { subtractor: expr('aggregate - 1') })
      .toStream()
      .to()
    expect(only(d.build(), 'param/not-allowed').param).toBe('subtractor')
  })

  it('reports a session-windowed aggregate without a merger', () => {
    const d = design()
    d.stream()
      .groupByKey()
      .windowedBy({ type: 'session', inactivityGapMs: 1000 })
      .then('aggregate')
      .toStream()
      .to()
    expect(only(d.build(), 'param/missing').param).toBe('merger')
  })

  it('reports a merger on a time-windowed aggregate', () => {
    const d = design()
    d.stream()
      .groupByKey()
      .windowedBy({ type: 'tumbling', sizeMs: 1000 })
      .then('aggregate', { merger: expr('aggregate1 + aggregate2') })
      .toStream()
      .to()
    expect(only(d.build(), 'param/not-allowed').param).toBe('merger')
  })

  it('reports a value selector when grouping a stream', () => {
    const d = design()
    d.stream()
      .groupBy({ valueSelector: expr('value.amount') })
      .count()
      .toStream()
      .to()
    expect(only(d.build(), 'param/not-allowed').param).toBe('valueSelector')
  })

  it('reports untilWindowCloses on a table without windows', () => {
    const d = design()
    d.stream().groupByKey().count().then('suppress', { mode: 'untilWindowCloses' }).toStream().to()
    expect(only(d.build(), 'suppress/not-windowed')).toMatchObject({ param: 'mode' })
  })

  it('reports a global table used as the input of anything but a join', () => {
    const d = design()
    const filter = d.globalTable('products').filter()
    filter.toStream().to()
    expect(only(d.build(), 'node/global-table-misuse')).toMatchObject({
      nodeId: filter.id,
      message: expect.stringContaining('can only be the right input of a join'),
    })
  })
})

describe('validateGraph on joins', () => {
  it('reports a table on the left of a stream and suggests swapping', () => {
    const d = design()
    d.join(d.table(), d.stream(), {}).to()
    expect(only(d.build(), 'join/wrong-side').hint).toContain('swap the inputs')
  })

  it('reports a table joined with a global table', () => {
    const d = design()
    d.join(d.table(), d.globalTable(), {}).toStream().to()
    expect(only(d.build(), 'join/wrong-side').message).toContain(
      'a KTable (left) with a GlobalKTable',
    )
  })

  it('reports a global table on the left of a join', () => {
    const d = design()
    d.join(d.globalTable(), d.stream(), {}).to()
    expect(codes(d.build())).toEqual(['node/global-table-misuse'])
  })

  it('reports a grouped stream as a join input', () => {
    const d = design()
    d.join(d.stream().groupByKey(), d.table(), {}).to()
    expect(only(d.build(), 'node/wrong-input-type')).toMatchObject({ param: 'left' })
  })

  it('reports a stream–stream join without a window', () => {
    const d = design()
    const join = d.join(d.stream(), d.stream(), {})
    join.to()
    expect(only(d.build(), 'join/missing-window')).toMatchObject({
      nodeId: join.id,
      param: 'window',
    })
  })

  it('reports a window on a stream–table join', () => {
    const d = design()
    d.join(d.stream(), d.table(), { window: { beforeMs: 1, afterMs: 1 } }).to()
    expect(only(d.build(), 'join/unexpected-window').message).toContain('stream–table join')
  })

  it('reports an outer stream–table join', () => {
    const d = design()
    d.join(d.stream(), d.table(), { joinType: 'outer' }).to()
    expect(only(d.build(), 'join/outer-not-supported').param).toBe('joinType')
  })

  it('reports an outer stream–globalTable join', () => {
    const d = design()
    const keySelector = expr('value.productId')
    d.join(d.stream(), d.globalTable(), { joinType: 'outer', keySelector }).to()
    expect(only(d.build(), 'join/outer-not-supported').message).toContain('stream–globalTable')
  })

  it('reports a stream–globalTable join without a key selector', () => {
    const d = design()
    d.join(d.stream(), d.globalTable(), {}).to()
    expect(only(d.build(), 'join/missing-key-selector').param).toBe('keySelector')
  })

  it('reports a key selector on a join that matches on the key', () => {
    const d = design()
    d.join(d.stream(), d.table(), { keySelector: expr('value.id') }).to()
    expect(only(d.build(), 'param/not-allowed').param).toBe('keySelector')
  })

  it('reports a foreign key on a join that is not of two tables', () => {
    const d = design()
    d.join(d.stream(), d.table(), { foreignKey: expr('value.customer') }).to()
    const found = only(d.build(), 'param/not-allowed')
    expect(found.param).toBe('foreignKey')
    expect(found.message).toContain('only a join of two tables can look up')
  })

  it('reports an outer foreign-key join', () => {
    const d = design()
    d.join(d.table(), d.table(), { joinType: 'outer', foreignKey: expr('value.customer') })
      .toStream()
      .to()
    expect(only(d.build(), 'join/outer-foreign-key').param).toBe('joinType')
  })

  it('warns that a stream–table join ignores a store name', () => {
    const d = design()
    d.join(d.stream(), d.table(), { storeName: 'joined' }).to()
    expect(only(d.build(), 'param/ignored')).toMatchObject({
      severity: 'warning',
      param: 'storeName',
    })
  })
})

describe('validateGraph on topics', () => {
  it('reports a stream without topics', () => {
    const d = design()
    const source = d.add('stream', { topics: [] })
    source.to()
    expect(only(d.build(), 'topic/missing')).toMatchObject({ nodeId: source.id, param: 'topics' })
  })

  it('reports a blank topic in a stream’s list', () => {
    const d = design()
    d.stream('orders', ' ').to()
    expect(only(d.build(), 'topic/missing').param).toBe('topics[1]')
  })

  it('reports a sink without a topic', () => {
    const d = design()
    d.stream().to('')
    expect(only(d.build(), 'topic/missing').message).toMatch(/topic of sink ".+" is blank/)
  })

  it('reports a table without a topic', () => {
    const d = design()
    d.table('').toStream().to()
    expect(only(d.build(), 'topic/missing').param).toBe('topic')
  })

  it.each([
    ['with a slash', 'orders/eu', 'contains "/"'],
    ['made of two dots', '..', 'cannot be ".."'],
    ['of 250 characters', 'x'.repeat(250), 'is 250 characters long; the limit is 249'],
  ])('reports a topic name %s, which Kafka would reject', (_case, topic, reason) => {
    const d = design()
    d.stream().to(topic)
    expect(only(d.build(), 'topic/invalid-name').message).toContain(reason)
  })

  it('reports a topic pattern that is not a regular expression', () => {
    const d = design()
    d.add('stream', { topicPattern: 'orders-(' }).to()
    expect(only(d.build(), 'topic/invalid-pattern').param).toBe('topicPattern')
  })

  it('reports a topic read by a stream and a table', () => {
    const d = design()
    d.stream('customers').to()
    const table = d.table('customers')
    table.toStream().to()
    expect(only(d.build(), 'topic/duplicate-source')).toMatchObject({ nodeId: table.id })
  })

  it('warns about a topic listed twice by one stream', () => {
    const d = design()
    d.stream('orders', 'orders').to()
    expect(only(d.build(), 'topic/duplicate')).toMatchObject({
      severity: 'warning',
      param: 'topics[1]',
    })
  })
})

describe('validateGraph on functions', () => {
  it('reports an expression that does not parse with its param path and column', () => {
    const d = design()
    const split = d.stream().then('split', {
      branches: [
        { id: 'a', predicate: expr('value > 0') },
        { id: 'b', predicate: expr('value.amount >') },
      ],
    })
    d.connect(split.branch('a'), d.add('sink'))
    d.connect(split.branch('b'), d.add('sink'))
    expect(only(d.build(), 'expression/syntax')).toMatchObject({
      nodeId: split.id,
      param: 'branches[1].predicate',
      column: expect.any(Number),
      message: expect.stringContaining('does not parse'),
    })
  })

  it('reports an empty expression', () => {
    const d = design()
    d.stream().filter(' ').to()
    expect(only(d.build(), 'function/empty')).toMatchObject({ param: 'predicate' })
    expect(codes(d.build())).not.toContain('expression/syntax')
  })

  it('reports empty code', () => {
    const d = design()
    d.stream()
      .then('peek', { action: code('') })
      .to()
    expect(only(d.build(), 'function/empty').hint).toContain('JavaScript')
  })

  it('leaves code unparsed, since it is compiled where it runs', () => {
    const d = design()
    d.stream()
      .then('peek', { action: code('(key, value) => {') })
      .to()
    expect(validateGraph(d.build())).toEqual([])
  })

  it('reports a custom processor written as an expression', () => {
    const d = design()
    d.stream().then('process', { processor: expr('value') })
    expect(only(d.build(), 'function/code-required').param).toBe('processor')
  })
})

describe('validateGraph on expression variables', () => {
  it('reports an expression reading a variable its parameter does not offer, with the column', () => {
    const d = design()
    const orders = d.stream('orders')
    const customers = d.table('customers')
    d.join(orders, customers, {
      joinType: 'inner',
      joiner: expr('left.total + value.discount'),
    }).to('out')
    const diagnostics = validateGraph(d.build())
    expect(diagnostics).toMatchObject([
      {
        code: 'expression/unknown-variable',
        severity: 'error',
        param: 'joiner',
        column: 14,
        hint: 'This expression can read key, left, right.',
      },
    ])
  })
})
