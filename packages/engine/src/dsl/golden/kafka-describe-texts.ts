// Exact describe() strings of Kafka Streams applications, each naming the Kafka test it comes
// from (via the semantics reference). Shared by the golden tests and by fromDescription's
// round-trip tests so each string is written once. It is long because it is data.

// Semantics reference Example 1 (word count) in the form older Kafka versions printed: current
// Kafka names these repartition nodes counts-store-repartition-* (see semantics-examples.test.ts).
export const EXAMPLE_1_WORD_COUNT =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [text-input])\n' +
  '      --> KSTREAM-FLATMAPVALUES-0000000001\n' +
  '    Processor: KSTREAM-FLATMAPVALUES-0000000001 (stores: [])\n' +
  '      --> KSTREAM-KEY-SELECT-0000000002\n' +
  '      <-- KSTREAM-SOURCE-0000000000\n' +
  '    Processor: KSTREAM-KEY-SELECT-0000000002 (stores: [])\n' +
  '      --> KSTREAM-FILTER-0000000005\n' +
  '      <-- KSTREAM-FLATMAPVALUES-0000000001\n' +
  '    Processor: KSTREAM-FILTER-0000000005 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000004\n' +
  '      <-- KSTREAM-KEY-SELECT-0000000002\n' +
  '    Sink: KSTREAM-SINK-0000000004 (topic: counts-store-repartition)\n' +
  '      <-- KSTREAM-FILTER-0000000005\n' +
  '\n' +
  '  Sub-topology: 1\n' +
  '    Source: KSTREAM-SOURCE-0000000006 (topics: [counts-store-repartition])\n' +
  '      --> KSTREAM-AGGREGATE-0000000003\n' +
  '    Processor: KSTREAM-AGGREGATE-0000000003 (stores: [counts-store])\n' +
  '      --> KTABLE-TOSTREAM-0000000007\n' +
  '      <-- KSTREAM-SOURCE-0000000006\n' +
  '    Processor: KTABLE-TOSTREAM-0000000007 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000008\n' +
  '      <-- KSTREAM-AGGREGATE-0000000003\n' +
  '    Sink: KSTREAM-SINK-0000000008 (topic: word-counts)\n' +
  '      <-- KTABLE-TOSTREAM-0000000007\n' +
  '\n'

// Example 2: TopologyTest.streamStreamLeftJoinTopologyWithDefaultStoresNames.
export const EXAMPLE_2_LEFT_JOIN =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic1])\n' +
  '      --> KSTREAM-WINDOWED-0000000002\n' +
  '    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic2])\n' +
  '      --> KSTREAM-WINDOWED-0000000003\n' +
  '    Processor: KSTREAM-WINDOWED-0000000002 (stores: [KSTREAM-JOINTHIS-0000000004-store])\n' +
  '      --> KSTREAM-JOINTHIS-0000000004\n' +
  '      <-- KSTREAM-SOURCE-0000000000\n' +
  '    Processor: KSTREAM-WINDOWED-0000000003 (stores: [KSTREAM-OUTEROTHER-0000000005-store])\n' +
  '      --> KSTREAM-OUTEROTHER-0000000005\n' +
  '      <-- KSTREAM-SOURCE-0000000001\n' +
  '    Processor: KSTREAM-JOINTHIS-0000000004 (stores: [KSTREAM-OUTEROTHER-0000000005-store, KSTREAM-OUTERSHARED-0000000004-store])\n' +
  '      --> KSTREAM-MERGE-0000000006\n' +
  '      <-- KSTREAM-WINDOWED-0000000002\n' +
  '    Processor: KSTREAM-OUTEROTHER-0000000005 (stores: [KSTREAM-JOINTHIS-0000000004-store, KSTREAM-OUTERSHARED-0000000004-store])\n' +
  '      --> KSTREAM-MERGE-0000000006\n' +
  '      <-- KSTREAM-WINDOWED-0000000003\n' +
  '    Processor: KSTREAM-MERGE-0000000006 (stores: [])\n' +
  '      --> none\n' +
  '      <-- KSTREAM-JOINTHIS-0000000004, KSTREAM-OUTEROTHER-0000000005\n' +
  '\n'

