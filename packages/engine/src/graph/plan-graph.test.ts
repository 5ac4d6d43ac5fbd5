import { describe, expect, it } from 'vitest'
import { Materialized } from '../dsl/materialized'
import { StreamsBuilder } from '../dsl/streams-builder'
import { JoinWindows, TimeWindows } from '../dsl/windows'
import { KeyValue } from '../dsl/key-value'
import { compileGraph } from './compile-graph'
import { design, expr } from './internal/test-helpers'
import { planGraph } from './plan-graph'

function wordCountDesign() {
  const d = design()
  d.stream('text-input')
    .then('flatMapValues', { mapper: expr("split(lower(value), ' ')") })
    .groupBy({ keySelector: expr('value') })
    .count({ storeName: 'counts-store' })
    .toStream()
    .to('word-counts')
  return d.build()
}

describe('planGraph', () => {
  it('plans a designed word count exactly as the same program written with the DSL', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('text-input')
      .flatMapValues((line: string) => line.split(' '))
      .groupBy((_k, w) => w)
      .count(Materialized.as('counts-store'))
      .toStream()
      .to('word-counts')
    const { plan, diagnostics } = planGraph(wordCountDesign())
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(plan?.describe).toBe(builder.build().describe().toString())
  })

  it('maps every physical node back to the design node that produced it', () => {
    const graph = wordCountDesign()
    const { plan } = planGraph(graph)
    const countId = graph.nodes.find((n) => n.kind === 'count')?.id
    const placement = plan?.logicalNodes.find((p) => p.nodeId === countId)
    expect(placement?.physicalNodes).toEqual([
      'counts-store-repartition-filter',
      'counts-store-repartition-sink',
      'counts-store-repartition-source',
      'KSTREAM-AGGREGATE-0000000003',
    ])
    expect(placement?.subtopologies).toEqual([0, 1])
    expect(plan?.nodes.every((n) => n.logicalNodeId !== undefined)).toBe(true)
  })

  it('lists the repartition topic with the sub-topologies that write and read it, and the changelog', () => {
    const { plan } = planGraph(wordCountDesign())
    expect(plan?.internalTopics).toEqual([
      { name: 'counts-store-repartition', type: 'repartition', sourceOf: 1, sinkOf: [0] },
      { name: 'counts-store-changelog', type: 'changelog', sinkOf: [1] },
    ])
    expect(plan?.stores).toEqual([
      {
        name: 'counts-store',
        type: 'timestampedKeyValue',
        logged: true,
        changelogTopic: 'counts-store-changelog',
        global: false,
        processors: ['KSTREAM-AGGREGATE-0000000003'],
        logicalNodeId: expect.any(String),
      },
    ])
    expect(plan?.subtopologies.map((s) => [s.id, s.global, s.nodes.length])).toEqual([
      [0, false, 5],
      [1, false, 4],
    ])
  })

  it('returns diagnostics and no plan when the design has errors', () => {
    const d = design()
    d.stream('in').count()
    const { plan, diagnostics } = planGraph(d.build())
    expect(plan).toBeNull()
    expect(diagnostics.some((x) => x.code === 'node/wrong-input-type')).toBe(true)
  })

  it('plans the seed pipeline: trades re-keyed by isin into 2-second windows keeping the latest price', () => {
    const d = design()
    d.stream('trades')
      .selectKey('value.isin')
      .groupByKey()
      .windowedBy({ type: 'tumbling', sizeMs: 2000 })
      .then('reduce', { reducer: expr('value') })
      .toStream()
      .to('latest-prices')
    const builder = new StreamsBuilder()
    builder
      .stream<string, { isin: string }>('trades')
      .selectKey((_k, v) => v.isin)
      .groupByKey()
      .windowedBy(TimeWindows.ofSizeWithNoGrace(2000))
      .reduce((_a, v) => v)
      .toStream()
      .to('latest-prices')
    const { plan } = planGraph(d.build())
    expect(plan?.describe).toBe(builder.build().describe().toString())
    expect(plan?.stores[0]?.type).toBe('timestampedWindow')
    expect(plan?.internalTopics.map((t) => t.name)).toEqual([
      'KSTREAM-REDUCE-STATE-STORE-0000000002-repartition',
      'KSTREAM-REDUCE-STATE-STORE-0000000002-changelog',
    ])
  })

  it('compiles every join variant from the kinds of its inputs', () => {
    const d = design()
    const orders = d.stream('orders')
    const payments = d.stream('payments')
    const customers = d.table('customers')
    const products = d.globalTable('products')
    const regions = d.table('regions')
    d.join(orders, payments, {
      joinType: 'left',
      joiner: expr('left'),
      window: { beforeMs: 100, afterMs: 100 },
    }).to('o1')
    d.join(orders, customers, { joinType: 'inner', joiner: expr('left') }).to('o2')
    d.join(orders, products, {
      joinType: 'left',
      joiner: expr('left'),
      keySelector: expr('value.product'),
    }).to('o3')
    d.join(customers, regions, { joinType: 'outer', joiner: expr('left') })
      .toStream()
      .to('o4')
    const builder = new StreamsBuilder()
    const o = builder.stream('orders')
    const p = builder.stream('payments')
    const c = builder.table('customers')
    const g = builder.globalTable('products')
    const r = builder.table('regions')
    const j = (a: unknown) => a
    o.leftJoin(p, j, JoinWindows.ofTimeDifferenceWithNoGrace(100)).to('o1')
    o.join(c, j).to('o2')
    o.leftJoin(g, (_k, v) => v, j).to('o3')
    c.outerJoin(r, j).toStream().to('o4')
    const { plan, diagnostics } = planGraph(d.build())
    expect(diagnostics.filter((x) => x.severity === 'error')).toEqual([])
    expect(plan?.describe).toBe(builder.build().describe().toString())
    expect(plan?.subtopologies.some((s) => s.global)).toBe(true)
  })

  it('gives each split branch its own output port', () => {
    const d = design()
    const split = d.stream('events').then('split', {
      branches: [
        { id: 'big', name: '-big', predicate: expr('value.amount > 100') },
        { id: 'small', predicate: expr('value.amount <= 100') },
      ],
      defaultBranch: true,
    })
    d.add('sink', { topic: 'big' }, 'sinkBig')
    d.connect(split.branch('big'), { id: 'sinkBig' })
    d.add('sink', { topic: 'small' }, 'sinkSmall')
    d.connect(split.branch('small'), { id: 'sinkSmall' })
    d.add('sink', { topic: 'rest' }, 'sinkRest')
    d.connect(split.branch('default'), { id: 'sinkRest' })
    const { plan } = planGraph(d.build())
    const sinks = plan?.nodes.filter((n) => n.type === 'sink').map((n) => [n.topic, n.predecessors])
    expect(sinks).toEqual(
      expect.arrayContaining([
        ['big', ['KSTREAM-BRANCH-0000000001-big']],
        ['small', ['KSTREAM-BRANCH-00000000012']],
        ['rest', ['KSTREAM-BRANCH-00000000010']],
      ]),
    )
  })

  it('applies topology.optimization from the design config', () => {
    const d = design()
    const keyed = d.stream('in').selectKey('value.id')
    keyed.groupByKey().count().toStream().to('counts')
    keyed.toTable().toStream().to('latest')
    const graph = { ...d.build(), config: { 'topology.optimization': 'all' } }
    const { plan } = planGraph(graph)
    expect(plan?.internalTopics.filter((t) => t.type === 'repartition')).toHaveLength(1)
    const plain = planGraph(d.build()).plan
    expect(plain?.internalTopics.filter((t) => t.type === 'repartition')).toHaveLength(2)
  })

  it('turns a DSL error into a diagnostic on the node being compiled', () => {
    const d = design()
    d.stream('in').then('repartition', { name: 'dup' }).to('a')
    d.stream('in2').then('repartition', { name: 'dup' }).to('b')
    const { plan, diagnostics } = planGraph(d.build())
    if (plan === null) {
      expect(diagnostics.some((x) => x.severity === 'error' && x.nodeId !== undefined)).toBe(true)
    } else {
      expect(plan.internalTopics.map((t) => t.name)).toContain('dup-repartition')
    }
  })
})

