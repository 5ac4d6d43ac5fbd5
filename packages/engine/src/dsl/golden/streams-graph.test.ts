// Golden describe() texts ported from Apache Kafka's
// streams/src/test/java/org/apache/kafka/streams/kstream/internals/graph/StreamsGraphTest.java.
// Programs are translated line by line; the expected strings are Kafka's own constants.
import { describe, expect, it } from 'vitest'
import type { ProcessorContext, ProcessorSupplier } from '../../processor/processor'
import { Serdes } from '../../serde/serdes'
import type { Topology } from '../../topology/topology'
import { Branched } from '../branched'
import { Consumed } from '../consumed'
import { Grouped } from '../grouped'
import { Joined } from '../joined'
import { KeyValue } from '../key-value'
import { Materialized } from '../materialized'
import { Produced } from '../produced'
import { StreamsBuilder } from '../streams-builder'
import { BufferConfig, Suppressed } from '../suppressed'
import { JoinWindows, TimeWindows } from '../windows'

function countRepartitionSinks(topology: string): number {
  return (topology.match(/Sink: .*-repartition/g) ?? []).length
}

const expectedJoinedTopology =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [topic])\n' +
  '      --> KSTREAM-WINDOWED-0000000002\n' +
  '    Source: KSTREAM-SOURCE-0000000001 (topics: [other-topic])\n' +
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
  '      <-- KSTREAM-JOINTHIS-0000000004, KSTREAM-JOINOTHER-0000000005\n\n'

const expectedJoinedFilteredTopology =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [topic])\n' +
  '      --> KSTREAM-WINDOWED-0000000002\n' +
  '    Source: KSTREAM-SOURCE-0000000001 (topics: [other-topic])\n' +
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
  '      --> KSTREAM-FILTER-0000000007\n' +
  '      <-- KSTREAM-JOINTHIS-0000000004, KSTREAM-JOINOTHER-0000000005\n' +
  '    Processor: KSTREAM-FILTER-0000000007 (stores: [])\n' +
  '      --> none\n' +
  '      <-- KSTREAM-MERGE-0000000006\n\n'

const expectedFullTopology =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [topic])\n' +
  '      --> KSTREAM-WINDOWED-0000000002\n' +
  '    Source: KSTREAM-SOURCE-0000000001 (topics: [other-topic])\n' +
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
  '      --> KSTREAM-FILTER-0000000007\n' +
  '      <-- KSTREAM-JOINTHIS-0000000004, KSTREAM-JOINOTHER-0000000005\n' +
  '    Processor: KSTREAM-FILTER-0000000007 (stores: [])\n' +
  '      --> KSTREAM-MAPVALUES-0000000008\n' +
  '      <-- KSTREAM-MERGE-0000000006\n' +
  '    Processor: KSTREAM-MAPVALUES-0000000008 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000009\n' +
  '      <-- KSTREAM-FILTER-0000000007\n' +
  '    Sink: KSTREAM-SINK-0000000009 (topic: output-topic)\n' +
  '      <-- KSTREAM-MAPVALUES-0000000008\n\n'

const expectedMergeOptimizedTopology =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [input_topic])\n' +
  '      --> KSTREAM-KEY-SELECT-0000000001\n' +
  '    Processor: KSTREAM-KEY-SELECT-0000000001 (stores: [])\n' +
  '      --> KSTREAM-MAPVALUES-0000000002, KSTREAM-MAPVALUES-0000000003, KSTREAM-MAPVALUES-0000000004\n' +
  '      <-- KSTREAM-SOURCE-0000000000\n' +
  '    Processor: KSTREAM-MAPVALUES-0000000002 (stores: [])\n' +
  '      --> KSTREAM-MERGE-0000000005\n' +
  '      <-- KSTREAM-KEY-SELECT-0000000001\n' +
  '    Processor: KSTREAM-MAPVALUES-0000000003 (stores: [])\n' +
  '      --> KSTREAM-MERGE-0000000005\n' +
  '      <-- KSTREAM-KEY-SELECT-0000000001\n' +
  '    Processor: KSTREAM-MAPVALUES-0000000004 (stores: [])\n' +
  '      --> KSTREAM-MERGE-0000000006\n' +
  '      <-- KSTREAM-KEY-SELECT-0000000001\n' +
  '    Processor: KSTREAM-MERGE-0000000005 (stores: [])\n' +
  '      --> KSTREAM-MERGE-0000000006\n' +
  '      <-- KSTREAM-MAPVALUES-0000000002, KSTREAM-MAPVALUES-0000000003\n' +
  '    Processor: KSTREAM-MERGE-0000000006 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000007\n' +
  '      <-- KSTREAM-MERGE-0000000005, KSTREAM-MAPVALUES-0000000004\n' +
  '    Sink: KSTREAM-SINK-0000000007 (topic: output_topic)\n' +
  '      <-- KSTREAM-MERGE-0000000006\n\n'