// Example 3: KStreamKTableJoinTest.shouldReuseRepartitionTopicWithGeneratedName.
export const EXAMPLE_3_REUSED_REPARTITION =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [topic])\n' +
  '      --> KSTREAM-MAP-0000000007\n' +
  '    Processor: KSTREAM-MAP-0000000007 (stores: [])\n' +
  '      --> KSTREAM-FILTER-0000000009\n' +
  '      <-- KSTREAM-SOURCE-0000000000\n' +
  '    Processor: KSTREAM-FILTER-0000000009 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000008\n' +
  '      <-- KSTREAM-MAP-0000000007\n' +
  '    Sink: KSTREAM-SINK-0000000008 (topic: KSTREAM-MAP-0000000007-repartition)\n' +
  '      <-- KSTREAM-FILTER-0000000009\n' +
  '\n' +
  '  Sub-topology: 1\n' +
  '    Source: KSTREAM-SOURCE-0000000010 (topics: [KSTREAM-MAP-0000000007-repartition])\n' +
  '      --> KSTREAM-JOIN-0000000011, KSTREAM-JOIN-0000000016\n' +
  '    Processor: KSTREAM-JOIN-0000000011 (stores: [topic2-STATE-STORE-0000000001])\n' +
  '      --> KSTREAM-SINK-0000000012\n' +
  '      <-- KSTREAM-SOURCE-0000000010\n' +
  '    Processor: KSTREAM-JOIN-0000000016 (stores: [topic3-STATE-STORE-0000000004])\n' +
  '      --> KSTREAM-SINK-0000000017\n' +
  '      <-- KSTREAM-SOURCE-0000000010\n' +
  '    Source: KSTREAM-SOURCE-0000000002 (topics: [topic2])\n' +
  '      --> KTABLE-SOURCE-0000000003\n' +
  '    Source: KSTREAM-SOURCE-0000000005 (topics: [topic3])\n' +
  '      --> KTABLE-SOURCE-0000000006\n' +
  '    Sink: KSTREAM-SINK-0000000012 (topic: out-one)\n' +
  '      <-- KSTREAM-JOIN-0000000011\n' +
  '    Sink: KSTREAM-SINK-0000000017 (topic: out-two)\n' +
  '      <-- KSTREAM-JOIN-0000000016\n' +
  '    Processor: KTABLE-SOURCE-0000000003 (stores: [topic2-STATE-STORE-0000000001])\n' +
  '      --> none\n' +
  '      <-- KSTREAM-SOURCE-0000000002\n' +
  '    Processor: KTABLE-SOURCE-0000000006 (stores: [topic3-STATE-STORE-0000000004])\n' +
  '      --> none\n' +
  '      <-- KSTREAM-SOURCE-0000000005\n' +
  '\n'

// Example 4: SuppressTopologyTest.shouldUseNumberingForAnonymousFinalSuppressionNode.
export const EXAMPLE_4_SUPPRESS =
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
  '      --> KTABLE-SUPPRESS-0000000006\n' +
  '      <-- counts-repartition-source\n' +
  '    Processor: KTABLE-SUPPRESS-0000000006 (stores: [KTABLE-SUPPRESS-STATE-STORE-0000000007])\n' +
  '      --> KTABLE-TOSTREAM-0000000008\n' +
  '      <-- KSTREAM-AGGREGATE-0000000002\n' +
  '    Processor: KTABLE-TOSTREAM-0000000008 (stores: [])\n' +
  '      --> KSTREAM-MAP-0000000009\n' +
  '      <-- KTABLE-SUPPRESS-0000000006\n' +
  '    Processor: KSTREAM-MAP-0000000009 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000010\n' +
  '      <-- KTABLE-TOSTREAM-0000000008\n' +
  '    Sink: KSTREAM-SINK-0000000010 (topic: output-suppressed)\n' +
  '      <-- KSTREAM-MAP-0000000009\n' +
  '\n'

