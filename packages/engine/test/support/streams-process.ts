// Runs one KafkaStreams instance in a process of its own, so a test can kill it without a
// clean close. Argument: JSON { topology: 'count-by-key', input, output, props }. Prints
// RUNNING once the instance runs.
import {
  Consumed,
  Grouped,
  Materialized,
  Produced,
  Serdes,
  StreamsBuilder,
} from '@topology-studio/engine'
import { KafkaStreams } from '@topology-studio/engine/kafka'

interface Spec {
  readonly input: string
  readonly output: string
  readonly props: Record<string, unknown>
}

export function countByKeyTopology(input: string, output: string) {
  const builder = new StreamsBuilder()
  builder
    .stream<string, string>(input, Consumed.with(Serdes.String(), Serdes.String()))
    .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
    .count(Materialized.as('counts'))
    .toStream()
    .to(output, Produced.with(Serdes.String(), Serdes.Long()))
  return builder.build()
}

if (process.argv[2] !== undefined) {
  const spec = JSON.parse(process.argv[2]) as Spec
  const streams = new KafkaStreams(countByKeyTopology(spec.input, spec.output), spec.props)
  streams.onEvent((event) => {
    if (event.type === 'error') console.error(event.message)
  })
  await streams.start()
  console.log('RUNNING')
}
