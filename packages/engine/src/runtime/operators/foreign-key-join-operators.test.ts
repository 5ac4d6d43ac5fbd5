// Scenario tests of foreign-key table joins, modelled on Kafka's
// KTableKTableForeignKeyJoinIntegrationTest and the subscription/response processor tests:
// orders (primary, value `productId:quantity`) joined with products (foreign, value a name).
import { describe, expect, it } from 'vitest'
import {
  Materialized,
  Serdes,
  StreamsBuilder,
  TopologyTestDriver,
  type KTable,
  type TestInputTopic,
} from '../../index'
import {
  subscriptionResponseWrapperSerde,
  subscriptionWrapperSerde,
  SubscriptionWrapper,
} from '../../dsl/internal/foreign-key-wrappers'

const S = Serdes.String()
const props = {
  'application.id': 'app',
  'default.key.serde': S,
  'default.value.serde': S,
  'statestore.cache.max.bytes': 0,
}

/** `none:…` has no foreign key (the extractor returns null, as a Java extractor may). */
const productOf = (order: string): string => {
  const product = order.split(':')[0] as string
  return product === 'none' ? (null as unknown as string) : product
}
const joiner = (order: string | null, product: string | null) => `${order}/${product}`

type Row = [string | null, string | null, number]

class FkHarness {
  readonly driver: TopologyTestDriver
  readonly orders: TestInputTopic<string, string>
  readonly products: TestInputTopic<string, string>

  constructor(
    leftJoin: boolean,
    extraProps: Record<string, unknown> = {},
    ordersFrom: (builder: StreamsBuilder) => KTable<string, string> = (b) => b.table('orders'),
  ) {
    const builder = new StreamsBuilder()
    const orders = ordersFrom(builder)
    const products = builder.table<string, string>('products')
    const joined = leftJoin
      ? orders.leftJoin(products, productOf, joiner, Materialized.as('enriched'))
      : orders.join(products, productOf, joiner, Materialized.as('enriched'))
    joined.toStream().to('out')
    this.driver = new TopologyTestDriver(builder.build(), { ...props, ...extraProps })
    this.orders = this.driver.createInputTopic('orders', S, S)
    this.products = this.driver.createInputTopic('products', S, S)
  }

  out(): Row[] {
    return this.driver
      .createOutputTopic('out', S, S)
      .readRecordsToList()
      .map((r) => [r.key(), r.value(), r.timestamp() as number])
  }

  node(prefix: string) {
    const node = this.driver.metrics().find((m) => m.node.startsWith(prefix))
    if (node === undefined) throw new Error(`no node ${prefix}`)
    return node
  }

  subscriptions(): number {
    const name = [...this.driver.getAllStateStores().keys()].find((s) =>
      s.startsWith('KTABLE-FK-JOIN-SUBSCRIPTION-STATE-STORE-'),
    )
    return this.driver.getKeyValueStore(name as string)?.approximateNumEntries() ?? -1
  }
}

