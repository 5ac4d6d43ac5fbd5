// Runs one KafkaStreams instance in a process of its own, so a test can kill it without a
// clean close. Argument: JSON { topology: 'count-by-key', input, output, props }. Prints
// RUNNING once the instance runs.
import { KafkaStreams } from '@topology-studio/engine/kafka'
import { countByKeyTopology } from './topologies'

interface Spec {
  readonly input: string
  readonly output: string
  readonly props: Record<string, unknown>
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
