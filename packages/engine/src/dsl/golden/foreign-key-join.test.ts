// Foreign-key table joins. Kafka's tests assert their internal topic and store names rather
// than a full describe() string; the names below are the ones those tests expect.
import { describe, expect, it } from 'vitest'
import { StreamsBuilder } from '../streams-builder'
import { TableJoined } from '../table-joined'

describe('foreign-key table joins', () => {
  it('name their subscription and response topics and subscription store as Kafka Streams does', () => {
    // TopologyInformationTest-style expectations and KTableKTableForeignKeyJoinScenarioTest:
    // KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-0000000006-topic, -RESPONSE-0000000014-topic,
    // KTABLE-FK-JOIN-SUBSCRIPTION-STATE-STORE-0000000010 for two source tables.
    const builder = new StreamsBuilder()
    const t1 = builder.table<string, string>('t1')
    const t2 = builder.table<number, string>('t2')
    t1.leftJoin(
      t2,
      () => 1,
      (a: string) => a,
    )
      .toStream()
      .to('output')
    const topology = builder.build()
    expect([...topology.internalBuilder.internalTopics().keys()]).toEqual([
      'KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-0000000006-topic',
      'KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-0000000014-topic',
    ])
    expect([...topology.internalBuilder.stateStores().keys()]).toEqual([
      't1-STATE-STORE-0000000000',
      't2-STATE-STORE-0000000003',
      'KTABLE-FK-JOIN-SUBSCRIPTION-STATE-STORE-0000000010',
    ])
  })

  it('derives every node name from TableJoined.as', () => {
    const builder = new StreamsBuilder()
    const t1 = builder.table<string, string>('t1')
    const t2 = builder.table<number, string>('t2')
    t1.join(
      t2,
      () => 1,
      (a: string) => a,
      TableJoined.as('join'),
    )
      .toStream()
      .to('output')
    const topology = builder.build()
    expect([...topology.internalBuilder.internalTopics().keys()]).toEqual([
      'join-subscription-registration-topic',
      'join-subscription-response-topic',
    ])
    const names = [...topology.internalBuilder.nodes().keys()]
    expect(names).toEqual(
      expect.arrayContaining([
        'join-subscription-registration-processor',
        'join-subscription-registration-sink',
        'join-subscription-registration-source',
        'join-subscription-receive',
        'join-subscription-join-foreign',
        'join-foreign-join-subscription',
        'join-subscription-response-sink',
        'join-subscription-response-source',
        'join-subscription-response-resolver',
        'join-result',
      ]),
    )
    expect(topology.describe().subtopologies()).toHaveLength(2)
  })
})