describe('compileGraph', () => {
  it('runs declarative expressions when the topology calls them', () => {
    const d = design()
    d.stream('in')
      .then('map', { key: expr('value.id'), value: expr('upper(value.name)') })
      .to('out')
    const { topology } = compileGraph(d.build())
    const mapNode = [...(topology?.internalBuilder.nodes().values() ?? [])].find((n) =>
      n.name.startsWith('KSTREAM-MAP'),
    )
    const logic = mapNode?.type === 'processor' ? mapNode.logic : null
    const mapper =
      logic?.kind === 'operator'
        ? (logic.operator['mapper'] as (k: unknown, v: unknown) => KeyValue<unknown, unknown>)
        : null
    expect(mapper?.('k', { id: 7, name: 'ada' })).toEqual(KeyValue.pair(7, 'ADA'))
  })

  it('compiles JavaScript parameters only when first called', () => {
    const d = design()
    d.stream('in')
      .then('filter', { predicate: { lang: 'code', source: '(key, value) => value > 1' } })
      .to('out')
    let compiled = 0
    const { topology } = compileGraph(d.build(), {
      codeExecutor: {
        compile(source) {
          compiled++
          return new Function(`return (${source})`)() as (...args: unknown[]) => unknown
        },
      },
    })
    expect(compiled).toBe(0)
    const filter = [...(topology?.internalBuilder.nodes().values() ?? [])].find((n) =>
      n.name.startsWith('KSTREAM-FILTER'),
    )
    const logic = filter?.type === 'processor' ? filter.logic : null
    const predicate =
      logic?.kind === 'operator'
        ? (logic.operator['predicate'] as (k: unknown, v: unknown) => boolean)
        : null
    expect(predicate?.('k', 2)).toBe(true)
    expect(predicate?.('k', 0)).toBe(false)
    expect(compiled).toBe(1)
  })
})
