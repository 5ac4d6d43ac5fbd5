import type { PhysicalPlan } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { StreamsBuilder } from '../dsl/streams-builder'
import { TopologyException } from '../topology/topology-exception'
import { fromDescription } from './from-description'
import * as golden from '../dsl/golden/kafka-describe-texts'
import { topologyFromPlan } from './topology-from-plan'

function planOf(text: string): PhysicalPlan {
  const { plan } = fromDescription(text)
  if (plan === null) throw new Error('no plan')
  return plan
}

describe('topologyFromPlan', () => {
  it('builds processors that do nothing and in-memory key-value stores', () => {
    const topology = topologyFromPlan(planOf(golden.EXAMPLE_3_REUSED_REPARTITION))
    const stores = topology.internalBuilder.stateStores()
    expect([...stores.keys()]).toEqual([
      'topic2-STATE-STORE-0000000001',
      'topic3-STATE-STORE-0000000004',
    ])
    const store = stores.get('topic2-STATE-STORE-0000000001')
    expect(store?.builder.type).toBe('keyValue')
    expect(store?.builder.loggingEnabled).toBe(true)
    expect(store?.users).toEqual(['KSTREAM-JOIN-0000000011', 'KTABLE-SOURCE-0000000003'])
    const supplier = topology.internalBuilder.userSupplier('KSTREAM-JOIN-0000000011')
    expect(typeof supplier?.().process).toBe('function')
  })

  it('adds global stores without logging, under the id the plan gives them', () => {
    const builder = new StreamsBuilder()
    builder.stream('a').to('b')
    builder.globalTable('products')
    const text = builder.build().describe().toString()
    const topology = topologyFromPlan(planOf(text))
    expect(topology.describe().toString()).toBe(text)
    expect(
      topology
        .describe()
        .globalStores()
        .map((store) => store.id),
    ).toEqual([1])
    const [global] = topology.internalBuilder.globalStores().values()
    expect(global?.loggingEnabled).toBe(false)
  })

  it('gives a dynamic sink an extractor that prints the described text', () => {
    const text =
      'Topologies:\n' +
      '   Sub-topology: 0\n' +
      '    Source: in (topics: [a])\n' +
      '      --> out\n' +
      '    Sink: out (extractor class: com.acme.ByRegion@1f2e)\n' +
      '      <-- in\n\n'
    const topology = topologyFromPlan(planOf(text))
    const sink = topology.internalBuilder.nodes().get('out')
    expect(sink?.type === 'sink' ? String(sink.topicExtractor) : null).toBe(
      'com.acme.ByRegion@1f2e',
    )
    expect(topology.describe().toString()).toBe(text)
  })

  it('keeps stores that no processor uses, honouring their logging flag', () => {
    const plan: PhysicalPlan = {
      ...planOf(golden.EXAMPLE_1_WORD_COUNT),
      stores: [
        ...planOf(golden.EXAMPLE_1_WORD_COUNT).stores,
        { name: 'spare', type: 'keyValue', logged: false, global: false, processors: [] },
      ],
    }
    const topology = topologyFromPlan(plan)
    expect(topology.internalBuilder.stateStores().get('spare')?.builder.loggingEnabled).toBe(false)
    expect(topology.describe().toString()).toBe(golden.EXAMPLE_1_WORD_COUNT)
  })

  it('throws a TopologyException for a plan whose links leave their sub-topology', () => {
    const plan = planOf(golden.EXAMPLE_1_WORD_COUNT)
    const broken: PhysicalPlan = {
      ...plan,
      nodes: plan.nodes.map((node) =>
        node.name === 'KSTREAM-AGGREGATE-0000000003'
          ? { ...node, predecessors: ['KSTREAM-FILTER-0000000005'] }
          : node,
      ),
    }
    expect(() => topologyFromPlan(broken)).toThrow(TopologyException)
  })
})
