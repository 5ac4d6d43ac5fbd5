// A design compiled from a TopologyGraph runs in the TopologyTestDriver and behaves exactly
// like the same topology written with the DSL.
import type { FunctionParam, GraphEdge, GraphNode, TopologyGraph } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { Materialized } from '../dsl/materialized'
import { Produced } from '../dsl/produced'
import { StreamsBuilder } from '../dsl/streams-builder'
import { TableJoined } from '../dsl/table-joined'
import { StreamsException } from '../runtime/streams-exception'
import { Serdes } from '../serde/serdes'
import { TopologyTestDriver } from '../test-driver/topology-test-driver'
import type { Topology } from '../topology/topology'
import { compileGraph } from './compile-graph'

const S = Serdes.String()
const L = Serdes.Long()
const J = Serdes.Json()
const props = { 'statestore.cache.max.bytes': 0 }

function node(id: string, kind: GraphNode['kind'], params: object): GraphNode {
  return { id, kind, params, position: { x: 0, y: 0 } } as GraphNode
}
const edge = (source: string, target: string): GraphEdge => ({
  id: `${source}->${target}`,
  source,
  target,
})
const expr = (source: string): FunctionParam => ({ lang: 'expression', source })
const code = (source: string): FunctionParam => ({ lang: 'code', source })

function wordCountGraph(lang: 'expression' | 'code'): TopologyGraph {
  const fn = lang === 'expression' ? expr : code
  return {
    version: 1,
    name: 'Word count',
    applicationId: 'word-count',
    config: { 'default.key.serde': 'String', 'default.value.serde': 'String' },
    nodes: [
      node('lines', 'stream', { topics: ['lines'] }),
      node('words', 'flatMapValues', {
        mapper: fn(
          lang === 'expression'
            ? "split(lower(value), ' ')"
            : "(value) => value.toLowerCase().split(' ')",
        ),
      }),
      node('nonEmpty', 'filter', {
        predicate: fn(lang === 'expression' ? "value != ''" : "(key, value) => value !== ''"),
      }),
      node('byWord', 'groupBy', {
        keySelector: fn(lang === 'expression' ? 'value' : '(key, value) => value'),
      }),
      node('counts', 'count', { storeName: 'counts' }),
      node('changes', 'toStream', {}),
      node('out', 'sink', { topic: 'word-counts', keySerde: 'String', valueSerde: 'Long' }),
    ],
    edges: [
      edge('lines', 'words'),
      edge('words', 'nonEmpty'),
      edge('nonEmpty', 'byWord'),
      edge('byWord', 'counts'),
      edge('counts', 'changes'),
      edge('changes', 'out'),
    ],
  }
}

function wordCountDsl(): Topology {
  const builder = new StreamsBuilder()
  builder
    .stream<string, string>('lines')
    .flatMapValues((value: string) => value.toLowerCase().split(' '))
    .filter((_key, value) => value !== '')
    .groupBy((_key, value) => value)
    .count(Materialized.as('counts'))
    .toStream()
    .to('word-counts', Produced.with(S, L))
  return builder.build({ 'default.key.serde': 'String', 'default.value.serde': 'String' })
}

function run(topology: Topology): unknown[] {
  const driver = new TopologyTestDriver(topology, { ...props, 'application.id': 'word-count' })
  const input = driver.createInputTopic('lines', S, S)
  input.pipeInput(null, 'The quick  fox', 1)
  input.pipeInput(null, 'the lazy dog', 2)
  input.pipeInput(null, 'THE END', 3)
  const out = driver.createOutputTopic('word-counts', S, L).readRecordsToList()
  return [
    out.map((r) => [r.key(), r.value(), r.timestamp()]),
    [...driver.producedTopicNames()].sort(),
  ]
}

function compiled(graph: TopologyGraph): Topology {
  const result = compileGraph(graph)
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return result.topology as Topology
}

