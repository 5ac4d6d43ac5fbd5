// Golden describe() texts ported from Apache Kafka's
// streams/src/test/java/org/apache/kafka/streams/kstream/internals/KStreamKStreamJoinTest.java.
// Programs are translated line by line; the expected strings are Kafka's own
// expectedTopologyWithGeneratedRepartitionTopic / expectedTopologyWithUserNamedRepartitionTopics.
import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serde/serdes'
import { Consumed } from '../consumed'
import { KeyValue } from '../key-value'
import { StreamJoined } from '../stream-joined'
import { StreamsBuilder } from '../streams-builder'
import { JoinWindows } from '../windows'

const expectedTopologyWithUserNamedRepartitionTopics =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [topic])\n' +
  '      --> KSTREAM-MAP-0000000003\n' +
  '    Processor: KSTREAM-MAP-0000000003 (stores: [])\n' +
  '      --> second-join-left-repartition-filter, first-join-left-repartition-filter\n' +
  '      <-- KSTREAM-SOURCE-0000000000\n' +
  '    Processor: first-join-left-repartition-filter (stores: [])\n' +
  '      --> first-join-left-repartition-sink\n' +
  '      <-- KSTREAM-MAP-0000000003\n' +
  '    Processor: second-join-left-repartition-filter (stores: [])\n' +
  '      --> second-join-left-repartition-sink\n' +
  '      <-- KSTREAM-MAP-0000000003\n' +
  '    Sink: first-join-left-repartition-sink (topic: first-join-left-repartition)\n' +
  '      <-- first-join-left-repartition-filter\n' +
  '    Sink: second-join-left-repartition-sink (topic: second-join-left-repartition)\n' +
  '      <-- second-join-left-repartition-filter\n' +
  '\n' +
  '  Sub-topology: 1\n' +
  '    Source: KSTREAM-SOURCE-0000000001 (topics: [topic2])\n' +
  '      --> first-join-other-windowed\n' +
  '    Source: first-join-left-repartition-source (topics: [first-join-left-repartition])\n' +
  '      --> first-join-this-windowed\n' +
  '    Processor: first-join-other-windowed (stores: [KSTREAM-JOINOTHER-0000000010-store])\n' +
  '      --> first-join-other-join\n' +
  '      <-- KSTREAM-SOURCE-0000000001\n' +
  '    Processor: first-join-this-windowed (stores: [KSTREAM-JOINTHIS-0000000009-store])\n' +
  '      --> first-join-this-join\n' +
  '      <-- first-join-left-repartition-source\n' +
  '    Processor: first-join-other-join (stores: [KSTREAM-JOINTHIS-0000000009-store])\n' +
  '      --> first-join-merge\n' +
  '      <-- first-join-other-windowed\n' +
  '    Processor: first-join-this-join (stores: [KSTREAM-JOINOTHER-0000000010-store])\n' +
  '      --> first-join-merge\n' +
  '      <-- first-join-this-windowed\n' +
  '    Processor: first-join-merge (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000012\n' +
  '      <-- first-join-this-join, first-join-other-join\n' +
  '    Sink: KSTREAM-SINK-0000000012 (topic: out-one)\n' +
  '      <-- first-join-merge\n' +
  '\n' +
  '  Sub-topology: 2\n' +
  '    Source: KSTREAM-SOURCE-0000000002 (topics: [topic3])\n' +
  '      --> second-join-other-windowed\n' +
  '    Source: second-join-left-repartition-source (topics: [second-join-left-repartition])\n' +
  '      --> second-join-this-windowed\n' +
  '    Processor: second-join-other-windowed (stores: [KSTREAM-JOINOTHER-0000000019-store])\n' +
  '      --> second-join-other-join\n' +
  '      <-- KSTREAM-SOURCE-0000000002\n' +
  '    Processor: second-join-this-windowed (stores: [KSTREAM-JOINTHIS-0000000018-store])\n' +
  '      --> second-join-this-join\n' +
  '      <-- second-join-left-repartition-source\n' +
  '    Processor: second-join-other-join (stores: [KSTREAM-JOINTHIS-0000000018-store])\n' +
  '      --> second-join-merge\n' +
  '      <-- second-join-other-windowed\n' +
  '    Processor: second-join-this-join (stores: [KSTREAM-JOINOTHER-0000000019-store])\n' +
  '      --> second-join-merge\n' +
  '      <-- second-join-this-windowed\n' +
  '    Processor: second-join-merge (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000021\n' +
  '      <-- second-join-this-join, second-join-other-join\n' +
  '    Sink: KSTREAM-SINK-0000000021 (topic: out-two)\n' +
  '      <-- second-join-merge\n\n'

