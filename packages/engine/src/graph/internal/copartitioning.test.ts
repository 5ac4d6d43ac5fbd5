import { clickEnrichmentDesign, type Diagnostic } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { planGraph } from '../plan-graph'
import { design, expr } from './test-helpers'

const cluster = (topics: Record<string, number>) => ({
  name: 'cluster "local"',
  partitions: new Map(Object.entries(topics)),
})

function ordersWithCustomers(repartitionPartitions?: number) {
  const d = design()
  const orders = d.stream('orders')
  const left =
    repartitionPartitions === undefined
      ? orders
      : orders.then('repartition', { numberOfPartitions: repartitionPartitions })
  d.join(left, d.table('customers'), { joinType: 'left' }).to('enriched')
  return d.build()
}

const joinFindings = (diagnostics: readonly { code: string }[]) =>
  diagnostics.filter((d) => /^join\/(not-copartitioned|copartitioning-unchecked)$/.test(d.code))

describe('co-partitioning against the cluster', () => {
  it('flags a join of topics with different partition counts as Kafka Streams would refuse it', () => {
    const graph = ordersWithCustomers()
    const join = graph.nodes.find((n) => n.kind === 'join')!
    const { diagnostics } = planGraph(graph, { cluster: cluster({ orders: 6, customers: 3 }) })
    expect(joinFindings(diagnostics)).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'join/not-copartitioned',
        nodeId: join.id,
        message: expect.stringContaining(
          'on cluster "local": orders (6 partitions), customers (3 partitions)',
        ),
      }),
    ])
  })

  it('accepts equal counts, and checks nothing without a cluster', () => {
    const graph = ordersWithCustomers()
    expect(
      joinFindings(planGraph(graph, { cluster: cluster({ orders: 4, customers: 4 }) }).diagnostics),
    ).toEqual([])
    expect(joinFindings(planGraph(graph).diagnostics)).toEqual([])
  })

  it('counts an explicit repartition as fixed, and lets a re-keyed side follow the table', () => {
    const fixed = planGraph(ordersWithCustomers(6), {
      cluster: cluster({ orders: 6, customers: 3 }),
    })
    expect(joinFindings(fixed.diagnostics)).toEqual([
      expect.objectContaining({
        code: 'join/not-copartitioned',
        message: expect.stringMatching(
          /repartition\S* \(6 partitions\), customers \(3 partitions\)/,
        ),
      }),
    ])
    expect(
      joinFindings(
        planGraph(ordersWithCustomers(3), { cluster: cluster({ orders: 6, customers: 3 }) })
          .diagnostics,
      ),
    ).toEqual([])
    // Page views are re-keyed by page: their repartition topic takes the pages table's count.
    const enrichment = planGraph(clickEnrichmentDesign(), {
      cluster: cluster({ 'page-views': 12, pages: 3 }),
    })
    expect(joinFindings(enrichment.diagnostics)).toEqual([])
  })

  it('says which input topics it could not find instead of guessing', () => {
    const { diagnostics } = planGraph(ordersWithCustomers(), { cluster: cluster({ orders: 6 }) })
    expect(joinFindings(diagnostics)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'join/copartitioning-unchecked',
        message: expect.stringContaining('customers is not on cluster "local"'),
      }),
    ])
  })

  it('does not ask a global table join for co-partitioning', () => {
    const d = design()
    d.join(d.stream('orders'), d.globalTable('customers'), {
      keySelector: expr('value.customerId'),
    }).to('enriched')
    const { diagnostics } = planGraph(d.build(), { cluster: cluster({ orders: 6, customers: 1 }) })
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(joinFindings(diagnostics)).toEqual([])
  })

  it('flags a join whose input is re-keyed upstream, with the count its repartition topic gets', () => {
    const enrichment = clickEnrichmentDesign()
    const rekeyed = (diagnostics: readonly Diagnostic[]) =>
      diagnostics.filter((d) => d.code === 'join/repartitioned-input')
    expect(rekeyed(planGraph(enrichment).diagnostics)).toEqual([
      expect.objectContaining({
        severity: 'info',
        nodeId: 'enrich',
        message: expect.stringMatching(
          /^An input of join "Add page details" is re-keyed upstream, so Kafka Streams repartitions it through click-enrichment-\S+-repartition first: every record takes an extra topic and a hop\.$/,
        ),
      }),
    ])
    const withCluster = planGraph(enrichment, { cluster: cluster({ 'page-views': 12, pages: 3 }) })
    expect(rekeyed(withCluster.diagnostics)[0]?.message).toMatch(
      /The topic gets 3 partitions, as pages\.$/,
    )
    expect(rekeyed(planGraph(ordersWithCustomers()).diagnostics)).toEqual([])
    // A table made by a re-keying aggregation is that aggregation's repartition, not the join's.
    const d = design()
    const counts = d
      .stream('clicks')
      .groupBy({ keySelector: expr('value.page') })
      .count()
    d.join(d.stream('views'), counts, { joinType: 'left' }).to('out')
    expect(rekeyed(planGraph(d.build()).diagnostics)).toEqual([])
  })

  it('checks the grouped streams of a cogroup as Kafka Streams does', () => {
    const d = design()
    const score = d.add('cogroup', {
      inputs: [
        { id: 'clicks', aggregator: expr('aggregate + 1') },
        { id: 'purchases', aggregator: expr('aggregate + value') },
      ],
      initializer: expr('0'),
    })
    d.connect(d.stream('clicks').groupByKey(), score, 'clicks')
    d.connect(d.stream('purchases').groupByKey(), score, 'purchases')
    score.toStream().to('scores')
    const { diagnostics } = planGraph(d.build(), {
      cluster: cluster({ clicks: 6, purchases: 3 }),
    })
    expect(joinFindings(diagnostics)).toEqual([
      expect.objectContaining({
        code: 'join/not-copartitioned',
        nodeId: score.id,
        message: expect.stringContaining(
          `cogroup "${score.id}" reads topics that are not co-partitioned on cluster "local": clicks (6 partitions), purchases (3 partitions)`,
        ),
      }),
    ])
  })
})