describe('running a compiled design', () => {
  it('runs declarative expressions and gives the same outputs as the DSL version', () => {
    const fromGraph = run(compiled(wordCountGraph('expression')))
    expect(fromGraph).toEqual(run(wordCountDsl()))
    expect(fromGraph[0]).toEqual([
      ['the', 1, 1],
      ['quick', 1, 1],
      ['fox', 1, 1],
      ['the', 2, 2],
      ['lazy', 1, 2],
      ['dog', 1, 2],
      ['the', 3, 3],
      ['end', 1, 3],
    ])
  })

  it('runs JavaScript code parameters and gives the same outputs as the DSL version', () => {
    expect(run(compiled(wordCountGraph('code')))).toEqual(run(wordCountDsl()))
  })

  it('reports a throwing JavaScript parameter with its design node, topic, partition and offset', () => {
    const graph: TopologyGraph = {
      version: 1,
      name: 'Fragile',
      applicationId: 'fragile',
      config: {},
      nodes: [
        node('in', 'stream', { topics: ['in'], keySerde: 'String', valueSerde: 'Json' }),
        node('price', 'mapValues', {
          mapper: code(
            '(value) => { if (value.price < 0) throw new Error("negative price"); return value.price }',
          ),
          name: 'price',
        }),
        node('out', 'sink', { topic: 'out', keySerde: 'String', valueSerde: 'Json' }),
      ],
      edges: [edge('in', 'price'), edge('price', 'out')],
    }
    const driver = new TopologyTestDriver(compiled(graph), { 'application.id': 'fragile' })
    const input = driver.createInputTopic('in', S, J)
    input.pipeInput('a', { price: 3 }, 1)
    expect(() => input.pipeInput('b', { price: -1 }, 2)).toThrow(StreamsException)
    expect(() => input.pipeInput('c', { price: -2 }, 3)).toThrow(
      'Exception caught in process. taskId=0_0, processor=price (design node price), topic=in, partition=0, offset=2: negative price',
    )
    expect(driver.createOutputTopic('out', S, J).readValuesToList()).toEqual([3])
  })
})

describe('running a design with a custom processor', () => {
  it('runs a JavaScript processor with its own store, forwarding only first sightings', () => {
    const graph: TopologyGraph = {
      version: 1,
      name: 'Dedupe',
      applicationId: 'dedupe',
      config: { 'default.key.serde': 'String', 'default.value.serde': 'String' },
      nodes: [
        node('clicks', 'stream', { topics: ['clicks'] }),
        node('dedupe', 'process', {
          processor: code(`() => {
            let context, seen
            return {
              init(ctx) { context = ctx; seen = ctx.getStateStore('seen') },
              process(record) {
                if (seen.get(record.value()) !== null) return
                seen.put(record.value(), String(record.timestamp()))
                context.forward(record)
              },
            }
          }`),
          stores: [{ name: 'seen', type: 'keyValue' }],
          valuesOnly: true,
          name: 'dedupe',
        }),
        node('out', 'sink', { topic: 'first-clicks' }),
      ],
      edges: [edge('clicks', 'dedupe'), edge('dedupe', 'out')],
    }
    const driver = new TopologyTestDriver(compiled(graph), { 'application.id': 'dedupe' })
    const input = driver.createInputTopic('clicks', S, S)
    input.pipeInput('u1', '/home', 1)
    input.pipeInput('u2', '/home', 2)
    input.pipeInput('u2', '/cart', 3)
    expect(
      driver
        .createOutputTopic('first-clicks', S, S)
        .readRecordsToList()
        .map((r) => [r.key(), r.value(), r.timestamp()]),
    ).toEqual([
      ['u1', '/home', 1],
      ['u2', '/cart', 3],
    ])
    expect(driver.getKeyValueStore<string, string>('seen')?.get('/home')).toBe('1')
  })

  it('a table-table joiner sees the key as null, as Kafka passes a ValueJoiner', () => {
    const tableJoin = (joiner: FunctionParam): TopologyGraph => ({
      version: 1,
      name: 'Table join',
      applicationId: 'table-join',
      config: {},
      nodes: [
        node('a', 'table', { topic: 'a' }),
        node('b', 'table', { topic: 'b' }),
        node('j', 'join', { joinType: 'inner', joiner }),
        node('ts', 'toStream', {}),
        node('out', 'sink', { topic: 'joined' }),
      ],
      edges: [
        { id: 'a', source: 'a', target: 'j', targetPort: 'left' },
        { id: 'b', source: 'b', target: 'j', targetPort: 'right' },
        edge('j', 'ts'),
        edge('ts', 'out'),
      ],
    })
    for (const joiner of [
      expr("(isNull(key) ? 'null' : key) + '|' + left + '|' + right"),
      code("(left, right) => 'null|' + left + '|' + right"),
    ]) {
      const driver = new TopologyTestDriver(compiled(tableJoin(joiner)), {
        'default.key.serde': 'String',
        'default.value.serde': 'String',
      })
      driver.createInputTopic('a', S, S).pipeInput('k', 'L', 1)
      driver.createInputTopic('b', S, S).pipeInput('k', 'R', 2)
      expect(driver.createOutputTopic('joined', S, S).readValuesToList()).toEqual(['null|L|R'])
    }
  })
})

