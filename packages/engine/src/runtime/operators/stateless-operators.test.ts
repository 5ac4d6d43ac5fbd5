import { describe, expect, it } from 'vitest'
import {
  JoinWindows,
  Produced,
  Repartitioned,
  Serdes,
  StreamsBuilder,
  TopologyTestDriver,
  type Serde,
} from '../../index'

const S = Serdes.String()
const L = Serdes.Long()
const props = {
  'application.id': 'app',
  'default.key.serde': S,
  'default.value.serde': S,
  'statestore.cache.max.bytes': 0,
}

function read(driver: TopologyTestDriver, topic: string, valueSerde: Serde<unknown> = S) {
  return driver
    .createOutputTopic(topic, S, valueSerde)
    .readRecordsToList()
    .map((r) => [r.key(), r.value(), r.timestamp()])
}

function droppedTotal(driver: TopologyTestDriver): number {
  return driver.metrics().reduce((sum, node) => sum + node.dropped, 0)
}

describe('RepartitionNullKeyFilter', () => {
  it('drops null keys before the repartition topic, silently, when no null-key-tolerant join is downstream (Kafka: the repartition filter is KStreamFilter(k != null))', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .selectKey((_k, v) => (v === 'none' ? (null as unknown as string) : v))
      .groupByKey()
      .count()
      .toStream()
      .to('out', Produced.with(S, L))
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('1', 'none', 1)
    input.pipeInput('2', 'x', 2)
    expect(read(driver, 'out', L as Serde<unknown>)).toEqual([['x', 1, 2]])
    const repartition = [...driver.producedTopicNames()].find((t) => t.endsWith('-repartition'))
    expect(read(driver, repartition as string)).toEqual([['x', 'x', 2]])
    // A filter drops without the dropped-records metric or a warning.
    expect(droppedTotal(driver)).toBe(0)
    expect(driver.warnings()).toEqual([])
  })

  it('keeps null keys for a stream-table leftJoin downstream (Kafka: KIP-962, NULL_KEY_RELAXED_JOIN)', () => {
    const builder = new StreamsBuilder()
    const table = builder.table<string, string>('table')
    builder
      .stream<string, string>('in')
      .selectKey((_k, v) => (v === 'none' ? (null as unknown as string) : v))
      .leftJoin(table, (v: string, t: string | null) => `${v}+${t}`)
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    driver.createInputTopic('in', S, S).pipeInput('1', 'none', 1)
    expect(read(driver, 'out')).toEqual([[null, 'none+null', 1]])
  })

  it('keeps null keys in every repartition upstream of a null-key-tolerant join, and drops them where none is (Kafka: NodesWithRelaxedNullKeyJoinDownstream walks all descendants)', () => {
    const builder = new StreamsBuilder()
    const other = builder.stream<string, string>('other')
    builder
      .stream<string, string>('in')
      .selectKey((_k, v) => (v === 'none' ? (null as unknown as string) : v))
      .repartition(Repartitioned.as('first'))
      .selectKey((k) => k)
      .leftJoin(
        other,
        (v: string, o: string | null) => `${v}+${o}`,
        JoinWindows.ofTimeDifferenceWithNoGrace(10),
      )
      .to('joined')
    builder
      .stream<string, string>('in2')
      .selectKey((_k, v) => (v === 'none' ? (null as unknown as string) : v))
      .repartition(Repartitioned.as('dropping'))
      .to('passed')
    const driver = new TopologyTestDriver(builder.build(), props)
    driver.createInputTopic('in', S, S).pipeInput('1', 'none', 1)
    driver.createInputTopic('in2', S, S).pipeInput('1', 'none', 1)
    expect(read(driver, 'app-first-repartition')).toEqual([[null, 'none', 1]])
    expect(read(driver, 'joined')).toEqual([[null, 'none+null', 1]])
    expect(driver.createOutputTopic('passed', S, S).isEmpty()).toBe(true)
  })
})
