// Scenario tests of table groupBy with count/aggregate/reduce, modelled on Kafka's
// KTableAggregateTest and KTableReduceTest: updates cross the repartition topic as Changes,
// the old value is subtracted before the new one is added, and results carry max timestamps.
import { describe, expect, it } from 'vitest'
import {
  Consumed,
  Grouped,
  KeyValue,
  Materialized,
  Serdes,
  StreamsBuilder,
  TopologyTestDriver,
  type KTable,
  type Serde,
} from '../../index'
import { changedSerde } from '../../dsl/internal/changed-serde'

const S = Serdes.String()
const L = Serdes.Long()
const props = {
  'application.id': 'app',
  'default.key.serde': S,
  'default.value.serde': S,
  'statestore.cache.max.bytes': 0,
}

function run<V>(
  table: (builder: StreamsBuilder) => KTable<string, V>,
  valueSerde: Serde<V>,
  inputs: [string, string | null, number][],
  extraProps: Record<string, unknown> = {},
) {
  const builder = new StreamsBuilder()
  table(builder).toStream().to('out')
  const driver = new TopologyTestDriver(builder.build(), { ...props, ...extraProps })
  const input = driver.createInputTopic('in', S, S)
  for (const [k, v, ts] of inputs) input.pipeInput(k, v, ts)
  const out = driver
    .createOutputTopic('out', S, valueSerde)
    .readRecordsToList()
    .map((r) => [r.key(), r.value(), r.timestamp()])
  return { driver, out }
}

const concatAggregate = (builder: StreamsBuilder) =>
  builder
    .table<string, string>('in')
    .groupBy(
      (key, value) => {
        // As Kafka's testAggRepartition: "null" maps to a null key, "NULL" to no pair at all.
        if (key === 'null') return KeyValue.pair(null as unknown as string, value)
        if (key === 'NULL') return null as unknown as KeyValue<string, string>
        return KeyValue.pair(value, value)
      },
      Grouped.with(S, S),
    )
    .aggregate(
      () => '0',
      (_key, value, aggregate) => `${aggregate}+${value}`,
      (_key, value, aggregate) => `${aggregate}-${value}`,
      Materialized.as<string, string>('agg-store').withValueSerde(S),
    )

