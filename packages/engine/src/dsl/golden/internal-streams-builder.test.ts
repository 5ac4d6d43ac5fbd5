// Self-join optimization cases ported from Apache Kafka's
// streams/src/test/java/org/apache/kafka/streams/kstream/internals/InternalStreamsBuilderTest.java
// (the shouldMark*SelfJoin* / shouldOptimizeJoinWhenInConfig family). Kafka inspects the
// optimized logical graph: the StreamStreamJoinNode#getSelfJoin flags and the number of
// windowed join nodes left (countJoinWindowNodes). Here the same facts are read from
// describe(): every KSTREAM-WINDOWED processor left in the graph is written, and a join
// rewritten as a self-join has no KSTREAM-JOINTHIS processor (its merge node does the join).
import { describe, expect, it } from 'vitest'
import type { Topology } from '../../topology/topology'
import { StreamsBuilder } from '../streams-builder'
import { JoinWindows } from '../windows'

const TOSTRING_JOINER = (value1: unknown, value2: unknown) => `${String(value1)}+${String(value2)}`
const window = () => JoinWindows.ofTimeDifferenceWithNoGrace(100)

function processorNames(topology: Topology): string[] {
  return topology
    .describe()
    .subtopologies()
    .flatMap((subtopology) => subtopology.nodes)
    .filter((node) => node.type === 'processor')
    .map((node) => node.name)
}

/** countJoinWindowNodes: the windowed join processors that survived the optimization. */
function countJoinWindowNodes(topology: Topology): number {
  return processorNames(topology).filter((name) => name.startsWith('KSTREAM-WINDOWED-')).length
}

/** The joins that were not rewritten as self-joins keep their JOINTHIS processor. */
function countTwoStoreJoins(topology: Topology): number {
  return processorNames(topology).filter((name) => name.startsWith('KSTREAM-JOINTHIS-')).length
}

const OPTIMIZE = { 'topology.optimization': 'all' }

