// Golden describe() texts from Apache Kafka's TopologyTest
// (streams/src/test/java/org/apache/kafka/streams/TopologyTest.java): stream–stream joins
// and sinks. Every expected string is copied from Kafka's assertion; each case names the Java
// test method it ports. Aggregations, KTable operations and Processor API cases are in the
// sibling files topology-test-aggregations, topology-test-ktable and topology-test-papi.
// Ported from the Kafka 4.0-era version of the file (JUnit 5, non-deprecated window factories);
// apache/kafka's older copy asserts the same strings with TimeWindows.of/SessionWindows.with.
import { describe, expect, it } from 'vitest'
import { EXAMPLE_2_LEFT_JOIN } from './kafka-describe-texts'
import type { RecordMetadata, TopicNameExtractor } from '../../processor/processor'
import { Serdes } from '../../serde/serdes'
import { Stores } from '../../state/stores'
import { StreamJoined } from '../stream-joined'
import { StreamsBuilder } from '../streams-builder'
import { JoinWindows } from '../windows'

// MockValueJoiner.TOSTRING_JOINER
const toStringJoiner = (value1: string, value2: string) => `${value1}+${value2}`

describe('TopologyTest: stream–stream inner joins', () => {
  it('an inner join with default store names gives each side a store named after its join processor', () => {
    // TopologyTest.streamStreamJoinTopologyWithDefaultStoresNames
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<number, string>('input-topic1')
    const stream2 = builder.stream<number, string>('input-topic2')

    stream1.join(
      stream2,
      toStringJoiner,
      JoinWindows.of(100),
      StreamJoined.with(Serdes.Integer(), Serdes.String(), Serdes.String()),
    )

    const describe = builder.build().describe()

    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic1])\n' +
        '      --> KSTREAM-WINDOWED-0000000002\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic2])\n' +
        '      --> KSTREAM-WINDOWED-0000000003\n' +
        '    Processor: KSTREAM-WINDOWED-0000000002 (stores: [KSTREAM-JOINTHIS-0000000004-store])\n' +
        '      --> KSTREAM-JOINTHIS-0000000004\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: KSTREAM-WINDOWED-0000000003 (stores: [KSTREAM-JOINOTHER-0000000005-store])\n' +
        '      --> KSTREAM-JOINOTHER-0000000005\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: KSTREAM-JOINOTHER-0000000005 (stores: [KSTREAM-JOINTHIS-0000000004-store])\n' +
        '      --> KSTREAM-MERGE-0000000006\n' +
        '      <-- KSTREAM-WINDOWED-0000000003\n' +
        '    Processor: KSTREAM-JOINTHIS-0000000004 (stores: [KSTREAM-JOINOTHER-0000000005-store])\n' +
        '      --> KSTREAM-MERGE-0000000006\n' +
        '      <-- KSTREAM-WINDOWED-0000000002\n' +
        '    Processor: KSTREAM-MERGE-0000000006 (stores: [])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-JOINTHIS-0000000004, KSTREAM-JOINOTHER-0000000005\n\n',
    )
  })

  it('an inner join with StreamJoined.withStoreName names the stores <name>-this-join-store and <name>-other-join-store', () => {
    // TopologyTest.streamStreamJoinTopologyWithCustomStoresNames
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<number, string>('input-topic1')
    const stream2 = builder.stream<number, string>('input-topic2')

    stream1.join(
      stream2,
      toStringJoiner,
      JoinWindows.of(100),
      StreamJoined.with(Serdes.Integer(), Serdes.String(), Serdes.String()).withStoreName(
        'custom-name',
      ),
    )

    const describe = builder.build().describe()

    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic1])\n' +
        '      --> KSTREAM-WINDOWED-0000000002\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic2])\n' +
        '      --> KSTREAM-WINDOWED-0000000003\n' +
        '    Processor: KSTREAM-WINDOWED-0000000002 (stores: [custom-name-this-join-store])\n' +
        '      --> KSTREAM-JOINTHIS-0000000004\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: KSTREAM-WINDOWED-0000000003 (stores: [custom-name-other-join-store])\n' +
        '      --> KSTREAM-JOINOTHER-0000000005\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: KSTREAM-JOINOTHER-0000000005 (stores: [custom-name-this-join-store])\n' +
        '      --> KSTREAM-MERGE-0000000006\n' +
        '      <-- KSTREAM-WINDOWED-0000000003\n' +
        '    Processor: KSTREAM-JOINTHIS-0000000004 (stores: [custom-name-other-join-store])\n' +
        '      --> KSTREAM-MERGE-0000000006\n' +
        '      <-- KSTREAM-WINDOWED-0000000002\n' +
        '    Processor: KSTREAM-MERGE-0000000006 (stores: [])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-JOINTHIS-0000000004, KSTREAM-JOINOTHER-0000000005\n\n',
    )
  })

  it('an inner join with custom store suppliers prints the supplier names as the join stores', () => {
    // TopologyTest.streamStreamJoinTopologyWithCustomStoresSuppliers
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<number, string>('input-topic1')
    const stream2 = builder.stream<number, string>('input-topic2')

    const joinWindows = JoinWindows.of(100)

    const thisStoreSupplier = Stores.inMemoryWindowStore(
      'in-memory-join-store',
      joinWindows.size() + joinWindows.gracePeriodMs(),
      joinWindows.size(),
      true,
    )

    const otherStoreSupplier = Stores.inMemoryWindowStore(
      'in-memory-join-store-other',
      joinWindows.size() + joinWindows.gracePeriodMs(),
      joinWindows.size(),
      true,
    )

    stream1.join(
      stream2,
      toStringJoiner,
      joinWindows,
      StreamJoined.with(Serdes.Integer(), Serdes.String(), Serdes.String())
        .withThisStoreSupplier(thisStoreSupplier)
        .withOtherStoreSupplier(otherStoreSupplier),
    )

    const describe = builder.build().describe()

    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic1])\n' +
        '      --> KSTREAM-WINDOWED-0000000002\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic2])\n' +
        '      --> KSTREAM-WINDOWED-0000000003\n' +
        '    Processor: KSTREAM-WINDOWED-0000000002 (stores: [in-memory-join-store])\n' +
        '      --> KSTREAM-JOINTHIS-0000000004\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: KSTREAM-WINDOWED-0000000003 (stores: [in-memory-join-store-other])\n' +
        '      --> KSTREAM-JOINOTHER-0000000005\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: KSTREAM-JOINOTHER-0000000005 (stores: [in-memory-join-store])\n' +
        '      --> KSTREAM-MERGE-0000000006\n' +
        '      <-- KSTREAM-WINDOWED-0000000003\n' +
        '    Processor: KSTREAM-JOINTHIS-0000000004 (stores: [in-memory-join-store-other])\n' +
        '      --> KSTREAM-MERGE-0000000006\n' +
        '      <-- KSTREAM-WINDOWED-0000000002\n' +
        '    Processor: KSTREAM-MERGE-0000000006 (stores: [])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-JOINTHIS-0000000004, KSTREAM-JOINOTHER-0000000005\n\n',
    )
  })
})

