// Golden describe() texts from Apache Kafka's TopologyTest
// (streams/src/test/java/org/apache/kafka/streams/TopologyTest.java): counts and cogrouped
// aggregations of grouped streams, plain and windowed. Every expected string is copied from
// Kafka's assertion; each case names the Java test method it ports.
//
// Kafka runs the *NamedMaterialized*, *AnonymousMaterialized* and *AnonymousStoreTyped* cases
// once per Materialized.StoreType (ROCKS_DB, IN_MEMORY) and adds `.withStoreType(storeType)`;
// the store type never shows in describe() and our Materialized has no store type, so each is
// ported once without it. `Materialized.as(storeType)` is an unnamed Materialized, ported as
// `Materialized.with(null, null)`. The *WithTopologyConfig* variants (named topology
// "my-topology") are not ported: our StreamsBuilder takes no TopologyConfig.
import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serde/serdes'
import { Materialized } from '../materialized'
import { StreamsBuilder } from '../streams-builder'
import { SessionWindows, SlidingWindows, TimeWindows } from '../windows'

describe('TopologyTest: counts of a grouped stream', () => {
  it('a count without arguments consumes a store name and then the aggregate processor name', () => {
    // TopologyTest.kGroupedStreamZeroArgCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder.stream('input-topic').groupByKey().count()
    const topology = builder.build()

    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> KSTREAM-AGGREGATE-0000000002\n' +
        '    Processor: KSTREAM-AGGREGATE-0000000002 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000001])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })

  it('a count named by Materialized.as prints its store on the aggregate processor and burns no store name', () => {
    // TopologyTest.kGroupedStreamNamedMaterializedCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder.stream('input-topic').groupByKey().count(Materialized.as('count-store'))
    const topology = builder.build()
    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> KSTREAM-AGGREGATE-0000000001\n' +
        '    Processor: KSTREAM-AGGREGATE-0000000001 (stores: [count-store])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })

  it('a count with an unnamed Materialized.with burns one extra store name', () => {
    // TopologyTest.kGroupedStreamAnonymousMaterializedCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder.stream('input-topic').groupByKey().count(Materialized.with(null, Serdes.Long()))
    const topology = builder.build()
    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> KSTREAM-AGGREGATE-0000000003\n' +
        '    Processor: KSTREAM-AGGREGATE-0000000003 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000002])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })

  it('a count with an unnamed store-typed Materialized burns one extra store name', () => {
    // TopologyTest.kGroupedStreamAnonymousStoreTypedMaterializedCountShouldPreserveTopologyStructure
    // (Java: Materialized.as(storeType))
    const builder = new StreamsBuilder()
    builder.stream('input-topic').groupByKey().count(Materialized.with(null, null))
    const topology = builder.build()
    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> KSTREAM-AGGREGATE-0000000003\n' +
        '    Processor: KSTREAM-AGGREGATE-0000000003 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000002])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })
})

describe('TopologyTest: counts of a time-windowed stream', () => {
  it('a time-windowed count without arguments numbers its store before the aggregate processor', () => {
    // TopologyTest.timeWindowZeroArgCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder.stream('input-topic').groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(1)).count()
    const topology = builder.build()
    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> KSTREAM-AGGREGATE-0000000002\n' +
        '    Processor: KSTREAM-AGGREGATE-0000000002 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000001])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })

  it('a time-windowed count named by Materialized prints its store on the aggregate processor', () => {
    // TopologyTest.timeWindowNamedMaterializedCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder
      .stream('input-topic')
      .groupByKey()
      .windowedBy(TimeWindows.ofSizeWithNoGrace(1))
      .count(Materialized.as('count-store'))
    const topology = builder.build()
    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> KSTREAM-AGGREGATE-0000000001\n' +
        '    Processor: KSTREAM-AGGREGATE-0000000001 (stores: [count-store])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })

  it('a time-windowed count with an unnamed Materialized.with burns one extra store name', () => {
    // TopologyTest.timeWindowAnonymousMaterializedCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder
      .stream('input-topic')
      .groupByKey()
      .windowedBy(TimeWindows.ofSizeWithNoGrace(1))
      .count(Materialized.with(null, Serdes.Long()))
    const topology = builder.build()
    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> KSTREAM-AGGREGATE-0000000003\n' +
        '    Processor: KSTREAM-AGGREGATE-0000000003 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000002])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })

  it('a time-windowed count with an unnamed store-typed Materialized burns one extra store name', () => {
    // TopologyTest.timeWindowAnonymousStoreTypeMaterializedCountShouldPreserveTopologyStructure
    // (Java: Materialized.as(storeType))
    const builder = new StreamsBuilder()
    builder
      .stream('input-topic')
      .groupByKey()
      .windowedBy(TimeWindows.ofSizeWithNoGrace(1))
      .count(Materialized.with(null, null))
    const topology = builder.build()
    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> KSTREAM-AGGREGATE-0000000003\n' +
        '    Processor: KSTREAM-AGGREGATE-0000000003 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000002])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })

  // Kafka's two "slidingWindow" count tests below window by TimeWindows, not SlidingWindows
  // (only their skipped WithTopologyConfig sibling uses SlidingWindows); ported as written.
  it('the "sliding" zero-argument count (TimeWindows in Kafka) numbers its store before the processor', () => {
    // TopologyTest.slidingWindowZeroArgCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder.stream('input-topic').groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(1)).count()
    const topology = builder.build()
    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> KSTREAM-AGGREGATE-0000000002\n' +
        '    Processor: KSTREAM-AGGREGATE-0000000002 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000001])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })

  it('the "sliding" named count (TimeWindows in Kafka) prints its store on the aggregate processor', () => {
    // TopologyTest.slidingWindowNamedMaterializedCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder
      .stream('input-topic')
      .groupByKey()
      .windowedBy(TimeWindows.ofSizeWithNoGrace(1))
      .count(Materialized.as('count-store'))
    const topology = builder.build()
    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> KSTREAM-AGGREGATE-0000000001\n' +
        '    Processor: KSTREAM-AGGREGATE-0000000001 (stores: [count-store])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })
})

describe('TopologyTest: counts of a session-windowed stream', () => {
  it('a session-windowed count without arguments numbers its store before the aggregate processor', () => {
    // TopologyTest.sessionWindowZeroArgCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder
      .stream('input-topic')
      .groupByKey()
      .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(1))
      .count()
    const topology = builder.build()
    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> KSTREAM-AGGREGATE-0000000002\n' +
        '    Processor: KSTREAM-AGGREGATE-0000000002 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000001])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })

  it('a session-windowed count named by Materialized prints its store on the aggregate processor', () => {
    // TopologyTest.sessionWindowNamedMaterializedCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder
      .stream('input-topic')
      .groupByKey()
      .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(1))
      .count(Materialized.as('count-store'))
    const topology = builder.build()
    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> KSTREAM-AGGREGATE-0000000001\n' +
        '    Processor: KSTREAM-AGGREGATE-0000000001 (stores: [count-store])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })

  it('a session-windowed count with an unnamed Materialized.with burns one extra store name', () => {
    // TopologyTest.sessionWindowAnonymousMaterializedCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder
      .stream('input-topic')
      .groupByKey()
      .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(1))
      .count(Materialized.with(null, Serdes.Long()))
    const topology = builder.build()
    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> KSTREAM-AGGREGATE-0000000003\n' +
        '    Processor: KSTREAM-AGGREGATE-0000000003 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000002])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })

  it('a session-windowed count with an unnamed store-typed Materialized burns one extra store name', () => {
    // TopologyTest.sessionWindowAnonymousStoreTypedMaterializedCountShouldPreserveTopologyStructure
    // (Java: Materialized.as(storeType))
    const builder = new StreamsBuilder()
    builder
      .stream('input-topic')
      .groupByKey()
      .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(1))
      .count(Materialized.with(null, null))
    const topology = builder.build()
    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> KSTREAM-AGGREGATE-0000000003\n' +
        '    Processor: KSTREAM-AGGREGATE-0000000003 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000002])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })
})

describe('TopologyTest: windowed cogrouped aggregations', () => {
  it('a time-windowed cogroup aggregate writes a COGROUPKSTREAM aggregate and a merge processor', () => {
    // TopologyTest.timeWindowedCogroupedZeroArgCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder
      .stream('input-topic')
      .groupByKey()
      .cogroup((_key, value, _aggregate) => value)
      .windowedBy(TimeWindows.ofSizeWithNoGrace(1))
      .aggregate(() => '')
    const topology = builder.build()
    const describe = topology.describe()

    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000002\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000002 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000001])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000003\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000003 (stores: [])\n' +
        '      --> none\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000002\n\n',
    )
  })

  it('a time-windowed cogroup aggregate named by Materialized prints its store on the aggregate processor', () => {
    // TopologyTest.timeWindowedCogroupedNamedMaterializedCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder
      .stream('input-topic')
      .groupByKey()
      .cogroup((_key, value, _aggregate) => value)
      .windowedBy(TimeWindows.ofSizeWithNoGrace(1))
      .aggregate(() => '', Materialized.as('aggregate-store'))
    const topology = builder.build()
    const describe = topology.describe()

    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000001\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000001 (stores: [aggregate-store])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000002\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000002 (stores: [])\n' +
        '      --> none\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000001\n\n',
    )
  })

  it('a sliding-windowed cogroup aggregate writes a COGROUPKSTREAM aggregate and a merge processor', () => {
    // TopologyTest.slidingWindowedCogroupedZeroArgCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder
      .stream('input-topic')
      .groupByKey()
      .cogroup((_key, value, _aggregate) => value)
      .windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(1))
      .aggregate(() => '')
    const topology = builder.build()
    const describe = topology.describe()

    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000002\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000002 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000001])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000003\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000003 (stores: [])\n' +
        '      --> none\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000002\n\n',
    )
  })

  it('a sliding-windowed cogroup aggregate named by Materialized prints its store on the aggregate processor', () => {
    // TopologyTest.slidingWindowedCogroupedNamedMaterializedCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder
      .stream('input-topic')
      .groupByKey()
      .cogroup((_key, value, _aggregate) => value)
      .windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(1))
      .aggregate(() => '', Materialized.as('aggregate-store'))
    const topology = builder.build()
    const describe = topology.describe()

    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000001\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000001 (stores: [aggregate-store])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000002\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000002 (stores: [])\n' +
        '      --> none\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000001\n\n',
    )
  })

  it('a session-windowed cogroup aggregate writes a COGROUPKSTREAM aggregate and a merge processor', () => {
    // TopologyTest.sessionWindowedCogroupedZeroArgCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder
      .stream('input-topic')
      .groupByKey()
      .cogroup((_key, value, _aggregate) => value)
      .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(1))
      .aggregate(
        () => '',
        (_aggKey, _aggOne, _aggTwo) => '',
      )
    const topology = builder.build()
    const describe = topology.describe()

    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000002\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000002 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000001])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000003\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000003 (stores: [])\n' +
        '      --> none\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000002\n\n',
    )
  })

  it('a session-windowed cogroup aggregate named by Materialized prints its store on the aggregate processor', () => {
    // TopologyTest.sessionWindowedCogroupedNamedMaterializedCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder
      .stream('input-topic')
      .groupByKey()
      .cogroup((_key, value, _aggregate) => value)
      .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(1))
      .aggregate(
        () => '',
        (_aggKey, _aggOne, _aggTwo) => '',
        Materialized.as('aggregate-store'),
      )
    const topology = builder.build()
    const describe = topology.describe()

    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic])\n' +
        '      --> COGROUPKSTREAM-AGGREGATE-0000000001\n' +
        '    Processor: COGROUPKSTREAM-AGGREGATE-0000000001 (stores: [aggregate-store])\n' +
        '      --> COGROUPKSTREAM-MERGE-0000000002\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: COGROUPKSTREAM-MERGE-0000000002 (stores: [])\n' +
        '      --> none\n' +
        '      <-- COGROUPKSTREAM-AGGREGATE-0000000001\n\n',
    )
  })
})
