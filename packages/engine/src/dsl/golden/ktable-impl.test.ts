// Ported from Apache Kafka's
// streams/src/test/java/org/apache/kafka/streams/kstream/internals/KTableImplTest.java.
// KTableImplTest asserts no full describe() string. These cases port what it checks on the
// built topology: node names via describe() (assertTopologyContainsProcessor) and the number
// of state stores (driver.getAllStateStores().size(), read here as the distinct stores the
// described processors connect to).
import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serde/serdes'
import type { Topology } from '../../topology/topology'
import { Consumed } from '../consumed'
import { KeyValue } from '../key-value'
import { Materialized } from '../materialized'
import { StreamsBuilder } from '../streams-builder'

const consumed = Consumed.with(Serdes.String(), Serdes.String())

function nodeNames(topology: Topology): string[] {
  return topology
    .describe()
    .subtopologies()
    .flatMap((subtopology) => subtopology.nodes.map((node) => node.name))
}

function stateStoreCount(topology: Topology): number {
  const stores = topology
    .describe()
    .subtopologies()
    .flatMap((subtopology) => subtopology.nodes.flatMap((node) => node.stores ?? []))
  return new Set(stores).size
}

describe('KTableImplTest', () => {
  it('mapValues and filter of unjoined tables create no state store', () => {
    // KTableImplTest.testStateStoreLazyEval
    const topic1 = 'topic1'
    const topic2 = 'topic2'

    const builder = new StreamsBuilder()

    const table1 = builder.table<string, string>(topic1, consumed)
    builder.table(topic2, consumed)

    const table1Mapped = table1.mapValues((v: string) => Number(v))
    table1Mapped.filter((_key, value) => value % 2 === 0)

    expect(stateStoreCount(builder.build())).toBe(0)
  })

  it('joining a table with a filtered mapValues table materializes both source tables only', () => {
    // KTableImplTest.testStateStore
    const topic1 = 'topic1'
    const topic2 = 'topic2'

    const builder = new StreamsBuilder()

    const table1 = builder.table<string, string>(topic1, consumed)
    const table2 = builder.table<string, string>(topic2, consumed)

    const table1Mapped = table1.mapValues((v: string) => Number(v))
    const table1MappedFiltered = table1Mapped.filter((_key, value) => value % 2 === 0)
    table2.join(table1MappedFiltered, (v1: string, v2: number) => v1 + String(v2))

    expect(stateStoreCount(builder.build())).toBe(2)
  })

  it('two groupBy aggregations of a named table each write a sink and read a source of their own', () => {
    // KTableImplTest.shouldCreateSourceAndSinkNodesForRepartitioningTopic
    const topic1 = 'topic1'
    const storeName1 = 'storeName1'

    const builder = new StreamsBuilder()

    const table1 = builder.table(
      topic1,
      consumed,
      Materialized.as<string, string>(storeName1)
        .withKeySerde(Serdes.String())
        .withValueSerde(Serdes.String()),
    )

    table1
      .groupBy((k, v) => KeyValue.pair(k, v))
      .aggregate(
        () => '0',
        (_k, v, agg: string) => `${agg}+${v}`,
        (_k, v, agg: string) => `${agg}-${v}`,
        Materialized.as('mock-result1'),
      )

    table1
      .groupBy((k, v) => KeyValue.pair(k, v))
      .reduce(
        (v1, v2) => v1 + v2,
        (v1, v2) => v1 + '-' + v2,
        Materialized.as('mock-result2'),
      )

    const topology = builder.build()

    expect(stateStoreCount(topology)).toBe(3)

    expect(nodeNames(topology)).toContain('KSTREAM-SINK-0000000003')
    expect(nodeNames(topology)).toContain('KSTREAM-SOURCE-0000000004')
    expect(nodeNames(topology)).toContain('KSTREAM-SINK-0000000007')
    expect(nodeNames(topology)).toContain('KSTREAM-SOURCE-0000000008')
  })
})
