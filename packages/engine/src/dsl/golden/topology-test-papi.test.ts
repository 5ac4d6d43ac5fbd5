// Golden describe() texts for the Processor API cases of Apache Kafka's TopologyTest
// (streams/src/test/java/org/apache/kafka/streams/TopologyTest.java). Kafka asserts these by
// comparing `topology.describe()` with a hand-built TopologyDescription (equals/hashCode);
// the strings below are what that description prints via
// InternalTopologyBuilder.TopologyDescription#toString (nodes by sub-tree size desc, then name;
// store and topic sets in java.util.HashSet order; `--> none` for no successors). Each case
// names the Java test method it ports.
import { describe, expect, it } from 'vitest'
import type { ProcessorSupplier } from '../../processor/processor'
import { Stores } from '../../state/stores'
import { Topology } from '../../topology/topology'

// MockApiProcessorSupplier / MockProcessorSupplier: a processor that does nothing.
const mockProcessorSupplier: ProcessorSupplier = () => ({ process() {} })

// Kafka mocks a StoreBuilder that only answers name(); a key-value store builder stands in.
function storeBuilder(name: string) {
  return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name))
}

// TopologyTest#addGlobalStoreToTopologyAndExpectedDescription. The mocked KeyValueStoreBuilder
// reports loggingEnabled() == false, which addGlobalStore requires.
function addGlobalStore(
  topology: Topology,
  globalStoreName: string,
  sourceName: string,
  globalTopicName: string,
  processorName: string,
) {
  topology.addGlobalStore(
    storeBuilder(globalStoreName).withLoggingDisabled(),
    sourceName,
    {},
    globalTopicName,
    processorName,
    mockProcessorSupplier,
  )
}