describe('a designed foreign-key join', () => {
  const graph = (joinType: 'inner' | 'left'): TopologyGraph => ({
    version: 1,
    name: 'Orders with customers',
    applicationId: 'fk',
    config: { 'default.key.serde': 'String', 'default.value.serde': 'Json' },
    nodes: [
      node('orders', 'table', { topic: 'orders', storeName: 'orders-store' }),
      node('customers', 'table', { topic: 'customers', storeName: 'customers-store' }),
      node('withCustomer', 'join', {
        joinType,
        name: 'with-customer',
        foreignKey: expr('value.customer'),
        joiner: expr('{ item: left.item, name: right.name }'),
      }),
      node('changes', 'toStream', {}),
      node('out', 'sink', { topic: 'orders-with-customers' }),
    ],
    edges: [
      { id: 'l', source: 'orders', target: 'withCustomer', targetPort: 'left' },
      { id: 'r', source: 'customers', target: 'withCustomer', targetPort: 'right' },
      edge('withCustomer', 'changes'),
      edge('changes', 'out'),
    ],
  })

  it('builds what the DSL builds and looks each order up by its customer', () => {
    const builder = new StreamsBuilder()
    const orders = builder.table<string, { item: string; customer: string }>(
      'orders',
      Materialized.as('orders-store'),
    )
    const customers = builder.table<string, { name: string }>(
      'customers',
      Materialized.as('customers-store'),
    )
    orders
      .join(
        customers,
        (order: { item: string; customer: string }) => order.customer,
        (order: { item: string; customer: string }, customer: { name: string }) => ({
          item: order.item,
          name: customer.name,
        }),
        TableJoined.as('with-customer'),
      )
      .toStream()
      .to('orders-with-customers')
    const config = { 'default.key.serde': 'String', 'default.value.serde': 'Json' }
    const topology = compiled(graph('inner'))
    expect(topology.describe().toString()).toBe(builder.build(config).describe().toString())

    const driver = new TopologyTestDriver(topology, { ...props, 'application.id': 'fk' })
    driver.createInputTopic('customers', S, J).pipeInput('c1', { name: 'Ada' }, 1)
    const orderInput = driver.createInputTopic('orders', S, J)
    orderInput.pipeInput('o1', { item: 'book', customer: 'c1' }, 2)
    orderInput.pipeInput('o2', { item: 'pen', customer: 'c2' }, 3)
    const out = driver.createOutputTopic('orders-with-customers', S, J).readKeyValuesToMap()
    expect(Object.fromEntries(out)).toEqual({ o1: { item: 'book', name: 'Ada' } })
    driver.close()
  })

  it('keeps orders without a customer in a left join', () => {
    const driver = new TopologyTestDriver(compiled(graph('left')), {
      ...props,
      'application.id': 'fk',
    })
    driver.createInputTopic('orders', S, J).pipeInput('o2', { item: 'pen', customer: 'c2' }, 3)
    const out = driver.createOutputTopic('orders-with-customers', S, J).readKeyValuesToMap()
    expect(Object.fromEntries(out)).toEqual({ o2: { item: 'pen', name: null } })
    driver.close()
  })
})
