import { PhysicalPlanSchema } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { Branched } from '../dsl/branched'
import { Grouped } from '../dsl/grouped'
import type { KStream } from '../dsl/kstream'
import { Materialized } from '../dsl/materialized'
import { Named } from '../dsl/named'
import { StreamsBuilder } from '../dsl/streams-builder'
import { Suppressed, BufferConfig } from '../dsl/suppressed'
import { JoinWindows, SessionWindows, SlidingWindows, TimeWindows } from '../dsl/windows'
import { Topology } from '../topology/topology'
import { fromDescription } from './from-description'
import * as golden from '../dsl/golden/kafka-describe-texts'
import { topologyFromPlan } from './topology-from-plan'

const joiner = (a: unknown, b: unknown) => `${String(a)}+${String(b)}`
const noop = () => ({ process() {} })

/** Parses `text`, rebuilds it and expects Kafka's exact text back, with no complaints. */
function roundTrip(text: string, pasted: string = text) {
  const { plan, diagnostics } = fromDescription(pasted)
  expect(diagnostics).toEqual([])
  if (plan === null) throw new Error('no plan')
  expect(PhysicalPlanSchema.parse(plan)).toEqual(plan)
  expect(plan.describe).toBe(text)
  expect(topologyFromPlan(plan).describe().toString()).toBe(text)
  return plan
}

