// describe() assertions ported from Apache Kafka's
// streams/src/test/java/org/apache/kafka/streams/kstream/RepartitionTopicNamingTest.java.
// shouldReuseFirstRepartitionTopicNameWhenOptimizing asserts Kafka's full
// EXPECTED_OPTIMIZED_TOPOLOGY / EXPECTED_UNOPTIMIZED_TOPOLOGY strings; the other tests assert
// what Kafka asserts on the describe() text (repartition sink counts, contained topic names)
// or that build() fails with a TopologyException.
import { describe, expect, it } from 'vitest'
import type { ProcessorSupplier } from '../../processor/processor'
import { Serdes } from '../../serde/serdes'
import type { Topology } from '../../topology/topology'
import { TopologyException } from '../../topology/topology-exception'
import { Consumed } from '../consumed'
import { Grouped } from '../grouped'
import { KeyValue } from '../key-value'
import { Materialized } from '../materialized'
import { Produced } from '../produced'
import { StreamJoined } from '../stream-joined'
import { StreamsBuilder } from '../streams-builder'
import { JoinWindows, SessionWindows, TimeWindows } from '../windows'

const kvMapper = (k: string, v: string) => k + v
const INPUT_TOPIC = 'input'
const COUNT_TOPIC = 'outputTopic_0'
const AGGREGATION_TOPIC = 'outputTopic_1'
const REDUCE_TOPIC = 'outputTopic_2'
const JOINED_TOPIC = 'outputTopicForJoin'

const firstRepartitionTopicName = 'count-stream'
const secondRepartitionTopicName = 'aggregate-stream'
const thirdRepartitionTopicName = 'reduced-stream'
const fourthRepartitionTopicName = 'joined-stream'

function getCountOfRepartitionTopicsFound(topologyString: string): number {
  return (topologyString.match(/Sink: .*-repartition/g) ?? []).length
}

const simpleProcessor: ProcessorSupplier<string, string, void, void> = () => ({
  process: () => {},
})

function buildTopology(optimizationConfig: 'all' | 'none'): Topology {
  const initializer = () => 0
  const aggregator = (_k: string, v: string, agg: number) => agg + v.length
  const reducer = (v1: string, v2: string) => `${v1}:${v2}`

  const builder = new StreamsBuilder()

  const sourceStream = builder.stream(INPUT_TOPIC, Consumed.with(Serdes.String(), Serdes.String()))

  const mappedStream = sourceStream.map((k, v) => KeyValue.pair(k.toUpperCase(), v))

  mappedStream
    .filter((k) => k === 'B')
    .mapValues((v: string) => v.toUpperCase())
    .process(simpleProcessor)

  const countStream = mappedStream
    .groupByKey(Grouped.as(firstRepartitionTopicName))
    .count(Materialized.with(Serdes.String(), Serdes.Long()))
    .toStream()

  countStream.to(COUNT_TOPIC, Produced.with(Serdes.String(), Serdes.Long()))

  mappedStream
    .groupByKey(Grouped.as(secondRepartitionTopicName))
    .aggregate(initializer, aggregator, Materialized.with(Serdes.String(), Serdes.Integer()))
    .toStream()
    .to(AGGREGATION_TOPIC, Produced.with(Serdes.String(), Serdes.Integer()))

  // adding operators for case where the repartition node is further downstream
  mappedStream
    .filter(() => true)
    .peek(() => {})
    .groupByKey(Grouped.as(thirdRepartitionTopicName))
    .reduce(reducer, Materialized.with(Serdes.String(), Serdes.String()))
    .toStream()
    .to(REDUCE_TOPIC, Produced.with(Serdes.String(), Serdes.String()))

  mappedStream
    .filter((k) => k === 'A')
    .join(
      countStream,
      (v1: string, v2: number) => `${v1}:${String(v2)}`,
      JoinWindows.ofTimeDifferenceWithNoGrace(5000),
      StreamJoined.with(Serdes.String(), Serdes.String(), Serdes.Long())
        .withStoreName(fourthRepartitionTopicName)
        .withName(fourthRepartitionTopicName),
    )
    .to(JOINED_TOPIC)

  return builder.build({ 'topology.optimization': optimizationConfig })
}

function buildKTableGroupBy(otherOperations: boolean): string {
  const ktableGroupByTopicName = 'ktable-group-by'
  const builder = new StreamsBuilder()

  const ktable = builder.table<string, string>('topic')

  if (otherOperations) {
    ktable
      .filter(() => true)
      .groupBy((k, v) => KeyValue.pair(k, v), Grouped.as(ktableGroupByTopicName))
      .count()
  } else {
    ktable.groupBy((k, v) => KeyValue.pair(k, v), Grouped.as(ktableGroupByTopicName)).count()
  }

  return builder.build().describe().toString()
}

