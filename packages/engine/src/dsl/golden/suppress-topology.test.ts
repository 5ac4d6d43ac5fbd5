// Golden describe() texts ported from Apache Kafka's SuppressTopologyTest
// (streams/src/test/java/org/apache/kafka/streams/kstream/internals/SuppressTopologyTest.java;
// later moved to kstream/internals/suppress/). Programs are translated line by line; the
// expected strings are Kafka's NAMED_/ANONYMOUS_ FINAL_/INTERMEDIATE_TOPOLOGY constants.
import { describe, expect, it } from 'vitest'
import { EXAMPLE_4_SUPPRESS } from './kafka-describe-texts'
import { Serdes } from '../../serde/serdes'
import { Consumed } from '../consumed'
import { Grouped } from '../grouped'
import { KeyValue } from '../key-value'
import { Materialized } from '../materialized'
import { Produced } from '../produced'
import { StreamsBuilder } from '../streams-builder'
import { BufferConfig, Suppressed } from '../suppressed'
import { SessionWindows } from '../windows'

const STRING_SERDE = Serdes.String()

const NAMED_FINAL_TOPOLOGY =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [input])\n' +
  '      --> KSTREAM-KEY-SELECT-0000000001\n' +
  '    Processor: KSTREAM-KEY-SELECT-0000000001 (stores: [])\n' +
  '      --> counts-repartition-filter\n' +
  '      <-- KSTREAM-SOURCE-0000000000\n' +
  '    Processor: counts-repartition-filter (stores: [])\n' +
  '      --> counts-repartition-sink\n' +
  '      <-- KSTREAM-KEY-SELECT-0000000001\n' +
  '    Sink: counts-repartition-sink (topic: counts-repartition)\n' +
  '      <-- counts-repartition-filter\n' +
  '\n' +
  '  Sub-topology: 1\n' +
  '    Source: counts-repartition-source (topics: [counts-repartition])\n' +
  '      --> KSTREAM-AGGREGATE-0000000002\n' +
  '    Processor: KSTREAM-AGGREGATE-0000000002 (stores: [counts])\n' +
  '      --> myname\n' +
  '      <-- counts-repartition-source\n' +
  '    Processor: myname (stores: [myname-store])\n' +
  '      --> KTABLE-TOSTREAM-0000000006\n' +
  '      <-- KSTREAM-AGGREGATE-0000000002\n' +
  '    Processor: KTABLE-TOSTREAM-0000000006 (stores: [])\n' +
  '      --> KSTREAM-MAP-0000000007\n' +
  '      <-- myname\n' +
  '    Processor: KSTREAM-MAP-0000000007 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000008\n' +
  '      <-- KTABLE-TOSTREAM-0000000006\n' +
  '    Sink: KSTREAM-SINK-0000000008 (topic: output-suppressed)\n' +
  '      <-- KSTREAM-MAP-0000000007\n' +
  '\n'

const ANONYMOUS_FINAL_TOPOLOGY = EXAMPLE_4_SUPPRESS

const NAMED_INTERMEDIATE_TOPOLOGY =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [input])\n' +
  '      --> KSTREAM-AGGREGATE-0000000002\n' +
  '    Processor: KSTREAM-AGGREGATE-0000000002 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000001])\n' +
  '      --> asdf\n' +
  '      <-- KSTREAM-SOURCE-0000000000\n' +
  '    Processor: asdf (stores: [asdf-store])\n' +
  '      --> KTABLE-TOSTREAM-0000000003\n' +
  '      <-- KSTREAM-AGGREGATE-0000000002\n' +
  '    Processor: KTABLE-TOSTREAM-0000000003 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000004\n' +
  '      <-- asdf\n' +
  '    Sink: KSTREAM-SINK-0000000004 (topic: output)\n' +
  '      <-- KTABLE-TOSTREAM-0000000003\n' +
  '\n'

const ANONYMOUS_INTERMEDIATE_TOPOLOGY =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [input])\n' +
  '      --> KSTREAM-AGGREGATE-0000000002\n' +
  '    Processor: KSTREAM-AGGREGATE-0000000002 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000001])\n' +
  '      --> KTABLE-SUPPRESS-0000000003\n' +
  '      <-- KSTREAM-SOURCE-0000000000\n' +
  '    Processor: KTABLE-SUPPRESS-0000000003 (stores: [KTABLE-SUPPRESS-STATE-STORE-0000000004])\n' +
  '      --> KTABLE-TOSTREAM-0000000005\n' +
  '      <-- KSTREAM-AGGREGATE-0000000002\n' +
  '    Processor: KTABLE-TOSTREAM-0000000005 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000006\n' +
  '      <-- KTABLE-SUPPRESS-0000000003\n' +
  '    Sink: KSTREAM-SINK-0000000006 (topic: output)\n' +
  '      <-- KTABLE-TOSTREAM-0000000005\n' +
  '\n'