describe('fromDescription round trips', () => {
  describe('the exact strings of the semantics reference', () => {
    it.each([
      ['word count with a repartition (Example 1)', golden.EXAMPLE_1_WORD_COUNT],
      ['stream–stream left join (Example 2)', golden.EXAMPLE_2_LEFT_JOIN],
      ['stream–table joins sharing a repartition (Example 3)', golden.EXAMPLE_3_REUSED_REPARTITION],
      ['windowed count with suppress (Example 4)', golden.EXAMPLE_4_SUPPRESS],
      ['table–table join (Example 5)', golden.EXAMPLE_5_TABLE_TABLE_JOIN],
      ['split and merge (Example 6)', golden.EXAMPLE_6_SPLIT_MERGE],
      ['a lone global store block (Example 7)', golden.EXAMPLE_7_GLOBAL_STORE],
      ['RepartitionWithMergeOptimizingTest', golden.REPARTITION_WITH_MERGE_OPTIMIZED],
      ['RepartitionOptimizingTest, optimized', golden.REPARTITION_OPTIMIZING_ALL],
      ['RepartitionOptimizingTest, unoptimized', golden.REPARTITION_OPTIMIZING_NONE],
    ])('%s', (_name, text) => {
      roundTrip(text)
    })
  })

  describe('topologies built with our DSL', () => {
    it('a stream–stream inner join, a stream–table join and a table–table join', () => {
      const builder = new StreamsBuilder()
      const orders = builder.stream<string, string>('orders')
      const payments = builder.stream<string, string>('payments')
      const customers = builder.table<string, string>('customers')
      const accounts = builder.table<string, string>('accounts')
      orders
        .join(payments, joiner, JoinWindows.ofTimeDifferenceWithNoGrace(1000))
        .join(customers, joiner)
        .to('enriched')
      customers.join(accounts, joiner).toStream().to('customer-accounts')
      orders.outerJoin(payments, joiner, JoinWindows.ofTimeDifferenceAndGrace(500, 100)).to('o')
      roundTrip(builder.build().describe().toString())
    })

    it('tumbling, hopping, sliding and session windowed aggregations with suppress', () => {
      const builder = new StreamsBuilder()
      const clicks = builder.stream<string, string>('clicks')
      const grouped = clicks.groupByKey()
      grouped.windowedBy(TimeWindows.ofSizeWithNoGrace(60_000)).count().toStream().to('per-minute')
      grouped
        .windowedBy(TimeWindows.ofSizeAndGrace(60_000, 5_000).advanceBy(10_000))
        .reduce((a, b) => a + b)
        .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()))
        .toStream()
        .to('hopping')
      grouped
        .windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(30_000))
        .count(Materialized.as('sliding-counts'))
      clicks
        .groupBy((_k, v) => v, Grouped.as('by-page'))
        .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(300_000))
        .count()
        .toStream()
        .to('sessions')
      roundTrip(builder.build().describe().toString())
    })

    it('split into branches that are mapped and merged again', () => {
      const builder = new StreamsBuilder()
      const branches = builder
        .stream<string, string>('events')
        .split(Named.as('route-'))
        .branch((_k, v) => v.startsWith('a'), Branched.as('a'))
        .branch((_k, v) => v.startsWith('b'), Branched.as('b'))
        .branch((_k, v) => v.startsWith('c'), Branched.as('c'))
        .defaultBranch(Branched.as('other'))
      const a = branches.get('route-a')
      const b = branches.get('route-b')
      const c = branches.get('route-c')
      const other = branches.get('route-other')
      if (a === undefined || b === undefined || c === undefined || other === undefined) {
        throw new Error('missing branch')
      }
      a.mapValues((v: string) => v.toUpperCase())
        .merge(b.filter(() => true))
        .merge(c)
        .merge(other.peek(() => {}))
        .to('all-events')
      b.to('b-events')
      roundTrip(builder.build().describe().toString())
    })

    it('global tables joined by streams, next to ordinary sub-topologies', () => {
      const builder = new StreamsBuilder()
      const products = builder.globalTable<string, string>('products')
      const orders = builder.stream<string, string>('orders')
      orders.join(products, (k) => k, joiner).to('orders-with-products')
      const stores = builder.globalTable<string, string>('stores', Materialized.as('store-table'))
      orders
        .selectKey((_k, v) => v)
        .groupByKey()
        .count()
        .toStream()
        .leftJoin(stores, (k) => k, joiner)
        .to('order-counts')
      const plan = roundTrip(builder.build().describe().toString())
      expect(plan.subtopologies.filter((s) => s.global)).toHaveLength(2)
      expect(plan.stores.filter((store) => store.global)).toEqual([
        expect.objectContaining({ global: true, logged: false, type: 'keyValue' }),
        expect.objectContaining({ name: 'store-table', global: true, logged: false }),
      ])
    })

    it('more than nine sub-topologies, with global stores among them', () => {
      const builder = new StreamsBuilder()
      let stream = builder.stream<string, string>('input')
      for (let i = 0; i < 6; i++) {
        stream = stream.selectKey((_k, v) => `${v}-${i}`).repartition()
      }
      builder.globalTable('lookup')
      for (let i = 0; i < 4; i++) {
        builder
          .stream<string, string>(`side-${i}`)
          .groupBy((_k, v) => v)
          .count()
          .toStream()
          .to(`side-count-${i}`)
      }
      stream.to('output')
      const text = builder.build().describe().toString()
      const plan = roundTrip(text)
      expect(plan.subtopologies.length).toBeGreaterThanOrEqual(11)
      expect(text).toContain('  Sub-topology: 10\n')
    })
  })

  describe('Processor API topologies and formatting', () => {
    it('parents declared in an order that a naive rebuild would not reproduce', () => {
      // Declaring enrich's parents in printed order (orders, payments) prints a different
      // `<--` list, so the rebuild has to find this order.
      const topology = new Topology()
        .addSource('orders', 't0')
        .addProcessor('payments', noop, 'orders')
        .addProcessor('enrich', noop, 'payments', 'orders')
        .addProcessor('validate', noop, 'orders', 'payments')
      roundTrip(topology.describe().toString())
    })

    it('a sub-topology of several hundred nodes, quickly', { timeout: 5000 }, () => {
      const builder = new StreamsBuilder()
      const input = builder.stream<string, string>('events')
      let merged: KStream<string, string> | null = null
      for (let i = 0; i < 70; i++) {
        const branch = input
          .filter((_k, v) => v.length > i)
          .mapValues((v: string) => `${v}-${i}`)
          .peek(() => {})
        merged = merged === null ? branch : merged.merge(branch)
        if (i % 7 === 0) branch.groupByKey().count().toStream().to(`counts-${i}`)
      }
      merged?.to('all-events')
      const plan = roundTrip(builder.build().describe().toString())
      expect(plan.nodes.length).toBeGreaterThan(300)
    })

    it('a pattern source, topics with dots and a dynamic sink with an extractor', () => {
      const topology = new Topology()
        .addSource('pattern-in', /orders\..*-(eu|us)/)
        .addSource('list-in', 'com.acme.payments', 'com.acme.refunds', 'audit_log-v2')
        .addProcessor('route', noop, 'pattern-in', 'list-in')
        .addSink(
          'dynamic-out',
          { extract: () => 'x', toString: () => 'com.acme.Router$$Lambda/0x1 (by region)' },
          'route',
        )
        .addSink('static-out', 'com.acme.out.v1', 'route')
      const text = topology.describe().toString()
      expect(text).toContain('(topics: orders\\..*-(eu|us))')
      expect(text).toContain('(extractor class: com.acme.Router$$Lambda/0x1 (by region))')
      const plan = roundTrip(text)
      expect(plan.nodes.find((node) => node.name === 'pattern-in')).toMatchObject({
        topicPattern: 'orders\\..*-(eu|us)',
      })
      expect(plan.nodes.find((node) => node.name === 'dynamic-out')).toMatchObject({
        topicExtractor: 'com.acme.Router$$Lambda/0x1 (by region)',
      })
    })

    it('keeps a Java-only pattern as text and notes that it cannot match here', () => {
      const text =
        'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: in (topics: (?<name>a)++\\p{javaLowerCase})\n' +
        '      --> none\n\n'
      const { plan, diagnostics } = fromDescription(text)
      expect(diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
        ['describe/pattern-not-javascript', 'info', 3],
      ])
      expect(plan === null ? null : topologyFromPlan(plan).describe().toString()).toBe(text)
    })

    it('reads Windows line endings, surrounding blank lines and a missing final newline', () => {
      const text = golden.EXAMPLE_3_REUSED_REPARTITION
      roundTrip(text, text.replace(/\n/g, '\r\n'))
      roundTrip(text, `\n\n  ${text.trimEnd()}`)
      roundTrip(text, text.replace(/^ +/gm, '\t'))
    })

    it('reads the named-topology header as an ordinary topology, with a note', () => {
      const text = golden.EXAMPLE_2_LEFT_JOIN
      const { plan, diagnostics } = fromDescription(text.replace('Topologies:', 'Topology: app:'))
      expect(diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
        ['describe/legacy-header', 'info', 1],
      ])
      expect(plan?.describe).toBe(text)
    })

    it('reads an empty topology', () => {
      roundTrip('Topologies:\n ')
    })
  })
})