function buildStreamGroupByKeyTimeWindows(otherOperations: boolean, isGroupByKey: boolean): string {
  const groupedTimeWindowRepartitionTopicName = 'time-window-grouping'
  const builder = new StreamsBuilder()

  const selectKeyStream = builder.stream<string, string>('topic').selectKey((k, v) => k + v)

  if (isGroupByKey) {
    if (otherOperations) {
      selectKeyStream
        .filter(() => true)
        .mapValues((v: string) => v)
        .groupByKey(Grouped.as(groupedTimeWindowRepartitionTopicName))
        .windowedBy(TimeWindows.ofSizeWithNoGrace(10))
        .count()
    } else {
      selectKeyStream
        .groupByKey(Grouped.as(groupedTimeWindowRepartitionTopicName))
        .windowedBy(TimeWindows.ofSizeWithNoGrace(10))
        .count()
    }
  } else {
    if (otherOperations) {
      selectKeyStream
        .filter(() => true)
        .mapValues((v: string) => v)
        .groupBy(kvMapper, Grouped.as(groupedTimeWindowRepartitionTopicName))
        .count()
    } else {
      selectKeyStream.groupBy(kvMapper, Grouped.as(groupedTimeWindowRepartitionTopicName)).count()
    }
  }

  return builder.build().describe().toString()
}

function buildStreamGroupByKeySessionWindows(
  otherOperations: boolean,
  isGroupByKey: boolean,
): string {
  const builder = new StreamsBuilder()

  const selectKeyStream = builder.stream<string, string>('topic').selectKey((k, v) => k + v)

  const groupedSessionWindowRepartitionTopicName = 'session-window-grouping'
  if (isGroupByKey) {
    if (otherOperations) {
      selectKeyStream
        .filter(() => true)
        .mapValues((v: string) => v)
        .groupByKey(Grouped.as(groupedSessionWindowRepartitionTopicName))
        .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(10))
        .count()
    } else {
      selectKeyStream
        .groupByKey(Grouped.as(groupedSessionWindowRepartitionTopicName))
        .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(10))
        .count()
    }
  } else {
    if (otherOperations) {
      selectKeyStream
        .filter(() => true)
        .mapValues((v: string) => v)
        .groupBy(kvMapper, Grouped.as(groupedSessionWindowRepartitionTopicName))
        .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(10))
        .count()
    } else {
      selectKeyStream
        .groupBy(kvMapper, Grouped.as(groupedSessionWindowRepartitionTopicName))
        .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(10))
        .count()
    }
  }

  return builder.build().describe().toString()
}

function buildStreamGroupByKeyNoWindows(otherOperations: boolean, isGroupByKey: boolean): string {
  const builder = new StreamsBuilder()

  const selectKeyStream = builder.stream<string, string>('topic').selectKey((k, v) => k + v)

  const groupByAndCountRepartitionTopicName = 'kstream-grouping'
  if (isGroupByKey) {
    if (otherOperations) {
      selectKeyStream
        .filter(() => true)
        .mapValues((v: string) => v)
        .groupByKey(Grouped.as(groupByAndCountRepartitionTopicName))
        .count()
    } else {
      selectKeyStream.groupByKey(Grouped.as(groupByAndCountRepartitionTopicName)).count()
    }
  } else {
    if (otherOperations) {
      selectKeyStream
        .filter(() => true)
        .mapValues((v: string) => v)
        .groupBy(kvMapper, Grouped.as(groupByAndCountRepartitionTopicName))
        .count()
    } else {
      selectKeyStream.groupBy(kvMapper, Grouped.as(groupByAndCountRepartitionTopicName)).count()
    }
  }

  return builder.build().describe().toString()
}

function buildStreamJoin(includeOtherOperations: boolean): string {
  const builder = new StreamsBuilder()
  const initialStreamOne = builder.stream<string, string>('topic-one')
  const initialStreamTwo = builder.stream<string, string>('topic-two')

  let updatedStreamOne
  let updatedStreamTwo

  if (includeOtherOperations) {
    // without naming the join, the repartition topic name would change due to operator changing before join performed
    updatedStreamOne = initialStreamOne
      .selectKey((k, v) => k + v)
      .filter(() => true)
      .peek(() => {})
    updatedStreamTwo = initialStreamTwo
      .selectKey((k, v) => k + v)
      .filter(() => true)
      .peek(() => {})
  } else {
    updatedStreamOne = initialStreamOne.selectKey((k, v) => k + v)
    updatedStreamTwo = initialStreamTwo.selectKey((k, v) => k + v)
  }

  const joinRepartitionTopicName = 'my-join'
  updatedStreamOne.join(
    updatedStreamTwo,
    (v1: string, v2: string) => v1 + v2,
    JoinWindows.ofTimeDifferenceWithNoGrace(1000),
    StreamJoined.with(Serdes.String(), Serdes.String(), Serdes.String()).withName(
      joinRepartitionTopicName,
    ),
  )

  return builder.build().describe().toString()
}

