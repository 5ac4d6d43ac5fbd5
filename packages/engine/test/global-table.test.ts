// A stream joined with a global table: every instance reads all partitions of the table's
// topic before processing, then follows its updates.
import { describe, expect, it } from 'vitest'
import { Consumed, Materialized, Produced, Serdes, StreamsBuilder } from '@topology-studio/engine'
import { KafkaStreams } from '@topology-studio/engine/kafka'
import {
  bootstrapServers,
  eventually,
  connectedTestKit,
  uniqueName,
} from './support/kafka-test-kit'

const kit = connectedTestKit()

describe('global tables on Kafka', () => {
  it('joins a stream with a global table read from all its partitions, and follows updates', async () => {
    const [orders, products, output] = [
      uniqueName('g-orders'),
      uniqueName('g-products'),
      uniqueName('g-out'),
    ]
    await kit.createTopic(orders, 3)
    await kit.createTopic(products, 2) // not co-partitioned: a global table need not be
    await kit.createTopic(output, 1)
    const S = Serdes.String()
    const builder = new StreamsBuilder()
    const catalog = builder.globalTable<string, string>(
      products,
      Consumed.with(S, S),
      Materialized.as('catalog'),
    )
    builder
      .stream<string, string>(orders, Consumed.with(S, S))
      .join(
        catalog,
        (_orderId: string, productId: string) => productId,
        (productId: string, product: string) => `${productId}=${product}`,
      )
      .to(output, Produced.with(S, S))

    const ids = Array.from({ length: 20 }, (_, i) => `p${i}`)
    await kit.produce(
      products,
      ids.map((id) => ({ key: id, value: `Product ${id}` })),
    )
    const streams = new KafkaStreams(builder.build(), {
      'application.id': uniqueName('g-app'),
      'bootstrap.servers': bootstrapServers(),
      'commit.interval.ms': 100,
    })
    await streams.start()
    try {
      // Started only once the whole table was read: the first orders all find their product.
      expect(streams.store<string, string>('catalog').approximateNumEntries()).toBe(20)
      await kit.produce(
        orders,
        ids.map((id, i) => ({ key: `o${i}`, value: id })),
      )
      const first = await kit.readUntil(output, (r) => r.length >= 20)
      expect(first.map((r) => String(r.value)).sort()).toEqual(
        ids.map((id) => `${id}=Product ${id}`).sort(),
      )

      await kit.produce(products, [{ key: 'p3', value: 'Renamed p3' }])
      await eventually(
        () => streams.store<string, string>('catalog').get('p3'),
        (v) => v === 'Renamed p3',
        30_000,
        'the global table to take the update',
      )
      await kit.produce(orders, [{ key: 'o-late', value: 'p3' }])
      const all = await kit.readUntil(output, (r) => r.length >= 21)
      expect(String(all.at(-1)?.value)).toBe('p3=Renamed p3')
      expect(
        streams.metrics().nodes.some((n) => n.node.includes('SOURCE') && n.recordsIn >= 21),
      ).toBe(true)
    } finally {
      await streams.close()
    }
  })

  it('refuses to start when the global table topic does not exist', async () => {
    const builder = new StreamsBuilder()
    const missing = uniqueName('g-missing')
    builder.globalTable(missing, Consumed.with(Serdes.String(), Serdes.String()))
    const streams = new KafkaStreams(builder.build(), {
      'application.id': uniqueName('g-missing-app'),
      'bootstrap.servers': bootstrapServers(),
    })
    await expect(streams.start()).rejects.toThrow(
      new RegExp(`Global table topic ${missing} does not exist`),
    )
    expect(streams.state()).toBe('ERROR')
  })
})