// Example 5: KStreamImplTest.shouldSupportTableTableJoinWithKStreamToKTable.
export const EXAMPLE_5_TABLE_TABLE_JOIN =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [left])\n' +
  '      --> KSTREAM-TOTABLE-0000000001\n' +
  '    Source: KSTREAM-SOURCE-0000000003 (topics: [right])\n' +
  '      --> KSTREAM-TOTABLE-0000000004\n' +
  '    Processor: KSTREAM-TOTABLE-0000000001 (stores: [KSTREAM-TOTABLE-STATE-STORE-0000000002])\n' +
  '      --> KTABLE-JOINTHIS-0000000007\n' +
  '      <-- KSTREAM-SOURCE-0000000000\n' +
  '    Processor: KSTREAM-TOTABLE-0000000004 (stores: [KSTREAM-TOTABLE-STATE-STORE-0000000005])\n' +
  '      --> KTABLE-JOINOTHER-0000000008\n' +
  '      <-- KSTREAM-SOURCE-0000000003\n' +
  '    Processor: KTABLE-JOINOTHER-0000000008 (stores: [KSTREAM-TOTABLE-STATE-STORE-0000000002])\n' +
  '      --> KTABLE-MERGE-0000000006\n' +
  '      <-- KSTREAM-TOTABLE-0000000004\n' +
  '    Processor: KTABLE-JOINTHIS-0000000007 (stores: [KSTREAM-TOTABLE-STATE-STORE-0000000005])\n' +
  '      --> KTABLE-MERGE-0000000006\n' +
  '      <-- KSTREAM-TOTABLE-0000000001\n' +
  '    Processor: KTABLE-MERGE-0000000006 (stores: [])\n' +
  '      --> KTABLE-TOSTREAM-0000000009\n' +
  '      <-- KTABLE-JOINTHIS-0000000007, KTABLE-JOINOTHER-0000000008\n' +
  '    Processor: KTABLE-TOSTREAM-0000000009 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000010\n' +
  '      <-- KTABLE-MERGE-0000000006\n' +
  '    Sink: KSTREAM-SINK-0000000010 (topic: output)\n' +
  '      <-- KTABLE-TOSTREAM-0000000009\n' +
  '\n'

// Example 6 (derived split and merge).
export const EXAMPLE_6_SPLIT_MERGE =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: KSTREAM-SOURCE-0000000000 (topics: [events])\n' +
  '      --> KSTREAM-BRANCH-0000000001\n' +
  '    Processor: KSTREAM-BRANCH-0000000001 (stores: [])\n' +
  '      --> KSTREAM-BRANCH-00000000010, KSTREAM-BRANCH-00000000011, KSTREAM-BRANCH-00000000012\n' +
  '      <-- KSTREAM-SOURCE-0000000000\n' +
  '    Processor: KSTREAM-BRANCH-00000000011 (stores: [])\n' +
  '      --> KSTREAM-MAPVALUES-0000000005\n' +
  '      <-- KSTREAM-BRANCH-0000000001\n' +
  '    Processor: KSTREAM-BRANCH-00000000012 (stores: [])\n' +
  '      --> KSTREAM-MERGE-0000000006\n' +
  '      <-- KSTREAM-BRANCH-0000000001\n' +
  '    Processor: KSTREAM-MAPVALUES-0000000005 (stores: [])\n' +
  '      --> KSTREAM-MERGE-0000000006\n' +
  '      <-- KSTREAM-BRANCH-00000000011\n' +
  '    Processor: KSTREAM-BRANCH-00000000010 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000008\n' +
  '      <-- KSTREAM-BRANCH-0000000001\n' +
  '    Processor: KSTREAM-MERGE-0000000006 (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000007\n' +
  '      <-- KSTREAM-MAPVALUES-0000000005, KSTREAM-BRANCH-00000000012\n' +
  '    Sink: KSTREAM-SINK-0000000007 (topic: ab-events)\n' +
  '      <-- KSTREAM-MERGE-0000000006\n' +
  '    Sink: KSTREAM-SINK-0000000008 (topic: other-events)\n' +
  '      <-- KSTREAM-BRANCH-00000000010\n' +
  '\n'

