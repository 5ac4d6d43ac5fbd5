// Golden describe() texts ported from Apache Kafka's
// streams/src/test/java/org/apache/kafka/streams/processor/internals/RepartitionWithMergeOptimizingTest.java.
// RepartitionWithMergeOptimizingTest#runTest is translated line by line; the expected strings
// are Kafka's own EXPECTED_OPTIMIZED_TOPOLOGY / EXPECTED_UNOPTIMIZED_TOPOLOGY.
import { describe, expect, it } from 'vitest'
import { REPARTITION_WITH_MERGE_OPTIMIZED } from './kafka-describe-texts'
import { Serdes } from '../../serde/serdes'
import { Stores } from '../../state/stores'
import type { Topology } from '../../topology/topology'
import { Consumed } from '../consumed'
import { Grouped } from '../grouped'
import { KeyValue } from '../key-value'
import { Materialized } from '../materialized'
import { Named } from '../named'
import { Produced } from '../produced'
import { StreamsBuilder } from '../streams-builder'

const INPUT_A_TOPIC = 'inputA'
const INPUT_B_TOPIC = 'inputB'
const COUNT_TOPIC = 'outputTopic_0'
const STRING_COUNT_TOPIC = 'outputTopic_1'

function buildTopology(optimization: 'all' | 'none'): Topology {
  const builder = new StreamsBuilder()

  const sourceAStream = builder.stream(
    INPUT_A_TOPIC,
    Consumed.with(Serdes.String(), Serdes.String()).withName('sourceAStream'),
  )

  const sourceBStream = builder.stream(
    INPUT_B_TOPIC,
    Consumed.with(Serdes.String(), Serdes.String()).withName('sourceBStream'),
  )

  const mappedAStream = sourceAStream.map(
    (_k, v) => KeyValue.pair(v.split(':')[0] ?? '', v),
    Named.as('mappedAStream'),
  )
  const mappedBStream = sourceBStream.map(
    (_k, v) => KeyValue.pair(v.split(':')[0] ?? '', v),
    Named.as('mappedBStream'),
  )

  const mergedStream = mappedAStream.merge(mappedBStream, Named.as('mergedStream'))

  mergedStream
    .groupByKey(Grouped.as('long-groupByKey'))
    .count(
      Named.as('long-count'),
      Materialized.as<string, number>(Stores.inMemoryKeyValueStore('long-store')),
    )
    .toStream(Named.as('long-toStream'))
    .to(COUNT_TOPIC, Produced.with(Serdes.String(), Serdes.Long()).withName('long-to'))

  mergedStream
    .groupByKey(Grouped.as('string-groupByKey'))
    .count(
      Named.as('string-count'),
      Materialized.as<string, number>(Stores.inMemoryKeyValueStore('string-store')),
    )
    .toStream(Named.as('string-toStream'))
    .mapValues((v: number) => String(v), Named.as('string-mapValues'))
    .to(STRING_COUNT_TOPIC, Produced.with(Serdes.String(), Serdes.String()).withName('string-to'))

  return builder.build({ 'topology.optimization': optimization })
}

function countRepartitionSinks(topology: string): number {
  return (topology.match(/Sink: .*-repartition/g) ?? []).length
}

const EXPECTED_OPTIMIZED_TOPOLOGY = REPARTITION_WITH_MERGE_OPTIMIZED

const EXPECTED_UNOPTIMIZED_TOPOLOGY =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: sourceAStream (topics: [inputA])\n' +
  '      --> mappedAStream\n' +
  '    Source: sourceBStream (topics: [inputB])\n' +
  '      --> mappedBStream\n' +
  '    Processor: mappedAStream (stores: [])\n' +
  '      --> mergedStream\n' +
  '      <-- sourceAStream\n' +
  '    Processor: mappedBStream (stores: [])\n' +
  '      --> mergedStream\n' +
  '      <-- sourceBStream\n' +
  '    Processor: mergedStream (stores: [])\n' +
  '      --> long-groupByKey-repartition-filter, string-groupByKey-repartition-filter\n' +
  '      <-- mappedAStream, mappedBStream\n' +
  '    Processor: long-groupByKey-repartition-filter (stores: [])\n' +
  '      --> long-groupByKey-repartition-sink\n' +
  '      <-- mergedStream\n' +
  '    Processor: string-groupByKey-repartition-filter (stores: [])\n' +
  '      --> string-groupByKey-repartition-sink\n' +
  '      <-- mergedStream\n' +
  '    Sink: long-groupByKey-repartition-sink (topic: long-groupByKey-repartition)\n' +
  '      <-- long-groupByKey-repartition-filter\n' +
  '    Sink: string-groupByKey-repartition-sink (topic: string-groupByKey-repartition)\n' +
  '      <-- string-groupByKey-repartition-filter\n' +
  '\n' +
  '  Sub-topology: 1\n' +
  '    Source: long-groupByKey-repartition-source (topics: [long-groupByKey-repartition])\n' +
  '      --> long-count\n' +
  '    Processor: long-count (stores: [long-store])\n' +
  '      --> long-toStream\n' +
  '      <-- long-groupByKey-repartition-source\n' +
  '    Processor: long-toStream (stores: [])\n' +
  '      --> long-to\n' +
  '      <-- long-count\n' +
  '    Sink: long-to (topic: outputTopic_0)\n' +
  '      <-- long-toStream\n' +
  '\n' +
  '  Sub-topology: 2\n' +
  '    Source: string-groupByKey-repartition-source (topics: [string-groupByKey-repartition])\n' +
  '      --> string-count\n' +
  '    Processor: string-count (stores: [string-store])\n' +
  '      --> string-toStream\n' +
  '      <-- string-groupByKey-repartition-source\n' +
  '    Processor: string-toStream (stores: [])\n' +
  '      --> string-mapValues\n' +
  '      <-- string-count\n' +
  '    Processor: string-mapValues (stores: [])\n' +
  '      --> string-to\n' +
  '      <-- string-toStream\n' +
  '    Sink: string-to (topic: outputTopic_1)\n' +
  '      <-- string-mapValues\n\n'

describe('RepartitionWithMergeOptimizingTest', () => {
  it('with topology.optimization=all, two groupings below a merge of re-keyed streams share the first named repartition topic', () => {
    // RepartitionWithMergeOptimizingTest.shouldSendCorrectRecords_OPTIMIZED (runTest(OPTIMIZE, 1))
    const description = buildTopology('all').describe().toString()
    expect(description).toBe(EXPECTED_OPTIMIZED_TOPOLOGY)
    expect(countRepartitionSinks(description)).toBe(1)
  })

  it('without optimization, each grouping below the merge gets its own repartition topic and sub-topology', () => {
    // RepartitionWithMergeOptimizingTest.shouldSendCorrectResults_NO_OPTIMIZATION (runTest(NO_OPTIMIZATION, 2))
    const description = buildTopology('none').describe().toString()
    expect(description).toBe(EXPECTED_UNOPTIMIZED_TOPOLOGY)
    expect(countRepartitionSinks(description)).toBe(2)
  })
})
