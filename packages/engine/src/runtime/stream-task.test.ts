import { describe, expect, it } from 'vitest'
import { Grouped, Serdes, StreamsBuilder } from '../index'
import { PartitionGroup } from './partition-group'
import type { ProducedRecord } from './record-collector'
import { runtimeConfig } from './runtime-config'
import { StreamTask } from './stream-task'

const S = Serdes.String()
const encode = (text: string) => S.serialize('t', text)

describe('PartitionGroup', () => {
  it('picks the head record with the smallest timestamp across partitions and keeps stream time at the max taken (Kafka: PartitionGroup#nextRecord)', () => {
    const group = new PartitionGroup()
    const record = (topic: string, partition: number, timestamp: number) => ({
      topic,
      partition,
      offset: 0,
      timestamp,
      key: null,
      value: `${topic}-${partition}@${timestamp}`,
      headers: [],
    })
    group.add(record('a', 0, 5))
    group.add(record('a', 0, 1))
    group.add(record('b', 0, 3))
    group.add(record('a', 1, 3))
    const taken: unknown[] = []
    for (let next = group.nextRecord(); next !== undefined; next = group.nextRecord()) {
      taken.push([next.value, group.streamTime()])
    }
    // Within a partition order is kept (5 before 1); ties go to the partition seen first.
    expect(taken).toEqual([
      ['b-0@3', 3],
      ['a-1@3', 3],
      ['a-0@5', 5],
      ['a-0@1', 5],
    ])
    expect(group.partitionTime('a', 0)).toBe(5)
  })
})

describe('StreamTask', () => {
  it('runs one sub-topology as task <subtopology>_<partition>, reading the repartition topic prefixed by application.id', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .selectKey((_k, v) => v)
      .groupByKey(Grouped.as('by-value'))
      .count()
      .toStream()
      .to('out', { keySerde: S, valueSerde: Serdes.Long() } as never)
    const topology = builder.build()
    const produced: ProducedRecord[] = []
    const config = runtimeConfig({
      'application.id': 'app',
      'default.key.serde': S,
      'default.value.serde': S,
      'statestore.cache.max.bytes': 0,
    })
    const task = (subtopology: number) =>
      new StreamTask({
        id: `${subtopology}_2`,
        partition: 2,
        subtopology,
        builder: topology.internalBuilder,
        global: false,
        config,
        collector: { send: (r) => void produced.push(r), partitionsFor: () => 4 },
        runtimeTopic: (t) => (t === 'by-value-repartition' ? `app-${t}` : t),
        changelog: { send: (r) => void produced.push({ ...r }) },
        wallClockMs: () => 0,
      })
    const first = task(0)
    const second = task(1)
    expect(first.readsTopic('in')).toBe(true)
    expect(first.readsTopic('app-by-value-repartition')).toBe(false)
    expect(second.readsTopic('app-by-value-repartition')).toBe(true)
    first.addRecord({
      topic: 'in',
      partition: 2,
      offset: 7,
      timestamp: 10,
      key: encode('k'),
      value: encode('x'),
      headers: [],
    })
    first.process()
    expect(produced.map((r) => [r.topic, r.partition])).toEqual([
      ['app-by-value-repartition', null],
    ])
    const repartitioned = produced.shift() as ProducedRecord
    second.addRecord({
      ...repartitioned,
      timestamp: repartitioned.timestamp ?? 0,
      partition: 2,
      offset: 0,
    })
    second.process()
    second.commit()
    expect(produced.map((r) => [r.topic, r.partition, r.timestamp])).toEqual([
      ['app-KSTREAM-AGGREGATE-STATE-STORE-0000000002-changelog', 2, 10],
      ['out', null, 10],
    ])
    expect(second.streamTime()).toBe(10)
  })
})