const EXPECTED_OPTIMIZED_TOPOLOGY =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [input])\n' +
  '      --> KSTREAM-MAP-0000000001\n' +
  '    Processor: KSTREAM-MAP-0000000001 (stores: [])\n' +
  '      --> KSTREAM-FILTER-0000000002, count-stream-repartition-filter\n' +
  '      <-- KSTREAM-SOURCE-0000000000\n' +
  '    Processor: KSTREAM-FILTER-0000000002 (stores: [])\n' +
  '      --> KSTREAM-MAPVALUES-0000000003\n' +
  '      <-- KSTREAM-MAP-0000000001\n' +
  '    Processor: KSTREAM-MAPVALUES-0000000003 (stores: [])\n' +
  '      --> KSTREAM-PROCESSOR-0000000004\n' +
  '      <-- KSTREAM-FILTER-0000000002\n' +
  '    Processor: count-stream-repartition-filter (stores: [])\n' +
  '      --> count-stream-repartition-sink\n' +
  '      <-- KSTREAM-MAP-0000000001\n' +
  '    Processor: KSTREAM-PROCESSOR-0000000004 (stores: [])\n' +
  '      --> none\n' +
  '      <-- KSTREAM-MAPVALUES-0000000003\n' +
  '    Sink: count-stream-repartition-sink (topic: count-stream-repartition)\n' +
  '      <-- count-stream-repartition-filter\n' +
  '\n' +
  '  Sub-topology: 1\n' +
  '    Source: count-stream-repartition-source (topics: [count-stream-repartition])\n' +
  '      --> KSTREAM-FILTER-0000000020, KSTREAM-AGGREGATE-0000000007, KSTREAM-AGGREGATE-0000000014, KSTREAM-FILTER-0000000029\n' +
  '    Processor: KSTREAM-AGGREGATE-0000000007 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000006])\n' +
  '      --> KTABLE-TOSTREAM-0000000011\n' +
  '      <-- count-stream-repartition-source\n' +
  '    Processor: KTABLE-TOSTREAM-0000000011 (stores: [])\n' +
  '      --> joined-stream-other-windowed, KSTREAM-SINK-0000000012\n' +
  '      <-- KSTREAM-AGGREGATE-0000000007\n' +
  '    Processor: KSTREAM-FILTER-0000000020 (stores: [])\n' +
  '      --> KSTREAM-PEEK-0000000021\n' +
  '      <-- count-stream-repartition-source\n' +
  '    Processor: KSTREAM-FILTER-0000000029 (stores: [])\n' +
  '      --> joined-stream-this-windowed\n' +
  '      <-- count-stream-repartition-source\n' +
  '    Processor: KSTREAM-PEEK-0000000021 (stores: [])\n' +
  '      --> KSTREAM-REDUCE-0000000023\n' +
  '      <-- KSTREAM-FILTER-0000000020\n' +
  '    Processor: joined-stream-other-windowed (stores: [joined-stream-other-join-store])\n' +
  '      --> joined-stream-other-join\n' +
  '      <-- KTABLE-TOSTREAM-0000000011\n' +
  '    Processor: joined-stream-this-windowed (stores: [joined-stream-this-join-store])\n' +
  '      --> joined-stream-this-join\n' +
  '      <-- KSTREAM-FILTER-0000000029\n' +
  '    Processor: KSTREAM-AGGREGATE-0000000014 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000013])\n' +
  '      --> KTABLE-TOSTREAM-0000000018\n' +
  '      <-- count-stream-repartition-source\n' +
  '    Processor: KSTREAM-REDUCE-0000000023 (stores: [KSTREAM-REDUCE-STATE-STORE-0000000022])\n' +
  '      --> KTABLE-TOSTREAM-0000000027\n' +
  '      <-- KSTREAM-PEEK-0000000021\n' +
  '    Processor: joined-stream-other-join (stores: [joined-stream-this-join-store])\n' +
  '      --> joined-stream-merge\n' +
  '      <-- joined-stream-other-windowed\n' +
  '    Processor: joined-stream-this-join (stores: [joined-stream-other-join-store])\n' +
  '      --> joined-stream-merge\n' +
  '      <-- joined-stream-this-windowed\n' +
  '    Processor: KTABLE-TOSTREAM-0000000018 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000019\n' +
  '      <-- KSTREAM-AGGREGATE-0000000014\n' +
  '    Processor: KTABLE-TOSTREAM-0000000027 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000028\n' +
  '      <-- KSTREAM-REDUCE-0000000023\n' +
  '    Processor: joined-stream-merge (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000038\n' +
  '      <-- joined-stream-this-join, joined-stream-other-join\n' +
  '    Sink: KSTREAM-SINK-0000000012 (topic: outputTopic_0)\n' +
  '      <-- KTABLE-TOSTREAM-0000000011\n' +
  '    Sink: KSTREAM-SINK-0000000019 (topic: outputTopic_1)\n' +
  '      <-- KTABLE-TOSTREAM-0000000018\n' +
  '    Sink: KSTREAM-SINK-0000000028 (topic: outputTopic_2)\n' +
  '      <-- KTABLE-TOSTREAM-0000000027\n' +
  '    Sink: KSTREAM-SINK-0000000038 (topic: outputTopicForJoin)\n' +
  '      <-- joined-stream-merge\n\n'

