// Golden describe() texts ported from Apache Kafka's
// streams/src/test/java/org/apache/kafka/streams/kstream/internals/KStreamImplTest.java.
// Only the parts of each test that build the topology and assert describe() are ported; the
// TopologyTestDriver halves are out of scope here. Expected strings are Kafka's own.
import { describe, expect, it } from 'vitest'
import { EXAMPLE_5_TABLE_TABLE_JOIN } from './kafka-describe-texts'
import type {
  FixedKeyProcessorSupplier,
  ProcessorContext,
  ProcessorSupplier,
} from '../../processor/processor'
import { Serdes } from '../../serde/serdes'
import { Stores } from '../../state/stores'
import { Consumed } from '../consumed'
import { Grouped } from '../grouped'
import { KeyValue } from '../key-value'
import { Materialized } from '../materialized'
import { Named } from '../named'
import { Produced } from '../produced'
import { StreamsBuilder } from '../streams-builder'

// KStreamImplTest's props: StreamsTestUtils.getStreamsConfig(...) sets no topology.optimization.
const props = {}

const toStringJoiner = (value1: unknown, value2: unknown) => `${String(value1)}+${String(value2)}`

// The "sum" processor of shouldProcessWithProcessorAndState / shouldBindStateWithProcessorSupplier.
const sumProcessor: ProcessorSupplier<string, string, string, string> = () => {
  let sumStore: {
    get(k: string): number | null
    put(k: string, v: number): void
    delete(k: string): void
  } | null = null
  return {
    init: (context: ProcessorContext<string, string>) => {
      sumStore = context.getStateStore('sum')
    },
    process: (record) => {
      const counter = sumStore?.get(record.key()) ?? null
      if (counter === null) sumStore?.put(record.key(), record.value().length)
      else sumStore?.put(record.key(), counter + record.value().length)
    },
  }
}