// Example 7: the global store block of builder.globalTable("products").
export const EXAMPLE_7_GLOBAL_STORE =
  'Topologies:\n' +
  '   Sub-topology: 0 for global store (will not generate tasks)\n' +
  '    Source: KSTREAM-SOURCE-0000000001 (topics: [products])\n' +
  '      --> KTABLE-SOURCE-0000000002\n' +
  '    Processor: KTABLE-SOURCE-0000000002 (stores: [products-STATE-STORE-0000000000])\n' +
  '      --> none\n' +
  '      <-- KSTREAM-SOURCE-0000000001\n'

// RepartitionWithMergeOptimizingTest, EXPECTED_OPTIMIZED_TOPOLOGY.
export const REPARTITION_WITH_MERGE_OPTIMIZED =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: sourceAStream (topics: [inputA])\n' +
  '      --> mappedAStream\n' +
  '    Source: sourceBStream (topics: [inputB])\n' +
  '      --> mappedBStream\n' +
  '    Processor: mappedAStream (stores: [])\n' +
  '      --> mergedStream\n' +
  '      <-- sourceAStream\n' +
  '    Processor: mappedBStream (stores: [])\n' +
  '      --> mergedStream\n' +
  '      <-- sourceBStream\n' +
  '    Processor: mergedStream (stores: [])\n' +
  '      --> long-groupByKey-repartition-filter\n' +
  '      <-- mappedAStream, mappedBStream\n' +
  '    Processor: long-groupByKey-repartition-filter (stores: [])\n' +
  '      --> long-groupByKey-repartition-sink\n' +
  '      <-- mergedStream\n' +
  '    Sink: long-groupByKey-repartition-sink (topic: long-groupByKey-repartition)\n' +
  '      <-- long-groupByKey-repartition-filter\n' +
  '\n' +
  '  Sub-topology: 1\n' +
  '    Source: long-groupByKey-repartition-source (topics: [long-groupByKey-repartition])\n' +
  '      --> long-count, string-count\n' +
  '    Processor: string-count (stores: [string-store])\n' +
  '      --> string-toStream\n' +
  '      <-- long-groupByKey-repartition-source\n' +
  '    Processor: long-count (stores: [long-store])\n' +
  '      --> long-toStream\n' +
  '      <-- long-groupByKey-repartition-source\n' +
  '    Processor: string-toStream (stores: [])\n' +
  '      --> string-mapValues\n' +
  '      <-- string-count\n' +
  '    Processor: long-toStream (stores: [])\n' +
  '      --> long-to\n' +
  '      <-- long-count\n' +
  '    Processor: string-mapValues (stores: [])\n' +
  '      --> string-to\n' +
  '      <-- string-toStream\n' +
  '    Sink: long-to (topic: outputTopic_0)\n' +
  '      <-- long-toStream\n' +
  '    Sink: string-to (topic: outputTopic_1)\n' +
  '      <-- string-mapValues\n' +
  '\n'

