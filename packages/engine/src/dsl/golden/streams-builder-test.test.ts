// Ported from Apache Kafka's streams/src/test/java/org/apache/kafka/streams/StreamsBuilderTest.java.
// StreamsBuilderTest asserts no full describe() string. Its naming and store tests inspect the
// built ProcessorTopology (processor names, store names, processor–store connections); here
// the same facts are read from our describe() model:
// - assertNamesForOperation compares the processor list of the (non-global) ProcessorTopology
//   in insertion order; describe() orders nodes differently, so the names are compared as sets.
// - processorConnectedStateStores(name) is the processor's `stores` in describe().
// - the shouldWrapProcessors* tests count the processors and stores seen by a ProcessorWrapper;
//   only the self-join ones are ported, where those counts equal the describe() facts.
import { describe, expect, it } from 'vitest'
import type { FixedKeyProcessorSupplier, ProcessorSupplier } from '../../processor/processor'
import { Serdes } from '../../serde/serdes'
import { Stores } from '../../state/stores'
import type { Topology } from '../../topology/topology'
import { Branched } from '../branched'
import { Consumed } from '../consumed'
import { Grouped } from '../grouped'
import { Joined } from '../joined'
import { KeyValue } from '../key-value'
import { Materialized } from '../materialized'
import { Named } from '../named'
import { Produced } from '../produced'
import { StreamJoined } from '../stream-joined'
import { StreamsBuilder } from '../streams-builder'
import { JoinWindows } from '../windows'

const STREAM_TOPIC = 'stream-topic'
const STREAM_OPERATION_NAME = 'stream-operation'
const STREAM_TOPIC_TWO = 'stream-topic-two'
const TABLE_TOPIC = 'table-topic'

const TOSTRING_JOINER = (value1: unknown, value2: unknown) => `${String(value1)}+${String(value2)}`
const mockProcessorSupplier: ProcessorSupplier = () => ({ process: () => {} })
const mockFixedKeyProcessorSupplier: FixedKeyProcessorSupplier = () => ({ process: () => {} })

function nodes(topology: Topology) {
  return topology
    .describe()
    .subtopologies()
    .flatMap((subtopology) => subtopology.nodes)
}

/** The names of all non-global nodes, as the set of ProcessorTopology#processors(). */
function nodeNames(topology: Topology): string[] {
  return nodes(topology)
    .map((node) => node.name)
    .sort()
}

function processorConnectedStateStores(topology: Topology, processorName: string): string[] {
  const node = nodes(topology).find((n) => n.name === processorName)
  if (node === undefined) throw new Error(`no node ${processorName} in\n${topology.describe()}`)
  return [...(node.stores ?? [])].sort()
}

/** The names of all stores connected to a non-global processor (ProcessorTopology#stateStores). */
function stateStores(topology: Topology): string[] {
  return [...new Set(nodes(topology).flatMap((node) => node.stores ?? []))].sort()
}

function assertNamesForOperation(topology: Topology, ...expected: string[]): void {
  expect(nodeNames(topology)).toEqual([...expected].sort())
}

function assertNamesForStateStore(topology: Topology, ...expected: string[]): void {
  expect(stateStores(topology)).toEqual([...expected].sort())
}

