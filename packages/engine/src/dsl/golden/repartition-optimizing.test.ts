// Golden describe() texts ported from Apache Kafka's
// streams/src/test/java/org/apache/kafka/streams/processor/internals/RepartitionOptimizingTest.java.
// The Java program of RepartitionOptimizingTest#runTest is translated line by line; the
// expected strings are Kafka's own EXPECTED_OPTIMIZED_TOPOLOGY / EXPECTED_UNOPTIMIZED_TOPOLOGY.
import { describe, expect, it } from 'vitest'
import type { ProcessorSupplier } from '../../processor/processor'
import { Serdes } from '../../serde/serdes'
import { Stores } from '../../state/stores'
import type { Topology } from '../../topology/topology'
import { Consumed } from '../consumed'
import { Grouped } from '../grouped'
import { KeyValue } from '../key-value'
import { Materialized } from '../materialized'
import { Named } from '../named'
import { Produced } from '../produced'
import { StreamJoined } from '../stream-joined'
import { StreamsBuilder } from '../streams-builder'
import { JoinWindows } from '../windows'

const INPUT_TOPIC = 'input'
const COUNT_TOPIC = 'outputTopic_0'
const AGGREGATION_TOPIC = 'outputTopic_1'
const REDUCE_TOPIC = 'outputTopic_2'
const JOINED_TOPIC = 'joinedOutputTopic'

// SimpleProcessor: collects values, forwards nothing.
const simpleProcessor: ProcessorSupplier<string, string, void, void> = () => ({
  process: () => {},
})

function buildTopology(optimization: 'all' | 'none'): Topology {
  const initializer = () => 0
  const aggregator = (_k: string, v: string, agg: number) => agg + v.length
  const reducer = (v1: string, v2: string) => `${v1}:${v2}`

  const builder = new StreamsBuilder()

  const sourceStream = builder.stream(
    INPUT_TOPIC,
    Consumed.with(Serdes.String(), Serdes.String()).withName('sourceStream'),
  )

  const mappedStream = sourceStream.map(
    (k, v) => KeyValue.pair(k.toUpperCase(), v),
    Named.as('source-map'),
  )

  mappedStream
    .filter((k) => k === 'B', Named.as('process-filter'))
    .mapValues((v: string) => v.toUpperCase(), Named.as('process-mapValues'))
    .process(simpleProcessor, Named.as('process'))

  const countStream = mappedStream
    .groupByKey(Grouped.as('count-groupByKey'))
    .count(
      Named.as('count'),
      Materialized.as<string, number>(Stores.inMemoryKeyValueStore('count-store'))
        .withKeySerde(Serdes.String())
        .withValueSerde(Serdes.Long()),
    )
    .toStream(Named.as('count-toStream'))

  countStream.to(COUNT_TOPIC, Produced.with(Serdes.String(), Serdes.Long()).withName('count-to'))

  mappedStream
    .groupByKey(Grouped.as('aggregate-groupByKey'))
    .aggregate(
      initializer,
      aggregator,
      Named.as('aggregate'),
      Materialized.as<string, number>(Stores.inMemoryKeyValueStore('aggregate-store'))
        .withKeySerde(Serdes.String())
        .withValueSerde(Serdes.Integer()),
    )
    .toStream(Named.as('aggregate-toStream'))
    .to(AGGREGATION_TOPIC, Produced.with(Serdes.String(), Serdes.Integer()).withName('reduce-to'))

  // adding operators for case where the repartition node is further downstream
  mappedStream
    .filter(() => true, Named.as('reduce-filter'))
    .peek(() => {}, Named.as('reduce-peek'))
    .groupByKey(Grouped.as('reduce-groupByKey'))
    .reduce(
      reducer,
      Named.as('reducer'),
      Materialized.as<string, string>(Stores.inMemoryKeyValueStore('reduce-store')),
    )
    .toStream(Named.as('reduce-toStream'))
    .to(REDUCE_TOPIC, Produced.with(Serdes.String(), Serdes.String()))

  mappedStream
    .filter((k) => k === 'A', Named.as('join-filter'))
    .join(
      countStream,
      (v1: string, v2: number) => `${v1}:${String(v2)}`,
      JoinWindows.of(5000),
      StreamJoined.with<string, string, number>(
        Stores.inMemoryWindowStore('join-store', 86_400_000, 10_000, true),
        Stores.inMemoryWindowStore('other-join-store', 86_400_000, 10_000, true),
      )
        .withName('join')
        .withKeySerde(Serdes.String())
        .withValueSerde(Serdes.String())
        .withOtherValueSerde(Serdes.Long()),
    )
    .to(JOINED_TOPIC, Produced.as('join-to'))

  return builder.build({ 'topology.optimization': optimization })
}

function countRepartitionSinks(topology: string): number {
  return (topology.match(/Sink: .*-repartition/g) ?? []).length
}

