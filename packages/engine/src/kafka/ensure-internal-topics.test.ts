import { describe, expect, it } from 'vitest'
import type { InternalTopicPlan } from '../runtime/internal-topic-plan'
import type { ClusterAdmin, NewTopic } from './cluster-admin'
import { ensureInternalTopics } from './ensure-internal-topics'

function fakeCluster(
  partitions: Record<string, number>,
  configs: Record<string, Record<string, string>> = {},
) {
  const created: NewTopic[] = []
  const admin: ClusterAdmin = {
    topicPartitions: () => Promise.resolve(new Map(Object.entries(partitions))),
    topicConfigs: (topics) =>
      Promise.resolve(new Map(topics.map((t) => [t, configs[t] ?? {}] as const))),
    createTopics: (topics) => {
      created.push(...topics)
      return Promise.resolve()
    },
  }
  return { admin, created }
}

const plan: InternalTopicPlan = {
  tasksPerSubtopology: new Map([[0, 2]]),
  subtopologies: [],
  partitions: new Map(),
  topics: [
    { name: 'app-r-repartition', type: 'repartition', partitions: 2, config: {} },
    {
      name: 'app-w-changelog',
      type: 'changelog',
      partitions: 2,
      config: { 'cleanup.policy': 'compact,delete', 'retention.ms': '90000' },
    },
  ],
}

describe('ensureInternalTopics', () => {
  it('creates only the missing topics, with the configured replication factor', async () => {
    const { admin, created } = fakeCluster({ 'app-r-repartition': 2 })
    const result = await ensureInternalTopics(admin, plan, { replicationFactor: 3 })
    expect(result).toEqual({ created: ['app-w-changelog'], existing: ['app-r-repartition'] })
    expect(created).toEqual([
      {
        name: 'app-w-changelog',
        partitions: 2,
        replicationFactor: 3,
        config: { 'cleanup.policy': 'compact,delete', 'retention.ms': '90000' },
      },
    ])
  })

  it('lists every misfit of existing topics and creates nothing', async () => {
    const { admin, created } = fakeCluster(
      { 'app-r-repartition': 4, 'app-w-changelog': 2 },
      { 'app-w-changelog': { 'cleanup.policy': 'delete', 'retention.ms': '1000' } },
    )
    await expect(ensureInternalTopics(admin, plan)).rejects.toThrow(
      'Existing internal topics do not fit the application: ' +
        'repartition topic app-r-repartition has 4 partitions, but the application needs 2; ' +
        'changelog topic app-w-changelog has cleanup.policy=delete, but the application needs compact,delete; ' +
        'changelog topic app-w-changelog keeps records 1000 ms, less than the 90000 ms its window store needs.',
    )
    expect(created).toEqual([])
  })
})