describe('InternalStreamsBuilderTest (self-join optimization)', () => {
  it('a stream joined with itself becomes a self-join with one windowed processor', () => {
    // InternalStreamsBuilderTest.shouldMarkStreamStreamJoinAsSelfJoinSingleStream
    const builder = new StreamsBuilder()
    const stream = builder.stream<string, string>('t1')
    stream.join(stream, TOSTRING_JOINER, window())

    const topology = builder.build(OPTIMIZE)

    expect(countTwoStoreJoins(topology)).toBe(0)
    expect(countJoinWindowNodes(topology)).toBe(1)
  })

  it('two stream() calls on one topic merged into one source are joined as a self-join', () => {
    // InternalStreamsBuilderTest.shouldMarkStreamStreamJoinAsSelfJoinTwoStreams
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<string, string>('t1')
    const stream2 = builder.stream<string, string>('t1')
    stream1.join(stream2, TOSTRING_JOINER, window())

    const topology = builder.build(OPTIMIZE)

    expect(countTwoStoreJoins(topology)).toBe(0)
    expect(countJoinWindowNodes(topology)).toBe(1)
  })

  it('a merged stream joined with itself is a self-join', () => {
    // InternalStreamsBuilderTest.shouldMarkStreamStreamJoinAsSelfJoinMergeTwoStreams
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<string, string>('t1')
    const stream2 = builder.stream<string, string>('t2')
    const stream3 = stream1.merge(stream2)
    stream3.join(stream3, TOSTRING_JOINER, window())

    const topology = builder.build(OPTIMIZE)

    expect(countTwoStoreJoins(topology)).toBe(0)
    expect(countJoinWindowNodes(topology)).toBe(1)
  })

  it('in a 3-way join only the first join of one topic with itself becomes a self-join', () => {
    // InternalStreamsBuilderTest.shouldMarkFirstStreamStreamJoinAsSelfJoin3WayJoin
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<string, string>('t1')
    const stream2 = builder.stream<string, string>('t1')
    const stream3 = builder.stream<string, string>('t3')
    stream1.join(stream2, TOSTRING_JOINER, window()).join(stream3, TOSTRING_JOINER, window())

    const topology = builder.build(OPTIMIZE)

    expect(countTwoStoreJoins(topology)).toBe(1)
    expect(countJoinWindowNodes(topology)).toBe(3)
  })

  it('two independent joins of a topic with itself both become self-joins', () => {
    // InternalStreamsBuilderTest.shouldMarkAllStreamStreamJoinsAsSelfJoin
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<string, string>('t1')
    const stream2 = builder.stream<string, string>('t1')
    const stream3 = builder.stream<string, string>('t2')
    const stream4 = builder.stream<string, string>('t2')

    const firstResult = stream1.join(stream2, TOSTRING_JOINER, window())
    const secondResult = stream3.join(stream4, TOSTRING_JOINER, window())
    firstResult.merge(secondResult)

    const topology = builder.build(OPTIMIZE)

    expect(countTwoStoreJoins(topology)).toBe(0)
    expect(countJoinWindowNodes(topology)).toBe(2)
  })

  it('joining a self-join result with the same topic again is not a self-join', () => {
    // InternalStreamsBuilderTest.shouldMarkFirstStreamStreamJoinAsSelfJoinNwaySameSource
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<string, string>('t1')
    const stream2 = builder.stream<string, string>('t1')
    const stream3 = builder.stream<string, string>('t1')

    stream1.join(stream2, TOSTRING_JOINER, window()).join(stream3, TOSTRING_JOINER, window())

    const topology = builder.build(OPTIMIZE)

    expect(countTwoStoreJoins(topology)).toBe(1)
    expect(countJoinWindowNodes(topology)).toBe(3)
  })

  it('joining a self-join result with another topic keeps the second join a two-store join', () => {
    // InternalStreamsBuilderTest.shouldMarkFirstStreamStreamJoinAsSelfJoinNway
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<string, string>('t1')
    const stream2 = builder.stream<string, string>('t1')
    const stream3 = builder.stream<string, string>('t2')

    stream1.join(stream2, TOSTRING_JOINER, window()).join(stream3, TOSTRING_JOINER, window())

    const topology = builder.build(OPTIMIZE)

    expect(countTwoStoreJoins(topology)).toBe(1)
    expect(countJoinWindowNodes(topology)).toBe(3)
  })

  it('an unrelated filter on the source does not prevent the self-join', () => {
    // InternalStreamsBuilderTest.shouldMarkStreamStreamJoinAsSelfJoinTwoStreamsWithNoOpFilter
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<string, string>('t1')
    const stream2 = builder.stream<string, string>('t1')
    stream1.filter((_key, value) => value !== null)
    stream1.join(stream2, TOSTRING_JOINER, window())

    const topology = builder.build(OPTIMIZE)

    expect(countTwoStoreJoins(topology)).toBe(0)
    expect(countJoinWindowNodes(topology)).toBe(1)
  })

  it('two self-joins of the same topic are both rewritten', () => {
    // InternalStreamsBuilderTest.shouldMarkStreamStreamJoinAsSelfJoinTwoJoinsSameSource
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<string, string>('t1')
    const stream2 = builder.stream<string, string>('t1')
    const stream3 = builder.stream<string, string>('t1')
    const stream4 = builder.stream<string, string>('t1')
    stream1.join(stream2, TOSTRING_JOINER, window())
    stream3.join(stream4, TOSTRING_JOINER, window())

    const topology = builder.build(OPTIMIZE)

    expect(countTwoStoreJoins(topology)).toBe(0)
    expect(countJoinWindowNodes(topology)).toBe(2)
  })

  it('a filter on one join side gives the join two parents, so it is not a self-join', () => {
    // InternalStreamsBuilderTest.shouldNotMarkStreamStreamJoinAsSelfJoinTwoStreamsWithFilter
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<string, string>('t1')
    const stream2 = builder.stream<string, string>('t1')
    stream1.filter((_key, value) => value !== null).join(stream2, TOSTRING_JOINER, window())

    const topology = builder.build(OPTIMIZE)

    expect(countTwoStoreJoins(topology)).toBe(1)
    expect(countJoinWindowNodes(topology)).toBe(2)
  })

  it('a mapValues on one join side prevents the self-join', () => {
    // InternalStreamsBuilderTest.shouldNotMarkStreamStreamJoinAsSelfJoinOneStreamWithMap
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<string, string>('t1')
    const stream3 = stream1.mapValues((v: string) => v)
    const stream2 = builder.stream<string, string>('t1')
    stream3.join(stream2, TOSTRING_JOINER, window())

    const topology = builder.build(OPTIMIZE)

    expect(countTwoStoreJoins(topology)).toBe(1)
    expect(countJoinWindowNodes(topology)).toBe(2)
  })

  it('a join of two different topics is not a self-join', () => {
    // InternalStreamsBuilderTest.shouldNotMarkStreamStreamJoinAsSelfJoinMultipleSources
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<string, string>('t1')
    const stream2 = builder.stream<string, string>('t2')
    stream1.join(stream2, TOSTRING_JOINER, window())

    const topology = builder.build(OPTIMIZE)

    expect(countTwoStoreJoins(topology)).toBe(1)
    expect(countJoinWindowNodes(topology)).toBe(2)
  })

  it('topology.optimization=single.store.self.join alone enables the self-join rewrite', () => {
    // InternalStreamsBuilderTest.shouldOptimizeJoinWhenInConfig
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<string, string>('t1')
    stream1.join(stream1, TOSTRING_JOINER, window())

    const topology = builder.build({ 'topology.optimization': 'single.store.self.join' })

    expect(countTwoStoreJoins(topology)).toBe(0)
    expect(countJoinWindowNodes(topology)).toBe(1)
  })

  it('the other two optimizations without single.store.self.join leave a self-join with two stores', () => {
    // InternalStreamsBuilderTest.shouldNotOptimizeJoinWhenNotInConfig
    const builder = new StreamsBuilder()
    const stream1 = builder.stream<string, string>('t1')
    stream1.join(stream1, TOSTRING_JOINER, window())

    const topology = builder.build({
      'topology.optimization': ['reuse.ktable.source.topics', 'merge.repartition.topics'].join(','),
    })

    expect(countTwoStoreJoins(topology)).toBe(1)
    expect(countJoinWindowNodes(topology)).toBe(2)
  })
})