// RepartitionOptimizingTest, EXPECTED_OPTIMIZED_TOPOLOGY.
export const REPARTITION_OPTIMIZING_ALL =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: sourceStream (topics: [input])\n' +
  '      --> source-map\n' +
  '    Processor: source-map (stores: [])\n' +
  '      --> process-filter, count-groupByKey-repartition-filter\n' +
  '      <-- sourceStream\n' +
  '    Processor: process-filter (stores: [])\n' +
  '      --> process-mapValues\n' +
  '      <-- source-map\n' +
  '    Processor: count-groupByKey-repartition-filter (stores: [])\n' +
  '      --> count-groupByKey-repartition-sink\n' +
  '      <-- source-map\n' +
  '    Processor: process-mapValues (stores: [])\n' +
  '      --> process\n' +
  '      <-- process-filter\n' +
  '    Sink: count-groupByKey-repartition-sink (topic: count-groupByKey-repartition)\n' +
  '      <-- count-groupByKey-repartition-filter\n' +
  '    Processor: process (stores: [])\n' +
  '      --> none\n' +
  '      <-- process-mapValues\n' +
  '\n' +
  '  Sub-topology: 1\n' +
  '    Source: count-groupByKey-repartition-source (topics: [count-groupByKey-repartition])\n' +
  '      --> aggregate, count, join-filter, reduce-filter\n' +
  '    Processor: count (stores: [count-store])\n' +
  '      --> count-toStream\n' +
  '      <-- count-groupByKey-repartition-source\n' +
  '    Processor: count-toStream (stores: [])\n' +
  '      --> join-other-windowed, count-to\n' +
  '      <-- count\n' +
  '    Processor: join-filter (stores: [])\n' +
  '      --> join-this-windowed\n' +
  '      <-- count-groupByKey-repartition-source\n' +
  '    Processor: reduce-filter (stores: [])\n' +
  '      --> reduce-peek\n' +
  '      <-- count-groupByKey-repartition-source\n' +
  '    Processor: join-other-windowed (stores: [other-join-store])\n' +
  '      --> join-other-join\n' +
  '      <-- count-toStream\n' +
  '    Processor: join-this-windowed (stores: [join-store])\n' +
  '      --> join-this-join\n' +
  '      <-- join-filter\n' +
  '    Processor: reduce-peek (stores: [])\n' +
  '      --> reducer\n' +
  '      <-- reduce-filter\n' +
  '    Processor: aggregate (stores: [aggregate-store])\n' +
  '      --> aggregate-toStream\n' +
  '      <-- count-groupByKey-repartition-source\n' +
  '    Processor: join-other-join (stores: [join-store])\n' +
  '      --> join-merge\n' +
  '      <-- join-other-windowed\n' +
  '    Processor: join-this-join (stores: [other-join-store])\n' +
  '      --> join-merge\n' +
  '      <-- join-this-windowed\n' +
  '    Processor: reducer (stores: [reduce-store])\n' +
  '      --> reduce-toStream\n' +
  '      <-- reduce-peek\n' +
  '    Processor: aggregate-toStream (stores: [])\n' +
  '      --> reduce-to\n' +
  '      <-- aggregate\n' +
  '    Processor: join-merge (stores: [])\n' +
  '      --> join-to\n' +
  '      <-- join-this-join, join-other-join\n' +
  '    Processor: reduce-toStream (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000023\n' +
  '      <-- reducer\n' +
  '    Sink: KSTREAM-SINK-0000000023 (topic: outputTopic_2)\n' +
  '      <-- reduce-toStream\n' +
  '    Sink: count-to (topic: outputTopic_0)\n' +
  '      <-- count-toStream\n' +
  '    Sink: join-to (topic: joinedOutputTopic)\n' +
  '      <-- join-merge\n' +
  '    Sink: reduce-to (topic: outputTopic_1)\n' +
  '      <-- aggregate-toStream\n\n'