describe('foreign-key inner join (Kafka: SubscriptionSend/Receive/Join, ForeignTableJoin, ResponseJoin)', () => {
  it('joins a primary row once its foreign row exists, ts = max of both rows', () => {
    const h = new FkHarness(false)
    h.products.pipeInput('p1', 'apple', 1)
    expect(h.out()).toEqual([])
    h.orders.pipeInput('o1', 'p1:2', 5)
    expect(h.out()).toEqual([['o1', 'p1:2/apple', 5]])
    // No foreign row: an inner join stays silent until the product arrives.
    h.orders.pipeInput('o2', 'p2:1', 6)
    expect(h.out()).toEqual([])
    h.products.pipeInput('p2', 'pear', 7)
    expect(h.out()).toEqual([['o2', 'p2:1/pear', 7]])
    expect(h.driver.getKeyValueStore<string, string>('enriched')?.get('o2')).toBe('p2:1/pear')
  })

  it('a foreign update fans out to every subscribed primary row, in primary key order', () => {
    const h = new FkHarness(false)
    h.products.pipeInput('p1', 'apple', 1)
    h.orders.pipeInput('o3', 'p1:1', 2)
    h.orders.pipeInput('o1', 'p1:2', 3)
    h.orders.pipeInput('o2', 'p2:9', 4)
    h.out()
    h.products.pipeInput('p1', 'red apple', 10)
    expect(h.out()).toEqual([
      ['o1', 'p1:2/red apple', 10],
      ['o3', 'p1:1/red apple', 10],
    ])
    expect(h.subscriptions()).toBe(3)
  })

  it('a foreign key change unsubscribes the old key and joins the new one; a missing new row deletes the result', () => {
    const h = new FkHarness(false)
    h.products.pipeInput('p1', 'apple', 1)
    h.products.pipeInput('p2', 'pear', 2)
    h.orders.pipeInput('o1', 'p1:2', 5)
    h.orders.pipeInput('o1', 'p2:5', 11)
    h.orders.pipeInput('o1', 'p9:1', 12)
    expect(h.out()).toEqual([
      ['o1', 'p1:2/apple', 5],
      ['o1', 'p2:5/pear', 11],
      ['o1', null, 12],
    ])
    // The old subscriptions are gone: updating p1 or p2 reaches nobody.
    h.products.pipeInput('p1', 'green apple', 13)
    h.products.pipeInput('p2', 'nashi', 14)
    expect(h.out()).toEqual([])
    expect(h.subscriptions()).toBe(1)
  })

  it('an update keeping its foreign key re-joins without unsubscribing', () => {
    const h = new FkHarness(false)
    h.products.pipeInput('p1', 'apple', 9)
    h.orders.pipeInput('o1', 'p1:2', 5)
    h.orders.pipeInput('o1', 'p1:3', 6)
    expect(h.out()).toEqual([
      ['o1', 'p1:2/apple', 9],
      ['o1', 'p1:3/apple', 9],
    ])
    expect(h.subscriptions()).toBe(1)
  })

  it('deleting the foreign row tombstones every joined primary row; deleting a primary row tombstones its result', () => {
    const h = new FkHarness(false)
    h.products.pipeInput('p1', 'apple', 1)
    h.orders.pipeInput('o1', 'p1:2', 2)
    h.orders.pipeInput('o2', 'p1:3', 3)
    h.out()
    h.products.pipeInput('p1', null, 13)
    expect(h.out()).toEqual([
      ['o1', null, 13],
      ['o2', null, 13],
    ])
    h.products.pipeInput('p1', 'apple again', 14)
    h.orders.pipeInput('o2', null, 15)
    expect(h.out()).toEqual([
      ['o1', 'p1:2/apple again', 14],
      ['o2', 'p1:3/apple again', 14],
      ['o2', null, 15],
    ])
    expect(h.subscriptions()).toBe(1)
  })

  it('a null foreign key is dropped (counted) and deletes an earlier result', () => {
    const h = new FkHarness(false)
    h.products.pipeInput('p1', 'apple', 1)
    h.orders.pipeInput('o1', 'p1:2', 2)
    h.orders.pipeInput('o1', 'none:2', 3)
    h.orders.pipeInput('o2', 'none:1', 4)
    expect(h.out()).toEqual([
      ['o1', 'p1:2/apple', 2],
      ['o1', null, 3],
    ])
    const send = h.node('KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-')
    expect(send.droppedByReason['null-key']).toBe(2)
    expect(h.driver.warnings().map((w) => w.message)).toContainEqual(
      expect.stringContaining('Skipping record due to null foreign key.'),
    )
    expect(h.subscriptions()).toBe(0)
  })

  it('drops a response to an older version of the primary row (hash mismatch) without caching', () => {
    // One input record updates o1 twice: the first subscription's answer arrives after the
    // row changed again, so only the latest version joins.
    const fromStream = (builder: StreamsBuilder) =>
      builder
        .stream<string, string>('orders')
        .flatMapValues((v: string) => v.split(','))
        .toTable()
    const h = new FkHarness(false, {}, fromStream)
    h.products.pipeInput('p1', 'apple', 1)
    h.products.pipeInput('p2', 'pear', 2)
    h.orders.pipeInput('o1', 'p1:2,p2:3', 5)
    expect(h.out()).toEqual([['o1', 'p2:3/pear', 5]])
    const resolver = h.node('KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-RESOLVER-PROCESSOR-')
    expect(resolver.recordsIn).toBe(2)
    expect(resolver.dropped).toBe(1)
    expect(h.driver.warnings().map((w) => w.message)).toContainEqual(
      expect.stringContaining('Dropping FK-join response due to hash mismatch.'),
    )
  })

  it('with the default cache the two updates collapse before subscribing: no stale response at all', () => {
    const fromStream = (builder: StreamsBuilder) =>
      builder
        .stream<string, string>('orders')
        .flatMapValues((v: string) => v.split(','))
        .toTable()
    const h = new FkHarness(false, { 'statestore.cache.max.bytes': 10485760 }, fromStream)
    h.products.pipeInput('p1', 'apple', 1)
    h.products.pipeInput('p2', 'pear', 2)
    h.orders.pipeInput('o1', 'p1:2,p2:3', 5)
    expect(h.out()).toEqual([['o1', 'p2:3/pear', 5]])
    const resolver = h.node('KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-RESOLVER-PROCESSOR-')
    expect(resolver.recordsIn).toBe(1)
    expect(resolver.dropped).toBe(0)
  })
})

