// The broker the integration tests run against is a real Kafka: topics with partitions,
// keyed produce and a consumer group reading everything back.
import { Kafka, logLevel } from 'kafkajs'
import { afterAll, describe, expect, inject, it } from 'vitest'

const kafka = new Kafka({
  clientId: 'local-broker-test',
  brokers: inject('kafkaBootstrapServers').split(','),
  logLevel: logLevel.NOTHING,
})
const admin = kafka.admin()

afterAll(async () => {
  await admin.disconnect()
})

describe('the local Kafka broker', () => {
  it('creates a topic with 3 partitions, takes keyed records and gives them back in order per key', async () => {
    const topic = `local-broker-${Date.now()}`
    await admin.connect()
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true })
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] })
    expect(metadata.topics[0]?.partitions).toHaveLength(3)

    const producer = kafka.producer()
    await producer.connect()
    const sent = Array.from({ length: 30 }, (_, i) => ({ key: `k${i % 5}`, value: String(i) }))
    await producer.send({ topic, messages: sent })
    await producer.disconnect()

    const consumer = kafka.consumer({ groupId: `${topic}-reader` })
    await consumer.connect()
    await consumer.subscribe({ topic, fromBeginning: true })
    const received: { key: string; value: string; partition: number }[] = []
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ message, partition }) => {
            received.push({
              key: message.key?.toString() ?? '',
              value: message.value?.toString() ?? '',
              partition,
            })
            if (received.length === sent.length) resolve()
          },
        })
        .catch(reject)
    })
    await consumer.disconnect()

    for (let k = 0; k < 5; k++) {
      const ofKey = received.filter((r) => r.key === `k${k}`)
      expect(ofKey.map((r) => Number(r.value))).toEqual([k, k + 5, k + 10, k + 15, k + 20, k + 25])
      expect(new Set(ofKey.map((r) => r.partition)).size).toBe(1)
    }
  })
})