const EXPECTED_OPTIMIZED_TOPOLOGY =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: sourceStream (topics: [input])\n' +
  '      --> source-map\n' +
  '    Processor: source-map (stores: [])\n' +
  '      --> process-filter, count-groupByKey-repartition-filter\n' +
  '      <-- sourceStream\n' +
  '    Processor: process-filter (stores: [])\n' +
  '      --> process-mapValues\n' +
  '      <-- source-map\n' +
  '    Processor: count-groupByKey-repartition-filter (stores: [])\n' +
  '      --> count-groupByKey-repartition-sink\n' +
  '      <-- source-map\n' +
  '    Processor: process-mapValues (stores: [])\n' +
  '      --> process\n' +
  '      <-- process-filter\n' +
  '    Sink: count-groupByKey-repartition-sink (topic: count-groupByKey-repartition)\n' +
  '      <-- count-groupByKey-repartition-filter\n' +
  '    Processor: process (stores: [])\n' +
  '      --> none\n' +
  '      <-- process-mapValues\n' +
  '\n' +
  '  Sub-topology: 1\n' +
  '    Source: count-groupByKey-repartition-source (topics: [count-groupByKey-repartition])\n' +
  '      --> aggregate, count, join-filter, reduce-filter\n' +
  '    Processor: count (stores: [count-store])\n' +
  '      --> count-toStream\n' +
  '      <-- count-groupByKey-repartition-source\n' +
  '    Processor: count-toStream (stores: [])\n' +
  '      --> join-other-windowed, count-to\n' +
  '      <-- count\n' +
  '    Processor: join-filter (stores: [])\n' +
  '      --> join-this-windowed\n' +
  '      <-- count-groupByKey-repartition-source\n' +
  '    Processor: reduce-filter (stores: [])\n' +
  '      --> reduce-peek\n' +
  '      <-- count-groupByKey-repartition-source\n' +
  '    Processor: join-other-windowed (stores: [other-join-store])\n' +
  '      --> join-other-join\n' +
  '      <-- count-toStream\n' +
  '    Processor: join-this-windowed (stores: [join-store])\n' +
  '      --> join-this-join\n' +
  '      <-- join-filter\n' +
  '    Processor: reduce-peek (stores: [])\n' +
  '      --> reducer\n' +
  '      <-- reduce-filter\n' +
  '    Processor: aggregate (stores: [aggregate-store])\n' +
  '      --> aggregate-toStream\n' +
  '      <-- count-groupByKey-repartition-source\n' +
  '    Processor: join-other-join (stores: [join-store])\n' +
  '      --> join-merge\n' +
  '      <-- join-other-windowed\n' +
  '    Processor: join-this-join (stores: [other-join-store])\n' +
  '      --> join-merge\n' +
  '      <-- join-this-windowed\n' +
  '    Processor: reducer (stores: [reduce-store])\n' +
  '      --> reduce-toStream\n' +
  '      <-- reduce-peek\n' +
  '    Processor: aggregate-toStream (stores: [])\n' +
  '      --> reduce-to\n' +
  '      <-- aggregate\n' +
  '    Processor: join-merge (stores: [])\n' +
  '      --> join-to\n' +
  '      <-- join-this-join, join-other-join\n' +
  '    Processor: reduce-toStream (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000023\n' +
  '      <-- reducer\n' +
  '    Sink: KSTREAM-SINK-0000000023 (topic: outputTopic_2)\n' +
  '      <-- reduce-toStream\n' +
  '    Sink: count-to (topic: outputTopic_0)\n' +
  '      <-- count-toStream\n' +
  '    Sink: join-to (topic: joinedOutputTopic)\n' +
  '      <-- join-merge\n' +
  '    Sink: reduce-to (topic: outputTopic_1)\n' +
  '      <-- aggregate-toStream\n\n'