const EXPECTED_UNOPTIMIZED_TOPOLOGY =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [input])\n' +
  '      --> KSTREAM-MAP-0000000001\n' +
  '    Processor: KSTREAM-MAP-0000000001 (stores: [])\n' +
  '      --> KSTREAM-FILTER-0000000029, KSTREAM-FILTER-0000000002, KSTREAM-FILTER-0000000020, aggregate-stream-repartition-filter, count-stream-repartition-filter\n' +
  '      <-- KSTREAM-SOURCE-0000000000\n' +
  '    Processor: KSTREAM-FILTER-0000000020 (stores: [])\n' +
  '      --> KSTREAM-PEEK-0000000021\n' +
  '      <-- KSTREAM-MAP-0000000001\n' +
  '    Processor: KSTREAM-FILTER-0000000002 (stores: [])\n' +
  '      --> KSTREAM-MAPVALUES-0000000003\n' +
  '      <-- KSTREAM-MAP-0000000001\n' +
  '    Processor: KSTREAM-FILTER-0000000029 (stores: [])\n' +
  '      --> joined-stream-left-repartition-filter\n' +
  '      <-- KSTREAM-MAP-0000000001\n' +
  '    Processor: KSTREAM-PEEK-0000000021 (stores: [])\n' +
  '      --> reduced-stream-repartition-filter\n' +
  '      <-- KSTREAM-FILTER-0000000020\n' +
  '    Processor: KSTREAM-MAPVALUES-0000000003 (stores: [])\n' +
  '      --> KSTREAM-PROCESSOR-0000000004\n' +
  '      <-- KSTREAM-FILTER-0000000002\n' +
  '    Processor: aggregate-stream-repartition-filter (stores: [])\n' +
  '      --> aggregate-stream-repartition-sink\n' +
  '      <-- KSTREAM-MAP-0000000001\n' +
  '    Processor: count-stream-repartition-filter (stores: [])\n' +
  '      --> count-stream-repartition-sink\n' +
  '      <-- KSTREAM-MAP-0000000001\n' +
  '    Processor: joined-stream-left-repartition-filter (stores: [])\n' +
  '      --> joined-stream-left-repartition-sink\n' +
  '      <-- KSTREAM-FILTER-0000000029\n' +
  '    Processor: reduced-stream-repartition-filter (stores: [])\n' +
  '      --> reduced-stream-repartition-sink\n' +
  '      <-- KSTREAM-PEEK-0000000021\n' +
  '    Processor: KSTREAM-PROCESSOR-0000000004 (stores: [])\n' +
  '      --> none\n' +
  '      <-- KSTREAM-MAPVALUES-0000000003\n' +
  '    Sink: aggregate-stream-repartition-sink (topic: aggregate-stream-repartition)\n' +
  '      <-- aggregate-stream-repartition-filter\n' +
  '    Sink: count-stream-repartition-sink (topic: count-stream-repartition)\n' +
  '      <-- count-stream-repartition-filter\n' +
  '    Sink: joined-stream-left-repartition-sink (topic: joined-stream-left-repartition)\n' +
  '      <-- joined-stream-left-repartition-filter\n' +
  '    Sink: reduced-stream-repartition-sink (topic: reduced-stream-repartition)\n' +
  '      <-- reduced-stream-repartition-filter\n' +
  '\n' +
  '  Sub-topology: 1\n' +
  '    Source: count-stream-repartition-source (topics: [count-stream-repartition])\n' +
  '      --> KSTREAM-AGGREGATE-0000000007\n' +
  '    Processor: KSTREAM-AGGREGATE-0000000007 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000006])\n' +
  '      --> KTABLE-TOSTREAM-0000000011\n' +
  '      <-- count-stream-repartition-source\n' +
  '    Processor: KTABLE-TOSTREAM-0000000011 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000012, joined-stream-other-windowed\n' +
  '      <-- KSTREAM-AGGREGATE-0000000007\n' +
  '    Source: joined-stream-left-repartition-source (topics: [joined-stream-left-repartition])\n' +
  '      --> joined-stream-this-windowed\n' +
  '    Processor: joined-stream-other-windowed (stores: [joined-stream-other-join-store])\n' +
  '      --> joined-stream-other-join\n' +
  '      <-- KTABLE-TOSTREAM-0000000011\n' +
  '    Processor: joined-stream-this-windowed (stores: [joined-stream-this-join-store])\n' +
  '      --> joined-stream-this-join\n' +
  '      <-- joined-stream-left-repartition-source\n' +
  '    Processor: joined-stream-other-join (stores: [joined-stream-this-join-store])\n' +
  '      --> joined-stream-merge\n' +
  '      <-- joined-stream-other-windowed\n' +
  '    Processor: joined-stream-this-join (stores: [joined-stream-other-join-store])\n' +
  '      --> joined-stream-merge\n' +
  '      <-- joined-stream-this-windowed\n' +
  '    Processor: joined-stream-merge (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000038\n' +
  '      <-- joined-stream-this-join, joined-stream-other-join\n' +
  '    Sink: KSTREAM-SINK-0000000012 (topic: outputTopic_0)\n' +
  '      <-- KTABLE-TOSTREAM-0000000011\n' +
  '    Sink: KSTREAM-SINK-0000000038 (topic: outputTopicForJoin)\n' +
  '      <-- joined-stream-merge\n' +
  '\n' +
  '  Sub-topology: 2\n' +
  '    Source: aggregate-stream-repartition-source (topics: [aggregate-stream-repartition])\n' +
  '      --> KSTREAM-AGGREGATE-0000000014\n' +
  '    Processor: KSTREAM-AGGREGATE-0000000014 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000013])\n' +
  '      --> KTABLE-TOSTREAM-0000000018\n' +
  '      <-- aggregate-stream-repartition-source\n' +
  '    Processor: KTABLE-TOSTREAM-0000000018 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000019\n' +
  '      <-- KSTREAM-AGGREGATE-0000000014\n' +
  '    Sink: KSTREAM-SINK-0000000019 (topic: outputTopic_1)\n' +
  '      <-- KTABLE-TOSTREAM-0000000018\n' +
  '\n' +
  '  Sub-topology: 3\n' +
  '    Source: reduced-stream-repartition-source (topics: [reduced-stream-repartition])\n' +
  '      --> KSTREAM-REDUCE-0000000023\n' +
  '    Processor: KSTREAM-REDUCE-0000000023 (stores: [KSTREAM-REDUCE-STATE-STORE-0000000022])\n' +
  '      --> KTABLE-TOSTREAM-0000000027\n' +
  '      <-- reduced-stream-repartition-source\n' +
  '    Processor: KTABLE-TOSTREAM-0000000027 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000028\n' +
  '      <-- KSTREAM-REDUCE-0000000023\n' +
  '    Sink: KSTREAM-SINK-0000000028 (topic: outputTopic_2)\n' +
  '      <-- KTABLE-TOSTREAM-0000000027\n\n'

