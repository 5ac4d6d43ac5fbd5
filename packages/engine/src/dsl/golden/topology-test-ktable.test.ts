// Golden describe() texts from Apache Kafka's TopologyTest
// (streams/src/test/java/org/apache/kafka/streams/TopologyTest.java): KTable groupBy/count,
// mapValues and filter with and without Materialized. Every expected string is copied from
// Kafka's assertion; each case names the Java test method it ports.
//
// As in topology-test-aggregations: Kafka's StoreType parameterization and `.withStoreType(..)`
// do not show in describe() and are dropped; `Materialized.as(storeType)` is an unnamed
// Materialized, ported as `Materialized.with(null, null)`.
import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serde/serdes'
import type { KeyValue } from '../key-value'
import { Materialized } from '../materialized'
import { StreamsBuilder } from '../streams-builder'

// Kafka's `(key, value) -> null`: a selector returning no KeyValue.
const nullSelector = (_key: unknown, _value: unknown) => null as unknown as KeyValue<null, null>

describe('TopologyTest: counts of a grouped table', () => {
  it('a grouped-table count without arguments repartitions through a topic named after its store', () => {
    // TopologyTest.tableZeroArgCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder.table('input-topic').groupBy(nullSelector).count()
    const topology = builder.build()
    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic])\n' +
        '      --> KTABLE-SOURCE-0000000002\n' +
        '    Processor: KTABLE-SOURCE-0000000002 (stores: [input-topic-STATE-STORE-0000000000])\n' +
        '      --> KTABLE-SELECT-0000000003\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: KTABLE-SELECT-0000000003 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000005\n' +
        '      <-- KTABLE-SOURCE-0000000002\n' +
        '    Sink: KSTREAM-SINK-0000000005 (topic: KTABLE-AGGREGATE-STATE-STORE-0000000004-repartition)\n' +
        '      <-- KTABLE-SELECT-0000000003\n' +
        '\n' +
        '  Sub-topology: 1\n' +
        '    Source: KSTREAM-SOURCE-0000000006 (topics: [KTABLE-AGGREGATE-STATE-STORE-0000000004-repartition])\n' +
        '      --> KTABLE-AGGREGATE-0000000007\n' +
        '    Processor: KTABLE-AGGREGATE-0000000007 (stores: [KTABLE-AGGREGATE-STATE-STORE-0000000004])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000006\n' +
        '\n',
    )
  })

  it('a grouped-table count named by Materialized repartitions through <store>-repartition', () => {
    // TopologyTest.tableNamedMaterializedCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder.table('input-topic').groupBy(nullSelector).count(Materialized.as('count-store'))
    const topology = builder.build()
    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic])\n' +
        '      --> KTABLE-SOURCE-0000000002\n' +
        '    Processor: KTABLE-SOURCE-0000000002 (stores: [input-topic-STATE-STORE-0000000000])\n' +
        '      --> KTABLE-SELECT-0000000003\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: KTABLE-SELECT-0000000003 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000004\n' +
        '      <-- KTABLE-SOURCE-0000000002\n' +
        '    Sink: KSTREAM-SINK-0000000004 (topic: count-store-repartition)\n' +
        '      <-- KTABLE-SELECT-0000000003\n' +
        '\n' +
        '  Sub-topology: 1\n' +
        '    Source: KSTREAM-SOURCE-0000000005 (topics: [count-store-repartition])\n' +
        '      --> KTABLE-AGGREGATE-0000000006\n' +
        '    Processor: KTABLE-AGGREGATE-0000000006 (stores: [count-store])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000005\n' +
        '\n',
    )
  })

  it('a grouped-table count with an unnamed Materialized.with numbers its store like the zero-argument count', () => {
    // TopologyTest.tableAnonymousMaterializedCountShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    builder.table('input-topic').groupBy(nullSelector).count(Materialized.with(null, Serdes.Long()))
    const topology = builder.build()
    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic])\n' +
        '      --> KTABLE-SOURCE-0000000002\n' +
        '    Processor: KTABLE-SOURCE-0000000002 (stores: [input-topic-STATE-STORE-0000000000])\n' +
        '      --> KTABLE-SELECT-0000000003\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: KTABLE-SELECT-0000000003 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000005\n' +
        '      <-- KTABLE-SOURCE-0000000002\n' +
        '    Sink: KSTREAM-SINK-0000000005 (topic: KTABLE-AGGREGATE-STATE-STORE-0000000004-repartition)\n' +
        '      <-- KTABLE-SELECT-0000000003\n' +
        '\n' +
        '  Sub-topology: 1\n' +
        '    Source: KSTREAM-SOURCE-0000000006 (topics: [KTABLE-AGGREGATE-STATE-STORE-0000000004-repartition])\n' +
        '      --> KTABLE-AGGREGATE-0000000007\n' +
        '    Processor: KTABLE-AGGREGATE-0000000007 (stores: [KTABLE-AGGREGATE-STATE-STORE-0000000004])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000006\n' +
        '\n',
    )
  })

  it('a grouped-table count with an unnamed store-typed Materialized numbers its store like the zero-argument count', () => {
    // TopologyTest.tableAnonymousStoreTypedMaterializedCountShouldPreserveTopologyStructure
    // (Java: Materialized.as(storeType))
    const builder = new StreamsBuilder()
    builder.table('input-topic').groupBy(nullSelector).count(Materialized.with(null, null))
    const topology = builder.build()
    const describe = topology.describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic])\n' +
        '      --> KTABLE-SOURCE-0000000002\n' +
        '    Processor: KTABLE-SOURCE-0000000002 (stores: [input-topic-STATE-STORE-0000000000])\n' +
        '      --> KTABLE-SELECT-0000000003\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: KTABLE-SELECT-0000000003 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000005\n' +
        '      <-- KTABLE-SOURCE-0000000002\n' +
        '    Sink: KSTREAM-SINK-0000000005 (topic: KTABLE-AGGREGATE-STATE-STORE-0000000004-repartition)\n' +
        '      <-- KTABLE-SELECT-0000000003\n' +
        '\n' +
        '  Sub-topology: 1\n' +
        '    Source: KSTREAM-SOURCE-0000000006 (topics: [KTABLE-AGGREGATE-STATE-STORE-0000000004-repartition])\n' +
        '      --> KTABLE-AGGREGATE-0000000007\n' +
        '    Processor: KTABLE-AGGREGATE-0000000007 (stores: [KTABLE-AGGREGATE-STATE-STORE-0000000004])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000006\n' +
        '\n',
    )
  })
})