// Java's SessionWindows.with(ofMillis(5)).grace(ofMillis(5)).
const sessionWindows = () => SessionWindows.ofInactivityGapAndGrace(5, 5)

describe('SuppressTopologyTest', () => {
  it('an unnamed final suppression takes a processor and a store number from the counter', () => {
    // SuppressTopologyTest.shouldUseNumberingForAnonymousFinalSuppressionNode
    const anonymousNodeBuilder = new StreamsBuilder()
    anonymousNodeBuilder
      .stream('input', Consumed.with(STRING_SERDE, STRING_SERDE))
      .groupBy((k: string) => k, Grouped.with(STRING_SERDE, STRING_SERDE))
      .windowedBy(sessionWindows())
      .count(Materialized.as<string, number>('counts').withCachingDisabled())
      .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()))
      .toStream()
      .map((k, v) => KeyValue.pair(k.toString(), v))
      .to('output-suppressed', Produced.with(STRING_SERDE, Serdes.Long()))
    const anonymousNodeTopology = anonymousNodeBuilder.build().describe().toString()

    // without the name, the suppression node increments the topology index
    expect(anonymousNodeTopology).toBe(ANONYMOUS_FINAL_TOPOLOGY)
  })

  it('a named final suppression uses the name and <name>-store without consuming the counter', () => {
    // SuppressTopologyTest.shouldApplyNameToFinalSuppressionNode
    const namedNodeBuilder = new StreamsBuilder()
    namedNodeBuilder
      .stream('input', Consumed.with(STRING_SERDE, STRING_SERDE))
      .groupBy((k: string) => k, Grouped.with(STRING_SERDE, STRING_SERDE))
      .windowedBy(sessionWindows())
      .count(Materialized.as<string, number>('counts').withCachingDisabled())
      .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()).withName('myname'))
      .toStream()
      .map((k, v) => KeyValue.pair(k.toString(), v))
      .to('output-suppressed', Produced.with(STRING_SERDE, Serdes.Long()))
    const namedNodeTopology = namedNodeBuilder.build().describe().toString()

    // without the name, the suppression node does not increment the topology index
    expect(namedNodeTopology).toBe(NAMED_FINAL_TOPOLOGY)
  })

  it('an unnamed time-limit suppression after count() is numbered after the aggregation', () => {
    // SuppressTopologyTest.shouldUseNumberingForAnonymousSuppressionNode
    const anonymousNodeBuilder = new StreamsBuilder()
    anonymousNodeBuilder
      .stream('input', Consumed.with(STRING_SERDE, STRING_SERDE))
      .groupByKey()
      .count()
      .suppress(Suppressed.untilTimeLimit(1000, BufferConfig.unbounded()))
      .toStream()
      .to('output', Produced.with(STRING_SERDE, Serdes.Long()))
    const anonymousNodeTopology = anonymousNodeBuilder.build().describe().toString()

    // without the name, the suppression node increments the topology index
    expect(anonymousNodeTopology).toBe(ANONYMOUS_INTERMEDIATE_TOPOLOGY)
  })

  it('a named time-limit suppression leaves the following numbers unshifted', () => {
    // SuppressTopologyTest.shouldApplyNameToSuppressionNode
    const namedNodeBuilder = new StreamsBuilder()
    namedNodeBuilder
      .stream('input', Consumed.with(STRING_SERDE, STRING_SERDE))
      .groupByKey()
      .count()
      .suppress(Suppressed.untilTimeLimit(1000, BufferConfig.unbounded()).withName('asdf'))
      .toStream()
      .to('output', Produced.with(STRING_SERDE, Serdes.Long()))
    const namedNodeTopology = namedNodeBuilder.build().describe().toString()

    // without the name, the suppression node does not increment the topology index
    expect(namedNodeTopology).toBe(NAMED_INTERMEDIATE_TOPOLOGY)
  })
})