const EXPECTED_UNOPTIMIZED_TOPOLOGY =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: sourceStream (topics: [input])\n' +
  '      --> source-map\n' +
  '    Processor: source-map (stores: [])\n' +
  '      --> reduce-filter, process-filter, aggregate-groupByKey-repartition-filter, count-groupByKey-repartition-filter, join-filter\n' +
  '      <-- sourceStream\n' +
  '    Processor: reduce-filter (stores: [])\n' +
  '      --> reduce-peek\n' +
  '      <-- source-map\n' +
  '    Processor: join-filter (stores: [])\n' +
  '      --> join-left-repartition-filter\n' +
  '      <-- source-map\n' +
  '    Processor: process-filter (stores: [])\n' +
  '      --> process-mapValues\n' +
  '      <-- source-map\n' +
  '    Processor: reduce-peek (stores: [])\n' +
  '      --> reduce-groupByKey-repartition-filter\n' +
  '      <-- reduce-filter\n' +
  '    Processor: aggregate-groupByKey-repartition-filter (stores: [])\n' +
  '      --> aggregate-groupByKey-repartition-sink\n' +
  '      <-- source-map\n' +
  '    Processor: count-groupByKey-repartition-filter (stores: [])\n' +
  '      --> count-groupByKey-repartition-sink\n' +
  '      <-- source-map\n' +
  '    Processor: join-left-repartition-filter (stores: [])\n' +
  '      --> join-left-repartition-sink\n' +
  '      <-- join-filter\n' +
  '    Processor: process-mapValues (stores: [])\n' +
  '      --> process\n' +
  '      <-- process-filter\n' +
  '    Processor: reduce-groupByKey-repartition-filter (stores: [])\n' +
  '      --> reduce-groupByKey-repartition-sink\n' +
  '      <-- reduce-peek\n' +
  '    Sink: aggregate-groupByKey-repartition-sink (topic: aggregate-groupByKey-repartition)\n' +
  '      <-- aggregate-groupByKey-repartition-filter\n' +
  '    Sink: count-groupByKey-repartition-sink (topic: count-groupByKey-repartition)\n' +
  '      <-- count-groupByKey-repartition-filter\n' +
  '    Sink: join-left-repartition-sink (topic: join-left-repartition)\n' +
  '      <-- join-left-repartition-filter\n' +
  '    Processor: process (stores: [])\n' +
  '      --> none\n' +
  '      <-- process-mapValues\n' +
  '    Sink: reduce-groupByKey-repartition-sink (topic: reduce-groupByKey-repartition)\n' +
  '      <-- reduce-groupByKey-repartition-filter\n' +
  '\n' +
  '  Sub-topology: 1\n' +
  '    Source: count-groupByKey-repartition-source (topics: [count-groupByKey-repartition])\n' +
  '      --> count\n' +
  '    Processor: count (stores: [count-store])\n' +
  '      --> count-toStream\n' +
  '      <-- count-groupByKey-repartition-source\n' +
  '    Processor: count-toStream (stores: [])\n' +
  '      --> join-other-windowed, count-to\n' +
  '      <-- count\n' +
  '    Source: join-left-repartition-source (topics: [join-left-repartition])\n' +
  '      --> join-this-windowed\n' +
  '    Processor: join-other-windowed (stores: [other-join-store])\n' +
  '      --> join-other-join\n' +
  '      <-- count-toStream\n' +
  '    Processor: join-this-windowed (stores: [join-store])\n' +
  '      --> join-this-join\n' +
  '      <-- join-left-repartition-source\n' +
  '    Processor: join-other-join (stores: [join-store])\n' +
  '      --> join-merge\n' +
  '      <-- join-other-windowed\n' +
  '    Processor: join-this-join (stores: [other-join-store])\n' +
  '      --> join-merge\n' +
  '      <-- join-this-windowed\n' +
  '    Processor: join-merge (stores: [])\n' +
  '      --> join-to\n' +
  '      <-- join-this-join, join-other-join\n' +
  '    Sink: count-to (topic: outputTopic_0)\n' +
  '      <-- count-toStream\n' +
  '    Sink: join-to (topic: joinedOutputTopic)\n' +
  '      <-- join-merge\n' +
  '\n' +
  '  Sub-topology: 2\n' +
  '    Source: aggregate-groupByKey-repartition-source (topics: [aggregate-groupByKey-repartition])\n' +
  '      --> aggregate\n' +
  '    Processor: aggregate (stores: [aggregate-store])\n' +
  '      --> aggregate-toStream\n' +
  '      <-- aggregate-groupByKey-repartition-source\n' +
  '    Processor: aggregate-toStream (stores: [])\n' +
  '      --> reduce-to\n' +
  '      <-- aggregate\n' +
  '    Sink: reduce-to (topic: outputTopic_1)\n' +
  '      <-- aggregate-toStream\n' +
  '\n' +
  '  Sub-topology: 3\n' +
  '    Source: reduce-groupByKey-repartition-source (topics: [reduce-groupByKey-repartition])\n' +
  '      --> reducer\n' +
  '    Processor: reducer (stores: [reduce-store])\n' +
  '      --> reduce-toStream\n' +
  '      <-- reduce-groupByKey-repartition-source\n' +
  '    Processor: reduce-toStream (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000023\n' +
  '      <-- reducer\n' +
  '    Sink: KSTREAM-SINK-0000000023 (topic: outputTopic_2)\n' +
  '      <-- reduce-toStream\n\n'

describe('RepartitionOptimizingTest', () => {
  it('with topology.optimization=all, four repartitions below one key change collapse into the first named topic', () => {
    // RepartitionOptimizingTest.shouldSendCorrectRecords_OPTIMIZED (runTest(OPTIMIZE, 1))
    const description = buildTopology('all').describe().toString()
    expect(description).toBe(EXPECTED_OPTIMIZED_TOPOLOGY)
    expect(countRepartitionSinks(description)).toBe(1)
  })

  it('without optimization, every grouping and the join side get their own named repartition topic', () => {
    // RepartitionOptimizingTest.shouldSendCorrectResults_NO_OPTIMIZATION (runTest(NO_OPTIMIZATION, 4))
    const description = buildTopology('none').describe().toString()
    expect(description).toBe(EXPECTED_UNOPTIMIZED_TOPOLOGY)
    expect(countRepartitionSinks(description)).toBe(4)
  })
})
