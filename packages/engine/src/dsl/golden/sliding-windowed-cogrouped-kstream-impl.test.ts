// Golden describe() text ported from Apache Kafka's
// streams/src/test/java/org/apache/kafka/streams/kstream/internals/SlidingWindowedCogroupedKStreamImplTest.java.
import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serde/serdes'
import { Consumed } from '../consumed'
import { Grouped } from '../grouped'
import { Named } from '../named'
import { StreamsBuilder } from '../streams-builder'
import { SlidingWindows } from '../windows'

const TOPIC = 'topic'
// MockAggregator.TOSTRING_ADDER and MockInitializer.STRING_INIT
const TOSTRING_ADDER = (_key: string, value: string, aggregate: string) => `${aggregate}+${value}`
const STRING_INIT = () => '0'

describe('SlidingWindowedCogroupedKStreamImplTest', () => {
  it('a Named sliding-windowed cogroup aggregate names its processors and keeps a generated window store name', () => {
    // SlidingWindowedCogroupedKStreamImplTest.namedParamShouldSetName
    const builder = new StreamsBuilder()
    const stream = builder.stream(TOPIC, Consumed.with(Serdes.String(), Serdes.String()))
    const groupedStream = stream.groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
    groupedStream
      .cogroup(TOSTRING_ADDER)
      // Java's SlidingWindows.withTimeDifferenceAndGrace(ofMillis(500L), ofMillis(2000L))
      .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(500, 2000))
      .aggregate(STRING_INIT, Named.as('foo'))

    expect(builder.build().describe().toString()).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0\n' +
        '    Source: KSTREAM-SOURCE-0000000000 (topics: [topic])\n' +
        '      --> foo-cogroup-agg-0\n' +
        '    Processor: foo-cogroup-agg-0 (stores: [COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000001])\n' +
        '      --> foo-cogroup-merge\n' +
        '      <-- KSTREAM-SOURCE-0000000000\n' +
        '    Processor: foo-cogroup-merge (stores: [])\n' +
        '      --> none\n' +
        '      <-- foo-cogroup-agg-0\n\n',
    )
  })
})