describe('foreign-key left join', () => {
  it('emits the primary row with a null foreign value until the foreign row exists, and after a key change to a missing row', () => {
    const h = new FkHarness(true)
    h.orders.pipeInput('o1', 'p1:2', 5)
    h.products.pipeInput('p1', 'apple', 6)
    h.orders.pipeInput('o1', 'p2:1', 7)
    // o1 no longer subscribes to p1
    h.products.pipeInput('p1', 'green apple', 8)
    expect(h.out()).toEqual([
      ['o1', 'p1:2/null', 5],
      ['o1', 'p1:2/apple', 6],
      ['o1', 'p2:1/null', 7],
    ])
  })

  it('a deleted foreign row leaves the left rows joined with null', () => {
    const h = new FkHarness(true)
    h.products.pipeInput('p1', 'apple', 1)
    h.orders.pipeInput('o1', 'p1:2', 2)
    h.orders.pipeInput('o2', 'p1:4', 3)
    h.products.pipeInput('p1', null, 4)
    expect(h.out()).toEqual([
      ['o1', 'p1:2/apple', 2],
      ['o2', 'p1:4/apple', 3],
      ['o1', 'p1:2/null', 4],
      ['o2', 'p1:4/null', 4],
    ])
  })

  it('a null foreign key still joins (with null) and deleting the row tombstones the result', () => {
    const h = new FkHarness(true)
    h.products.pipeInput('p1', 'apple', 1)
    h.orders.pipeInput('o1', 'p1:2', 2)
    h.orders.pipeInput('o1', 'none:2', 3)
    h.orders.pipeInput('o1', null, 4)
    // Deleting a row that never existed answers nothing.
    h.orders.pipeInput('o9', null, 5)
    expect(h.out()).toEqual([
      ['o1', 'p1:2/apple', 2],
      ['o1', 'none:2/null', 3],
      ['o1', null, 4],
    ])
    expect(h.node('KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-').dropped).toBe(0)
    expect(h.subscriptions()).toBe(0)
  })
})

describe('foreign-key join wrapper serdes (Kafka: SubscriptionWrapperSerde, SubscriptionResponseWrapperSerde)', () => {
  it('round-trip wrappers with and without a hash, completing an unset inner serde with the default', () => {
    const hash = new Uint8Array(16).map((_, i) => i * 7)
    const subscription = subscriptionWrapperSerde<string>(null).withDefaults(S, null)
    const bytes = subscription.serialize(
      't',
      new SubscriptionWrapper(hash, 'DELETE_KEY_AND_PROPAGATE', 'o1', 3),
    )
    // [version 1][instruction 1][16-byte hash][partition 3]['o1']
    expect(bytes?.length).toBe(1 + 1 + 16 + 4 + 2)
    expect(bytes?.[0]).toBe(1)
    expect(bytes?.[1]).toBe(1)
    const back = subscription.deserialize('t', bytes as Uint8Array)
    expect(back?.primaryKey).toBe('o1')
    expect(back?.instruction).toBe('DELETE_KEY_AND_PROPAGATE')
    expect([...(back?.hash ?? [])]).toEqual([...hash])
    expect(back?.primaryPartition).toBe(3)
    const noHash = subscription.serialize(
      't',
      new SubscriptionWrapper(null, 'PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE', 'o1', 0),
    )
    expect(noHash?.[0]).toBe(0x81)
    expect(subscription.deserialize('t', noHash as Uint8Array)?.hash).toBeNull()

    const response = subscriptionResponseWrapperSerde<string>(null).withDefaults(null, S)
    const empty = response.deserialize(
      't',
      response.serialize('t', {
        originalValueHash: null,
        foreignValue: null,
        primaryPartition: 0,
        version: 1,
      }) as Uint8Array,
    )
    expect(empty?.foreignValue).toBeNull()
    expect(empty?.originalValueHash).toBeNull()
    const full = response.deserialize(
      't',
      response.serialize('t', {
        originalValueHash: hash,
        foreignValue: 'apple',
        primaryPartition: 2,
        version: 1,
      }) as Uint8Array,
    )
    expect(full?.foreignValue).toBe('apple')
    expect(full?.primaryPartition).toBe(2)
    expect(() => subscriptionWrapperSerde<string>(null).withDefaults(null, S)).toThrow(
      /default\.key\.serde/,
    )
  })
})
