// A windowed aggregation and a stream-table join over co-partitioned inputs of 4 partitions.
import { describe, expect, it } from 'vitest'
import {
  Consumed,
  Grouped,
  KeyValue,
  Materialized,
  Produced,
  Serdes,
  StreamsBuilder,
  TimeWindows,
  type Windowed,
} from '@topology-studio/engine'
import { KafkaStreams } from '@topology-studio/engine/kafka'
import {
  bootstrapServers,
  connectedTestKit,
  latestByKey,
  readLong,
  uniqueName,
} from './support/kafka-test-kit'

const kit = connectedTestKit()

const MINUTE = 60_000
const BASE = Date.UTC(2026, 0, 1)

describe('windows and joins on Kafka', () => {
  it('counts orders per customer per minute and enriches orders with the customer table', async () => {
    const orders = uniqueName('orders')
    const customers = uniqueName('customers')
    const enriched = uniqueName('enriched')
    const perMinute = uniqueName('per-minute')
    const app = uniqueName('orders-app')
    for (const topic of [orders, customers, enriched, perMinute]) await kit.createTopic(topic, 4)

    const builder = new StreamsBuilder()
    const customerTable = builder.table<string, string>(
      customers,
      Consumed.with(Serdes.String(), Serdes.String()),
      Materialized.as('customers-store'),
    )
    const orderStream = builder.stream<string, string>(
      orders,
      Consumed.with(Serdes.String(), Serdes.String()),
    )
    orderStream
      .join(customerTable, (order: string, customer: string) => `${order} for ${customer}`)
      .to(enriched, Produced.with(Serdes.String(), Serdes.String()))
    orderStream
      .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
      .windowedBy(TimeWindows.ofSizeWithNoGrace(MINUTE))
      .count(Materialized.as('orders-per-minute'))
      .toStream()
      .map((key: Windowed<string>, count: number) =>
        KeyValue.pair(`${key.key()}@${key.window().start() - BASE}`, count),
      )
      .to(perMinute, Produced.with(Serdes.String(), Serdes.Long()))

    const customerIds = Array.from({ length: 8 }, (_, i) => `c${i}`)
    await kit.produce(
      customers,
      customerIds.map((id) => ({
        key: id,
        value: `Customer ${id.toUpperCase()}`,
        timestamp: BASE,
      })),
    )
    const orderRecords = Array.from({ length: 400 }, (_, i) => ({
      key: customerIds[i % customerIds.length] as string,
      value: `order-${i}`,
      timestamp: BASE + 1000 + i * 600, // 100 orders a minute, over four minutes
    }))
    await kit.produce(orders, orderRecords)

    const expectedWindows = new Map<string, number>()
    for (const o of orderRecords) {
      const window = `${o.key}@${Math.floor((o.timestamp - BASE) / MINUTE) * MINUTE}`
      expectedWindows.set(window, (expectedWindows.get(window) ?? 0) + 1)
    }

    const streams = new KafkaStreams(builder.build(), {
      'application.id': app,
      'bootstrap.servers': bootstrapServers(),
      'commit.interval.ms': 200,
    })
    await streams.start()
    try {
      const joined = await kit.readUntil(enriched, (read) => read.length >= orderRecords.length)
      expect(joined).toHaveLength(orderRecords.length)
      const byValue = new Map(joined.map((r) => [String(r.value), r]))
      for (const o of orderRecords) {
        const r = byValue.get(`${o.value} for Customer ${o.key.toUpperCase()}`)
        expect(r?.key?.toString()).toBe(o.key)
        expect(r?.timestamp).toBe(o.timestamp)
      }
      const windows = await kit.readUntil(perMinute, (read) => {
        const latest = latestByKey(read, readLong)
        return [...expectedWindows].every(([w, n]) => latest.get(w) === n)
      })
      expect(latestByKey(windows, readLong)).toEqual(expectedWindows)
      expect(
        streams
          .metrics()
          .threads[0]?.tasks.map((t) => t.id)
          .sort(),
      ).toEqual(['0_0', '0_1', '0_2', '0_3'])
    } finally {
      await streams.close()
    }
  })
})