describe('TopologyTest: stream–stream left joins', () => {
  it('a left join with default store names adds a KSTREAM-OUTERSHARED store to both join processors', () => {
    // TopologyTest.streamStreamLeftJoinTopologyWithDefaultStoresNames
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<number, string>('input-topic1')
    const stream2 = builder.stream<number, string>('input-topic2')

    stream1.leftJoin(
      stream2,
      toStringJoiner,
      JoinWindows.ofTimeDifferenceWithNoGrace(100),
      StreamJoined.with(Serdes.Integer(), Serdes.String(), Serdes.String()),
    )

    const describe = builder.build().describe()

    expect(describe.toString()).toBe(EXAMPLE_2_LEFT_JOIN)
  })

  it('a left join with StreamJoined.withStoreName names the shared store <name>-left-shared-join-store', () => {
    // TopologyTest.streamStreamLeftJoinTopologyWithCustomStoresNames
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<number, string>('input-topic1')
    const stream2 = builder.stream<number, string>('input-topic2')

    stream1.leftJoin(
      stream2,
      toStringJoiner,
      JoinWindows.ofTimeDifferenceWithNoGrace(100),
      StreamJoined.with(Serdes.Integer(), Serdes.String(), Serdes.String()).withStoreName(
        'custom-name',
      ),
    )

    const describe = builder.build().describe()

    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic1])\n' +
        '      --> KSTREAM-WINDOWED-0000000002\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic2])\n' +
        '      --> KSTREAM-WINDOWED-0000000003\n' +
        '    Processor: KSTREAM-WINDOWED-0000000002 (stores: [custom-name-this-join-store])\n' +
        '      --> KSTREAM-JOINTHIS-0000000004\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: KSTREAM-WINDOWED-0000000003 (stores: [custom-name-outer-other-join-store])\n' +
        '      --> KSTREAM-OUTEROTHER-0000000005\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: KSTREAM-JOINTHIS-0000000004 (stores: [custom-name-outer-other-join-store, custom-name-left-shared-join-store])\n' +
        '      --> KSTREAM-MERGE-0000000006\n' +
        '      <-- KSTREAM-WINDOWED-0000000002\n' +
        '    Processor: KSTREAM-OUTEROTHER-0000000005 (stores: [custom-name-this-join-store, custom-name-left-shared-join-store])\n' +
        '      --> KSTREAM-MERGE-0000000006\n' +
        '      <-- KSTREAM-WINDOWED-0000000003\n' +
        '    Processor: KSTREAM-MERGE-0000000006 (stores: [])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-JOINTHIS-0000000004, KSTREAM-OUTEROTHER-0000000005\n\n',
    )
  })

  it('a left join with custom store suppliers names the shared store after the this-side supplier', () => {
    // TopologyTest.streamStreamLeftJoinTopologyWithCustomStoresSuppliers
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<number, string>('input-topic1')
    const stream2 = builder.stream<number, string>('input-topic2')

    const joinWindows = JoinWindows.ofTimeDifferenceWithNoGrace(100)

    const thisStoreSupplier = Stores.inMemoryWindowStore(
      'in-memory-join-store',
      joinWindows.size() + joinWindows.gracePeriodMs(),
      joinWindows.size(),
      true,
    )

    const otherStoreSupplier = Stores.inMemoryWindowStore(
      'in-memory-join-store-other',
      joinWindows.size() + joinWindows.gracePeriodMs(),
      joinWindows.size(),
      true,
    )

    stream1.leftJoin(
      stream2,
      toStringJoiner,
      joinWindows,
      StreamJoined.with(Serdes.Integer(), Serdes.String(), Serdes.String())
        .withThisStoreSupplier(thisStoreSupplier)
        .withOtherStoreSupplier(otherStoreSupplier),
    )

    const describe = builder.build().describe()

    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic1])\n' +
        '      --> KSTREAM-WINDOWED-0000000002\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic2])\n' +
        '      --> KSTREAM-WINDOWED-0000000003\n' +
        '    Processor: KSTREAM-WINDOWED-0000000002 (stores: [in-memory-join-store])\n' +
        '      --> KSTREAM-JOINTHIS-0000000004\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: KSTREAM-WINDOWED-0000000003 (stores: [in-memory-join-store-other])\n' +
        '      --> KSTREAM-OUTEROTHER-0000000005\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: KSTREAM-JOINTHIS-0000000004 (stores: [in-memory-join-store-other, in-memory-join-store-left-shared-join-store])\n' +
        '      --> KSTREAM-MERGE-0000000006\n' +
        '      <-- KSTREAM-WINDOWED-0000000002\n' +
        '    Processor: KSTREAM-OUTEROTHER-0000000005 (stores: [in-memory-join-store, in-memory-join-store-left-shared-join-store])\n' +
        '      --> KSTREAM-MERGE-0000000006\n' +
        '      <-- KSTREAM-WINDOWED-0000000003\n' +
        '    Processor: KSTREAM-MERGE-0000000006 (stores: [])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-JOINTHIS-0000000004, KSTREAM-OUTEROTHER-0000000005\n\n',
    )
  })
})