const expectedComplexMergeOptimizeTopology =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [retryTopic])\n' +
  '      --> KSTREAM-PROCESSOR-0000000001\n' +
  '    Processor: KSTREAM-PROCESSOR-0000000001 (stores: [])\n' +
  '      --> KSTREAM-FILTER-0000000005\n' +
  '      <-- KSTREAM-SOURCE-0000000000\n' +
  '    Processor: KSTREAM-FILTER-0000000005 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000004\n' +
  '      <-- KSTREAM-PROCESSOR-0000000001\n' +
  '    Sink: KSTREAM-SINK-0000000004 (topic: KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition)\n' +
  '      <-- KSTREAM-FILTER-0000000005\n' +
  '\n' +
  '  Sub-topology: 1\n' +
  '    Source: KSTREAM-SOURCE-0000000006 (topics: [KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition])\n' +
  '      --> KSTREAM-AGGREGATE-0000000003\n' +
  '    Processor: KSTREAM-AGGREGATE-0000000003 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000002])\n' +
  '      --> KTABLE-SUPPRESS-0000000007\n' +
  '      <-- KSTREAM-SOURCE-0000000006\n' +
  '    Source: KSTREAM-SOURCE-0000000019 (topics: [internal-topic-command])\n' +
  '      --> KSTREAM-PEEK-0000000020\n' +
  '    Processor: KTABLE-SUPPRESS-0000000007 (stores: [KTABLE-SUPPRESS-STATE-STORE-0000000008])\n' +
  '      --> KTABLE-TOSTREAM-0000000009\n' +
  '      <-- KSTREAM-AGGREGATE-0000000003\n' +
  '    Processor: KSTREAM-PEEK-0000000020 (stores: [])\n' +
  '      --> KSTREAM-MAPVALUES-0000000021\n' +
  '      <-- KSTREAM-SOURCE-0000000019\n' +
  '    Processor: KTABLE-TOSTREAM-0000000009 (stores: [])\n' +
  '      --> KSTREAM-FLATMAP-0000000010\n' +
  '      <-- KTABLE-SUPPRESS-0000000007\n' +
  '    Processor: KSTREAM-FLATMAP-0000000010 (stores: [])\n' +
  '      --> KSTREAM-MERGE-0000000022\n' +
  '      <-- KTABLE-TOSTREAM-0000000009\n' +
  '    Processor: KSTREAM-MAPVALUES-0000000021 (stores: [])\n' +
  '      --> KSTREAM-MERGE-0000000022\n' +
  '      <-- KSTREAM-PEEK-0000000020\n' +
  '    Processor: KSTREAM-MERGE-0000000022 (stores: [])\n' +
  '      --> KSTREAM-FILTER-0000000024\n' +
  '      <-- KSTREAM-MAPVALUES-0000000021, KSTREAM-FLATMAP-0000000010\n' +
  '    Processor: KSTREAM-FILTER-0000000024 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000023\n' +
  '      <-- KSTREAM-MERGE-0000000022\n' +
  '    Sink: KSTREAM-SINK-0000000023 (topic: KSTREAM-MERGE-0000000022-repartition)\n' +
  '      <-- KSTREAM-FILTER-0000000024\n' +
  '\n' +
  '  Sub-topology: 2\n' +
  '    Source: KSTREAM-SOURCE-0000000011 (topics: [id-table-topic])\n' +
  '      --> KSTREAM-FLATMAP-0000000012\n' +
  '    Processor: KSTREAM-FLATMAP-0000000012 (stores: [])\n' +
  '      --> KSTREAM-AGGREGATE-STATE-STORE-0000000014-repartition-filter\n' +
  '      <-- KSTREAM-SOURCE-0000000011\n' +
  '    Processor: KSTREAM-AGGREGATE-STATE-STORE-0000000014-repartition-filter (stores: [])\n' +
  '      --> KSTREAM-AGGREGATE-STATE-STORE-0000000014-repartition-sink\n' +
  '      <-- KSTREAM-FLATMAP-0000000012\n' +
  '    Sink: KSTREAM-AGGREGATE-STATE-STORE-0000000014-repartition-sink (topic: KSTREAM-AGGREGATE-STATE-STORE-0000000014-repartition)\n' +
  '      <-- KSTREAM-AGGREGATE-STATE-STORE-0000000014-repartition-filter\n' +
  '\n' +
  '  Sub-topology: 3\n' +
  '    Source: KSTREAM-SOURCE-0000000025 (topics: [KSTREAM-MERGE-0000000022-repartition])\n' +
  '      --> KSTREAM-LEFTJOIN-0000000026\n' +
  '    Processor: KSTREAM-LEFTJOIN-0000000026 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000014])\n' +
  '      --> KSTREAM-BRANCH-0000000027\n' +
  '      <-- KSTREAM-SOURCE-0000000025\n' +
  '    Processor: KSTREAM-BRANCH-0000000027 (stores: [])\n' +
  '      --> KSTREAM-BRANCH-00000000270, KSTREAM-BRANCH-00000000271\n' +
  '      <-- KSTREAM-LEFTJOIN-0000000026\n' +
  '    Processor: KSTREAM-BRANCH-00000000270 (stores: [])\n' +
  '      --> KSTREAM-FILTER-0000000033, KSTREAM-MAP-0000000037\n' +
  '      <-- KSTREAM-BRANCH-0000000027\n' +
  '    Processor: KSTREAM-BRANCH-00000000271 (stores: [])\n' +
  '      --> KSTREAM-MAP-0000000029\n' +
  '      <-- KSTREAM-BRANCH-0000000027\n' +
  '    Processor: KSTREAM-FILTER-0000000033 (stores: [])\n' +
  '      --> KSTREAM-PEEK-0000000034\n' +
  '      <-- KSTREAM-BRANCH-00000000270\n' +
  '    Source: KSTREAM-AGGREGATE-STATE-STORE-0000000014-repartition-source (topics: [KSTREAM-AGGREGATE-STATE-STORE-0000000014-repartition])\n' +
  '      --> KSTREAM-PEEK-0000000013\n' +
  '    Processor: KSTREAM-MAP-0000000029 (stores: [])\n' +
  '      --> KSTREAM-PEEK-0000000030\n' +
  '      <-- KSTREAM-BRANCH-00000000271\n' +
  '    Processor: KSTREAM-PEEK-0000000034 (stores: [])\n' +
  '      --> KSTREAM-MAPVALUES-0000000035\n' +
  '      <-- KSTREAM-FILTER-0000000033\n' +
  '    Processor: KSTREAM-MAP-0000000037 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000038\n' +
  '      <-- KSTREAM-BRANCH-00000000270\n' +
  '    Processor: KSTREAM-MAPVALUES-0000000035 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000036\n' +
  '      <-- KSTREAM-PEEK-0000000034\n' +
  '    Processor: KSTREAM-PEEK-0000000013 (stores: [])\n' +
  '      --> KSTREAM-AGGREGATE-0000000015\n' +
  '      <-- KSTREAM-AGGREGATE-STATE-STORE-0000000014-repartition-source\n' +
  '    Processor: KSTREAM-PEEK-0000000030 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000031\n' +
  '      <-- KSTREAM-MAP-0000000029\n' +
  '    Processor: KSTREAM-AGGREGATE-0000000015 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000014])\n' +
  '      --> none\n' +
  '      <-- KSTREAM-PEEK-0000000013\n' +
  '    Sink: KSTREAM-SINK-0000000031 (topic: external-command)\n' +
  '      <-- KSTREAM-PEEK-0000000030\n' +
  '    Sink: KSTREAM-SINK-0000000036 (topic: dlq-topic)\n' +
  '      <-- KSTREAM-MAPVALUES-0000000035\n' +
  '    Sink: KSTREAM-SINK-0000000038 (topic: retryTopic)\n' +
  '      <-- KSTREAM-MAP-0000000037\n\n'