const expectedTopologyWithGeneratedRepartitionTopic =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [topic])\n' +
  '      --> KSTREAM-MAP-0000000003\n' +
  '    Processor: KSTREAM-MAP-0000000003 (stores: [])\n' +
  '      --> KSTREAM-FILTER-0000000005\n' +
  '      <-- KSTREAM-SOURCE-0000000000\n' +
  '    Processor: KSTREAM-FILTER-0000000005 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000004\n' +
  '      <-- KSTREAM-MAP-0000000003\n' +
  '    Sink: KSTREAM-SINK-0000000004 (topic: KSTREAM-MAP-0000000003-repartition)\n' +
  '      <-- KSTREAM-FILTER-0000000005\n' +
  '\n' +
  '  Sub-topology: 1\n' +
  '    Source: KSTREAM-SOURCE-0000000006 (topics: [KSTREAM-MAP-0000000003-repartition])\n' +
  '      --> KSTREAM-WINDOWED-0000000007, KSTREAM-WINDOWED-0000000016\n' +
  '    Source: KSTREAM-SOURCE-0000000001 (topics: [topic2])\n' +
  '      --> KSTREAM-WINDOWED-0000000008\n' +
  '    Source: KSTREAM-SOURCE-0000000002 (topics: [topic3])\n' +
  '      --> KSTREAM-WINDOWED-0000000017\n' +
  '    Processor: KSTREAM-WINDOWED-0000000007 (stores: [KSTREAM-JOINTHIS-0000000009-store])\n' +
  '      --> KSTREAM-JOINTHIS-0000000009\n' +
  '      <-- KSTREAM-SOURCE-0000000006\n' +
  '    Processor: KSTREAM-WINDOWED-0000000008 (stores: [KSTREAM-JOINOTHER-0000000010-store])\n' +
  '      --> KSTREAM-JOINOTHER-0000000010\n' +
  '      <-- KSTREAM-SOURCE-0000000001\n' +
  '    Processor: KSTREAM-WINDOWED-0000000016 (stores: [KSTREAM-JOINTHIS-0000000018-store])\n' +
  '      --> KSTREAM-JOINTHIS-0000000018\n' +
  '      <-- KSTREAM-SOURCE-0000000006\n' +
  '    Processor: KSTREAM-WINDOWED-0000000017 (stores: [KSTREAM-JOINOTHER-0000000019-store])\n' +
  '      --> KSTREAM-JOINOTHER-0000000019\n' +
  '      <-- KSTREAM-SOURCE-0000000002\n' +
  '    Processor: KSTREAM-JOINOTHER-0000000010 (stores: [KSTREAM-JOINTHIS-0000000009-store])\n' +
  '      --> KSTREAM-MERGE-0000000011\n' +
  '      <-- KSTREAM-WINDOWED-0000000008\n' +
  '    Processor: KSTREAM-JOINOTHER-0000000019 (stores: [KSTREAM-JOINTHIS-0000000018-store])\n' +
  '      --> KSTREAM-MERGE-0000000020\n' +
  '      <-- KSTREAM-WINDOWED-0000000017\n' +
  '    Processor: KSTREAM-JOINTHIS-0000000009 (stores: [KSTREAM-JOINOTHER-0000000010-store])\n' +
  '      --> KSTREAM-MERGE-0000000011\n' +
  '      <-- KSTREAM-WINDOWED-0000000007\n' +
  '    Processor: KSTREAM-JOINTHIS-0000000018 (stores: [KSTREAM-JOINOTHER-0000000019-store])\n' +
  '      --> KSTREAM-MERGE-0000000020\n' +
  '      <-- KSTREAM-WINDOWED-0000000016\n' +
  '    Processor: KSTREAM-MERGE-0000000011 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000012\n' +
  '      <-- KSTREAM-JOINTHIS-0000000009, KSTREAM-JOINOTHER-0000000010\n' +
  '    Processor: KSTREAM-MERGE-0000000020 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000021\n' +
  '      <-- KSTREAM-JOINTHIS-0000000018, KSTREAM-JOINOTHER-0000000019\n' +
  '    Sink: KSTREAM-SINK-0000000012 (topic: out-one)\n' +
  '      <-- KSTREAM-MERGE-0000000011\n' +
  '    Sink: KSTREAM-SINK-0000000021 (topic: out-to)\n' +
  '      <-- KSTREAM-MERGE-0000000020\n\n'

