import { describe, expect, it } from 'vitest'
import {
  Grouped,
  JoinWindows,
  Materialized,
  Repartitioned,
  StreamsBuilder,
  TimeWindows,
  type Topology,
} from '../index'
import { InternalTopicPlanError, planInternalTopics } from './internal-topic-plan'

function plan(topology: Topology, existing: Record<string, number>) {
  return planInternalTopics(topology, {
    applicationId: 'app',
    existingTopics: new Map(Object.entries(existing)),
  })
}

function wordCount(): Topology {
  const builder = new StreamsBuilder()
  builder
    .stream<string, string>('lines')
    .flatMapValues((line: string) => line.split(' '))
    .groupBy((_k, word) => word)
    .count(Materialized.as('counts'))
    .toStream()
    .to('word-counts')
  return builder.build()
}

describe('planInternalTopics', () => {
  it('gives a repartition topic the partitions of its writer and a changelog one per task', () => {
    const result = plan(wordCount(), { lines: 3 })
    expect(result.topics).toEqual([
      {
        name: 'app-counts-repartition',
        type: 'repartition',
        partitions: 3,
        config: {
          'cleanup.policy': 'delete',
          'segment.bytes': '52428800',
          'retention.ms': '-1',
          'message.timestamp.type': 'CreateTime',
        },
      },
      {
        name: 'app-counts-changelog',
        type: 'changelog',
        partitions: 3,
        config: {
          'cleanup.policy': 'compact',
          'message.timestamp.type': 'CreateTime',
          'segment.bytes': '52428800',
          'segment.ms': '3600000',
        },
      },
    ])
    expect([...result.tasksPerSubtopology]).toEqual([
      [0, 3],
      [1, 3],
    ])
  })

  it('applies topic.* configs to every internal topic, under the log config of a store', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('lines')
      .groupBy((_k, v: string) => v)
      .count(
        Materialized.as<string, number>('counts').withLoggingEnabled({ 'segment.bytes': '1000' }),
      )
    const result = planInternalTopics(builder.build(), {
      applicationId: 'app',
      existingTopics: new Map([['lines', 1]]),
      topicConfig: { 'segment.bytes': '2000', 'min.compaction.lag.ms': '0' },
    })
    const config = (type: string) => result.topics.find((t) => t.type === type)?.config
    expect(config('repartition')).toMatchObject({
      'segment.bytes': '2000',
      'min.compaction.lag.ms': '0',
    })
    expect(config('changelog')).toMatchObject({
      'cleanup.policy': 'compact',
      'segment.bytes': '1000',
      'min.compaction.lag.ms': '0',
    })
  })

  it('names every missing source topic', () => {
    const builder = new StreamsBuilder()
    builder.stream('a').merge(builder.stream('b')).to('out')
    expect(() => plan(builder.build(), {})).toThrow(
      new InternalTopicPlanError(
        'Source topics a, b do not exist on the cluster; create them before starting the application.',
      ),
    )
  })

  it('keeps an explicit numberOfPartitions and chains counts through repartition topics', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .repartition(Repartitioned.as<string, string>('spread').withNumberOfPartitions(6))
      .selectKey((_k, v) => v)
      .groupByKey(Grouped.as('by-value'))
      .count()
    const topics = plan(builder.build(), { in: 2 }).topics
    expect(topics.map((t) => [t.name, t.partitions])).toEqual([
      ['app-spread-repartition', 6],
      ['app-by-value-repartition', 6],
      ['app-KSTREAM-AGGREGATE-STATE-STORE-0000000005-changelog', 6],
    ])
  })

  it('gives windowed changelogs compact,delete with the store retention plus one day', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .groupByKey()
      .windowedBy(TimeWindows.ofSizeAndGrace(60_000, 5_000))
      .count(Materialized.as('per-minute'))
    const changelog = plan(builder.build(), { in: 4 }).topics[0]
    expect(changelog).toMatchObject({
      name: 'app-per-minute-changelog',
      partitions: 4,
      config: { 'cleanup.policy': 'compact,delete', 'retention.ms': String(65_000 + 86_400_000) },
    })
  })

  it('refuses a join of topics with different partition counts', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('orders')
      .join(
        builder.stream<string, string>('payments'),
        (a: string, b: string) => a + b,
        JoinWindows.ofTimeDifferenceWithNoGrace(1000),
      )
      .to('paid')
    expect(() => plan(builder.build(), { orders: 4, payments: 3 })).toThrow(
      /Topics not co-partitioned: orders \(4 partitions\), payments \(3 partitions\)/,
    )
    expect(
      plan(builder.build(), { orders: 4, payments: 4 }).topics.map((t) => t.partitions),
    ).toEqual([4, 4])
  })

  it('gives a re-keyed join input the partition count of the other side', () => {
    const builder = new StreamsBuilder()
    const users = builder.table<string, string>('users')
    builder
      .stream<string, string>('clicks')
      .selectKey((_k, v) => v)
      .join(users, (click: string, user: string) => `${click}:${user}`)
      .to('enriched')
    const topics = plan(builder.build(), { clicks: 2, users: 5 }).topics
    expect(topics.find((t) => t.type === 'repartition')?.partitions).toBe(5)
  })

  it('does not create a changelog for a table whose source topic is reused (optimization all)', () => {
    const builder = new StreamsBuilder()
    builder.table('products', Materialized.as('products-store')).toStream().to('out')
    const topics = plan(builder.build({ 'topology.optimization': 'all' }), { products: 2 }).topics
    expect(topics).toEqual([])
  })
})