// RepartitionOptimizingTest, EXPECTED_UNOPTIMIZED_TOPOLOGY.
export const REPARTITION_OPTIMIZING_NONE =
  'Topologies:\n' +
  '   Sub-topology: 0\n' +
  '    Source: sourceStream (topics: [input])\n' +
  '      --> source-map\n' +
  '    Processor: source-map (stores: [])\n' +
  '      --> reduce-filter, process-filter, aggregate-groupByKey-repartition-filter, count-groupByKey-repartition-filter, join-filter\n' +
  '      <-- sourceStream\n' +
  '    Processor: reduce-filter (stores: [])\n' +
  '      --> reduce-peek\n' +
  '      <-- source-map\n' +
  '    Processor: join-filter (stores: [])\n' +
  '      --> join-left-repartition-filter\n' +
  '      <-- source-map\n' +
  '    Processor: process-filter (stores: [])\n' +
  '      --> process-mapValues\n' +
  '      <-- source-map\n' +
  '    Processor: reduce-peek (stores: [])\n' +
  '      --> reduce-groupByKey-repartition-filter\n' +
  '      <-- reduce-filter\n' +
  '    Processor: aggregate-groupByKey-repartition-filter (stores: [])\n' +
  '      --> aggregate-groupByKey-repartition-sink\n' +
  '      <-- source-map\n' +
  '    Processor: count-groupByKey-repartition-filter (stores: [])\n' +
  '      --> count-groupByKey-repartition-sink\n' +
  '      <-- source-map\n' +
  '    Processor: join-left-repartition-filter (stores: [])\n' +
  '      --> join-left-repartition-sink\n' +
  '      <-- join-filter\n' +
  '    Processor: process-mapValues (stores: [])\n' +
  '      --> process\n' +
  '      <-- process-filter\n' +
  '    Processor: reduce-groupByKey-repartition-filter (stores: [])\n' +
  '      --> reduce-groupByKey-repartition-sink\n' +
  '      <-- reduce-peek\n' +
  '    Sink: aggregate-groupByKey-repartition-sink (topic: aggregate-groupByKey-repartition)\n' +
  '      <-- aggregate-groupByKey-repartition-filter\n' +
  '    Sink: count-groupByKey-repartition-sink (topic: count-groupByKey-repartition)\n' +
  '      <-- count-groupByKey-repartition-filter\n' +
  '    Sink: join-left-repartition-sink (topic: join-left-repartition)\n' +
  '      <-- join-left-repartition-filter\n' +
  '    Processor: process (stores: [])\n' +
  '      --> none\n' +
  '      <-- process-mapValues\n' +
  '    Sink: reduce-groupByKey-repartition-sink (topic: reduce-groupByKey-repartition)\n' +
  '      <-- reduce-groupByKey-repartition-filter\n' +
  '\n' +
  '  Sub-topology: 1\n' +
  '    Source: count-groupByKey-repartition-source (topics: [count-groupByKey-repartition])\n' +
  '      --> count\n' +
  '    Processor: count (stores: [count-store])\n' +
  '      --> count-toStream\n' +
  '      <-- count-groupByKey-repartition-source\n' +
  '    Processor: count-toStream (stores: [])\n' +
  '      --> join-other-windowed, count-to\n' +
  '      <-- count\n' +
  '    Source: join-left-repartition-source (topics: [join-left-repartition])\n' +
  '      --> join-this-windowed\n' +
  '    Processor: join-other-windowed (stores: [other-join-store])\n' +
  '      --> join-other-join\n' +
  '      <-- count-toStream\n' +
  '    Processor: join-this-windowed (stores: [join-store])\n' +
  '      --> join-this-join\n' +
  '      <-- join-left-repartition-source\n' +
  '    Processor: join-other-join (stores: [join-store])\n' +
  '      --> join-merge\n' +
  '      <-- join-other-windowed\n' +
  '    Processor: join-this-join (stores: [other-join-store])\n' +
  '      --> join-merge\n' +
  '      <-- join-this-windowed\n' +
  '    Processor: join-merge (stores: [])\n' +
  '      --> join-to\n' +
  '      <-- join-this-join, join-other-join\n' +
  '    Sink: count-to (topic: outputTopic_0)\n' +
  '      <-- count-toStream\n' +
  '    Sink: join-to (topic: joinedOutputTopic)\n' +
  '      <-- join-merge\n' +
  '\n' +
  '  Sub-topology: 2\n' +
  '    Source: aggregate-groupByKey-repartition-source (topics: [aggregate-groupByKey-repartition])\n' +
  '      --> aggregate\n' +
  '    Processor: aggregate (stores: [aggregate-store])\n' +
  '      --> aggregate-toStream\n' +
  '      <-- aggregate-groupByKey-repartition-source\n' +
  '    Processor: aggregate-toStream (stores: [])\n' +
  '      --> reduce-to\n' +
  '      <-- aggregate\n' +
  '    Sink: reduce-to (topic: outputTopic_1)\n' +
  '      <-- aggregate-toStream\n' +
  '\n' +
  '  Sub-topology: 3\n' +
  '    Source: reduce-groupByKey-repartition-source (topics: [reduce-groupByKey-repartition])\n' +
  '      --> reducer\n' +
  '    Processor: reducer (stores: [reduce-store])\n' +
  '      --> reduce-toStream\n' +
  '      <-- reduce-groupByKey-repartition-source\n' +
  '    Processor: reduce-toStream (stores: [])\n' +
  '      --> KSTREAM-SINK-0000000023\n' +
  '      <-- reducer\n' +
  '    Sink: KSTREAM-SINK-0000000023 (topic: outputTopic_2)\n' +
  '      <-- reduce-toStream\n\n'
