// A table that reuses its source topic as changelog (topology.optimization=all): no changelog
// topic is created, and a restarted instance restores the table from the source topic up to
// the committed offset, then processes what came after.
import { describe, expect, it } from 'vitest'
import { Consumed, Materialized, Produced, Serdes, StreamsBuilder } from '@topology-studio/engine'
import { KafkaStreams, type StreamsEvent } from '@topology-studio/engine/kafka'
import { bootstrapServers, connectedTestKit, uniqueName } from './support/kafka-test-kit'

const kit = connectedTestKit()

describe('source-topic changelogs on Kafka', () => {
  it('restores a table from its source topic up to the committed offset', async () => {
    const [prices, output, app] = [
      uniqueName('st-prices'),
      uniqueName('st-out'),
      uniqueName('st-app'),
    ]
    await kit.createTopic(prices, 1)
    await kit.createTopic(output, 1)
    const S = Serdes.String()
    const topology = () => {
      const builder = new StreamsBuilder()
      builder
        .table<string, string>(prices, Consumed.with(S, S), Materialized.as('prices-store'))
        .toStream()
        .to(output, Produced.with(S, S))
      return builder.build({ 'topology.optimization': 'all' })
    }
    const props = {
      'application.id': app,
      'bootstrap.servers': bootstrapServers(),
      'commit.interval.ms': 100,
      // Every update reaches the output, not only the latest per key at each commit.
      'statestore.cache.max.bytes': 0,
    }
    await kit.produce(prices, [
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
      { key: 'a', value: '3' },
    ])
    const first = new KafkaStreams(topology(), props)
    await first.start()
    await kit.readUntil(output, (r) => r.length >= 3)
    await first.close()
    expect((await kit.topicNames()).filter((t) => t.startsWith(app))).toEqual([])

    await kit.produce(prices, [{ key: 'c', value: '4' }])
    const second = new KafkaStreams(topology(), props)
    const restored: number[] = []
    second.onEvent((e: StreamsEvent) => {
      if (e.type === 'restore') restored.push(e.restored)
    })
    await second.start()
    try {
      // Exactly the three committed records came back from the topic; the fourth is processed.
      expect(restored.at(-1)).toBe(3)
      const all = await kit.readUntil(output, (r) => r.length >= 4)
      expect(all.map((r) => `${String(r.key)}=${String(r.value)}`)).toEqual([
        'a=1',
        'b=2',
        'a=3',
        'c=4',
      ])
      const store = second.store<string, string>('prices-store')
      expect([store.get('a'), store.get('b'), store.get('c')]).toEqual(['3', '2', '4'])
    } finally {
      await second.close()
    }
  })
})