describe('TopologyTest: stream–stream outer joins', () => {
  it('an outer join with default store names uses OUTERTHIS/OUTEROTHER processors and an OUTERSHARED store', () => {
    // TopologyTest.streamStreamOuterJoinTopologyWithDefaultStoresNames
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<number, string>('input-topic1')
    const stream2 = builder.stream<number, string>('input-topic2')

    stream1.outerJoin(
      stream2,
      toStringJoiner,
      JoinWindows.ofTimeDifferenceWithNoGrace(100),
      StreamJoined.with(Serdes.Integer(), Serdes.String(), Serdes.String()),
    )

    const describe = builder.build().describe()

    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic1])\n' +
        '      --> KSTREAM-WINDOWED-0000000002\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic2])\n' +
        '      --> KSTREAM-WINDOWED-0000000003\n' +
        '    Processor: KSTREAM-WINDOWED-0000000002 (stores: [KSTREAM-OUTERTHIS-0000000004-store])\n' +
        '      --> KSTREAM-OUTERTHIS-0000000004\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: KSTREAM-WINDOWED-0000000003 (stores: [KSTREAM-OUTEROTHER-0000000005-store])\n' +
        '      --> KSTREAM-OUTEROTHER-0000000005\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: KSTREAM-OUTEROTHER-0000000005 (stores: [KSTREAM-OUTERTHIS-0000000004-store, KSTREAM-OUTERSHARED-0000000004-store])\n' +
        '      --> KSTREAM-MERGE-0000000006\n' +
        '      <-- KSTREAM-WINDOWED-0000000003\n' +
        '    Processor: KSTREAM-OUTERTHIS-0000000004 (stores: [KSTREAM-OUTEROTHER-0000000005-store, KSTREAM-OUTERSHARED-0000000004-store])\n' +
        '      --> KSTREAM-MERGE-0000000006\n' +
        '      <-- KSTREAM-WINDOWED-0000000002\n' +
        '    Processor: KSTREAM-MERGE-0000000006 (stores: [])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-OUTERTHIS-0000000004, KSTREAM-OUTEROTHER-0000000005\n\n',
    )
  })

  it('an outer join with StreamJoined.withStoreName names the stores <name>-outer-this/-other/-shared-join-store', () => {
    // TopologyTest.streamStreamOuterJoinTopologyWithCustomStoresNames
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<number, string>('input-topic1')
    const stream2 = builder.stream<number, string>('input-topic2')

    stream1.outerJoin(
      stream2,
      toStringJoiner,
      JoinWindows.ofTimeDifferenceWithNoGrace(100),
      StreamJoined.with(Serdes.Integer(), Serdes.String(), Serdes.String()).withStoreName(
        'custom-name',
      ),
    )

    const describe = builder.build().describe()

    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic1])\n' +
        '      --> KSTREAM-WINDOWED-0000000002\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic2])\n' +
        '      --> KSTREAM-WINDOWED-0000000003\n' +
        '    Processor: KSTREAM-WINDOWED-0000000002 (stores: [custom-name-outer-this-join-store])\n' +
        '      --> KSTREAM-OUTERTHIS-0000000004\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: KSTREAM-WINDOWED-0000000003 (stores: [custom-name-outer-other-join-store])\n' +
        '      --> KSTREAM-OUTEROTHER-0000000005\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: KSTREAM-OUTEROTHER-0000000005 (stores: [custom-name-outer-this-join-store, custom-name-outer-shared-join-store])\n' +
        '      --> KSTREAM-MERGE-0000000006\n' +
        '      <-- KSTREAM-WINDOWED-0000000003\n' +
        '    Processor: KSTREAM-OUTERTHIS-0000000004 (stores: [custom-name-outer-other-join-store, custom-name-outer-shared-join-store])\n' +
        '      --> KSTREAM-MERGE-0000000006\n' +
        '      <-- KSTREAM-WINDOWED-0000000002\n' +
        '    Processor: KSTREAM-MERGE-0000000006 (stores: [])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-OUTERTHIS-0000000004, KSTREAM-OUTEROTHER-0000000005\n\n',
    )
  })

  it('an outer join with custom store suppliers prints the shared store before the supplier store in hash order', () => {
    // TopologyTest.streamStreamOuterJoinTopologyWithCustomStoresSuppliers
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<number, string>('input-topic1')
    const stream2 = builder.stream<number, string>('input-topic2')

    const joinWindows = JoinWindows.ofTimeDifferenceWithNoGrace(100)

    const thisStoreSupplier = Stores.inMemoryWindowStore(
      'in-memory-join-store',
      joinWindows.size() + joinWindows.gracePeriodMs(),
      joinWindows.size(),
      true,
    )

    const otherStoreSupplier = Stores.inMemoryWindowStore(
      'in-memory-join-store-other',
      joinWindows.size() + joinWindows.gracePeriodMs(),
      joinWindows.size(),
      true,
    )

    stream1.outerJoin(
      stream2,
      toStringJoiner,
      joinWindows,
      StreamJoined.with(Serdes.Integer(), Serdes.String(), Serdes.String())
        .withThisStoreSupplier(thisStoreSupplier)
        .withOtherStoreSupplier(otherStoreSupplier),
    )

    const describe = builder.build().describe()

    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic1])\n' +
        '      --> KSTREAM-WINDOWED-0000000002\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic2])\n' +
        '      --> KSTREAM-WINDOWED-0000000003\n' +
        '    Processor: KSTREAM-WINDOWED-0000000002 (stores: [in-memory-join-store])\n' +
        '      --> KSTREAM-OUTERTHIS-0000000004\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: KSTREAM-WINDOWED-0000000003 (stores: [in-memory-join-store-other])\n' +
        '      --> KSTREAM-OUTEROTHER-0000000005\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: KSTREAM-OUTEROTHER-0000000005 (stores: [in-memory-join-store-outer-shared-join-store, in-memory-join-store])\n' +
        '      --> KSTREAM-MERGE-0000000006\n' +
        '      <-- KSTREAM-WINDOWED-0000000003\n' +
        '    Processor: KSTREAM-OUTERTHIS-0000000004 (stores: [in-memory-join-store-other, in-memory-join-store-outer-shared-join-store])\n' +
        '      --> KSTREAM-MERGE-0000000006\n' +
        '      <-- KSTREAM-WINDOWED-0000000002\n' +
        '    Processor: KSTREAM-MERGE-0000000006 (stores: [])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-OUTERTHIS-0000000004, KSTREAM-OUTEROTHER-0000000005\n\n',
    )
  })
})

