// Golden describe() texts ported from Apache Kafka's
// streams/src/test/java/org/apache/kafka/streams/processor/internals/RepartitionOptimizingTest.java.
// The Java program of RepartitionOptimizingTest#runTest is translated line by line; the
// expected strings are Kafka's own EXPECTED_OPTIMIZED_TOPOLOGY / EXPECTED_UNOPTIMIZED_TOPOLOGY.
import { describe, expect, it } from 'vitest'
import { REPARTITION_OPTIMIZING_ALL, REPARTITION_OPTIMIZING_NONE } from './kafka-describe-texts'
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

const EXPECTED_OPTIMIZED_TOPOLOGY = REPARTITION_OPTIMIZING_ALL

const EXPECTED_UNOPTIMIZED_TOPOLOGY = REPARTITION_OPTIMIZING_NONE

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