describe('TopologyTest: Processor API sub-topologies', () => {
  it('an empty topology prints only the header', () => {
    // TopologyTest.shouldDescribeEmptyTopology
    const topology = new Topology()

    expect(topology.describe().toString()).toBe('Topologies:\n ')
  })

  it('a single source forms one sub-topology with no successors', () => {
    // TopologyTest.singleSourceShouldHaveSingleSubtopology
    const topology = new Topology()
    topology.addSource('source', 'topic')

    expect(topology.describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: source (topics: [topic])\n' +
        '      --> none\n\n',
    )
  })

  it('a source with a list of topics prints them as a Java set', () => {
    // TopologyTest.singleSourceWithListOfTopicsShouldHaveSingleSubtopology
    const topology = new Topology()
    topology.addSource('source', 'topic1', 'topic2', 'topic3')

    expect(topology.describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: source (topics: [topic1, topic2, topic3])\n' +
        '      --> none\n\n',
    )
  })

  it('a pattern source prints the bare pattern instead of a topic list', () => {
    // TopologyTest.singleSourcePatternShouldHaveSingleSubtopology
    const topology = new Topology()
    topology.addSource('source', /topic[0-9]/)

    expect(topology.describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: source (topics: topic[0-9])\n' +
        '      --> none\n\n',
    )
  })

  it('unconnected sources get one sub-topology each, numbered in insertion order', () => {
    // TopologyTest.multipleSourcesShouldHaveDistinctSubtopologies
    const topology = new Topology()
    topology.addSource('source1', 'topic1')
    topology.addSource('source2', 'topic2')
    topology.addSource('source3', 'topic3')

    expect(topology.describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: source1 (topics: [topic1])\n' +
        '      --> none\n' +
        '\n' +
        '  Sub-topology: 1\n' +
        '    Source: source2 (topics: [topic2])\n' +
        '      --> none\n' +
        '\n' +
        '  Sub-topology: 2\n' +
        '    Source: source3 (topics: [topic3])\n' +
        '      --> none\n\n',
    )
  })

  it('a source and its processor form one sub-topology', () => {
    // TopologyTest.sourceAndProcessorShouldHaveSingleSubtopology
    const topology = new Topology()
    topology.addSource('source', 'topic')
    topology.addProcessor('processor', mockProcessorSupplier, 'source')

    expect(topology.describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: source (topics: [topic])\n' +
        '      --> processor\n' +
        '    Processor: processor (stores: [])\n' +
        '      --> none\n' +
        '      <-- source\n\n',
    )
  })

  it('a processor with a state store lists the store', () => {
    // TopologyTest.sourceAndProcessorWithStateShouldHaveSingleSubtopology
    const topology = new Topology()
    topology.addSource('source', 'topic')
    topology.addProcessor('processor', mockProcessorSupplier, 'source')
    topology.addStateStore(storeBuilder('store'), 'processor')

    expect(topology.describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: source (topics: [topic])\n' +
        '      --> processor\n' +
        '    Processor: processor (stores: [store])\n' +
        '      --> none\n' +
        '      <-- source\n\n',
    )
  })

  it('a processor with two state stores lists both in Java hash-set order', () => {
    // TopologyTest.sourceAndProcessorWithMultipleStatesShouldHaveSingleSubtopology
    const topology = new Topology()
    topology.addSource('source', 'topic')
    topology.addProcessor('processor', mockProcessorSupplier, 'source')
    topology.addStateStore(storeBuilder('store1'), 'processor')
    topology.addStateStore(storeBuilder('store2'), 'processor')

    expect(topology.describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: source (topics: [topic])\n' +
        '      --> processor\n' +
        '    Processor: processor (stores: [store1, store2])\n' +
        '      --> none\n' +
        '      <-- source\n\n',
    )
  })

  it('a source feeding two processors lists both successors by name', () => {
    // TopologyTest.sourceWithMultipleProcessorsShouldHaveSingleSubtopology
    const topology = new Topology()
    topology.addSource('source', 'topic')
    topology.addProcessor('processor1', mockProcessorSupplier, 'source')
    topology.addProcessor('processor2', mockProcessorSupplier, 'source')

    expect(topology.describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: source (topics: [topic])\n' +
        '      --> processor1, processor2\n' +
        '    Processor: processor1 (stores: [])\n' +
        '      --> none\n' +
        '      <-- source\n' +
        '    Processor: processor2 (stores: [])\n' +
        '      --> none\n' +
        '      <-- source\n\n',
    )
  })

  it('a processor reading a topic source and a pattern source joins them into one sub-topology', () => {
    // TopologyTest.processorWithMultipleSourcesShouldHaveSingleSubtopology
    const topology = new Topology()
    topology.addSource('source1', 'topic0')
    topology.addSource('source2', /topic[1-9]/)
    topology.addProcessor('processor', mockProcessorSupplier, 'source1', 'source2')

    expect(topology.describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: source1 (topics: [topic0])\n' +
        '      --> processor\n' +
        '    Source: source2 (topics: topic[1-9])\n' +
        '      --> processor\n' +
        '    Processor: processor (stores: [])\n' +
        '      --> none\n' +
        '      <-- source1, source2\n\n',
    )
  })

  it('three source-processor pairs form three sub-topologies', () => {
    // TopologyTest.multipleSourcesWithProcessorsShouldHaveDistinctSubtopologies
    const topology = new Topology()
    topology.addSource('source1', 'topic1')
    topology.addProcessor('processor1', mockProcessorSupplier, 'source1')
    topology.addSource('source2', 'topic2')
    topology.addProcessor('processor2', mockProcessorSupplier, 'source2')
    topology.addSource('source3', 'topic3')
    topology.addProcessor('processor3', mockProcessorSupplier, 'source3')

    expect(topology.describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: source1 (topics: [topic1])\n' +
        '      --> processor1\n' +
        '    Processor: processor1 (stores: [])\n' +
        '      --> none\n' +
        '      <-- source1\n' +
        '\n' +
        '  Sub-topology: 1\n' +
        '    Source: source2 (topics: [topic2])\n' +
        '      --> processor2\n' +
        '    Processor: processor2 (stores: [])\n' +
        '      --> none\n' +
        '      <-- source2\n' +
        '\n' +
        '  Sub-topology: 2\n' +
        '    Source: source3 (topics: [topic3])\n' +
        '      --> processor3\n' +
        '    Processor: processor3 (stores: [])\n' +
        '      --> none\n' +
        '      <-- source3\n\n',
    )
  })

  it('three source-sink pairs form three sub-topologies', () => {
    // TopologyTest.multipleSourcesWithSinksShouldHaveDistinctSubtopologies
    const topology = new Topology()
    topology.addSource('source1', 'topic1')
    topology.addSink('sink1', 'sinkTopic1', 'source1')
    topology.addSource('source2', 'topic2')
    topology.addSink('sink2', 'sinkTopic2', 'source2')
    topology.addSource('source3', 'topic3')
    topology.addSink('sink3', 'sinkTopic3', 'source3')

    expect(topology.describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: source1 (topics: [topic1])\n' +
        '      --> sink1\n' +
        '    Sink: sink1 (topic: sinkTopic1)\n' +
        '      <-- source1\n' +
        '\n' +
        '  Sub-topology: 1\n' +
        '    Source: source2 (topics: [topic2])\n' +
        '      --> sink2\n' +
        '    Sink: sink2 (topic: sinkTopic2)\n' +
        '      <-- source2\n' +
        '\n' +
        '  Sub-topology: 2\n' +
        '    Source: source3 (topics: [topic3])\n' +
        '      --> sink3\n' +
        '    Sink: sink3 (topic: sinkTopic3)\n' +
        '      <-- source3\n\n',
    )
  })

  it('processors writing to one sink share a sub-topology, nodes ordered by sub-tree size', () => {
    // TopologyTest.processorsWithSameSinkShouldHaveSameSubtopology
    const topology = new Topology()
    topology.addSource('source', 'topic')
    topology.addProcessor('processor1', mockProcessorSupplier, 'source')
    topology.addSource('source2', 'topic2')
    topology.addProcessor('processor2', mockProcessorSupplier, 'source2')
    topology.addSource('source3', 'topic3')
    topology.addProcessor('processor3', mockProcessorSupplier, 'source3')
    topology.addSink('sink', 'sinkTopic', 'processor1', 'processor2', 'processor3')

    expect(topology.describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: source (topics: [topic])\n' +
        '      --> processor1\n' +
        '    Source: source2 (topics: [topic2])\n' +
        '      --> processor2\n' +
        '    Source: source3 (topics: [topic3])\n' +
        '      --> processor3\n' +
        '    Processor: processor1 (stores: [])\n' +
        '      --> sink\n' +
        '      <-- source\n' +
        '    Processor: processor2 (stores: [])\n' +
        '      --> sink\n' +
        '      <-- source2\n' +
        '    Processor: processor3 (stores: [])\n' +
        '      --> sink\n' +
        '      <-- source3\n' +
        '    Sink: sink (topic: sinkTopic)\n' +
        '      <-- processor1, processor2, processor3\n\n',
    )
  })

  it('processors sharing state stores share a sub-topology without any edge between them', () => {
    // TopologyTest.processorsWithSharedStateShouldHaveSameSubtopology
    const topology = new Topology()
    topology.addSource('source', 'topic')
    topology.addProcessor('processor1', mockProcessorSupplier, 'source')
    topology.addStateStore(storeBuilder('store1'), 'processor1')
    topology.addSource('source2', 'topic2')
    topology.addProcessor('processor2', mockProcessorSupplier, 'source2')
    topology.addStateStore(storeBuilder('store2'), 'processor2')
    topology.addSource('source3', 'topic3')
    topology.addProcessor('processor3', mockProcessorSupplier, 'source3')
    topology.connectProcessorAndStateStores('processor3', 'store1', 'store2')

    expect(topology.describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: source (topics: [topic])\n' +
        '      --> processor1\n' +
        '    Source: source2 (topics: [topic2])\n' +
        '      --> processor2\n' +
        '    Source: source3 (topics: [topic3])\n' +
        '      --> processor3\n' +
        '    Processor: processor1 (stores: [store1])\n' +
        '      --> none\n' +
        '      <-- source\n' +
        '    Processor: processor2 (stores: [store2])\n' +
        '      --> none\n' +
        '      <-- source2\n' +
        '    Processor: processor3 (stores: [store1, store2])\n' +
        '      --> none\n' +
        '      <-- source3\n\n',
    )
  })
})

