// Golden describe() text ported from Apache Kafka's
// streams/src/test/java/org/apache/kafka/streams/kstream/internals/SessionWindowedCogroupedKStreamImplTest.java.
import { describe, expect, it } from 'vitest'
import { Serdes } from '../../serde/serdes'
import { Consumed } from '../consumed'
import { Grouped } from '../grouped'
import { Named } from '../named'
import { StreamsBuilder } from '../streams-builder'
import { SessionWindows } from '../windows'

const TOPIC = 'topic'
// MockAggregator.TOSTRING_ADDER and MockInitializer.STRING_INIT
const TOSTRING_ADDER = (_key: string, value: string, aggregate: string) => `${aggregate}+${value}`
const STRING_INIT = () => '0'
const sessionMerger = (_aggKey: string, aggOne: string, aggTwo: string) => `${aggOne}+${aggTwo}`

describe('SessionWindowedCogroupedKStreamImplTest', () => {
  it('a Named session-windowed cogroup aggregate names its processors and keeps a generated session store name', () => {
    // SessionWindowedCogroupedKStreamImplTest.namedParamShouldSetName
    const builder = new StreamsBuilder()
    const stream = builder.stream(TOPIC, Consumed.with(Serdes.String(), Serdes.String()))
    const groupedStream = stream.groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
    groupedStream
      .cogroup(TOSTRING_ADDER)
      // Java's deprecated SessionWindows.with(ofMillis(1)): grace = max(24h - gap, 0)
      .windowedBy(SessionWindows.ofInactivityGapAndGrace(1, 86_399_999))
      .aggregate(STRING_INIT, sessionMerger, Named.as('foo'))

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