describe('RepartitionTopicNamingTest', () => {
  it('optimization keeps only the first named repartition topic; without it all four named topics exist', () => {
    // RepartitionTopicNamingTest.shouldReuseFirstRepartitionTopicNameWhenOptimizing
    const optimizedTopology = buildTopology('all').describe().toString()
    const unOptimizedTopology = buildTopology('none').describe().toString()

    expect(optimizedTopology).toBe(EXPECTED_OPTIMIZED_TOPOLOGY)
    // only one repartition topic
    expect(getCountOfRepartitionTopicsFound(optimizedTopology)).toBe(1)
    // the first named repartition topic
    expect(optimizedTopology).toContain(firstRepartitionTopicName + '-repartition')

    expect(unOptimizedTopology).toBe(EXPECTED_UNOPTIMIZED_TOPOLOGY)
    // now 4 repartition topic
    expect(getCountOfRepartitionTopicsFound(unOptimizedTopology)).toBe(4)
    // all 4 named repartition topics present
    expect(unOptimizedTopology).toContain(firstRepartitionTopicName + '-repartition')
    expect(unOptimizedTopology).toContain(secondRepartitionTopicName + '-repartition')
    expect(unOptimizedTopology).toContain(thirdRepartitionTopicName + '-repartition')
    expect(unOptimizedTopology).toContain(fourthRepartitionTopicName + '-left-repartition')
  })

  it('two different grouped streams cannot use the same Grouped name', () => {
    // RepartitionTopicNamingTest.shouldFailWithSameRepartitionTopicName
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('topic')
      .selectKey((k) => k)
      .groupByKey(Grouped.as('grouping'))
      .count()
      .toStream()

    builder
      .stream<string, string>('topicII')
      .selectKey((k) => k)
      .groupByKey(Grouped.as('grouping'))
      .count()
      .toStream()
    expect(() => builder.build()).toThrow(TopologyException)
  })

  it('two windowed counts of one named KGroupedStream share its repartition topic', () => {
    // RepartitionTopicNamingTest.shouldNotFailWithSameRepartitionTopicNameUsingSameKGroupedStream
    const builder = new StreamsBuilder()
    const kGroupedStream = builder
      .stream<string, string>('topic')
      .selectKey((k) => k)
      .groupByKey(Grouped.as('grouping'))

    kGroupedStream.windowedBy(TimeWindows.ofSizeWithNoGrace(10)).count().toStream().to('output-one')
    kGroupedStream.windowedBy(TimeWindows.ofSizeWithNoGrace(30)).count().toStream().to('output-two')

    const topologyString = builder.build().describe().toString()
    expect(getCountOfRepartitionTopicsFound(topologyString)).toBe(1)
    expect(topologyString).toContain('grouping-repartition')
  })

  it('aggregations of one named TimeWindowedKStream and its KGroupedStream share one repartition topic', () => {
    // RepartitionTopicNamingTest.shouldNotFailWithSameRepartitionTopicNameUsingSameTimeWindowStream
    const builder = new StreamsBuilder()
    const kGroupedStream = builder
      .stream<string, string>('topic')
      .selectKey((k) => k)
      .groupByKey(Grouped.as('grouping'))

    const timeWindowedKStream = kGroupedStream.windowedBy(TimeWindows.ofSizeWithNoGrace(10))

    timeWindowedKStream.count().toStream().to('output-one')
    timeWindowedKStream
      .reduce((v, v2) => v + v2)
      .toStream()
      .to('output-two')
    kGroupedStream.windowedBy(TimeWindows.ofSizeWithNoGrace(30)).count().toStream().to('output-two')

    const topologyString = builder.build().describe().toString()
    expect(getCountOfRepartitionTopicsFound(topologyString)).toBe(1)
    expect(topologyString).toContain('grouping-repartition')
  })

  it('aggregations of one named SessionWindowedKStream and its KGroupedStream share one repartition topic', () => {
    // RepartitionTopicNamingTest.shouldNotFailWithSameRepartitionTopicNameUsingSameSessionWindowStream
    const builder = new StreamsBuilder()
    const kGroupedStream = builder
      .stream<string, string>('topic')
      .selectKey((k) => k)
      .groupByKey(Grouped.as('grouping'))

    const sessionWindowedKStream = kGroupedStream.windowedBy(
      SessionWindows.ofInactivityGapWithNoGrace(10),
    )

    sessionWindowedKStream.count().toStream().to('output-one')
    sessionWindowedKStream
      .reduce((v, v2) => v + v2)
      .toStream()
      .to('output-two')
    kGroupedStream.windowedBy(TimeWindows.ofSizeWithNoGrace(30)).count().toStream().to('output-two')

    const topologyString = builder.build().describe().toString()
    expect(getCountOfRepartitionTopicsFound(topologyString)).toBe(1)
    expect(topologyString).toContain('grouping-repartition')
  })

  it('count and reduce of one named KGroupedTable share its repartition topic', () => {
    // RepartitionTopicNamingTest.shouldNotFailWithSameRepartitionTopicNameUsingSameKGroupedTable
    const builder = new StreamsBuilder()
    const kGroupedTable = builder
      .table<string, string>('topic')
      .groupBy((k, v) => KeyValue.pair(k, v), Grouped.as('grouping'))
    kGroupedTable.count().toStream().to('output-count')
    kGroupedTable
      .reduce(
        (_v, v2) => v2,
        (_v, v2) => v2,
      )
      .toStream()
      .to('output-reduce')
    const topologyString = builder.build().describe().toString()
    expect(getCountOfRepartitionTopicsFound(topologyString)).toBe(1)
    expect(topologyString).toContain('grouping-repartition')
  })

  it('two windowed counts of an unnamed KGroupedStream get one repartition topic each', () => {
    // RepartitionTopicNamingTest.shouldNotReuseRepartitionNodeWithUnnamedRepartitionTopics
    const builder = new StreamsBuilder()
    const kGroupedStream = builder
      .stream<string, string>('topic')
      .selectKey((k) => k)
      .groupByKey()
    kGroupedStream.windowedBy(TimeWindows.ofSizeWithNoGrace(10)).count().toStream().to('output-one')
    kGroupedStream.windowedBy(TimeWindows.ofSizeWithNoGrace(30)).count().toStream().to('output-two')
    const topologyString = builder.build().describe().toString()
    expect(getCountOfRepartitionTopicsFound(topologyString)).toBe(2)
  })

  it('count and reduce of an unnamed KGroupedTable get one repartition topic each', () => {
    // RepartitionTopicNamingTest.shouldNotReuseRepartitionNodeWithUnnamedRepartitionTopicsKGroupedTable
    const builder = new StreamsBuilder()
    const kGroupedTable = builder
      .table<string, string>('topic')
      .groupBy((k, v) => KeyValue.pair(k, v))
    kGroupedTable.count().toStream().to('output-count')
    kGroupedTable
      .reduce(
        (_v, v2) => v2,
        (_v, v2) => v2,
      )
      .toStream()
      .to('output-reduce')
    const topologyString = builder.build().describe().toString()
    expect(getCountOfRepartitionTopicsFound(topologyString)).toBe(2)
  })

  it('with optimization, two windowed counts of a named KGroupedStream still use one repartition topic', () => {
    // RepartitionTopicNamingTest.shouldNotFailWithSameRepartitionTopicNameUsingSameKGroupedStreamOptimizationsOn
    const builder = new StreamsBuilder()
    const kGroupedStream = builder
      .stream<string, string>('topic')
      .selectKey((k) => k)
      .groupByKey(Grouped.as('grouping'))
    kGroupedStream.windowedBy(TimeWindows.ofSizeWithNoGrace(10)).count()
    kGroupedStream.windowedBy(TimeWindows.ofSizeWithNoGrace(30)).count()
    const topology = builder.build({ 'topology.optimization': 'all' })
    expect(getCountOfRepartitionTopicsFound(topology.describe().toString())).toBe(1)
  })

  it('two stream–stream joins cannot use the same StreamJoined name', () => {
    // RepartitionTopicNamingTest.shouldFailWithSameRepartitionTopicNameInJoin
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<string, string>('topic').selectKey((k) => k)
    const stream2 = builder.stream<string, string>('topic2').selectKey((k) => k)
    const stream3 = builder.stream<string, string>('topic3').selectKey((k) => k)

    const joined = stream1.join(
      stream2,
      (v1: string, v2: string) => v1 + v2,
      JoinWindows.ofTimeDifferenceWithNoGrace(30),
      StreamJoined.as<string, string, string>('join-store').withName('join-repartition'),
    )

    joined.join(
      stream3,
      (v1: string, v2: string) => v1 + v2,
      JoinWindows.ofTimeDifferenceWithNoGrace(30),
      StreamJoined.as<string, string, string>('join-store').withName('join-repartition'),
    )

    expect(() => builder.build()).toThrow(TopologyException)
  })

  it('with optimization, a named KGroupedStream aggregated twice builds', () => {
    // RepartitionTopicNamingTest.shouldPassWithSameRepartitionTopicNameUsingSameKGroupedStreamOptimized
    const builder = new StreamsBuilder()
    const kGroupedStream = builder
      .stream<string, string>('topic')
      .selectKey((k) => k)
      .groupByKey(Grouped.as('grouping'))
    kGroupedStream.windowedBy(TimeWindows.ofSizeWithNoGrace(10)).count()
    kGroupedStream.windowedBy(TimeWindows.ofSizeWithNoGrace(30)).count()
    expect(() => builder.build({ 'topology.optimization': 'all' })).not.toThrow()
  })

  it('a named stream–stream join keeps its -left/-right-repartition topics when operators are added before it', () => {
    // RepartitionTopicNamingTest.shouldKeepRepartitionTopicNameForJoins
    const expectedLeftRepartitionTopic = '(topic: my-join-left-repartition)'
    const expectedRightRepartitionTopic = '(topic: my-join-right-repartition)'

    const joinTopologyFirst = buildStreamJoin(false)

    expect(joinTopologyFirst).toContain(expectedLeftRepartitionTopic)
    expect(joinTopologyFirst).toContain(expectedRightRepartitionTopic)

    const joinTopologyUpdated = buildStreamJoin(true)

    expect(joinTopologyUpdated).toContain(expectedLeftRepartitionTopic)
    expect(joinTopologyUpdated).toContain(expectedRightRepartitionTopic)
  })

  it('a Grouped name keeps the time-windowed groupByKey repartition topic stable', () => {
    // RepartitionTopicNamingTest.shouldKeepRepartitionTopicNameForGroupByKeyTimeWindows
    const expectedTimeWindowRepartitionTopic = '(topic: time-window-grouping-repartition)'
    expect(buildStreamGroupByKeyTimeWindows(false, true)).toContain(
      expectedTimeWindowRepartitionTopic,
    )
    expect(buildStreamGroupByKeyTimeWindows(true, true)).toContain(
      expectedTimeWindowRepartitionTopic,
    )
  })

  it('a Grouped name keeps the groupBy repartition topic stable', () => {
    // RepartitionTopicNamingTest.shouldKeepRepartitionTopicNameForGroupByTimeWindows
    const expectedTimeWindowRepartitionTopic = '(topic: time-window-grouping-repartition)'
    expect(buildStreamGroupByKeyTimeWindows(false, false)).toContain(
      expectedTimeWindowRepartitionTopic,
    )
    expect(buildStreamGroupByKeyTimeWindows(true, false)).toContain(
      expectedTimeWindowRepartitionTopic,
    )
  })

  it('a Grouped name keeps the unwindowed groupByKey repartition topic stable', () => {
    // RepartitionTopicNamingTest.shouldKeepRepartitionTopicNameForGroupByKeyNoWindows
    const expectedNoWindowRepartitionTopic = '(topic: kstream-grouping-repartition)'
    expect(buildStreamGroupByKeyNoWindows(false, true)).toContain(expectedNoWindowRepartitionTopic)
    expect(buildStreamGroupByKeyNoWindows(true, true)).toContain(expectedNoWindowRepartitionTopic)
  })

  it('a Grouped name keeps the unwindowed groupBy repartition topic stable', () => {
    // RepartitionTopicNamingTest.shouldKeepRepartitionTopicNameForGroupByNoWindows
    const expectedNoWindowRepartitionTopic = '(topic: kstream-grouping-repartition)'
    expect(buildStreamGroupByKeyNoWindows(false, false)).toContain(expectedNoWindowRepartitionTopic)
    expect(buildStreamGroupByKeyNoWindows(true, false)).toContain(expectedNoWindowRepartitionTopic)
  })

  it('a Grouped name keeps the session-windowed groupByKey repartition topic stable', () => {
    // RepartitionTopicNamingTest.shouldKeepRepartitionTopicNameForGroupByKeySessionWindows
    const expectedSessionWindowRepartitionTopic = '(topic: session-window-grouping-repartition)'
    expect(buildStreamGroupByKeySessionWindows(false, true)).toContain(
      expectedSessionWindowRepartitionTopic,
    )
    expect(buildStreamGroupByKeySessionWindows(true, true)).toContain(
      expectedSessionWindowRepartitionTopic,
    )
  })

  it('a Grouped name keeps the session-windowed groupBy repartition topic stable', () => {
    // RepartitionTopicNamingTest.shouldKeepRepartitionTopicNameForGroupBySessionWindows
    const expectedSessionWindowRepartitionTopic = '(topic: session-window-grouping-repartition)'
    expect(buildStreamGroupByKeySessionWindows(false, false)).toContain(
      expectedSessionWindowRepartitionTopic,
    )
    expect(buildStreamGroupByKeySessionWindows(true, false)).toContain(
      expectedSessionWindowRepartitionTopic,
    )
  })

  it('a Grouped name keeps the KTable groupBy repartition topic stable', () => {
    // RepartitionTopicNamingTest.shouldKeepRepartitionNameForGroupByKTable
    const expectedKTableGroupByRepartitionTopic = '(topic: ktable-group-by-repartition)'
    expect(buildKTableGroupBy(false)).toContain(expectedKTableGroupByRepartitionTopic)
    expect(buildKTableGroupBy(true)).toContain(expectedKTableGroupByRepartitionTopic)
  })
})
