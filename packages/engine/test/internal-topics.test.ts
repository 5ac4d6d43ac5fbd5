// Internal topics on a real broker: created with Kafka Streams' partition counts and configs
// before processing, left alone when they fit, refused with a clear error when they do not.
import { Kafka, logLevel } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { Materialized, StreamsBuilder, TimeWindows } from '@topology-studio/engine'
import {
  ensureInternalTopics,
  kafkajsClusterAdmin,
  planInternalTopics,
  type ClusterAdmin,
} from '@topology-studio/engine/kafka'

const kafka = new Kafka({
  clientId: 'internal-topics-test',
  brokers: inject('kafkaBootstrapServers').split(','),
  logLevel: logLevel.NOTHING,
})
const admin = kafka.admin()
let cluster: ClusterAdmin

beforeAll(async () => {
  await admin.connect()
  cluster = kafkajsClusterAdmin(admin)
  await admin.createTopics({
    topics: [{ topic: 'it-lines', numPartitions: 3 }],
    waitForLeaders: true,
  })
})

afterAll(async () => {
  await admin.disconnect()
})

function windowedWordCount() {
  const builder = new StreamsBuilder()
  const words = builder
    .stream<string, string>('it-lines')
    .flatMapValues((line: string) => line.split(' '))
    .groupBy((_k, word) => word)
  words.count(Materialized.as('totals'))
  words.windowedBy(TimeWindows.ofSizeWithNoGrace(60_000)).count(Materialized.as('per-minute'))
  return builder.build()
}

describe('internal topics on a real broker', () => {
  it('creates repartition and changelog topics with the right partitions and configs, once', async () => {
    const app = `it-app-${Date.now()}`
    const plan = planInternalTopics(windowedWordCount(), {
      applicationId: app,
      existingTopics: await cluster.topicPartitions(),
    })
    const first = await ensureInternalTopics(cluster, plan)
    expect([...first.created].sort()).toEqual(
      [
        `${app}-per-minute-changelog`,
        `${app}-per-minute-repartition`,
        `${app}-totals-changelog`,
        `${app}-totals-repartition`,
      ].sort(),
    )
    const partitions = await cluster.topicPartitions()
    for (const name of first.created) expect(partitions.get(name)).toBe(3)
    const configs = await cluster.topicConfigs(first.created)
    expect(configs.get(`${app}-totals-changelog`)).toMatchObject({
      'cleanup.policy': 'compact',
      'segment.bytes': '52428800',
      'segment.ms': '3600000',
    })
    expect(configs.get(`${app}-per-minute-changelog`)).toMatchObject({
      'cleanup.policy': 'compact,delete',
      'retention.ms': String(60_000 + 86_400_000),
    })
    expect(configs.get(`${app}-totals-repartition`)).toMatchObject({
      'cleanup.policy': 'delete',
      'retention.ms': '-1',
    })

    const second = await ensureInternalTopics(cluster, plan)
    expect(second.created).toEqual([])
    expect(second.existing).toHaveLength(4)
  })

  it('refuses an existing internal topic with the wrong partition count, naming it', async () => {
    const app = `it-bad-${Date.now()}`
    await admin.createTopics({
      topics: [{ topic: `${app}-totals-changelog`, numPartitions: 1 }],
      waitForLeaders: true,
    })
    const plan = planInternalTopics(windowedWordCount(), {
      applicationId: app,
      existingTopics: await cluster.topicPartitions(),
    })
    await expect(ensureInternalTopics(cluster, plan)).rejects.toThrow(
      `changelog topic ${app}-totals-changelog has 1 partitions, but the application needs 3`,
    )
  })
})
