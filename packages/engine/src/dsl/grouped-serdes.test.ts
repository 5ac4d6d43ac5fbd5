// Which serdes a grouped stream's aggregation stores use: Kafka's KStreamImpl only carries the
// stream's serdes into groupByKey() and groupBy(selector); a Grouped passed in replaces them.
import { describe, expect, it } from 'vitest'
import {
  Consumed,
  Grouped,
  Produced,
  Serdes,
  StreamsBuilder,
  TopologyTestDriver,
  type KGroupedStream,
  type KStream,
} from '../index'

const S = Serdes.String()
const D = Serdes.Double()
const defaults = { 'default.key.serde': 'String', 'default.value.serde': 'String' }

function runMax(group: (stream: KStream<string, number>) => KGroupedStream<string, number>) {
  const builder = new StreamsBuilder()
  group(builder.stream('prices', Consumed.with(S, D)))
    .reduce((a, b) => Math.max(a, b))
    .toStream()
    .to('max', Produced.with(S, D))
  const driver = new TopologyTestDriver(builder.build(), defaults)
  driver.createInputTopic('prices', S, D).pipeInput('AAPL', 10.5, 1)
  return driver.createOutputTopic('max', S, D).readValuesToList()
}

describe('serdes of a grouped stream', () => {
  it('groupByKey() and groupBy(selector) keep the value serde of the stream', () => {
    expect(runMax((s) => s.groupByKey())).toEqual([10.5])
    expect(runMax((s) => s.groupBy((k) => k))).toEqual([10.5])
  })

  it('groupByKey(Grouped.as(name)) falls back to the default serdes, so a Double store value fails', () => {
    expect(() => runMax((s) => s.groupByKey(Grouped.as('by-symbol')))).toThrow(/StringSerializer/)
    expect(() => runMax((s) => s.groupBy((k) => k, Grouped.as('by-symbol')))).toThrow(
      /StringSerializer/,
    )
  })
})
