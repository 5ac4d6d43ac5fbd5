// Scenario tests for cogrouped aggregations, modelled on Kafka's CogroupedKStreamImplTest:
// every input aggregates into one shared store and the results leave through the merge node.
import { describe, expect, it } from 'vitest'
import {
  Materialized,
  Named,
  Produced,
  Serdes,
  SessionWindows,
  SlidingWindows,
  StreamsBuilder,
  TimeWindows,
  TopologyTestDriver,
  WindowedSerdes,
  type Serde,
  type Windowed,
} from '../../index'

const S = Serdes.String()
const L = Serdes.Long()
const noCache = {
  'application.id': 'app',
  'default.key.serde': S,
  'default.value.serde': S,
  'statestore.cache.max.bytes': 0,
}
const withCache = { 'application.id': 'app', 'default.key.serde': S, 'default.value.serde': S }

function rows<K, V>(driver: TopologyTestDriver, keySerde: Serde<K>, valueSerde: Serde<V>) {
  return driver
    .createOutputTopic('out', keySerde, valueSerde)
    .readRecordsToList()
    .map((r) => [String(r.key()), r.value(), r.timestamp()])
}

function node(driver: TopologyTestDriver, name: string) {
  const metrics = driver.metrics().find((m) => m.node === name)
  if (metrics === undefined) throw new Error(`no node ${name}`)
  return metrics
}

/** Two inputs: `one` appends its values, `two` appends them upper-cased. */
function twoStreams() {
  const builder = new StreamsBuilder()
  const one = builder.stream<string, string>('one').groupByKey()
  const two = builder.stream<string, string>('two').groupByKey()
  const cogrouped = one
    .cogroup<string>((_k, v, agg) => agg + v)
    .cogroup(two, (_k, v: string, agg: string) => agg + v.toUpperCase())
  return { builder, cogrouped }
}