describe('KStreamKStreamJoinTest', () => {
  it('two stream–stream joins with generated names reuse one repartition topic for the re-keyed side', () => {
    // KStreamKStreamJoinTest.shouldReuseRepartitionTopicWithGeneratedName
    const builder = new StreamsBuilder()
    const props = { 'topology.optimization': 'none' }
    const stream1 = builder.stream('topic', Consumed.with(Serdes.String(), Serdes.String()))
    const stream2 = builder.stream('topic2', Consumed.with(Serdes.String(), Serdes.String()))
    const stream3 = builder.stream('topic3', Consumed.with(Serdes.String(), Serdes.String()))
    const newStream = stream1.map((k, v) => KeyValue.pair(v, k))
    newStream
      .join(
        stream2,
        (value1: string, value2: string) => value1 + value2,
        JoinWindows.ofTimeDifferenceWithNoGrace(100),
      )
      .to('out-one')
    newStream
      .join(
        stream3,
        (value1: string, value2: string) => value1 + value2,
        JoinWindows.ofTimeDifferenceWithNoGrace(100),
      )
      .to('out-to')
    expect(builder.build(props).describe().toString()).toBe(
      expectedTopologyWithGeneratedRepartitionTopic,
    )
  })

  it('stream–stream joins named by StreamJoined.withName each get a <name>-left-repartition topic', () => {
    // KStreamKStreamJoinTest.shouldCreateRepartitionTopicsWithUserProvidedName
    const builder = new StreamsBuilder()
    const props = { 'topology.optimization': 'none' }
    const stream1 = builder.stream('topic', Consumed.with(Serdes.String(), Serdes.String()))
    const stream2 = builder.stream('topic2', Consumed.with(Serdes.String(), Serdes.String()))
    const stream3 = builder.stream('topic3', Consumed.with(Serdes.String(), Serdes.String()))
    const newStream = stream1.map((k, v) => KeyValue.pair(v, k))
    const streamJoined = StreamJoined.with(Serdes.String(), Serdes.String(), Serdes.String())
    newStream
      .join(
        stream2,
        (value1: string, value2: string) => value1 + value2,
        JoinWindows.ofTimeDifferenceWithNoGrace(100),
        streamJoined.withName('first-join'),
      )
      .to('out-one')
    newStream
      .join(
        stream3,
        (value1: string, value2: string) => value1 + value2,
        JoinWindows.ofTimeDifferenceWithNoGrace(100),
        streamJoined.withName('second-join'),
      )
      .to('out-two')
    const topology = builder.build(props)
    expect(topology.describe().toString()).toBe(expectedTopologyWithUserNamedRepartitionTopics)
  })
})