describe('table groupBy + aggregate (Kafka: KTableRepartitionMap + KTableAggregate)', () => {
  it('an update keeping its group is one subtract-then-add record (KTableAggregateTest#testAggBasic)', () => {
    const { out } = run(
      (builder) =>
        builder
          .table<string, string>('in')
          .groupBy((key, value) => KeyValue.pair(key, value), Grouped.with(S, S))
          .aggregate(
            () => '0',
            (_key, value, aggregate) => `${aggregate}+${value}`,
            (_key, value, aggregate) => `${aggregate}-${value}`,
            Materialized.as<string, string>('topic1-Canonized').withValueSerde(S),
          ),
      S,
      [
        ['A', '1', 10],
        ['B', '2', 15],
        ['A', '3', 20],
        ['B', '4', 18],
        ['C', '5', 5],
        ['D', '6', 25],
        ['B', '7', 15],
        ['C', '8', 10],
      ],
    )
    expect(out).toEqual([
      ['A', '0+1', 10],
      ['B', '0+2', 15],
      ['A', '0+1-1+3', 20],
      ['B', '0+2-2+4', 18],
      ['C', '0+5', 5],
      ['D', '0+6', 25],
      ['B', '0+2-2+4-4+7', 18],
      ['C', '0+5-5+8', 10],
    ])
  })

  it('a key change subtracts from the old group before adding to the new one; null mapped keys and pairs are skipped (testAggRepartition)', () => {
    const { driver, out } = run(concatAggregate, S, [
      ['A', '1', 10],
      ['A', null, 15],
      ['A', '1', 12],
      ['B', '2', 20],
      ['null', '3', 25],
      ['B', '4', 23],
      ['NULL', '5', 24],
      ['B', '7', 22],
    ])
    expect(out).toEqual([
      ['1', '0+1', 10],
      ['1', '0+1-1', 15],
      ['1', '0+1-1+1', 15],
      ['2', '0+2', 20],
      ['2', '0+2-2', 23],
      ['4', '0+4', 23],
      ['4', '0+4-4', 23],
      ['7', '0+7', 22],
    ])
    // Skipped pairs are not dropped records in Kafka: nothing is counted.
    const select = driver.metrics().find((m) => m.node.startsWith('KTABLE-SELECT-'))
    expect(select?.recordsIn).toBe(8)
    expect(select?.dropped).toBe(0)
    expect(driver.getKeyValueStore<string, string>('agg-store')?.get('4')).toBe('0+4-4')
  })

  it('same-key updates cross the repartition topic as one record with both values, key changes as two (Kafka: ChangedSerializer)', () => {
    const builder = new StreamsBuilder()
    builder
      .table<string, string>('in')
      .groupBy(
        (_key, value) => KeyValue.pair(value.split(':')[0] as string, value),
        Grouped.with(S, S),
      )
      .count()
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('a', 'g1:x', 1)
    input.pipeInput('a', 'g1:y', 2)
    input.pipeInput('a', 'g2:z', 3)
    input.pipeInput('a', null, 4)
    const topic = [...driver.producedTopicNames()].find((t) => t.endsWith('-repartition'))
    expect(topic).toMatch(/^app-KTABLE-AGGREGATE-STATE-STORE-\d{10}-repartition$/)
    const crossing = driver
      .createOutputTopic(topic as string, S, changedSerde(S))
      .readRecordsToList()
      .map((r) => [r.key(), r.value()?.newValue, r.value()?.oldValue, r.timestamp()])
    expect(crossing).toEqual([
      ['g1', 'g1:x', null, 1],
      ['g1', 'g1:y', 'g1:x', 2],
      ['g1', null, 'g1:y', 3],
      ['g2', 'g2:z', null, 3],
      ['g2', null, 'g2:z', 4],
    ])
  })

  it('the grouped value serde defaults to default.value.serde inside the Change serde', () => {
    const { out } = run(
      (builder) =>
        builder
          .table<string, string>('in', Consumed.with(S, S))
          // No Grouped serdes: the lengths cross the repartition topic as Json numbers.
          .groupBy((_key, value) => KeyValue.pair(value, value.length))
          .aggregate(
            () => 0,
            (_key, value, aggregate) => aggregate + value,
            (_key, value, aggregate) => aggregate - value,
            Materialized.with<string, number>(S, L),
          ),
      L,
      [
        ['a', 'xx', 1],
        ['b', 'xx', 2],
      ],
      { 'default.value.serde': Serdes.Json() },
    )
    expect(out).toEqual([
      ['xx', 2, 1],
      ['xx', 4, 2],
    ])
  })

  it('removes the old value before adding the new one (KTableAggregateTest#testRemoveOldBeforeAddNew)', () => {
    const { out } = run(
      (builder) =>
        builder
          .table<string, string>('in')
          .groupBy((key) => KeyValue.pair(key.charAt(0), key.charAt(1)), Grouped.with(S, S))
          .aggregate(
            () => '',
            (_key, value, aggregate) => aggregate + value,
            (_key, value, aggregate) => aggregate.replaceAll(value, ''),
            Materialized.as<string, string>('someStore').withValueSerde(S),
          ),
      S,
      [
        ['11', 'A', 10],
        ['12', 'B', 8],
        ['11', null, 12],
        ['12', 'C', 6],
      ],
    )
    expect(out).toEqual([
      ['1', '1', 10],
      ['1', '12', 10],
      ['1', '2', 12],
      ['1', '2', 12],
    ])
  })
})