describe('KStreamCogroupAggregate', () => {
  it('aggregates two streams into one table, each with its own aggregator; ts = max(input, previous)', () => {
    const { builder, cogrouped } = twoStreams()
    cogrouped
      .aggregate(() => '', Named.as('co'), Materialized.with<string, string>(S, S))
      .toStream()
      .to('out', Produced.with(S, S))
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    const one = driver.createInputTopic('one', S, S)
    const two = driver.createInputTopic('two', S, S)
    one.pipeInput('A', 'a', 1)
    two.pipeInput('A', 'b', 2)
    one.pipeInput('B', 'c', 3)
    two.pipeInput('A', 'd', 0)
    expect(rows(driver, S, S)).toEqual([
      ['A', 'a', 1],
      ['A', 'aB', 2],
      ['B', 'c', 3],
      ['A', 'aBD', 2],
    ])
    driver.close()
  })

  it('drops null keys and null values at the input that received them', () => {
    const { builder, cogrouped } = twoStreams()
    cogrouped
      .aggregate(() => '', Named.as('co'), Materialized.as<string, string>('co-store'))
      .toStream()
      .to('out', Produced.with(S, S))
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    driver.createInputTopic('one', S, S).pipeInput(null, 'a', 1)
    driver.createInputTopic('two', S, S).pipeInput('A', null, 2)
    expect(rows(driver, S, S)).toEqual([])
    expect(node(driver, 'co-cogroup-agg-0').droppedByReason).toEqual({ 'null-key': 1 })
    expect(node(driver, 'co-cogroup-agg-1').droppedByReason).toEqual({ 'null-value': 1 })
    expect(driver.getKeyValueStore<string, string>('co-store')?.approximateNumEntries()).toBe(0)
    driver.close()
  })

  it('with caching, the shared store forwards one result per key per commit', () => {
    const run = (props: Record<string, unknown>) => {
      const builder = new StreamsBuilder()
      const one = builder
        .stream<string, string>('one')
        .flatMapValues((v: string) => v.split(','))
        .groupByKey()
      const two = builder.stream<string, string>('two').groupByKey()
      one
        .cogroup<string>((_k, v, agg) => agg + v)
        .cogroup(two, (_k, v: string, agg: string) => agg + v.toUpperCase())
        .aggregate(() => '', Materialized.with<string, string>(S, S))
        .toStream()
        .to('out', Produced.with(S, S))
      const driver = new TopologyTestDriver(builder.build(), props, 0)
      driver.createInputTopic('one', S, S).pipeInput('A', 'x,y', 1)
      driver.createInputTopic('two', S, S).pipeInput('A', 'z', 2)
      return rows(driver, S, S)
    }
    expect(run(noCache)).toEqual([
      ['A', 'x', 1],
      ['A', 'xy', 1],
      ['A', 'xyZ', 2],
    ])
    expect(run(withCache)).toEqual([
      ['A', 'xy', 1],
      ['A', 'xyZ', 2],
    ])
  })

  it('time-windowed: both streams update the same windows of the shared window store', () => {
    const builder = new StreamsBuilder()
    const one = builder.stream<string, string>('one').groupByKey()
    const two = builder.stream<string, string>('two').groupByKey()
    const serde = WindowedSerdes.timeWindowedSerdeFrom(S, 10)
    one
      .cogroup<number>((_k, _v, agg) => agg + 1)
      .cogroup(two, (_k, _v: string, agg: number) => agg + 100)
      .windowedBy(TimeWindows.ofSizeAndGrace(10, 100))
      .aggregate(() => 0, Named.as('co'), Materialized.with<string, number>(S, L))
      .toStream()
      .to('out', Produced.with(serde, L))
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    driver.createInputTopic('one', S, S).pipeInput('A', 'a', 3)
    driver.createInputTopic('two', S, S).pipeInput('A', 'b', 7)
    driver.createInputTopic('two', S, S).pipeInput('A', 'b', 12)
    expect(rows<Windowed<string>, number>(driver, serde, L)).toEqual([
      ['[A@0/10]', 1, 3],
      ['[A@0/10]', 101, 7],
      ['[A@10/20]', 100, 12],
    ])
    driver.close()
  })

  it('time-windowed: each input judges lateness by the stream time it has seen itself', () => {
    const builder = new StreamsBuilder()
    const one = builder.stream<string, string>('one').groupByKey()
    const two = builder.stream<string, string>('two').groupByKey()
    const serde = WindowedSerdes.timeWindowedSerdeFrom(S, 10)
    one
      .cogroup<number>((_k, _v, agg) => agg + 1)
      .cogroup(two, (_k, _v: string, agg: number) => agg + 100)
      .windowedBy(TimeWindows.ofSizeWithNoGrace(10))
      .aggregate(() => 0, Named.as('co'), Materialized.with<string, number>(S, L))
      .toStream()
      .to('out', Produced.with(serde, L))
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    driver.createInputTopic('one', S, S).pipeInput('A', 'a', 50)
    driver.createInputTopic('two', S, S).pipeInput('A', 'b', 5) // input two has seen only 5
    driver.createInputTopic('one', S, S).pipeInput('A', 'a', 6) // input one has seen 50
    expect(rows<Windowed<string>, number>(driver, serde, L)).toEqual([
      ['[A@50/60]', 1, 50],
      ['[A@0/10]', 100, 5],
    ])
    expect(node(driver, 'co-cogroup-agg-0').droppedByReason).toEqual({ 'expired-window': 1 })
    expect(node(driver, 'co-cogroup-agg-1').dropped).toBe(0)
    driver.close()
  })

  it('session-windowed: records of different inputs merge into one session, tombstoning the old one', () => {
    const builder = new StreamsBuilder()
    const one = builder.stream<string, string>('one').groupByKey()
    const two = builder.stream<string, string>('two').groupByKey()
    const serde = WindowedSerdes.sessionWindowedSerdeFrom(S)
    one
      .cogroup<string>((_k, v, agg) => agg + v)
      .cogroup(two, (_k, v: string, agg: string) => agg + v.toUpperCase())
      .windowedBy(SessionWindows.ofInactivityGapAndGrace(10, 100))
      .aggregate(
        () => '',
        (_k, a: string, b: string) => a + b,
        Materialized.with<string, string>(S, S),
      )
      .toStream()
      .to('out', Produced.with(serde, S))
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    driver.createInputTopic('one', S, S).pipeInput('A', 'a', 0)
    driver.createInputTopic('two', S, S).pipeInput('A', 'b', 10)
    expect(rows<Windowed<string>, string>(driver, serde, S)).toEqual([
      ['[A@0/0]', 'a', 0],
      ['[A@0/0]', null, 0],
      ['[A@0/10]', 'aB', 10],
    ])
    driver.close()
  })

  it('sliding-windowed: the second input creates windows around its records from the shared store', () => {
    const builder = new StreamsBuilder()
    const one = builder.stream<string, string>('one').groupByKey()
    const two = builder.stream<string, string>('two').groupByKey()
    const serde = WindowedSerdes.timeWindowedSerdeFrom(S, 10)
    one
      .cogroup<string>((_k, v, agg) => agg + v)
      .cogroup(two, (_k, v: string, agg: string) => agg + v.toUpperCase())
      .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(10, 100))
      .aggregate(() => '', Materialized.with<string, string>(S, S))
      .toStream()
      .to('out', Produced.with(serde, S))
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    driver.createInputTopic('one', S, S).pipeInput('A', 'a', 10)
    driver.createInputTopic('two', S, S).pipeInput('A', 'b', 15)
    expect(rows<Windowed<string>, string>(driver, serde, S)).toEqual([
      ['[A@0/10]', 'a', 10],
      ['[A@11/21]', 'B', 15],
      ['[A@5/15]', 'aB', 15],
    ])
    driver.close()
  })
})
