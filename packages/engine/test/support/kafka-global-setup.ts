// Vitest global setup of the integration tests: one real Kafka broker for the whole run, or
// the cluster named by KAFKA_BOOTSTRAP_SERVERS. Tests read its address with
// `inject('kafkaBootstrapServers')`.
import type { TestProject } from 'vitest/node'
import { startLocalKafka } from '../../../../scripts/local-kafka/local-kafka'

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBootstrapServers: string
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const given = process.env['KAFKA_BOOTSTRAP_SERVERS']
  if (given !== undefined && given !== '') {
    project.provide('kafkaBootstrapServers', given)
    return
  }
  const kafka = await startLocalKafka({ port: 0 })
  project.provide('kafkaBootstrapServers', kafka.bootstrapServers)
  return () => kafka.stop()
}