describe('table groupBy + count (Kafka: KTableAggregate with count adder/subtractor)', () => {
  const countByColour = (builder: StreamsBuilder) =>
    builder
      .table<string, string>('in')
      .groupBy((_key, value) => KeyValue.pair(value, value), Grouped.with(S, S))
      .count(Materialized.as<string, number>('count'))

  const inputs: [string, string | null, number][] = [
    ['A', 'green', 10],
    ['B', 'green', 9],
    ['A', 'blue', 12],
    ['C', 'yellow', 15],
    ['D', 'green', 11],
  ]
  const expected = [
    ['green', 1, 10],
    ['green', 2, 10],
    ['green', 1, 12],
    ['blue', 1, 12],
    ['yellow', 1, 15],
    ['green', 2, 12],
  ]

  it('counts ±1 per group, subtracting on key change, ts = max(input, previous) (KTableAggregateTest#testCount)', () => {
    const { driver, out } = run(countByColour, L, inputs)
    expect(out).toEqual(expected)
    const store = driver.getTimestampedKeyValueStore<string, number>('count')
    expect(store?.get('green')?.value()).toBe(2)
    expect(store?.get('green')?.timestamp()).toBe(12)
  })

  it('with the default cache the results are the same: each record is flushed at its commit', () => {
    const { out } = run(countByColour, L, inputs, { 'statestore.cache.max.bytes': 10485760 })
    expect(out).toEqual(expected)
  })

  it('never deletes a group: removing its last member leaves a count of 0', () => {
    const { driver, out } = run(countByColour, L, [
      ['A', 'green', 1],
      ['A', null, 2],
      ['A', null, 3],
    ])
    expect(out).toEqual([
      ['green', 1, 1],
      ['green', 0, 2],
    ])
    expect(driver.getKeyValueStore<string, number>('count')?.get('green')).toBe(0)
  })
})

describe('table groupBy + reduce (Kafka: KTableReduce)', () => {
  const sumByGroup = (builder: StreamsBuilder) =>
    builder
      .table<string, string>('in')
      .groupBy(
        (_key, value) => {
          const [group, amount] = value.split(':')
          return KeyValue.pair(group as string, Number(amount))
        },
        Grouped.with(S, L),
      )
      .reduce(
        (aggregate, value) => aggregate + value,
        // A subtractor may return null: the group is then deleted.
        (aggregate, value) =>
          aggregate - value === 0 ? (null as unknown as number) : aggregate - value,
        Materialized.as<string, number>('sums'),
      )

  it('adds, subtracts on update and key change, and deletes a group the subtractor empties', () => {
    const { driver, out } = run(sumByGroup, L, [
      ['a', 'x:5', 1],
      ['b', 'x:7', 2],
      ['a', 'x:6', 3],
      ['b', 'y:7', 4],
      ['a', null, 5],
      ['c', 'x:1', 6],
    ])
    expect(out).toEqual([
      ['x', 5, 1],
      ['x', 12, 2],
      ['x', 13, 3],
      ['x', 6, 4],
      ['y', 7, 4],
      ['x', null, 5],
      ['x', 1, 6],
    ])
    expect(driver.getKeyValueStore<string, number>('sums')?.get('y')).toBe(7)
  })

  it('a first value (or the one after a delete) becomes the aggregate without calling the adder', () => {
    const calls: string[] = []
    const { out } = run(
      (builder) =>
        builder
          .table<string, string>('in')
          .groupBy((_key, value) => KeyValue.pair('all', value), Grouped.with(S, S))
          .reduce(
            (aggregate, value) => {
              calls.push(`add ${aggregate} ${value}`)
              return `${aggregate}|${value}`
            },
            (aggregate, value) => {
              calls.push(`sub ${aggregate} ${value}`)
              return aggregate === value ? (null as unknown as string) : aggregate
            },
          ),
      S,
      [
        ['a', 'v1', 1],
        ['a', 'v2', 2],
      ],
    )
    expect(out).toEqual([
      ['all', 'v1', 1],
      ['all', 'v2', 2],
    ])
    expect(calls).toEqual(['sub v1 v1'])
  })
})
