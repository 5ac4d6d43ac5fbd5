// Golden describe() texts from the semantics reference's worked examples, each of which
// cites the Kafka Streams test it was taken from (or says it was derived by its rules).
import { describe, expect, it } from 'vitest'
import {
  EXAMPLE_2_LEFT_JOIN,
  EXAMPLE_3_REUSED_REPARTITION,
  EXAMPLE_4_SUPPRESS,
} from './kafka-describe-texts'
import { Serdes } from '../../serde/serdes'
import { KeyValue } from '../key-value'
import { Materialized } from '../materialized'
import { Grouped } from '../grouped'
import { Produced } from '../produced'
import { Consumed } from '../consumed'
import { StreamJoined } from '../stream-joined'
import { StreamsBuilder } from '../streams-builder'
import { BufferConfig, Suppressed } from '../suppressed'
import { JoinWindows, SessionWindows } from '../windows'

const joiner = (a: unknown, b: unknown) => `${String(a)}+${String(b)}`

describe('describe() of the worked examples', () => {
  it('word count re-keys before count, so a repartition topic named after the store splits two sub-topologies', () => {
    // Kafka's WordCount tutorial program. Older tutorial output shows generated repartition
    // node names; since KStreamImpl#createRepartitionedSource keeps generated names only for
    // KSTREAM-...-nnnnnnnnnn prefixes, a named store yields <store>-repartition-* nodes, as
    // SuppressTopologyTest's exact string (below) shows for the store "counts".
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('text-input')
      .flatMapValues((line: string) => line.split(' '))
      .groupBy((_k, w) => w)
      .count(Materialized.as('counts-store'))
      .toStream()
      .to('word-counts')
    expect(builder.build().describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [text-input])\n' +
        '      --> KSTREAM-FLATMAPVALUES-0000000001\n' +
        '    Processor: KSTREAM-FLATMAPVALUES-0000000001 (stores: [])\n' +
        '      --> KSTREAM-KEY-SELECT-0000000002\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: KSTREAM-KEY-SELECT-0000000002 (stores: [])\n' +
        '      --> counts-store-repartition-filter\n' +
        '      <-- KSTREAM-FLATMAPVALUES-0000000001\n' +
        '    Processor: counts-store-repartition-filter (stores: [])\n' +
        '      --> counts-store-repartition-sink\n' +
        '      <-- KSTREAM-KEY-SELECT-0000000002\n' +
        '    Sink: counts-store-repartition-sink (topic: counts-store-repartition)\n' +
        '      <-- counts-store-repartition-filter\n' +
        '\n' +
        '  Sub-topology: 1\n' +
        '    Source: counts-store-repartition-source (topics: [counts-store-repartition])\n' +
        '      --> KSTREAM-AGGREGATE-0000000003\n' +
        '    Processor: KSTREAM-AGGREGATE-0000000003 (stores: [counts-store])\n' +
        '      --> KTABLE-TOSTREAM-0000000007\n' +
        '      <-- counts-store-repartition-source\n' +
        '    Processor: KTABLE-TOSTREAM-0000000007 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000008\n' +
        '      <-- KSTREAM-AGGREGATE-0000000003\n' +
        '    Sink: KSTREAM-SINK-0000000008 (topic: word-counts)\n' +
        '      <-- KTABLE-TOSTREAM-0000000007\n' +
        '\n',
    )
  })

  it('a stream–stream left join with default store names attaches the shared outer store to both join processors', () => {
    // TopologyTest.streamStreamLeftJoinTopologyWithDefaultStoresNames
    const builder = new StreamsBuilder()
    const s1 = builder.stream<number, string>('input-topic1')
    const s2 = builder.stream<number, string>('input-topic2')
    s1.leftJoin(
      s2,
      joiner,
      JoinWindows.ofTimeDifferenceWithNoGrace(100),
      StreamJoined.with(Serdes.Integer(), Serdes.String(), Serdes.String()),
    )
    expect(builder.build().describe().toString()).toBe(EXAMPLE_2_LEFT_JOIN)
  })

  it('a stream–stream inner join lists JOINOTHER before JOINTHIS (equal size, name order)', () => {
    // TopologyTest.streamStreamJoinTopologyWithDefaultStoresNames
    const builder = new StreamsBuilder()
    const s1 = builder.stream<number, string>('input-topic1')
    const s2 = builder.stream<number, string>('input-topic2')
    s1.join(
      s2,
      joiner,
      JoinWindows.ofTimeDifferenceWithNoGrace(100),
      StreamJoined.with(Serdes.Integer(), Serdes.String(), Serdes.String()),
    )
    expect(builder.build().describe().toString()).toBe(
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
        '      <-- KSTREAM-JOINTHIS-0000000004, KSTREAM-JOINOTHER-0000000005\n' +
        '\n',
    )
  })

  it('two stream–table joins after one key change reuse one generated repartition topic', () => {
    // KStreamKTableJoinTest.shouldReuseRepartitionTopicWithGeneratedName
    const builder = new StreamsBuilder()
    const a = builder.stream<string, string>('topic')
    const tB = builder.table<string, string>('topic2')
    const tC = builder.table<string, string>('topic3')
    const r = a.map((k, v) => KeyValue.pair(v, k))
    r.join(tB, joiner).to('out-one')
    r.join(tC, joiner).to('out-two')
    expect(builder.build({ 'topology.optimization': 'none' }).describe().toString()).toBe(
      EXAMPLE_3_REUSED_REPARTITION,
    )
  })

  it('a session-windowed count with final suppression numbers the anonymous suppress node', () => {
    // SuppressTopologyTest.shouldUseNumberingForAnonymousFinalSuppressionNode
    const builder = new StreamsBuilder()
    builder
      .stream('input', Consumed.with(Serdes.String(), Serdes.String()))
      .groupBy((k) => k, Grouped.with(Serdes.String(), Serdes.String()))
      .windowedBy(SessionWindows.ofInactivityGapAndGrace(5, 5))
      .count(Materialized.as<string, number>('counts').withCachingDisabled())
      .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()))
      .toStream()
      .map((wk, v) => KeyValue.pair(wk.toString(), v))
      .to('output-suppressed', Produced.with(Serdes.String(), Serdes.Long()))
    expect(builder.build().describe().toString()).toBe(EXAMPLE_4_SUPPRESS)
  })
})

describe('queryable store names', () => {
  it('are the user-given names only: generated store names are not queryable', () => {
    const builder = new StreamsBuilder()
    const grouped = builder.stream<string, string>('in').groupByKey()
    expect(grouped.count().queryableStoreName()).toBeNull()
    expect(grouped.count(Materialized.as('counts')).queryableStoreName()).toBe('counts')
    expect(builder.table('t').queryableStoreName()).toBeNull()
    expect(builder.table('u', Materialized.as('u-store')).queryableStoreName()).toBe('u-store')
  })
})