function getTopologyWithChangingValuesAfterChangingKey(optimizeConfig: 'all' | 'none'): Topology {
  const builder = new StreamsBuilder()
  const properties = { 'topology.optimization': optimizeConfig }

  const inputStream = builder.stream<string, string>('input')
  const mappedKeyStream = inputStream.selectKey((k, v) => k + v)

  mappedKeyStream
    .mapValues((v: string) => v.toUpperCase())
    .groupByKey()
    .count()
    .toStream()
    .to('output')
  mappedKeyStream
    .flatMapValues((v: string) => v.split(/\s/))
    .groupByKey()
    .windowedBy(TimeWindows.ofSizeWithNoGrace(5000))
    .count()
    .toStream()
    .to('windowed-output')

  return builder.build(properties)
}

function getTopologyWithRepartitionOperation(optimizeConfig: 'all' | 'none'): Topology {
  const builder = new StreamsBuilder()
  const properties = { 'topology.optimization': optimizeConfig }

  const inputStream = builder.stream<string, string>('input').selectKey((k, v) => k + v)

  inputStream.repartition().groupByKey().count().toStream().to('output')

  inputStream
    .repartition()
    .groupByKey()
    .windowedBy(TimeWindows.ofSizeWithNoGrace(5000))
    .count()
    .toStream()
    .to('windowed-output')

  return builder.build(properties)
}