describe('TopologyTest: KTable mapValues', () => {
  it('an unmaterialized table mapValues leaves the source table without a store', () => {
    // TopologyTest.kTableNonMaterializedMapValuesShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    const table = builder.table<unknown, unknown>('input-topic')
    table.mapValues((_readOnlyKey, _value) => null)
    const describe = builder.build().describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic])\n' +
        '      --> KTABLE-SOURCE-0000000002\n' +
        '    Processor: KTABLE-SOURCE-0000000002 (stores: [])\n' +
        '      --> KTABLE-MAPVALUES-0000000003\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: KTABLE-MAPVALUES-0000000003 (stores: [])\n' +
        '      --> none\n' +
        '      <-- KTABLE-SOURCE-0000000002\n\n',
    )
  })

  it('a table mapValues with an unnamed Materialized burns a store name but stays unmaterialized', () => {
    // TopologyTest.kTableAnonymousMaterializedMapValuesShouldPreserveTopologyStructure
    // (Java adds .withStoreType(Materialized.StoreType.IN_MEMORY))
    const builder = new StreamsBuilder()
    const table = builder.table<unknown, unknown>('input-topic')
    table.mapValues((_readOnlyKey, _value) => null, Materialized.with(null, null))
    const describe = builder.build().describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic])\n' +
        '      --> KTABLE-SOURCE-0000000002\n' +
        '    Processor: KTABLE-SOURCE-0000000002 (stores: [])\n' +
        '      --> KTABLE-MAPVALUES-0000000004\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        // previously, this was
        //   Processor: KTABLE-MAPVALUES-0000000004 (stores: [KTABLE-MAPVALUES-STATE-STORE-0000000003]
        // but we added a change not to materialize non-queryable stores. This change shouldn't break compatibility.
        '    Processor: KTABLE-MAPVALUES-0000000004 (stores: [])\n' +
        '      --> none\n' +
        '      <-- KTABLE-SOURCE-0000000002\n' +
        '\n',
    )
  })

  it('a table mapValues named by Materialized prints its store on the mapValues processor', () => {
    // TopologyTest.kTableNamedMaterializedMapValuesShouldPreserveTopologyStructure
    // (Java adds .withKeySerde(null).withValueSerde(null), which are our defaults)
    const builder = new StreamsBuilder()
    const table = builder.table<unknown, unknown>('input-topic')
    table.mapValues((_readOnlyKey, _value) => null, Materialized.as('store-name'))
    const describe = builder.build().describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic])\n' +
        '      --> KTABLE-SOURCE-0000000002\n' +
        '    Processor: KTABLE-SOURCE-0000000002 (stores: [])\n' +
        '      --> KTABLE-MAPVALUES-0000000003\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: KTABLE-MAPVALUES-0000000003 (stores: [store-name])\n' +
        '      --> none\n' +
        '      <-- KTABLE-SOURCE-0000000002\n' +
        '\n',
    )
  })
})

