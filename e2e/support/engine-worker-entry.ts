// Runs inside a browser Web Worker: a word count through the engine's TopologyTestDriver,
// posting the output records back to the page.
import {
  Materialized,
  Produced,
  Serdes,
  StreamsBuilder,
  TopologyTestDriver,
} from '@topology-studio/engine'

const S = Serdes.String()
const L = Serdes.Long()
const builder = new StreamsBuilder()
builder
  .stream<string, string>('lines')
  .flatMapValues((line: string) => line.toLowerCase().split(' '))
  .groupBy((_key, word) => word)
  .count(Materialized.as('counts'))
  .toStream()
  .to('word-counts', Produced.with(S, L))
const driver = new TopologyTestDriver(builder.build(), {
  'application.id': 'worker',
  'default.key.serde': S,
  'default.value.serde': S,
})
const lines = driver.createInputTopic('lines', S, S)
lines.pipeInput(null, 'Hello worker', 1)
lines.pipeInput(null, 'hello browser', 2)
const counts = driver
  .createOutputTopic('word-counts', S, L)
  .readRecordsToList()
  .map((record) => [record.key(), record.value(), record.timestamp()])
const worker = globalThis as unknown as { postMessage(message: unknown): void }
worker.postMessage({
  counts,
  stored: driver.getKeyValueStore<string, number>('counts')?.get('hello'),
})