describe('KStreamImplTest', () => {
  it('toTable() followed by toStream() does not materialize the table', () => {
    // KStreamImplTest.shouldNotMaterializedKTableFromKStream
    const consumed = Consumed.with(Serdes.String(), Serdes.String())
    const builder = new StreamsBuilder()
    const input = 'input'
    const output = 'output'

    builder.stream(input, consumed).toTable().toStream().to(output)

    const topologyDescription = builder.build().describe().toString()

    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input])\n' +
        '      --> KSTREAM-TOTABLE-0000000001\n' +
        '    Processor: KSTREAM-TOTABLE-0000000001 (stores: [])\n' +
        '      --> KTABLE-TOSTREAM-0000000003\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: KTABLE-TOSTREAM-0000000003 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000004\n' +
        '      <-- KSTREAM-TOTABLE-0000000001\n' +
        '    Sink: KSTREAM-SINK-0000000004 (topic: output)\n' +
        '      <-- KTABLE-TOSTREAM-0000000003\n\n',
    )
  })

  it('a GlobalKTable join keeps the repartition flag of a re-keyed stream for the following count', () => {
    // KStreamImplTest.shouldPropagateRepartitionFlagAfterGlobalKTableJoin
    const builder = new StreamsBuilder()
    const globalKTable = builder.globalTable<string, string>('globalTopic')
    const kvMappper = (k: string, v: string) => k + v
    const valueJoiner = (v1: string, v2: string) => v1 + v2
    builder
      .stream<string, string>('topic')
      .selectKey((_k, v) => v)
      .join(globalKTable, kvMappper, valueJoiner)
      .groupByKey()
      .count()

    const topology = builder.build().describe().toString()
    const match = /Sink: .*-repartition/.exec(topology)
    expect(match).not.toBeNull()
    expect(match?.[0].endsWith('repartition')).toBe(true)
  })

  it('a named process() connected to a builder-level store lists that store', () => {
    // KStreamImplTest.shouldProcessWithProcessorAndState
    const consumed = Consumed.with(Serdes.String(), Serdes.String())
    const builder = new StreamsBuilder()
    const input = 'input'

    builder.addStateStore(
      Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore('sum'),
        Serdes.String(),
        Serdes.Integer(),
      ),
    )

    builder.stream(input, consumed).process(sumProcessor, Named.as('p'), 'sum')

    const topologyDescription = builder.build().describe().toString()

    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input])\n' +
        '      --> p\n' +
        '    Processor: p (stores: [sum])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })

  it('a processor supplier that declares its stores gets them added and connected', () => {
    // KStreamImplTest.shouldBindStateWithProcessorSupplier
    const consumed = Consumed.with(Serdes.String(), Serdes.String())
    const builder = new StreamsBuilder()
    const input = 'input'

    const supplier = Object.assign(() => sumProcessor(), {
      stores: () => [
        Stores.keyValueStoreBuilder(
          Stores.inMemoryKeyValueStore('sum'),
          Serdes.String(),
          Serdes.Integer(),
        ),
      ],
    })
    builder.stream(input, consumed).process(supplier, Named.as('p'))

    const topologyDescription = builder.build().describe().toString()

    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input])\n' +
        '      --> p\n' +
        '    Processor: p (stores: [sum])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })

  it('a named processValues() node keeps the following sink at number 1', () => {
    // KStreamImplTest.shouldProcessValues
    const consumed = Consumed.with(Serdes.String(), Serdes.String())
    const builder = new StreamsBuilder()
    const input = 'input'
    const output = 'output'

    const lengthProcessor: FixedKeyProcessorSupplier<string, string, number> = () => {
      let context: ProcessorContext<string, number> | null = null
      return {
        init: (ctx) => {
          context = ctx
        },
        process: (record) => {
          context?.forward(record.withValue(record.value().length))
        },
      }
    }
    builder
      .stream(input, consumed)
      .processValues(lengthProcessor, Named.as('fkp'))
      .to(output, Produced.valueSerde(Serdes.Integer()))

    const topologyDescription = builder.build().describe().toString()

    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input])\n' +
        '      --> fkp\n' +
        '    Processor: fkp (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000001\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Sink: KSTREAM-SINK-0000000001 (topic: output)\n' +
        '      <-- fkp\n\n',
    )
  })

  it('toTable() with a store supplier materializes the table in that store', () => {
    // KStreamImplTest.shouldMaterializeKTableFromKStream
    const consumed = Consumed.with(Serdes.String(), Serdes.String())
    const builder = new StreamsBuilder()
    const storeName = 'store'
    const input = 'input'

    builder
      .stream(input, consumed)
      .toTable(Materialized.as<string, string>(Stores.inMemoryKeyValueStore(storeName)))

    const topology = builder.build()
    const topologyDescription = topology.describe().toString()

    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input])\n' +
        '      --> KSTREAM-TOTABLE-0000000001\n' +
        '    Processor: KSTREAM-TOTABLE-0000000001 (stores: [store])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n\n',
    )
  })

  it('toTable() after a key change repartitions through KSTREAM-TOTABLE-n-repartition', () => {
    // KStreamImplTest.shouldSupportKeyChangeKTableFromKStream
    const consumed = Consumed.with(Serdes.String(), Serdes.String())
    const builder = new StreamsBuilder()
    const input = 'input'
    const output = 'output'

    builder
      .stream(input, consumed)
      .map((key, value) => KeyValue.pair(key.charCodeAt(0) - 'A'.charCodeAt(0), value))
      .toTable(Materialized.with<number, string>(Serdes.Integer(), null))
      .toStream()
      .to(output)

    const topology = builder.build()
    const topologyDescription = topology.describe().toString()

    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input])\n' +
        '      --> KSTREAM-MAP-0000000001\n' +
        '    Processor: KSTREAM-MAP-0000000001 (stores: [])\n' +
        '      --> KSTREAM-FILTER-0000000005\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: KSTREAM-FILTER-0000000005 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000004\n' +
        '      <-- KSTREAM-MAP-0000000001\n' +
        '    Sink: KSTREAM-SINK-0000000004 (topic: KSTREAM-TOTABLE-0000000002-repartition)\n' +
        '      <-- KSTREAM-FILTER-0000000005\n' +
        '\n' +
        '  Sub-topology: 1\n' +
        '    Source: KSTREAM-SOURCE-0000000006 (topics: [KSTREAM-TOTABLE-0000000002-repartition])\n' +
        '      --> KSTREAM-TOTABLE-0000000002\n' +
        '    Processor: KSTREAM-TOTABLE-0000000002 (stores: [])\n' +
        '      --> KTABLE-TOSTREAM-0000000007\n' +
        '      <-- KSTREAM-SOURCE-0000000006\n' +
        '    Processor: KTABLE-TOSTREAM-0000000007 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000008\n' +
        '      <-- KSTREAM-TOTABLE-0000000002\n' +
        '    Sink: KSTREAM-SINK-0000000008 (topic: output)\n' +
        '      <-- KTABLE-TOSTREAM-0000000007\n\n',
    )
  })

  it('a table–table join of two toTable() results materializes both generated TOTABLE stores', () => {
    // KStreamImplTest.shouldSupportTableTableJoinWithKStreamToKTable
    const consumed = Consumed.with(Serdes.String(), Serdes.String())
    const builder = new StreamsBuilder()

    const leftTopic = 'left'
    const rightTopic = 'right'
    const outputTopic = 'output'

    const table1 = builder.stream(leftTopic, consumed).toTable()
    const table2 = builder.stream(rightTopic, consumed).toTable()

    table1.join(table2, toStringJoiner).toStream().to(outputTopic)

    const topology = builder.build(props)

    const topologyDescription = topology.describe().toString()
    expect(topologyDescription).toBe(EXAMPLE_5_TABLE_TABLE_JOIN)
  })

  it('a stream–table join against a toTable() result connects the join to the TOTABLE store', () => {
    // KStreamImplTest.shouldSupportStreamTableJoinWithKStreamToKTable
    const builder = new StreamsBuilder()
    const consumed = Consumed.with(Serdes.String(), Serdes.String())

    const streamTopic = 'streamTopic'
    const tableTopic = 'tableTopic'
    const outputTopic = 'output'

    const stream = builder.stream(streamTopic, consumed)
    const table = builder.stream(tableTopic, consumed).toTable()

    stream.join(table, toStringJoiner).to(outputTopic)

    const topology = builder.build(props)

    const topologyDescription = topology.describe().toString()
    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [streamTopic])\n' +
        '      --> KSTREAM-JOIN-0000000004\n' +
        '    Processor: KSTREAM-JOIN-0000000004 (stores: [KSTREAM-TOTABLE-STATE-STORE-0000000003])\n' +
        '      --> KSTREAM-SINK-0000000005\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [tableTopic])\n' +
        '      --> KSTREAM-TOTABLE-0000000002\n' +
        '    Sink: KSTREAM-SINK-0000000005 (topic: output)\n' +
        '      <-- KSTREAM-JOIN-0000000004\n' +
        '    Processor: KSTREAM-TOTABLE-0000000002 (stores: [KSTREAM-TOTABLE-STATE-STORE-0000000003])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n\n',
    )
  })

  it('grouping a toTable() result materializes its store and repartitions through the aggregation store name', () => {
    // KStreamImplTest.shouldSupportGroupByCountWithKStreamToKTable
    const consumed = Consumed.with(Serdes.String(), Serdes.String())
    const builder = new StreamsBuilder()

    const input = 'input'
    const output = 'output'

    builder
      .stream(input, consumed)
      .toTable()
      .groupBy((_k, v) => KeyValue.pair(v, v), Grouped.with(Serdes.String(), Serdes.String()))
      .count()
      .toStream()
      .to(output)

    const topology = builder.build(props)

    const topologyDescription = topology.describe().toString()
    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input])\n' +
        '      --> KSTREAM-TOTABLE-0000000001\n' +
        '    Processor: KSTREAM-TOTABLE-0000000001 (stores: [KSTREAM-TOTABLE-STATE-STORE-0000000002])\n' +
        '      --> KTABLE-SELECT-0000000003\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: KTABLE-SELECT-0000000003 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000005\n' +
        '      <-- KSTREAM-TOTABLE-0000000001\n' +
        '    Sink: KSTREAM-SINK-0000000005 (topic: KTABLE-AGGREGATE-STATE-STORE-0000000004-repartition)\n' +
        '      <-- KTABLE-SELECT-0000000003\n' +
        '\n' +
        '  Sub-topology: 1\n' +
        '    Source: KSTREAM-SOURCE-0000000006 (topics: [KTABLE-AGGREGATE-STATE-STORE-0000000004-repartition])\n' +
        '      --> KTABLE-AGGREGATE-0000000007\n' +
        '    Processor: KTABLE-AGGREGATE-0000000007 (stores: [KTABLE-AGGREGATE-STATE-STORE-0000000004])\n' +
        '      --> KTABLE-TOSTREAM-0000000008\n' +
        '      <-- KSTREAM-SOURCE-0000000006\n' +
        '    Processor: KTABLE-TOSTREAM-0000000008 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000009\n' +
        '      <-- KTABLE-AGGREGATE-0000000007\n' +
        '    Sink: KSTREAM-SINK-0000000009 (topic: output)\n' +
        '      <-- KTABLE-TOSTREAM-0000000008\n\n',
    )
  })

  it('a named Materialized on mapValues of a toTable() result materializes only the mapValues store', () => {
    // KStreamImplTest.shouldSupportTriggerMaterializedWithKTableFromKStream
    const consumed = Consumed.with(Serdes.String(), Serdes.String())
    const builder = new StreamsBuilder()

    const input = 'input'
    const output = 'output'
    const storeName = 'store'

    builder
      .stream(input, consumed)
      .toTable()
      .mapValues(
        (value: string) => value.charCodeAt(0) - 'a'.charCodeAt(0),
        Materialized.as<string, number>(storeName)
          .withKeySerde(Serdes.String())
          .withValueSerde(Serdes.Integer()),
      )
      .toStream()
      .to(output)

    const topology = builder.build(props)

    const topologyDescription = topology.describe().toString()
    expect(topologyDescription).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [input])\n' +
        '      --> KSTREAM-TOTABLE-0000000001\n' +
        '    Processor: KSTREAM-TOTABLE-0000000001 (stores: [])\n' +
        '      --> KTABLE-MAPVALUES-0000000003\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: KTABLE-MAPVALUES-0000000003 (stores: [store])\n' +
        '      --> KTABLE-TOSTREAM-0000000004\n' +
        '      <-- KSTREAM-TOTABLE-0000000001\n' +
        '    Processor: KTABLE-TOSTREAM-0000000004 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000005\n' +
        '      <-- KTABLE-MAPVALUES-0000000003\n' +
        '    Sink: KSTREAM-SINK-0000000005 (topic: output)\n' +
        '      <-- KTABLE-TOSTREAM-0000000004\n\n',
    )
  })
})