describe('the plan of a description', () => {
  it('lists nodes, stores and repartition topics as describe() shows them', () => {
    const plan = roundTrip(golden.EXAMPLE_3_REUSED_REPARTITION)
    expect(plan.subtopologies.map((s) => [s.id, s.global, s.nodes.length])).toEqual([
      [0, false, 4],
      [1, false, 9],
    ])
    expect(plan.nodes.find((node) => node.name === 'KSTREAM-SOURCE-0000000010')).toEqual({
      name: 'KSTREAM-SOURCE-0000000010',
      type: 'source',
      subtopology: 1,
      topics: ['KSTREAM-MAP-0000000007-repartition'],
      stores: [],
      predecessors: [],
      successors: ['KSTREAM-JOIN-0000000011', 'KSTREAM-JOIN-0000000016'],
    })
    expect(plan.stores).toEqual([
      {
        name: 'topic2-STATE-STORE-0000000001',
        type: 'keyValue',
        logged: true,
        global: false,
        processors: ['KSTREAM-JOIN-0000000011', 'KTABLE-SOURCE-0000000003'],
      },
      {
        name: 'topic3-STATE-STORE-0000000004',
        type: 'keyValue',
        logged: true,
        global: false,
        processors: ['KSTREAM-JOIN-0000000016', 'KTABLE-SOURCE-0000000006'],
      },
    ])
    expect(plan.internalTopics).toEqual([
      { name: 'KSTREAM-MAP-0000000007-repartition', type: 'repartition', sourceOf: 1, sinkOf: [0] },
    ])
    expect(plan.logicalNodes).toEqual([])
  })

  it('marks the store of a global store block global and unlogged', () => {
    const plan = roundTrip(golden.EXAMPLE_7_GLOBAL_STORE)
    expect(plan.subtopologies).toEqual([
      { id: 0, global: true, nodes: ['KSTREAM-SOURCE-0000000001', 'KTABLE-SOURCE-0000000002'] },
    ])
    expect(plan.stores).toEqual([
      {
        name: 'products-STATE-STORE-0000000000',
        type: 'keyValue',
        logged: false,
        global: true,
        processors: ['KTABLE-SOURCE-0000000002'],
      },
    ])
  })

  it('follows the rebuilt order, with a warning on the line, when no order prints the text', () => {
    // Both sinks have size 1 whenever they are compared, so describe() lists them by name.
    const text =
      'Topologies:\n' +
      '   Sub-topology: 0\n' +
      '    Source: in (topics: [a])\n' +
      '      --> sink-2, sink-1\n' +
      '    Sink: sink-1 (topic: b)\n' +
      '      <-- in\n' +
      '    Sink: sink-2 (topic: c)\n' +
      '      <-- in\n\n'
    const { plan, diagnostics } = fromDescription(text)
    expect(diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['describe/order-not-reproduced', 'warning', 4],
    ])
    expect(diagnostics[0]?.message).toContain('"sink-2, sink-1"')
    expect(plan?.describe).toBe(text.replace('sink-2, sink-1', 'sink-1, sink-2'))
    expect(plan?.nodes[0]?.successors).toEqual(['sink-1', 'sink-2'])
    expect(plan === null ? null : topologyFromPlan(plan).describe().toString()).toBe(plan?.describe)
  })
})
