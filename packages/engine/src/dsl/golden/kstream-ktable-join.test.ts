// Golden describe() texts ported from Apache Kafka's
// streams/src/test/java/org/apache/kafka/streams/kstream/internals/KStreamKTableJoinTest.java.
// Programs are translated line by line; the expected strings are Kafka's own
// expectedTopologyWithGeneratedRepartitionTopicNames / ...UserProvidedRepartitionTopicNames.
import { describe, expect, it } from 'vitest'
import { EXAMPLE_3_REUSED_REPARTITION } from './kafka-describe-texts'
import { Serdes } from '../../serde/serdes'
import { Consumed } from '../consumed'
import { Joined } from '../joined'
import { KeyValue } from '../key-value'
import { StreamsBuilder } from '../streams-builder'

const expectedTopologyWithGeneratedRepartitionTopicNames = EXAMPLE_3_REUSED_REPARTITION

const expectedTopologyWithUserProvidedRepartitionTopicNames =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [topic])\n' +
  '      --> KSTREAM-MAP-0000000007\n' +
  '    Processor: KSTREAM-MAP-0000000007 (stores: [])\n' +
  '      --> first-join-repartition-filter, second-join-repartition-filter\n' +
  '      <-- KSTREAM-SOURCE-0000000000\n' +
  '    Processor: first-join-repartition-filter (stores: [])\n' +
  '      --> first-join-repartition-sink\n' +
  '      <-- KSTREAM-MAP-0000000007\n' +
  '    Processor: second-join-repartition-filter (stores: [])\n' +
  '      --> second-join-repartition-sink\n' +
  '      <-- KSTREAM-MAP-0000000007\n' +
  '    Sink: first-join-repartition-sink (topic: first-join-repartition)\n' +
  '      <-- first-join-repartition-filter\n' +
  '    Sink: second-join-repartition-sink (topic: second-join-repartition)\n' +
  '      <-- second-join-repartition-filter\n' +
  '\n' +
  '  Sub-topology: 1\n' +
  '    Source: first-join-repartition-source (topics: [first-join-repartition])\n' +
  '      --> first-join\n' +
  '    Source: KSTREAM-SOURCE-0000000002 (topics: [topic2])\n' +
  '      --> KTABLE-SOURCE-0000000003\n' +
  '    Processor: first-join (stores: [topic2-STATE-STORE-0000000001])\n' +
  '      --> KSTREAM-SINK-0000000012\n' +
  '      <-- first-join-repartition-source\n' +
  '    Sink: KSTREAM-SINK-0000000012 (topic: out-one)\n' +
  '      <-- first-join\n' +
  '    Processor: KTABLE-SOURCE-0000000003 (stores: [topic2-STATE-STORE-0000000001])\n' +
  '      --> none\n' +
  '      <-- KSTREAM-SOURCE-0000000002\n' +
  '\n' +
  '  Sub-topology: 2\n' +
  '    Source: second-join-repartition-source (topics: [second-join-repartition])\n' +
  '      --> second-join\n' +
  '    Source: KSTREAM-SOURCE-0000000005 (topics: [topic3])\n' +
  '      --> KTABLE-SOURCE-0000000006\n' +
  '    Processor: second-join (stores: [topic3-STATE-STORE-0000000004])\n' +
  '      --> KSTREAM-SINK-0000000017\n' +
  '      <-- second-join-repartition-source\n' +
  '    Sink: KSTREAM-SINK-0000000017 (topic: out-two)\n' +
  '      <-- second-join\n' +
  '    Processor: KTABLE-SOURCE-0000000006 (stores: [topic3-STATE-STORE-0000000004])\n' +
  '      --> none\n' +
  '      <-- KSTREAM-SOURCE-0000000005\n\n'

describe('KStreamKTableJoinTest', () => {
  it('two stream–table joins with generated names reuse the first repartition topic of the re-keyed stream', () => {
    // KStreamKTableJoinTest.shouldReuseRepartitionTopicWithGeneratedName
    const builder = new StreamsBuilder()
    const props = { 'topology.optimization': 'none' }
    const streamA = builder.stream('topic', Consumed.with(Serdes.String(), Serdes.String()))
    const tableB = builder.table('topic2', Consumed.with(Serdes.String(), Serdes.String()))
    const tableC = builder.table('topic3', Consumed.with(Serdes.String(), Serdes.String()))
    const rekeyedStream = streamA.map((k, v) => KeyValue.pair(v, k))
    rekeyedStream.join(tableB, (value1: string, value2: string) => value1 + value2).to('out-one')
    rekeyedStream.join(tableC, (value1: string, value2: string) => value1 + value2).to('out-two')
    const topology = builder.build(props)
    expect(topology.describe().toString()).toBe(expectedTopologyWithGeneratedRepartitionTopicNames)
  })

  it('stream–table joins named by Joined each get their own <name>-repartition topic and sub-topology', () => {
    // KStreamKTableJoinTest.shouldCreateRepartitionTopicsWithUserProvidedName
    const builder = new StreamsBuilder()
    const props = { 'topology.optimization': 'none' }
    const streamA = builder.stream('topic', Consumed.with(Serdes.String(), Serdes.String()))
    const tableB = builder.table('topic2', Consumed.with(Serdes.String(), Serdes.String()))
    const tableC = builder.table('topic3', Consumed.with(Serdes.String(), Serdes.String()))
    const rekeyedStream = streamA.map((k, v) => KeyValue.pair(v, k))

    rekeyedStream
      .join(
        tableB,
        (value1: string, value2: string) => value1 + value2,
        Joined.with(Serdes.String(), Serdes.String(), Serdes.String(), 'first-join'),
      )
      .to('out-one')
    rekeyedStream
      .join(
        tableC,
        (value1: string, value2: string) => value1 + value2,
        Joined.with(Serdes.String(), Serdes.String(), Serdes.String(), 'second-join'),
      )
      .to('out-two')
    const topology = builder.build(props)
    expect(topology.describe().toString()).toBe(
      expectedTopologyWithUserProvidedRepartitionTopicNames,
    )
  })
})
