// Golden describe() texts ported from Apache Kafka's
// streams/src/test/java/org/apache/kafka/streams/kstream/internals/CogroupedKStreamImplTest.java.
// Programs are translated line by line; the expected strings are Kafka's own.
import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serde/serdes'
import { Consumed } from '../consumed'
import { Grouped } from '../grouped'
import { KeyValue } from '../key-value'
import { Materialized } from '../materialized'
import { Named } from '../named'
import { StreamsBuilder } from '../streams-builder'

const stringConsumed = Consumed.with(Serdes.String(), Serdes.String())
const OUTPUT = 'output'

const STRING_AGGREGATOR = (_key: string, value: string, aggregate: string) => aggregate + value
const STRING_INITIALIZER = () => ''

describe('CogroupedKStreamImplTest', () => {
  it('Named and Materialized name the cogroup processors <name>-cogroup-agg-i / -merge and the shared store', () => {
    // CogroupedKStreamImplTest.shouldNameProcessorsAndStoreBasedOnNamedParameter
    const builder = new StreamsBuilder()

    const stream1 = builder.stream('one', stringConsumed)
    const test2 = builder.stream('two', stringConsumed)

    const groupedOne = stream1.groupByKey()
    const groupedTwo = test2.groupByKey()

    const customers = groupedOne
      .cogroup(STRING_AGGREGATOR)
      .cogroup(groupedTwo, STRING_AGGREGATOR)
      .aggregate(STRING_INITIALIZER, Named.as('test'), Materialized.as('store'))

    customers.toStream().to(OUTPUT)

    const topologyDescription = builder.build().describe().toString()

    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [one])\n' +
        '      --> test-cogroup-agg-0\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [two])\n' +
        '      --> test-cogroup-agg-1\n' +
        '    Processor: test-cogroup-agg-0 (stores: [store])\n' +
        '      --> test-cogroup-merge\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: test-cogroup-agg-1 (stores: [store])\n' +
        '      --> test-cogroup-merge\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: test-cogroup-merge (stores: [])\n' +
        '      --> KTABLE-TOSTREAM-0000000005\n' +
        '      <-- test-cogroup-agg-0, test-cogroup-agg-1\n' +
        '    Processor: KTABLE-TOSTREAM-0000000005 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000006\n' +
        '      <-- test-cogroup-merge\n' +
        '    Sink: KSTREAM-SINK-0000000006 (topic: output)\n' +
        '      <-- KTABLE-TOSTREAM-0000000005\n\n',
    )
  })

  it('a Grouped name on a re-keyed input names its cogroup repartition topic', () => {
    // CogroupedKStreamImplTest.shouldNameRepartitionTopic
    const builder = new StreamsBuilder()

    const stream1 = builder.stream('one', stringConsumed)
    const test2 = builder.stream('two', stringConsumed)

    const groupedOne = stream1
      .map((k, v) => KeyValue.pair(v, k))
      .groupByKey(Grouped.as('repartition-test'))
    const groupedTwo = test2.groupByKey()

    const customers = groupedOne
      .cogroup(STRING_AGGREGATOR)
      .cogroup(groupedTwo, STRING_AGGREGATOR)
      .aggregate(STRING_INITIALIZER)

    customers.toStream().to(OUTPUT)

    const topologyDescription = builder.build().describe().toString()

    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [one])\n' +
        '      --> KSTREAM-MAP-0000000002\n' +
        '    Processor: KSTREAM-MAP-0000000002 (stores: [])\n' +
        '      --> repartition-test-repartition-filter\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: repartition-test-repartition-filter (stores: [])\n' +
        '      --> repartition-test-repartition-sink\n' +
        '      <-- KSTREAM-MAP-0000000002\n' +
        '    Sink: repartition-test-repartition-sink (topic: repartition-test-repartition)\n' +
        '      <-- repartition-test-repartition-filter\n\n' +
        '  Sub-topology: 1\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [two])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000008\n' +
        '    Source: repartition-test-repartition-source (topics: [repartition-test-repartition])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000007\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000007 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000009\n' +
        '      <-- repartition-test-repartition-source\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000008 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000009\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000009 (stores: [])\n' +
        '      --> KTABLE-TOSTREAM-0000000010\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000007, COGROUPKSTREAM-AGGREGATE-0000000008\n' +
        '    Processor: KTABLE-TOSTREAM-0000000010 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000011\n' +
        '      <-- COGROUPKSTREAM-MERGE-0000000009\n' +
        '    Sink: KSTREAM-SINK-0000000011 (topic: output)\n' +
        '      <-- KTABLE-TOSTREAM-0000000010\n\n',
    )
  })

  it('without a Grouped name, the re-keyed input of a cogroup repartitions through <store>-repartition', () => {
    // CogroupedKStreamImplTest.shouldInsertRepartitionsTopicForUpstreamKeyModification
    const builder = new StreamsBuilder()
    const stream1 = builder.stream('one', stringConsumed)
    const test2 = builder.stream('two', stringConsumed)

    const groupedOne = stream1.map((k, v) => KeyValue.pair(v, k)).groupByKey()
    const groupedTwo = test2.groupByKey()

    const customers = groupedOne
      .cogroup(STRING_AGGREGATOR)
      .cogroup(groupedTwo, STRING_AGGREGATOR)
      .aggregate(STRING_INITIALIZER, Named.as('test'), Materialized.as('store'))

    customers.toStream().to(OUTPUT)

    const topologyDescription = builder.build().describe().toString()

    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [one])\n' +
        '      --> KSTREAM-MAP-0000000002\n' +
        '    Processor: KSTREAM-MAP-0000000002 (stores: [])\n' +
        '      --> store-repartition-filter\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: store-repartition-filter (stores: [])\n' +
        '      --> store-repartition-sink\n' +
        '      <-- KSTREAM-MAP-0000000002\n' +
        '    Sink: store-repartition-sink (topic: store-repartition)\n' +
        '      <-- store-repartition-filter\n\n' +
        '  Sub-topology: 1\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [two])\n' +
        '      --> test-cogroup-agg-1\n' +
        '    Source: store-repartition-source (topics: [store-repartition])\n' +
        '      --> test-cogroup-agg-0\n' +
        '    Processor: test-cogroup-agg-0 (stores: [store])\n' +
        '      --> test-cogroup-merge\n' +
        '      <-- store-repartition-source\n' +
        '    Processor: test-cogroup-agg-1 (stores: [store])\n' +
        '      --> test-cogroup-merge\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: test-cogroup-merge (stores: [])\n' +
        '      --> KTABLE-TOSTREAM-0000000009\n' +
        '      <-- test-cogroup-agg-0, test-cogroup-agg-1\n' +
        '    Processor: KTABLE-TOSTREAM-0000000009 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000010\n' +
        '      <-- test-cogroup-merge\n' +
        '    Sink: KSTREAM-SINK-0000000010 (topic: output)\n' +
        '      <-- KTABLE-TOSTREAM-0000000009\n\n',
    )
  })

  it('a re-keyed grouped stream used in two identical cogroups gets one generated repartition per aggregation', () => {
    // CogroupedKStreamImplTest.shouldInsertRepartitionsTopicForUpstreamKeyModificationWithGroupedReusedInSameCogroups
    const builder = new StreamsBuilder()

    const stream1 = builder.stream('one', stringConsumed)
    const stream2 = builder.stream('two', stringConsumed)

    const groupedOne = stream1.map((k, v) => KeyValue.pair(v, k)).groupByKey()
    const groupedTwo = stream2.groupByKey()

    const cogroupedTwo = groupedOne
      .cogroup(STRING_AGGREGATOR)
      .cogroup(groupedTwo, STRING_AGGREGATOR)
      .aggregate(STRING_INITIALIZER)

    const cogroupedOne = groupedOne
      .cogroup(STRING_AGGREGATOR)
      .cogroup(groupedTwo, STRING_AGGREGATOR)
      .aggregate(STRING_INITIALIZER)

    cogroupedOne.toStream().to(OUTPUT)
    cogroupedTwo.toStream().to('OUTPUT2')

    const topologyDescription = builder.build().describe().toString()

    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [one])\n' +
        '      --> KSTREAM-MAP-0000000002\n' +
        '    Processor: KSTREAM-MAP-0000000002 (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000010-repartition-filter, COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-filter\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-filter (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-sink\n' +
        '      <-- KSTREAM-MAP-0000000002\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000010-repartition-filter (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000010-repartition-sink\n' +
        '      <-- KSTREAM-MAP-0000000002\n' +
        '    Sink: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-sink (topic: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition)\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-filter\n' +
        '    Sink: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000010-repartition-sink (topic: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000010-repartition)\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000010-repartition-filter\n\n' +
        '  Sub-topology: 1\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [two])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000008, COGROUPKSTREAM-AGGREGATE-0000000015\n' +
        '    Source: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-source (topics: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000007\n' +
        '    Source: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000010-repartition-source (topics: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000010-repartition])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000014\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000007 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000009\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-source\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000008 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000009\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000014 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000010])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000016\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000010-repartition-source\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000015 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000010])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000016\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000009 (stores: [])\n' +
        '      --> KTABLE-TOSTREAM-0000000019\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000007, COGROUPKSTREAM-AGGREGATE-0000000008\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000016 (stores: [])\n' +
        '      --> KTABLE-TOSTREAM-0000000017\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000014, COGROUPKSTREAM-AGGREGATE-0000000015\n' +
        '    Processor: KTABLE-TOSTREAM-0000000017 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000018\n' +
        '      <-- COGROUPKSTREAM-MERGE-0000000016\n' +
        '    Processor: KTABLE-TOSTREAM-0000000019 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000020\n' +
        '      <-- COGROUPKSTREAM-MERGE-0000000009\n' +
        '    Sink: KSTREAM-SINK-0000000018 (topic: output)\n' +
        '      <-- KTABLE-TOSTREAM-0000000017\n' +
        '    Sink: KSTREAM-SINK-0000000020 (topic: OUTPUT2)\n' +
        '      <-- KTABLE-TOSTREAM-0000000019\n\n',
    )
  })

  it('with optimization, the two cogroup repartitions of one re-keyed grouped stream merge into the first', () => {
    // CogroupedKStreamImplTest.shouldInsertRepartitionsTopicForUpstreamKeyModificationWithGroupedReusedInSameCogroupsWithOptimization
    const properties = { 'topology.optimization': 'all' }
    const builder = new StreamsBuilder()

    const stream1 = builder.stream('one', stringConsumed)
    const stream2 = builder.stream('two', stringConsumed)

    const groupedOne = stream1.map((k, v) => KeyValue.pair(v, k)).groupByKey()
    const groupedTwo = stream2.groupByKey()

    const cogroupedTwo = groupedOne
      .cogroup(STRING_AGGREGATOR)
      .cogroup(groupedTwo, STRING_AGGREGATOR)
      .aggregate(STRING_INITIALIZER)

    const cogroupedOne = groupedOne
      .cogroup(STRING_AGGREGATOR)
      .cogroup(groupedTwo, STRING_AGGREGATOR)
      .aggregate(STRING_INITIALIZER)

    cogroupedOne.toStream().to(OUTPUT)
    cogroupedTwo.toStream().to('OUTPUT2')

    const topologyDescription = builder.build(properties).describe().toString()

    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [one])\n' +
        '      --> KSTREAM-MAP-0000000002\n' +
        '    Processor: KSTREAM-MAP-0000000002 (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-filter\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-filter (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-sink\n' +
        '      <-- KSTREAM-MAP-0000000002\n' +
        '    Sink: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-sink (topic: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition)\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-filter\n\n' +
        '  Sub-topology: 1\n' +
        '    Source: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-source (topics: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000014, COGROUPKSTREAM-AGGREGATE-0000000007\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [two])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000015, COGROUPKSTREAM-AGGREGATE-0000000008\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000007 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000009\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-source\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000008 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000009\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000014 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000010])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000016\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-source\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000015 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000010])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000016\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000009 (stores: [])\n' +
        '      --> KTABLE-TOSTREAM-0000000019\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000007, COGROUPKSTREAM-AGGREGATE-0000000008\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000016 (stores: [])\n' +
        '      --> KTABLE-TOSTREAM-0000000017\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000014, COGROUPKSTREAM-AGGREGATE-0000000015\n' +
        '    Processor: KTABLE-TOSTREAM-0000000017 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000018\n' +
        '      <-- COGROUPKSTREAM-MERGE-0000000016\n' +
        '    Processor: KTABLE-TOSTREAM-0000000019 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000020\n' +
        '      <-- COGROUPKSTREAM-MERGE-0000000009\n' +
        '    Sink: KSTREAM-SINK-0000000018 (topic: output)\n' +
        '      <-- KTABLE-TOSTREAM-0000000017\n' +
        '    Sink: KSTREAM-SINK-0000000020 (topic: OUTPUT2)\n' +
        '      <-- KTABLE-TOSTREAM-0000000019\n\n',
    )
  })

  it('a re-keyed grouped stream used in two different cogroups gets one repartition per cogroup', () => {
    // CogroupedKStreamImplTest.shouldInsertRepartitionsTopicForUpstreamKeyModificationWithGroupedReusedInDifferentCogroups
    const builder = new StreamsBuilder()

    const stream1 = builder.stream('one', stringConsumed)
    const stream2 = builder.stream('two', stringConsumed)
    const stream3 = builder.stream('three', stringConsumed)

    const groupedOne = stream1.map((k, v) => KeyValue.pair(v, k)).groupByKey()
    const groupedTwo = stream2.groupByKey()
    const groupedThree = stream3.groupByKey()

    groupedOne
      .cogroup(STRING_AGGREGATOR)
      .cogroup(groupedThree, STRING_AGGREGATOR)
      .aggregate(STRING_INITIALIZER)

    groupedOne
      .cogroup(STRING_AGGREGATOR)
      .cogroup(groupedTwo, STRING_AGGREGATOR)
      .aggregate(STRING_INITIALIZER)

    const topologyDescription = builder.build().describe().toString()

    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [one])\n' +
        '      --> KSTREAM-MAP-0000000003\n' +
        '    Processor: KSTREAM-MAP-0000000003 (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition-filter, COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000011-repartition-filter\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition-filter (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition-sink\n' +
        '      <-- KSTREAM-MAP-0000000003\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000011-repartition-filter (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000011-repartition-sink\n' +
        '      <-- KSTREAM-MAP-0000000003\n' +
        '    Sink: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition-sink (topic: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition)\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition-filter\n' +
        '    Sink: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000011-repartition-sink (topic: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000011-repartition)\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000011-repartition-filter\n\n' +
        '  Sub-topology: 1\n' +
        '    Source: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000011-repartition-source (topics: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000011-repartition])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000015\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [two])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000016\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000015 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000011])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000017\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000011-repartition-source\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000016 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000011])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000017\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000017 (stores: [])\n' +
        '      --> none\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000015, COGROUPKSTREAM-AGGREGATE-0000000016\n\n' +
        '  Sub-topology: 2\n' +
        '    Source: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition-source (topics: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000008\n' +
        '    Source: KSTREAM-SOURCE-0000000002 (topics: [three])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000009\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000008 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000010\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition-source\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000009 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000010\n' +
        '      <-- KSTREAM-SOURCE-0000000002\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000010 (stores: [])\n' +
        '      --> none\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000008, COGROUPKSTREAM-AGGREGATE-0000000009\n\n',
    )
  })

  it('with optimization, the repartitions of a grouped stream reused in different cogroups merge and join both cogroups into one sub-topology', () => {
    // CogroupedKStreamImplTest.shouldInsertRepartitionsTopicForUpstreamKeyModificationWithGroupedReusedInDifferentCogroupsWithOptimization
    const builder = new StreamsBuilder()
    const properties = { 'topology.optimization': 'all' }

    const stream1 = builder.stream('one', stringConsumed)
    const stream2 = builder.stream('two', stringConsumed)
    const stream3 = builder.stream('three', stringConsumed)

    const groupedOne = stream1.map((k, v) => KeyValue.pair(v, k)).groupByKey()
    const groupedTwo = stream2.groupByKey()
    const groupedThree = stream3.groupByKey()

    groupedOne
      .cogroup(STRING_AGGREGATOR)
      .cogroup(groupedThree, STRING_AGGREGATOR)
      .aggregate(STRING_INITIALIZER)

    groupedOne
      .cogroup(STRING_AGGREGATOR)
      .cogroup(groupedTwo, STRING_AGGREGATOR)
      .aggregate(STRING_INITIALIZER)

    const topologyDescription = builder.build(properties).describe().toString()

    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [one])\n' +
        '      --> KSTREAM-MAP-0000000003\n' +
        '    Processor: KSTREAM-MAP-0000000003 (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition-filter\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition-filter (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition-sink\n' +
        '      <-- KSTREAM-MAP-0000000003\n' +
        '    Sink: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition-sink (topic: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition)\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition-filter\n\n' +
        '  Sub-topology: 1\n' +
        '    Source: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition-source (topics: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000008, COGROUPKSTREAM-AGGREGATE-0000000015\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [two])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000016\n' +
        '    Source: KSTREAM-SOURCE-0000000002 (topics: [three])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000009\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000008 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000010\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition-source\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000009 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000010\n' +
        '      <-- KSTREAM-SOURCE-0000000002\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000015 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000011])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000017\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000004-repartition-source\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000016 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000011])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000017\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000010 (stores: [])\n' +
        '      --> none\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000008, COGROUPKSTREAM-AGGREGATE-0000000009\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000017 (stores: [])\n' +
        '      --> none\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000015, COGROUPKSTREAM-AGGREGATE-0000000016\n\n',
    )
  })

  it('a grouped stream used by a cogroup and a plain aggregate gets a cogroup repartition and a generated KSTREAM repartition', () => {
    // CogroupedKStreamImplTest.shouldInsertRepartitionsTopicForUpstreamKeyModificationWithGroupedReused
    const builder = new StreamsBuilder()

    const stream1 = builder.stream('one', stringConsumed)
    const stream2 = builder.stream('two', stringConsumed)

    const groupedOne = stream1.map((k, v) => KeyValue.pair(v, k)).groupByKey()
    const groupedTwo = stream2.groupByKey()

    groupedOne
      .cogroup(STRING_AGGREGATOR)
      .cogroup(groupedTwo, STRING_AGGREGATOR)
      .aggregate(STRING_INITIALIZER)

    groupedOne.aggregate(STRING_INITIALIZER, STRING_AGGREGATOR)

    const topologyDescription = builder.build().describe().toString()

    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [one])\n' +
        '      --> KSTREAM-MAP-0000000002\n' +
        '    Processor: KSTREAM-MAP-0000000002 (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-filter, KSTREAM-FILTER-0000000013\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-filter (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-sink\n' +
        '      <-- KSTREAM-MAP-0000000002\n' +
        '    Processor: KSTREAM-FILTER-0000000013 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000012\n' +
        '      <-- KSTREAM-MAP-0000000002\n' +
        '    Sink: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-sink (topic: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition)\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-filter\n' +
        '    Sink: KSTREAM-SINK-0000000012 (topic: KSTREAM-AGGREGATE-STATE-STORE-0000000010-repartition)\n' +
        '      <-- KSTREAM-FILTER-0000000013\n\n' +
        '  Sub-topology: 1\n' +
        '    Source: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-source (topics: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000007\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [two])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000008\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000007 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000009\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-source\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000008 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000009\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000009 (stores: [])\n' +
        '      --> none\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000007, COGROUPKSTREAM-AGGREGATE-0000000008\n\n' +
        '  Sub-topology: 2\n' +
        '    Source: KSTREAM-SOURCE-0000000014 (topics: [KSTREAM-AGGREGATE-STATE-STORE-0000000010-repartition])\n' +
        '      --> KSTREAM-AGGREGATE-0000000011\n' +
        '    Processor: KSTREAM-AGGREGATE-0000000011 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000010])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000014\n\n',
    )
  })

  it('with optimization, the plain aggregate of a cogrouped stream reads the merged cogroup repartition topic', () => {
    // CogroupedKStreamImplTest.shouldInsertRepartitionsTopicForUpstreamKeyModificationWithGroupedReusedWithOptimization
    const builder = new StreamsBuilder()
    const properties = { 'topology.optimization': 'all' }

    const stream1 = builder.stream('one', stringConsumed)
    const stream2 = builder.stream('two', stringConsumed)

    const groupedOne = stream1.map((k, v) => KeyValue.pair(v, k)).groupByKey()
    const groupedTwo = stream2.groupByKey()

    groupedOne
      .cogroup(STRING_AGGREGATOR)
      .cogroup(groupedTwo, STRING_AGGREGATOR)
      .aggregate(STRING_INITIALIZER)

    groupedOne.aggregate(STRING_INITIALIZER, STRING_AGGREGATOR)

    const topologyDescription = builder.build(properties).describe().toString()

    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [one])\n' +
        '      --> KSTREAM-MAP-0000000002\n' +
        '    Processor: KSTREAM-MAP-0000000002 (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-filter\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-filter (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-sink\n' +
        '      <-- KSTREAM-MAP-0000000002\n' +
        '    Sink: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-sink (topic: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition)\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-filter\n\n' +
        '  Sub-topology: 1\n' +
        '    Source: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-source (topics: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000007, KSTREAM-AGGREGATE-0000000011\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [two])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000008\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000007 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000009\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-source\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000008 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000009\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000009 (stores: [])\n' +
        '      --> none\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000007, COGROUPKSTREAM-AGGREGATE-0000000008\n' +
        '    Processor: KSTREAM-AGGREGATE-0000000011 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000010])\n' +
        '      --> none\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition-source\n\n',
    )
  })

  it('with optimization, two separate key changes of one source keep one repartition each', () => {
    // CogroupedKStreamImplTest.shouldInsertRepartitionsTopicForUpstreamKeyModificationWithGroupedRemadeWithOptimization
    const builder = new StreamsBuilder()
    const properties = { 'topology.optimization': 'all' }

    const stream1 = builder.stream('one', stringConsumed)
    const stream2 = builder.stream('two', stringConsumed)
    const stream3 = builder.stream('three', stringConsumed)

    const groupedOne = stream1.map((k, v) => KeyValue.pair(v, k)).groupByKey()
    const groupedTwo = stream2.groupByKey()
    const groupedThree = stream3.groupByKey()
    const groupedFour = stream1.map((k, v) => KeyValue.pair(v, k)).groupByKey()

    groupedOne
      .cogroup(STRING_AGGREGATOR)
      .cogroup(groupedTwo, STRING_AGGREGATOR)
      .aggregate(STRING_INITIALIZER)

    groupedThree
      .cogroup(STRING_AGGREGATOR)
      .cogroup(groupedFour, STRING_AGGREGATOR)
      .aggregate(STRING_INITIALIZER)

    const topologyDescription = builder.build(properties).describe().toString()

    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [one])\n' +
        '      --> KSTREAM-MAP-0000000003, KSTREAM-MAP-0000000004\n' +
        '    Processor: KSTREAM-MAP-0000000003 (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000005-repartition-filter\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: KSTREAM-MAP-0000000004 (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000012-repartition-filter\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000005-repartition-filter (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000005-repartition-sink\n' +
        '      <-- KSTREAM-MAP-0000000003\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000012-repartition-filter (stores: [])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000012-repartition-sink\n' +
        '      <-- KSTREAM-MAP-0000000004\n' +
        '    Sink: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000005-repartition-sink (topic: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000005-repartition)\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000005-repartition-filter\n' +
        '    Sink: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000012-repartition-sink (topic: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000012-repartition)\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000012-repartition-filter\n\n' +
        '  Sub-topology: 1\n' +
        '    Source: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000005-repartition-source (topics: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000005-repartition])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000009\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [two])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000010\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000009 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000005])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000011\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000005-repartition-source\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000010 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000005])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000011\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000011 (stores: [])\n' +
        '      --> none\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000009, COGROUPKSTREAM-AGGREGATE-0000000010\n\n' +
        '  Sub-topology: 2\n' +
        '    Source: COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000012-repartition-source (topics: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000012-repartition])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000017\n' +
        '    Source: KSTREAM-SOURCE-0000000002 (topics: [three])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000016\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000016 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000012])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000018\n' +
        '      <-- KSTREAM-SOURCE-0000000002\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000017 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000012])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000018\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000012-repartition-source\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000018 (stores: [])\n' +
        '      --> none\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000016, COGROUPKSTREAM-AGGREGATE-0000000017\n\n',
    )
  })

  it('a named Grouped repartition is shared when one cogroup is aggregated twice', () => {
    // CogroupedKStreamImplTest.shouldInsertRepartitionsTopicForCogroupsUsedTwice
    const builder = new StreamsBuilder()
    const properties = {}

    const stream1 = builder.stream('one', stringConsumed)

    const groupedOne = stream1.map((k, v) => KeyValue.pair(v, k)).groupByKey(Grouped.as('foo'))

    const one = groupedOne.cogroup(STRING_AGGREGATOR)
    one.aggregate(STRING_INITIALIZER)
    one.aggregate(STRING_INITIALIZER)

    const topologyDescription = builder.build(properties).describe().toString()

    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [one])\n' +
        '      --> KSTREAM-MAP-0000000001\n' +
        '    Processor: KSTREAM-MAP-0000000001 (stores: [])\n' +
        '      --> foo-repartition-filter\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: foo-repartition-filter (stores: [])\n' +
        '      --> foo-repartition-sink\n' +
        '      <-- KSTREAM-MAP-0000000001\n' +
        '    Sink: foo-repartition-sink (topic: foo-repartition)\n' +
        '      <-- foo-repartition-filter\n\n' +
        '  Sub-topology: 1\n' +
        '    Source: foo-repartition-source (topics: [foo-repartition])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000006, COGROUPKSTREAM-AGGREGATE-0000000012\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000006 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000002])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000007\n' +
        '      <-- foo-repartition-source\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000012 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000008])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000013\n' +
        '      <-- foo-repartition-source\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000007 (stores: [])\n' +
        '      --> none\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000006\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000013 (stores: [])\n' +
        '      --> none\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000012\n\n',
    )
  })
})