describe('TopologyTest: KTable filter', () => {
  it('an unmaterialized table filter leaves the source table without a store', () => {
    // TopologyTest.kTableNonMaterializedFilterShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    const table = builder.table<unknown, unknown>('input-topic')
    table.filter((_key, _value) => false)
    const describe = builder.build().describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic])\n' +
        '      --> KTABLE-SOURCE-0000000002\n' +
        '    Processor: KTABLE-SOURCE-0000000002 (stores: [])\n' +
        '      --> KTABLE-FILTER-0000000003\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: KTABLE-FILTER-0000000003 (stores: [])\n' +
        '      --> none\n' +
        '      <-- KTABLE-SOURCE-0000000002\n\n',
    )
  })

  it('a table filter with an unnamed Materialized burns a store name but stays unmaterialized', () => {
    // TopologyTest.kTableAnonymousMaterializedFilterShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    const table = builder.table<unknown, unknown>('input-topic')
    table.filter((_key, _value) => false, Materialized.with(null, null))
    const describe = builder.build().describe()
    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic])\n' +
        '      --> KTABLE-SOURCE-0000000002\n' +
        '    Processor: KTABLE-SOURCE-0000000002 (stores: [])\n' +
        '      --> KTABLE-FILTER-0000000004\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        // Previously, this was
        //   Processor: KTABLE-FILTER-0000000004 (stores: [KTABLE-FILTER-STATE-STORE-0000000003]
        // but we added a change not to materialize non-queryable stores. This change shouldn't break compatibility.
        '    Processor: KTABLE-FILTER-0000000004 (stores: [])\n' +
        '      --> none\n' +
        '      <-- KTABLE-SOURCE-0000000002\n' +
        '\n',
    )
  })

  it('a table filter named by Materialized prints its store on the filter processor', () => {
    // TopologyTest.kTableNamedMaterializedFilterShouldPreserveTopologyStructure
    const builder = new StreamsBuilder()
    const table = builder.table<unknown, unknown>('input-topic')
    table.filter((_key, _value) => false, Materialized.as('store-name'))
    const describe = builder.build().describe()

    expect(describe.toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic])\n' +
        '      --> KTABLE-SOURCE-0000000002\n' +
        '    Processor: KTABLE-SOURCE-0000000002 (stores: [])\n' +
        '      --> KTABLE-FILTER-0000000003\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '    Processor: KTABLE-FILTER-0000000003 (stores: [store-name])\n' +
        '      --> none\n' +
        '      <-- KTABLE-SOURCE-0000000002\n' +
        '\n',
    )
  })
})
