import { describe, expect, it } from 'vitest'
import { fakeTopic } from '../stores/cluster-fixtures'
import {
  filterTopics,
  healthVerdict,
  partitionHealth,
  partitionRecords,
  topicRecords,
} from './topic-summary'

const health = {
  clusterId: 'c',
  controller: 1,
  brokers: [
    { nodeId: 1, host: 'a', port: 9092 },
    { nodeId: 2, host: 'b', port: 9092 },
  ],
  topicCount: 3,
  partitionCount: 10,
  underReplicatedPartitions: 0,
  offlinePartitions: 0,
}

describe('topic and cluster summaries', () => {
  it('counts the records partitions hold from their offsets, past 2^53', () => {
    const topic = fakeTopic('t', 2)
    topic.partitions[0] = { ...topic.partitions[0]!, startOffset: '5', endOffset: '12' }
    topic.partitions[1] = {
      ...topic.partitions[1]!,
      startOffset: '0',
      endOffset: '9007199254740993',
    }
    expect(partitionRecords(topic.partitions[0])).toBe(7n)
    expect(topicRecords(topic)).toBe(9007199254741000n)
    topic.partitions[1] = { ...topic.partitions[1], endOffset: null }
    expect(topicRecords(topic)).toBeNull()
  })

  it('tells offline and under-replicated partitions apart', () => {
    const [p] = fakeTopic('t', 1).partitions
    expect(partitionHealth(p!)).toBe('ok')
    expect(partitionHealth({ ...p!, replicas: [1, 2], isr: [1] })).toBe('under-replicated')
    expect(partitionHealth({ ...p!, leader: -1 })).toBe('offline')
  })

  it('says plainly what is wrong with a cluster', () => {
    expect(healthVerdict(health)).toEqual({
      ok: true,
      text: 'Healthy: 2 brokers, every partition led and fully in sync',
    })
    expect(
      healthVerdict({ ...health, offlinePartitions: 1, underReplicatedPartitions: 3 }),
    ).toEqual({
      ok: false,
      text: '1 partition offline (no leader: neither readable nor writable); 3 partitions under-replicated (fewer in-sync replicas than replicas)',
    })
  })

  it('filters topics by name, hiding internal ones unless asked', () => {
    const topics = [
      fakeTopic('orders', 1),
      fakeTopic('__consumer_offsets', 50, true),
      fakeTopic('Order-audit', 1),
    ]
    expect(filterTopics(topics, 'ORDER', false).map((t) => t.name)).toEqual([
      'Order-audit',
      'orders',
    ])
    expect(filterTopics(topics, '', true).map((t) => t.name)).toEqual([
      '__consumer_offsets',
      'Order-audit',
      'orders',
    ])
  })
})
