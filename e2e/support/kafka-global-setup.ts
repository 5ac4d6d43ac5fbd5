// Playwright global setup: one real Kafka broker for the journeys that connect a cluster, or the
// cluster named by KAFKA_BOOTSTRAP_SERVERS. Journeys read its address from E2E_KAFKA.
import { startLocalKafka } from '../../scripts/local-kafka/local-kafka'

export default async function setup(): Promise<(() => Promise<void>) | void> {
  const given = process.env['KAFKA_BOOTSTRAP_SERVERS']
  if (given !== undefined && given !== '') {
    process.env['E2E_KAFKA'] = given
    return
  }
  const kafka = await startLocalKafka({ port: 0 })
  process.env['E2E_KAFKA'] = kafka.bootstrapServers
  return () => kafka.stop()
}
