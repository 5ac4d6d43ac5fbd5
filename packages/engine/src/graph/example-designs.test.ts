// The example designs the app ships plan cleanly and compute what their descriptions promise.
import {
  clickEnrichmentDesign,
  EXAMPLE_DESIGNS,
  latestPriceDesign,
  type TopologyGraph,
} from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { Serdes } from '../serde/serdes'
import { TopologyTestDriver } from '../test-driver/topology-test-driver'
import type { Topology } from '../topology/topology'
import { compileGraph } from './compile-graph'
import { planGraph } from './plan-graph'

const S = Serdes.String()
const J = Serdes.Json()

function driverFor(graph: TopologyGraph): TopologyTestDriver {
  const { topology, diagnostics } = compileGraph(graph)
  expect(diagnostics).toEqual([])
  return new TopologyTestDriver(topology as Topology, {
    'application.id': graph.applicationId,
    'statestore.cache.max.bytes': 0,
  })
}

describe('example designs', () => {
  it.each(EXAMPLE_DESIGNS.map((e) => [e.id, e] as const))(
    '%s plans with no problems but what it shows on purpose',
    (id, example) => {
      const { plan, diagnostics } = planGraph(example.design())
      // Click enrichment is there to show a join after a repartition.
      expect(diagnostics.map((d) => d.code)).toEqual(
        id === 'click-enrichment' ? ['join/repartitioned-input'] : [],
      )
      expect(plan).not.toBeNull()
    },
  )

  it('latest price emits the last trade of each ISIN once its 2-second window closes', () => {
    const driver = driverFor(latestPriceDesign())
    const trades = driver.createInputTopic('stock-trades', S, J)
    const prices = driver.createOutputTopic('latest-prices', S, J)
    trades.pipeInput('US0378331005', { price: 1 }, 0)
    trades.pipeInput('US0378331005', { price: 2 }, 1000)
    trades.pipeInput('US5949181045', { price: 5 }, 1500)
    // Stream time 2400 is before window end 2000 plus grace 500: nothing yet.
    trades.pipeInput('US5949181045', { price: 6 }, 2400)
    expect(prices.readKeyValuesToList()).toEqual([])
    trades.pipeInput('US0378331005', { price: 3 }, 2500)
    expect(prices.readKeyValuesToList().map((kv) => [kv.key, kv.value])).toEqual([
      ['US0378331005', { isin: 'US0378331005', price: 2, windowStart: 0, windowEnd: 2000 }],
      ['US5949181045', { isin: 'US5949181045', price: 5, windowStart: 0, windowEnd: 2000 }],
    ])
    driver.close()
  })

  it('click enrichment re-keys views by page and adds the page details, or unknown', () => {
    const graph = clickEnrichmentDesign()
    const { plan } = planGraph(graph)
    expect(plan?.internalTopics.filter((t) => t.type === 'repartition')).toHaveLength(1)
    const driver = driverFor(graph)
    driver.createInputTopic('pages', S, J).pipeInput('/home', { title: 'Home', section: 'main' }, 0)
    const views = driver.createInputTopic('page-views', S, J)
    views.pipeInput('user-1', { userId: 'user-1', page: '/home', viewTime: 't1' }, 1)
    views.pipeInput('user-2', { userId: 'user-2', page: '/gone', viewTime: 't2' }, 2)
    const out = driver.createOutputTopic('page-views-enriched', S, J).readKeyValuesToList()
    expect(out.map((kv) => [kv.key, kv.value])).toEqual([
      [
        '/home',
        { userId: 'user-1', page: '/home', viewTime: 't1', title: 'Home', section: 'main' },
      ],
      [
        '/gone',
        { userId: 'user-2', page: '/gone', viewTime: 't2', title: 'unknown', section: 'unknown' },
      ],
    ])
    driver.close()
  })
})