describe('StreamsGraphTest', () => {
  it('each build() writes only the graph nodes added since, so a topology can be described step by step', () => {
    // StreamsGraphTest.shouldBeAbleToBuildTopologyIncrementally
    // Kafka calls builder.build() three times on one builder; our StreamsBuilder#build may
    // only be called once, so each step replays the program on a fresh builder (the node
    // numbers are identical because the counter only depends on the DSL calls made so far).
    const step = (n: 1 | 2 | 3): string => {
      const builder = new StreamsBuilder()
      const stream = builder.stream<string, string>('topic')
      const streamII = builder.stream<string, string>('other-topic')
      const valueJoiner = (v: string, v2: string) => v + v2
      const joinedStream = stream.join(streamII, valueJoiner, JoinWindows.of(5000))
      if (n >= 2) {
        const filteredJoinStream = joinedStream.filter((_k, v) => v === 'foo')
        if (n >= 3) filteredJoinStream.mapValues((v: string) => v + 'some value').to('output-topic')
      }
      return builder.build().describe().toString()
    }

    // build step one
    expect(step(1)).toBe(expectedJoinedTopology)
    // build step two
    expect(step(2)).toBe(expectedJoinedFilteredTopology)
    // build step three
    expect(step(3)).toBe(expectedFullTopology)
  })

  it('optimizing two groupings of one re-keyed stream, one of them windowed, builds without error', () => {
    // StreamsGraphTest.shouldBeAbleToProcessNestedMultipleKeyChangingNodes
    const properties = { 'topology.optimization': 'all' }

    const builder = new StreamsBuilder()
    const inputStream = builder.stream<string, string>('inputTopic')

    const changedKeyStream = inputStream.selectKey((_k, v) => v.substring(0, 5))

    // first repartition
    changedKeyStream
      .groupByKey(Grouped.as('count-repartition'))
      .count(Materialized.as('count-store'))
      .toStream()
      .to('count-topic', Produced.with(Serdes.String(), Serdes.Long()))

    // second repartition
    changedKeyStream
      .groupByKey(Grouped.as('windowed-repartition'))
      .windowedBy(TimeWindows.ofSizeWithNoGrace(5000))
      .count(Materialized.as('windowed-count-store'))
      .toStream()
      .map((k, v) => KeyValue.pair(k.key(), v))
      .to('windowed-count', Produced.with(Serdes.String(), Serdes.Long()))

    expect(() => builder.build(properties)).not.toThrow()
  })

  it('merging a re-keyed retry stream with a command stream before a table join keeps the generated merge repartition and renames the merged aggregation repartition', () => {
    // StreamsGraphTest.shouldNotThrowNPEWithMergeNodes (topology from KAFKA-9739)
    const properties = { 'topology.optimization': 'all' }

    const builder = new StreamsBuilder()
    const initializer = () => ''
    const aggregator = (_aggKey: string, value: string, aggregate: string) =>
      aggregate + String(value.length)
    const processorSupplier: ProcessorSupplier<string, string, string, string> = () => {
      let context: ProcessorContext<string, string> | null = null
      return {
        init: (ctx) => {
          context = ctx
        },
        process: (record) => {
          context?.forward(record)
        },
      }
    }

    const retryStream = builder
      .stream('retryTopic', Consumed.with(Serdes.String(), Serdes.String()))
      .process(processorSupplier)
      .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
      .aggregate(initializer, aggregator, Materialized.with(Serdes.String(), Serdes.String()))
      .suppress(Suppressed.untilTimeLimit(500_000, BufferConfig.maxBytes(64_000_000)))
      .toStream()
      .flatMap((): KeyValue<string, string>[] => [])

    const idTable = builder
      .stream('id-table-topic', Consumed.with(Serdes.String(), Serdes.String()))
      .flatMap((): KeyValue<string, string>[] => [])
      .peek(() => {})
      .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
      .aggregate(initializer, aggregator, Materialized.with(Serdes.String(), Serdes.String()))

    const joinStream = builder
      .stream('internal-topic-command', Consumed.with(Serdes.String(), Serdes.String()))
      .peek(() => {})
      .mapValues((_k: string, v: string) => v)
      .merge(retryStream)
      .leftJoin(
        idTable,
        (v1: string, v2: string) => v1 + v2,
        Joined.with(Serdes.String(), Serdes.String(), Serdes.String()),
      )

    joinStream
      .split()
      .branch(
        (_k, v) => v === 'some-value',
        Branched.withConsumer((ks) =>
          ks
            .map((k, v) => KeyValue.pair(k, v))
            .peek(() => {})
            .to('external-command', Produced.with(Serdes.String(), Serdes.String())),
        ),
      )
      .defaultBranch(
        Branched.withConsumer((ks) => {
          ks.filter((_k, v) => v !== null)
            .peek(() => {})
            .mapValues((_k: string, v: string) => v)
            .to('dlq-topic', Produced.with(Serdes.String(), Serdes.String()))
          ks.map((k, v) => KeyValue.pair(k, v)).to(
            'retryTopic',
            Produced.with(Serdes.String(), Serdes.String()),
          )
        }),
      )

    const topology = builder.build(properties)
    expect(topology.describe().toString()).toBe(expectedComplexMergeOptimizeTopology)
  })

  it('a mapValues or flatMapValues between the key change and the groupings blocks the repartition merge', () => {
    // StreamsGraphTest.shouldNotOptimizeWithValueOrKeyChangingOperatorsAfterInitialKeyChange
    const attemptedOptimize = getTopologyWithChangingValuesAfterChangingKey('all')
    const noOptimization = getTopologyWithChangingValuesAfterChangingKey('none')

    expect(attemptedOptimize.describe().toString()).toBe(noOptimization.describe().toString())
    expect(countRepartitionSinks(attemptedOptimize.describe().toString())).toBe(2)
    expect(countRepartitionSinks(noOptimization.describe().toString())).toBe(2)
  })

  it('nested merges of mapValues children of one key changer need no repartition and keep their shape', () => {
    // StreamsGraphTest.shouldOptimizeSeveralMergeNodesWithCommonKeyChangingParent
    const streamsBuilder = new StreamsBuilder()
    const parentStream = streamsBuilder
      .stream('input_topic', Consumed.with(Serdes.Integer(), Serdes.Integer()))
      .selectKey((k, v) => k + v)

    const childStream1 = parentStream.mapValues((v: number) => v + 1)
    const childStream2 = parentStream.mapValues((v: number) => v + 2)
    const childStream3 = parentStream.mapValues((v: number) => v + 3)

    childStream1.merge(childStream2).merge(childStream3).to('output_topic')

    const properties = { 'topology.optimization': 'all' }
    const topology = streamsBuilder.build(properties)

    expect(topology.describe().toString()).toBe(expectedMergeOptimizedTopology)
  })

  it('explicit repartition() calls are never merged by the optimizer', () => {
    // StreamsGraphTest.shouldNotOptimizeWhenRepartitionOperationIsDone
    const attemptedOptimize = getTopologyWithRepartitionOperation('all')
    const noOptimization = getTopologyWithRepartitionOperation('none')

    expect(attemptedOptimize.describe().toString()).toBe(noOptimization.describe().toString())
    expect(countRepartitionSinks(attemptedOptimize.describe().toString())).toBe(2)
    expect(countRepartitionSinks(noOptimization.describe().toString())).toBe(2)
  })
})

describe('building a topology in steps', () => {
  it('writes only the operations added since the previous build()', () => {
    // StreamsGraphTest.shouldBeAbleToBuildTopologyIncrementally: build() may be called again
    const builder = new StreamsBuilder()
    const stream = builder.stream<string, string>('topic')
    stream.filter(() => true).to('out-1')
    const first = builder.build().describe().toString()
    stream.mapValues((v: string) => v.toUpperCase()).to('out-2')
    const second = builder.build().describe().toString()
    expect(first).toContain('KSTREAM-SINK-0000000002')
    expect(first).not.toContain('KSTREAM-MAPVALUES')
    expect(second).toContain(
      '    Processor: KSTREAM-MAPVALUES-0000000003 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000004\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n',
    )
  })
})