describe('TopologyTest: Processor API global stores', () => {
  it('a global store prints as a sub-topology that will not generate tasks, without a trailing blank line', () => {
    // TopologyTest.shouldDescribeGlobalStoreTopology
    const topology = new Topology()
    addGlobalStore(topology, 'globalStore', 'source', 'globalTopic', 'processor')

    expect(topology.describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0 for global store (will not generate tasks)\n' +
        '    Source: source (topics: [globalTopic])\n' +
        '      --> processor\n' +
        '    Processor: processor (stores: [globalStore])\n' +
        '      --> none\n' +
        '      <-- source\n',
    )
  })

  it('two global stores take ids 0 and 1 in insertion order', () => {
    // TopologyTest.shouldDescribeMultipleGlobalStoreTopology
    const topology = new Topology()
    addGlobalStore(topology, 'globalStore1', 'source1', 'globalTopic1', 'processor1')
    addGlobalStore(topology, 'globalStore2', 'source2', 'globalTopic2', 'processor2')

    expect(topology.describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0 for global store (will not generate tasks)\n' +
        '    Source: source1 (topics: [globalTopic1])\n' +
        '      --> processor1\n' +
        '    Processor: processor1 (stores: [globalStore1])\n' +
        '      --> none\n' +
        '      <-- source1\n' +
        '  Sub-topology: 1 for global store (will not generate tasks)\n' +
        '    Source: source2 (topics: [globalTopic2])\n' +
        '      --> processor2\n' +
        '    Processor: processor2 (stores: [globalStore2])\n' +
        '      --> none\n' +
        '      <-- source2\n',
    )
  })
})