describe('StreamsBuilderTest', () => {
  it('joining an unmaterialized filtered table reads the source table store, the filter has none', () => {
    // StreamsBuilderTest.shouldAllowJoinUnmaterializedFilteredKTable
    const builder = new StreamsBuilder()
    const filteredKTable = builder.table<string, string>(TABLE_TOPIC).filter(() => true)
    builder.stream<string, string>(STREAM_TOPIC).join(filteredKTable, TOSTRING_JOINER)
    const topology = builder.build()

    expect(stateStores(topology)).toHaveLength(1)
    expect(processorConnectedStateStores(topology, 'KSTREAM-JOIN-0000000005')).toEqual(
      stateStores(topology),
    )
    expect(processorConnectedStateStores(topology, 'KTABLE-FILTER-0000000003')).toEqual([])
  })

  it('joining a filtered table materialized as "store" connects the join and the filter to it', () => {
    // StreamsBuilderTest.shouldAllowJoinMaterializedFilteredKTable
    const builder = new StreamsBuilder()
    const filteredKTable = builder
      .table<string, string>(TABLE_TOPIC)
      .filter(() => true, Materialized.as('store'))
    builder.stream<string, string>(STREAM_TOPIC).join(filteredKTable, TOSTRING_JOINER)
    const topology = builder.build()

    expect(stateStores(topology)).toHaveLength(1)
    expect(processorConnectedStateStores(topology, 'KSTREAM-JOIN-0000000005')).toEqual(['store'])
    expect(processorConnectedStateStores(topology, 'KTABLE-FILTER-0000000003')).toEqual(['store'])
  })

  it('joining an unmaterialized mapValues table reads the source table store, mapValues has none', () => {
    // StreamsBuilderTest.shouldAllowJoinUnmaterializedMapValuedKTable
    const builder = new StreamsBuilder()
    const mappedKTable = builder.table<string, string>(TABLE_TOPIC).mapValues((v: string) => v)
    builder.stream<string, string>(STREAM_TOPIC).join(mappedKTable, TOSTRING_JOINER)
    const topology = builder.build()

    expect(stateStores(topology)).toHaveLength(1)
    expect(processorConnectedStateStores(topology, 'KSTREAM-JOIN-0000000005')).toEqual(
      stateStores(topology),
    )
    expect(processorConnectedStateStores(topology, 'KTABLE-MAPVALUES-0000000003')).toEqual([])
  })

  it('joining a mapValues table materialized as "store" connects the join and mapValues to it', () => {
    // StreamsBuilderTest.shouldAllowJoinMaterializedMapValuedKTable
    const builder = new StreamsBuilder()
    const mappedKTable = builder
      .table<string, string>(TABLE_TOPIC)
      .mapValues((v: string) => v, Materialized.as('store'))
    builder.stream<string, string>(STREAM_TOPIC).join(mappedKTable, TOSTRING_JOINER)
    const topology = builder.build()

    expect(stateStores(topology)).toHaveLength(1)
    expect(processorConnectedStateStores(topology, 'KSTREAM-JOIN-0000000005')).toEqual(['store'])
    expect(processorConnectedStateStores(topology, 'KTABLE-MAPVALUES-0000000003')).toEqual([
      'store',
    ])
  })

  it('joining an unmaterialized table–table join reads both source stores, the merge has none', () => {
    // StreamsBuilderTest.shouldAllowJoinUnmaterializedJoinedKTable
    const builder = new StreamsBuilder()
    const table1 = builder.table<string, string>('table-topic1')
    const table2 = builder.table<string, string>('table-topic2')
    builder
      .stream<string, string>(STREAM_TOPIC)
      .join(table1.join(table2, TOSTRING_JOINER), TOSTRING_JOINER)
    const topology = builder.build()

    expect(stateStores(topology)).toHaveLength(2)
    expect(processorConnectedStateStores(topology, 'KSTREAM-JOIN-0000000010')).toEqual(
      stateStores(topology),
    )
    expect(processorConnectedStateStores(topology, 'KTABLE-MERGE-0000000007')).toEqual([])
  })

  it('joining a table–table join materialized as "store" connects the stream join and the merge to it', () => {
    // StreamsBuilderTest.shouldAllowJoinMaterializedJoinedKTable
    const builder = new StreamsBuilder()
    const table1 = builder.table<string, string>('table-topic1')
    const table2 = builder.table<string, string>('table-topic2')
    builder
      .stream<string, string>(STREAM_TOPIC)
      .join(table1.join(table2, TOSTRING_JOINER, Materialized.as('store')), TOSTRING_JOINER)
    const topology = builder.build()

    expect(stateStores(topology)).toHaveLength(3)
    expect(processorConnectedStateStores(topology, 'KSTREAM-JOIN-0000000010')).toEqual(['store'])
    expect(processorConnectedStateStores(topology, 'KTABLE-MERGE-0000000007')).toEqual(['store'])
  })

  it('joining a source table materializes it and connects the table source and the join', () => {
    // StreamsBuilderTest.shouldAllowJoinMaterializedSourceKTable
    const builder = new StreamsBuilder()
    const table = builder.table<string, string>(TABLE_TOPIC)
    builder.stream<string, string>(STREAM_TOPIC).join(table, TOSTRING_JOINER)
    const topology = builder.build()

    expect(stateStores(topology)).toHaveLength(1)
    expect(processorConnectedStateStores(topology, 'KTABLE-SOURCE-0000000002')).toEqual(
      stateStores(topology),
    )
    expect(processorConnectedStateStores(topology, 'KSTREAM-JOIN-0000000004')).toEqual(
      stateStores(topology),
    )
  })

  it('a table with an unnamed Materialized and no reader creates no store', () => {
    // StreamsBuilderTest.shouldNotMaterializeStoresIfNotRequired
    const builder = new StreamsBuilder()
    builder.table('topic', Materialized.with(Serdes.Long(), Serdes.String()))
    expect(stateStores(builder.build())).toHaveLength(0)
  })

  it('a Consumed name names the stream source; the next source keeps number 1', () => {
    // StreamsBuilderTest.shouldUseSpecifiedNameForStreamSourceProcessor
    const builder = new StreamsBuilder()
    const expected = 'source-node'
    builder.stream(STREAM_TOPIC, Consumed.as(expected))
    builder.stream(STREAM_TOPIC_TWO)
    assertNamesForOperation(builder.build(), expected, 'KSTREAM-SOURCE-0000000001')
  })

  it('a Consumed name also names a pattern source (as Kafka Streams 4.3 does)', () => {
    // Found by the conformance suite: Kafka Streams 4.3.1 prints `Source: all-logs (topics: logs-.*)`.
    const builder = new StreamsBuilder()
    builder.stream(/logs-.*/, Consumed.as('all-logs'))
    builder.stream(STREAM_TOPIC_TWO)
    assertNamesForOperation(builder.build(), 'all-logs', 'KSTREAM-SOURCE-0000000001')
  })

  it('a Consumed name on a table names <name>-source and <name>; the next table starts at 3', () => {
    // StreamsBuilderTest.shouldUseSpecifiedNameForTableSourceProcessor
    const builder = new StreamsBuilder()
    const expected = 'source-node'
    builder.table(STREAM_TOPIC, Consumed.as(expected))
    builder.table(STREAM_TOPIC_TWO)
    assertNamesForOperation(
      builder.build(),
      expected + '-source',
      expected,
      'KSTREAM-SOURCE-0000000004',
      'KTABLE-SOURCE-0000000005',
    )
  })

  it('a Consumed name on a global table still burns the generated names of its store and nodes', () => {
    // StreamsBuilderTest.shouldUseSpecifiedNameForGlobalTableSourceProcessor
    const builder = new StreamsBuilder()
    const expected = 'source-processor'
    builder.globalTable(STREAM_TOPIC, Consumed.as(expected))
    builder.globalTable(STREAM_TOPIC_TWO)
    const globalStores = builder
      .build()
      .describe()
      .globalStores()
      .map((store) => store.storeName)
    expect(globalStores).toEqual([
      'stream-topic-STATE-STORE-0000000000',
      'stream-topic-two-STATE-STORE-0000000003',
    ])
  })

  it('a Produced name names the sink and burns its number', () => {
    // StreamsBuilderTest.shouldUseSpecifiedNameForSinkProcessor
    const builder = new StreamsBuilder()
    const expected = 'sink-processor'
    const stream = builder.stream(STREAM_TOPIC)
    stream.to(STREAM_TOPIC_TWO, Produced.as(expected))
    stream.to(STREAM_TOPIC_TWO)
    assertNamesForOperation(
      builder.build(),
      'KSTREAM-SOURCE-0000000000',
      expected,
      'KSTREAM-SINK-0000000002',
    )
  })

  it('Named names map, mapValues, filter and foreach processors', () => {
    // StreamsBuilderTest.shouldUseSpecifiedNameForMapOperation, ...ForMapValuesOperation,
    // ...ForMapValuesWithKeyOperation, ...ForFilterOperation, ...ForForEachOperation
    const programs: ((builder: StreamsBuilder) => void)[] = [
      (b) => b.stream(STREAM_TOPIC).map(KeyValue.pair, Named.as(STREAM_OPERATION_NAME)),
      (b) => b.stream(STREAM_TOPIC).mapValues((v: unknown) => v, Named.as(STREAM_OPERATION_NAME)),
      (b) => b.stream(STREAM_TOPIC).mapValues((_k, v) => v, Named.as(STREAM_OPERATION_NAME)),
      (b) => b.stream(STREAM_TOPIC).filter(() => true, Named.as(STREAM_OPERATION_NAME)),
      (b) => b.stream(STREAM_TOPIC).foreach(() => {}, Named.as(STREAM_OPERATION_NAME)),
    ]
    for (const program of programs) {
      const builder = new StreamsBuilder()
      program(builder)
      assertNamesForOperation(builder.build(), 'KSTREAM-SOURCE-0000000000', STREAM_OPERATION_NAME)
    }
  })

  it('split() with Named and Branched names the splitter and <splitter><branch> children', () => {
    // StreamsBuilderTest.shouldUseSpecifiedNameForSplitOperation
    const builder = new StreamsBuilder()
    builder
      .stream(STREAM_TOPIC)
      .split(Named.as('branch-processor'))
      .branch(() => true, Branched.as('-1'))
      .branch(() => false, Branched.as('-2'))
    assertNamesForOperation(
      builder.build(),
      'KSTREAM-SOURCE-0000000000',
      'branch-processor',
      'branch-processor-1',
      'branch-processor-2',
    )
  })

  it('a Joined name names the stream–table join and leftJoin processors', () => {
    // StreamsBuilderTest.shouldUseSpecifiedNameForJoinOperationBetweenKStreamAndKTable,
    // ...ForLeftJoinOperationBetweenKStreamAndKTable
    {
      const builder = new StreamsBuilder()
      const streamOne = builder.stream<string, string>(STREAM_TOPIC)
      const streamTwo = builder.table<string, string>('table-topic')
      streamOne.join(streamTwo, (value1: string) => value1, Joined.as(STREAM_OPERATION_NAME))
      assertNamesForOperation(
        builder.build(),
        'KSTREAM-SOURCE-0000000000',
        'KSTREAM-SOURCE-0000000002',
        'KTABLE-SOURCE-0000000003',
        STREAM_OPERATION_NAME,
      )
    }
    {
      const builder = new StreamsBuilder()
      const streamOne = builder.stream<string, string>(STREAM_TOPIC)
      const streamTwo = builder.table<string, string>(STREAM_TOPIC_TWO)
      streamOne.leftJoin(streamTwo, (value1: string) => value1, Joined.as(STREAM_OPERATION_NAME))
      assertNamesForOperation(
        builder.build(),
        'KSTREAM-SOURCE-0000000000',
        'KSTREAM-SOURCE-0000000002',
        'KTABLE-SOURCE-0000000003',
        STREAM_OPERATION_NAME,
      )
    }
  })

  it('a left join with the deprecated JoinWindows.of has no shared outer store', () => {
    // StreamsBuilderTest.shouldNotAddThirdStateStoreIfStreamStreamJoinFixIsDisabledViaOldApi
    const builder = new StreamsBuilder()
    const streamOne = builder.stream<string, string>(STREAM_TOPIC)
    const streamTwo = builder.stream<string, string>(STREAM_TOPIC_TWO)

    streamOne.leftJoin(
      streamTwo,
      (value1: string) => value1,
      JoinWindows.of(3_600_000),
      StreamJoined.as<string, string, string>(STREAM_OPERATION_NAME).withName(
        STREAM_OPERATION_NAME,
      ),
    )

    const topology = builder.build({})
    assertNamesForStateStore(
      topology,
      STREAM_OPERATION_NAME + '-this-join-store',
      STREAM_OPERATION_NAME + '-outer-other-join-store',
    )
    assertNamesForOperation(
      topology,
      'KSTREAM-SOURCE-0000000000',
      'KSTREAM-SOURCE-0000000001',
      STREAM_OPERATION_NAME + '-this-windowed',
      STREAM_OPERATION_NAME + '-other-windowed',
      STREAM_OPERATION_NAME + '-this-join',
      STREAM_OPERATION_NAME + '-outer-other-join',
      STREAM_OPERATION_NAME + '-merge',
    )
  })

  it('StreamJoined.as + withName names a left join, its stores and the -left-shared-join-store', () => {
    // StreamsBuilderTest.shouldUseSpecifiedNameForLeftJoinOperationBetweenKStreamAndKStream
    const builder = new StreamsBuilder()
    const streamOne = builder.stream<string, string>(STREAM_TOPIC)
    const streamTwo = builder.stream<string, string>(STREAM_TOPIC_TWO)

    streamOne.leftJoin(
      streamTwo,
      (value1: string) => value1,
      JoinWindows.ofTimeDifferenceWithNoGrace(3_600_000),
      StreamJoined.as<string, string, string>(STREAM_OPERATION_NAME).withName(
        STREAM_OPERATION_NAME,
      ),
    )
    const topology = builder.build()
    assertNamesForStateStore(
      topology,
      STREAM_OPERATION_NAME + '-this-join-store',
      STREAM_OPERATION_NAME + '-outer-other-join-store',
      STREAM_OPERATION_NAME + '-left-shared-join-store',
    )
    assertNamesForOperation(
      topology,
      'KSTREAM-SOURCE-0000000000',
      'KSTREAM-SOURCE-0000000001',
      STREAM_OPERATION_NAME + '-this-windowed',
      STREAM_OPERATION_NAME + '-other-windowed',
      STREAM_OPERATION_NAME + '-this-join',
      STREAM_OPERATION_NAME + '-outer-other-join',
      STREAM_OPERATION_NAME + '-merge',
    )
  })

  it('StreamJoined.withName alone keeps generated store names for a left join', () => {
    // StreamsBuilderTest.shouldUseGeneratedStoreNamesForLeftJoinOperationBetweenKStreamAndKStream
    const builder = new StreamsBuilder()
    const streamOne = builder.stream<string, string>(STREAM_TOPIC)
    const streamTwo = builder.stream<string, string>(STREAM_TOPIC_TWO)

    streamOne.leftJoin(
      streamTwo,
      (value1: string) => value1,
      JoinWindows.ofTimeDifferenceWithNoGrace(3_600_000),
      StreamJoined.with(Serdes.String(), Serdes.String(), Serdes.String()).withName(
        STREAM_OPERATION_NAME,
      ),
    )
    const topology = builder.build()
    assertNamesForStateStore(
      topology,
      'KSTREAM-JOINTHIS-0000000004-store',
      'KSTREAM-OUTEROTHER-0000000005-store',
      'KSTREAM-OUTERSHARED-0000000004-store',
    )
    assertNamesForOperation(
      topology,
      'KSTREAM-SOURCE-0000000000',
      'KSTREAM-SOURCE-0000000001',
      STREAM_OPERATION_NAME + '-this-windowed',
      STREAM_OPERATION_NAME + '-other-windowed',
      STREAM_OPERATION_NAME + '-this-join',
      STREAM_OPERATION_NAME + '-outer-other-join',
      STREAM_OPERATION_NAME + '-merge',
    )
  })

  it('StreamJoined.as + withName names an inner join and its two stores', () => {
    // StreamsBuilderTest.shouldUseSpecifiedNameForJoinOperationBetweenKStreamAndKStream
    const builder = new StreamsBuilder()
    const streamOne = builder.stream<string, string>(STREAM_TOPIC)
    const streamTwo = builder.stream<string, string>(STREAM_TOPIC_TWO)

    streamOne.join(
      streamTwo,
      (value1: string) => value1,
      JoinWindows.of(3_600_000),
      StreamJoined.as<string, string, string>(STREAM_OPERATION_NAME).withName(
        STREAM_OPERATION_NAME,
      ),
    )
    const topology = builder.build()
    assertNamesForStateStore(
      topology,
      STREAM_OPERATION_NAME + '-this-join-store',
      STREAM_OPERATION_NAME + '-other-join-store',
    )
    assertNamesForOperation(
      topology,
      'KSTREAM-SOURCE-0000000000',
      'KSTREAM-SOURCE-0000000001',
      STREAM_OPERATION_NAME + '-this-windowed',
      STREAM_OPERATION_NAME + '-other-windowed',
      STREAM_OPERATION_NAME + '-this-join',
      STREAM_OPERATION_NAME + '-other-join',
      STREAM_OPERATION_NAME + '-merge',
    )
  })

  it('StreamJoined.withName alone keeps generated store names for an inner join', () => {
    // StreamsBuilderTest.shouldUseGeneratedNameForJoinOperationBetweenKStreamAndKStream
    const builder = new StreamsBuilder()
    const streamOne = builder.stream<string, string>(STREAM_TOPIC)
    const streamTwo = builder.stream<string, string>(STREAM_TOPIC_TWO)

    streamOne.join(
      streamTwo,
      (value1: string) => value1,
      JoinWindows.of(3_600_000),
      StreamJoined.with(Serdes.String(), Serdes.String(), Serdes.String()).withName(
        STREAM_OPERATION_NAME,
      ),
    )
    const topology = builder.build()
    assertNamesForStateStore(
      topology,
      'KSTREAM-JOINTHIS-0000000004-store',
      'KSTREAM-JOINOTHER-0000000005-store',
    )
    assertNamesForOperation(
      topology,
      'KSTREAM-SOURCE-0000000000',
      'KSTREAM-SOURCE-0000000001',
      STREAM_OPERATION_NAME + '-this-windowed',
      STREAM_OPERATION_NAME + '-other-windowed',
      STREAM_OPERATION_NAME + '-this-join',
      STREAM_OPERATION_NAME + '-other-join',
      STREAM_OPERATION_NAME + '-merge',
    )
  })

  it('StreamJoined.as + withName names an outer join, its stores and the -outer-shared-join-store', () => {
    // StreamsBuilderTest.shouldUseSpecifiedNameForOuterJoinOperationBetweenKStreamAndKStream
    const builder = new StreamsBuilder()
    const streamOne = builder.stream<string, string>(STREAM_TOPIC)
    const streamTwo = builder.stream<string, string>(STREAM_TOPIC_TWO)

    streamOne.outerJoin(
      streamTwo,
      (value1: string) => value1,
      JoinWindows.ofTimeDifferenceWithNoGrace(3_600_000),
      StreamJoined.as<string, string, string>(STREAM_OPERATION_NAME).withName(
        STREAM_OPERATION_NAME,
      ),
    )
    const topology = builder.build()
    assertNamesForStateStore(
      topology,
      STREAM_OPERATION_NAME + '-outer-this-join-store',
      STREAM_OPERATION_NAME + '-outer-other-join-store',
      STREAM_OPERATION_NAME + '-outer-shared-join-store',
    )
    assertNamesForOperation(
      topology,
      'KSTREAM-SOURCE-0000000000',
      'KSTREAM-SOURCE-0000000001',
      STREAM_OPERATION_NAME + '-this-windowed',
      STREAM_OPERATION_NAME + '-other-windowed',
      STREAM_OPERATION_NAME + '-outer-this-join',
      STREAM_OPERATION_NAME + '-outer-other-join',
      STREAM_OPERATION_NAME + '-merge',
    )
  })

  it('StreamJoined.withName alone keeps generated store names for an outer join', () => {
    // StreamsBuilderTest.shouldUseGeneratedStoreNamesForOuterJoinOperationBetweenKStreamAndKStream
    const builder = new StreamsBuilder()
    const streamOne = builder.stream<string, string>(STREAM_TOPIC)
    const streamTwo = builder.stream<string, string>(STREAM_TOPIC_TWO)

    streamOne.outerJoin(
      streamTwo,
      (value1: string) => value1,
      JoinWindows.ofTimeDifferenceWithNoGrace(3_600_000),
      StreamJoined.with(Serdes.String(), Serdes.String(), Serdes.String()).withName(
        STREAM_OPERATION_NAME,
      ),
    )
    const topology = builder.build()
    assertNamesForStateStore(
      topology,
      'KSTREAM-OUTERTHIS-0000000004-store',
      'KSTREAM-OUTEROTHER-0000000005-store',
      'KSTREAM-OUTERSHARED-0000000004-store',
    )
    assertNamesForOperation(
      topology,
      'KSTREAM-SOURCE-0000000000',
      'KSTREAM-SOURCE-0000000001',
      STREAM_OPERATION_NAME + '-this-windowed',
      STREAM_OPERATION_NAME + '-other-windowed',
      STREAM_OPERATION_NAME + '-outer-this-join',
      STREAM_OPERATION_NAME + '-outer-other-join',
      STREAM_OPERATION_NAME + '-merge',
    )
  })

  it('Named names merge, process and processValues processors', () => {
    // StreamsBuilderTest.shouldUseSpecifiedNameForMergeOperation, ...ForProcessOperation,
    // ...ForProcessValuesOperation
    {
      const builder = new StreamsBuilder()
      const source1 = builder.stream<string, string>('topic-1')
      const source2 = builder.stream<string, string>('topic-2')
      source1.merge(source2, Named.as('merge-processor'))
      assertNamesForOperation(
        builder.build(),
        'KSTREAM-SOURCE-0000000000',
        'KSTREAM-SOURCE-0000000001',
        'merge-processor',
      )
    }
    {
      const builder = new StreamsBuilder()
      builder.stream(STREAM_TOPIC).process(mockProcessorSupplier, Named.as('test-processor'))
      assertNamesForOperation(builder.build(), 'KSTREAM-SOURCE-0000000000', 'test-processor')
    }
    {
      const builder = new StreamsBuilder()
      builder
        .stream(STREAM_TOPIC)
        .processValues(mockFixedKeyProcessorSupplier, Named.as('test-fixed-key-processor'))
      assertNamesForOperation(
        builder.build(),
        'KSTREAM-SOURCE-0000000000',
        'test-fixed-key-processor',
      )
    }
  })

  it('Named names toStream(), also when a key mapper adds a generated key selector', () => {
    // StreamsBuilderTest.shouldUseSpecifiedNameForToStream, ...ForToStreamWithMapper
    {
      const builder = new StreamsBuilder()
      builder.table(STREAM_TOPIC).toStream(Named.as('to-stream'))
      assertNamesForOperation(
        builder.build(),
        'KSTREAM-SOURCE-0000000001',
        'KTABLE-SOURCE-0000000002',
        'to-stream',
      )
    }
    {
      const builder = new StreamsBuilder()
      builder.table(STREAM_TOPIC).toStream((k) => k, Named.as('to-stream'))
      assertNamesForOperation(
        builder.build(),
        'KSTREAM-SOURCE-0000000001',
        'KTABLE-SOURCE-0000000002',
        'to-stream',
        'KSTREAM-KEY-SELECT-0000000004',
      )
    }
  })

  it('a Named table count uses <name>-sink / <name>-source for its repartition and a generated store', () => {
    // StreamsBuilderTest.shouldUseSpecifiedNameForAggregateOperationGivenTable
    const builder = new StreamsBuilder()
    builder
      .table(STREAM_TOPIC)
      .groupBy((k, v) => KeyValue.pair(k, v), Grouped.as('group-operation'))
      .count(Named.as(STREAM_OPERATION_NAME))
    const topology = builder.build()
    assertNamesForStateStore(
      topology,
      STREAM_TOPIC + '-STATE-STORE-0000000000',
      'KTABLE-AGGREGATE-STATE-STORE-0000000004',
    )
    assertNamesForOperation(
      topology,
      'KSTREAM-SOURCE-0000000001',
      'KTABLE-SOURCE-0000000002',
      'group-operation',
      STREAM_OPERATION_NAME + '-sink',
      STREAM_OPERATION_NAME + '-source',
      STREAM_OPERATION_NAME,
    )
  })

  it('a Consumed name names a global store source <name>-source and processor <name>', () => {
    // StreamsBuilderTest.shouldUseSpecifiedNameForGlobalStoreProcessor
    const builder = new StreamsBuilder()
    builder.addGlobalStore(
      Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore('store'),
        Serdes.String(),
        Serdes.String(),
      ),
      'topic',
      Consumed.with(Serdes.String(), Serdes.String()).withName('test'),
      mockProcessorSupplier as ProcessorSupplier<string, string, void, void>,
    )
    const [globalStore] = builder.build().describe().globalStores()
    expect([globalStore?.source.name, globalStore?.processor.name]).toEqual(['test-source', 'test'])
  })

  it('an unnamed global store gets a generated source and KTABLE-SOURCE processor name', () => {
    // StreamsBuilderTest.shouldUseDefaultNameForGlobalStoreProcessor
    const builder = new StreamsBuilder()
    builder.addGlobalStore(
      Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore('store'),
        Serdes.String(),
        Serdes.String(),
      ),
      'topic',
      Consumed.with(Serdes.String(), Serdes.String()),
      mockProcessorSupplier as ProcessorSupplier<string, string, void, void>,
    )
    const [globalStore] = builder.build().describe().globalStores()
    expect([globalStore?.source.name, globalStore?.processor.name]).toEqual([
      'KSTREAM-SOURCE-0000000000',
      'KTABLE-SOURCE-0000000001',
    ])
  })

  it('an unoptimized self-join keeps both windowed processors, two stores and four connections', () => {
    // StreamsBuilderTest.shouldWrapProcessorsForStreamStreamSelfJoin
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<string, string>('input', Consumed.as('source'))
    stream1
      .join(
        stream1,
        TOSTRING_JOINER,
        JoinWindows.ofTimeDifferenceWithNoGrace(86_400_000),
        StreamJoined.as('ss-join'),
      )
      .to('output', Produced.as('sink'))
    const topology = builder.build()

    const processors = nodes(topology).filter((node) => node.type === 'processor')
    expect(processors.map((node) => node.name).sort()).toEqual(
      [
        'KSTREAM-JOINTHIS-0000000003',
        'KSTREAM-JOINOTHER-0000000004',
        'KSTREAM-WINDOWED-0000000001',
        'KSTREAM-WINDOWED-0000000002',
        'KSTREAM-MERGE-0000000005',
      ].sort(),
    )
    expect(stateStores(topology)).toHaveLength(2)
    expect(processors.flatMap((node) => node.stores ?? [])).toHaveLength(4)
  })

  it('with topology.optimization=all a self-join keeps one windowed processor and one shared store', () => {
    // StreamsBuilderTest.shouldWrapProcessorsForStreamStreamSelfJoinWithSharedStoreOptimization
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<string, string>('input', Consumed.as('source'))
    stream1
      .join(
        stream1,
        TOSTRING_JOINER,
        JoinWindows.ofTimeDifferenceWithNoGrace(86_400_000),
        StreamJoined.as('ss-join'),
      )
      .to('output', Produced.as('sink'))
    const topology = builder.build({ 'topology.optimization': 'all' })

    const processors = nodes(topology).filter((node) => node.type === 'processor')
    expect(processors.map((node) => node.name).sort()).toEqual([
      'KSTREAM-MERGE-0000000005',
      'KSTREAM-WINDOWED-0000000001',
    ])
    // only 1 store when topology optimizations enabled due to sharing self-join store
    expect(stateStores(topology)).toHaveLength(1)
    expect(processors.flatMap((node) => node.stores ?? [])).toHaveLength(2)
  })
})