describe('TopologyTest: sinks', () => {
  it('a sink routed by a topic-name extractor prints the extractor toString() as its extractor class', () => {
    // TopologyTest.topologyWithDynamicRoutingShouldDescribeExtractorClass
    const builder = new StreamsBuilder()

    const topicNameExtractor: TopicNameExtractor = {
      extract(key: unknown, _value: unknown, recordContext: RecordMetadata | null): string {
        return `${String(recordContext?.topic())}-${String(key)}`
      },
      toString(): string {
        return 'anonymous topic name extractor. topic is [recordContext.topic()]-[key]'
      },
    }
    builder.stream('input-topic').to(topicNameExtractor)
    const describe = builder.build().describe()

    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> KSTREAM-SINK-0000000001\n' +
        '    Sink: KSTREAM-SINK-0000000001 (extractor class: anonymous topic name extractor. topic is [recordContext.topic()]-[key])\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })

  it('two identically built stream-to-topic programs describe identically', () => {
    // TopologyTest.topologyWithStaticTopicNameExtractorShouldRespectEqualHashcodeContract
    // Kafka compares the two descriptions with equals()/hashCode(); we compare their texts and
    // pin the text Kafka's describe() prints for this program (derived from §3.3's format).
    const topologyWithStaticTopicName = () => {
      const builder = new StreamsBuilder()
      builder.stream('from-topic-name').to('to-topic-name')
      return builder.build()
    }
    const topologyA = topologyWithStaticTopicName()
    const topologyB = topologyWithStaticTopicName()

    expect(topologyA.describe().toString()).toBe(topologyB.describe().toString())
    expect(topologyA.describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [from-topic-name])\n' +
        '      --> KSTREAM-SINK-0000000001\n' +
        '    Sink: KSTREAM-SINK-0000000001 (topic: to-topic-name)\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })
})
