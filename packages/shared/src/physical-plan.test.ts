import { describe, expect, it } from 'vitest'
import { PhysicalPlanSchema, type PhysicalPlan } from './physical-plan'

function samplePlan(): PhysicalPlan {
  return {
    describe: 'Topologies:\n   Sub-topology: 0\n',
    subtopologies: [
      {
        id: 0,
        global: false,
        nodes: ['KSTREAM-SOURCE-0000000000', 'KSTREAM-AGGREGATE-0000000002'],
      },
      { id: 1, global: true, nodes: ['KSTREAM-SOURCE-0000000003', 'KTABLE-SOURCE-0000000004'] },
    ],
    nodes: [
      {
        name: 'KSTREAM-SOURCE-0000000000',
        type: 'source',
        subtopology: 0,
        logicalNodeId: 'orders',
        topics: ['orders'],
        stores: [],
        predecessors: [],
        successors: ['KSTREAM-AGGREGATE-0000000002'],
      },
      {
        name: 'KSTREAM-SOURCE-0000000005',
        type: 'source',
        subtopology: 0,
        topicPattern: 'payments-.*',
        stores: [],
        predecessors: [],
        successors: [],
      },
      {
        name: 'KSTREAM-AGGREGATE-0000000002',
        type: 'processor',
        subtopology: 0,
        stores: ['KSTREAM-AGGREGATE-STATE-STORE-0000000001'],
        predecessors: ['KSTREAM-SOURCE-0000000000'],
        successors: ['KSTREAM-SINK-0000000006'],
      },
      {
        name: 'KSTREAM-SINK-0000000006',
        type: 'sink',
        subtopology: 0,
        topic: 'counts',
        stores: [],
        predecessors: ['KSTREAM-AGGREGATE-0000000002'],
        successors: [],
      },
      {
        name: 'KSTREAM-SINK-0000000007',
        type: 'sink',
        subtopology: 0,
        topicExtractor: 'TopicExtractor',
        stores: [],
        predecessors: [],
        successors: [],
      },
    ],
    stores: [
      {
        name: 'KSTREAM-AGGREGATE-STATE-STORE-0000000001',
        type: 'timestampedKeyValue',
        logged: true,
        changelogTopic: 'KSTREAM-AGGREGATE-STATE-STORE-0000000001-changelog',
        global: false,
        processors: ['KSTREAM-AGGREGATE-0000000002'],
        logicalNodeId: 'counts',
      },
      {
        name: 'products-STATE-STORE-0000000002',
        type: 'keyValue',
        logged: false,
        global: true,
        processors: ['KTABLE-SOURCE-0000000004'],
      },
    ],
    internalTopics: [
      { name: 'counts-repartition', type: 'repartition', sourceOf: 1, sinkOf: [0] },
      { name: 'KSTREAM-AGGREGATE-STATE-STORE-0000000001-changelog', type: 'changelog' },
    ],
    logicalNodes: [
      { nodeId: 'orders', physicalNodes: ['KSTREAM-SOURCE-0000000000'], subtopologies: [0] },
    ],
  }
}

describe('PhysicalPlanSchema', () => {
  it('round-trips a plan through JSON without loss', () => {
    const plan = samplePlan()
    expect(PhysicalPlanSchema.parse(JSON.parse(JSON.stringify(plan)))).toEqual(plan)
  })

  it('names the path of a store with an unknown type', () => {
    const plan = { ...samplePlan(), stores: [{ ...samplePlan().stores[0], type: 'lru' }] }
    const result = PhysicalPlanSchema.safeParse(plan)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['stores.0.type'])
  })

  it('rejects a fractional sub-topology id', () => {
    const plan = { ...samplePlan(), subtopologies: [{ id: 0.5, global: false, nodes: [] }] }
    const result = PhysicalPlanSchema.safeParse(plan)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'subtopologies.0.id',
    ])
  })
})
