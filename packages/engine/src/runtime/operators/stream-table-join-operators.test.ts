// Scenario tests of stream–table and stream–globalTable joins, modelled on Kafka Streams'
// KStreamKTableJoinTest, KStreamKTableLeftJoinTest, KStreamGlobalKTableJoinTest and
// KStreamGlobalKTableLeftJoinTest: only stream records trigger results, which read the
// table's current value and keep the stream record's timestamp.
import { describe, expect, it } from 'vitest'
import {
  Joined,
  Serdes,
  StreamsBuilder,
  TopologyTestDriver,
  type GlobalKTable,
  type KStream,
  type KTable,
} from '../../index'

const S = Serdes.String()
const BASE_PROPS = {
  'application.id': 'join-test',
  'default.key.serde': S,
  'default.value.serde': S,
}
const PROPS = { ...BASE_PROPS, 'statestore.cache.max.bytes': 0 }

type Out = [unknown, unknown, number | null]

const joiner = (v: string, t: string | null) => `${v}+${t}`

function drain(driver: TopologyTestDriver, topic = 'out'): Out[] {
  return driver
    .createOutputTopic(topic, S, S)
    .readRecordsToList()
    .map((r) => [r.key(), r.value(), r.timestamp()])
}

function droppedByNode(driver: TopologyTestDriver): Record<string, Record<string, number>> {
  const dropped: Record<string, Record<string, number>> = {}
  for (const m of driver.metrics()) if (m.dropped > 0) dropped[m.node] = m.droppedByReason
  return dropped
}

function tableJoin(
  kind: 'inner' | 'left',
  props: Record<string, unknown> = PROPS,
  shape: (table: KTable<string, string>) => KTable<string, string> = (t) => t,
  fn: (...args: never[]) => string = joiner,
) {
  const builder = new StreamsBuilder()
  const table = shape(builder.table<string, string>('table'))
  const stream: KStream<string, string> = builder.stream('stream')
  const joinFn = fn as (v: string, t: string | null) => string
  ;(kind === 'inner' ? stream.join(table, joinFn) : stream.leftJoin(table, joinFn)).to('out')
  const driver = new TopologyTestDriver(builder.build(), props, 0)
  return {
    driver,
    stream: driver.createInputTopic('stream', S, S, 0),
    table: driver.createInputTopic('table', S, S, 0),
    out: () => drain(driver),
  }
}

describe('stream–table join', () => {
  describe.each([
    ['caching off', PROPS],
    ['the default cache', BASE_PROPS],
  ])('with %s', (_name, props) => {
    it('inner: joins stream records with the current row, never emits on table updates, keeps the stream timestamp (KStreamKTableJoinTest)', () => {
      const { stream, table, out } = tableJoin('inner', props)
      stream.pipeInput('k1', 's1', 10)
      expect(out()).toEqual([])
      table.pipeInput('k1', 't1', 20)
      table.pipeInput('k2', 'u1', 20)
      expect(out()).toEqual([])
      // Older than the row: stream–table joins are not windowed, the latest row is read.
      stream.pipeInput('k1', 's2', 5)
      stream.pipeInput('k2', 's3', 25)
      stream.pipeInput('k3', 's4', 25)
      expect(out()).toEqual([
        ['k1', 's2+t1', 5],
        ['k2', 's3+u1', 25],
      ])
      table.pipeInput('k1', 't1b', 30)
      stream.pipeInput('k1', 's5', 40)
      expect(out()).toEqual([['k1', 's5+t1b', 40]])
      // A tombstone removes the row.
      table.pipeInput('k1', null, 50)
      stream.pipeInput('k1', 's6', 60)
      expect(out()).toEqual([])
    })
  })

  it('left: joins missing and deleted rows with null (KStreamKTableLeftJoinTest)', () => {
    const { stream, table, out } = tableJoin('left')
    stream.pipeInput('k1', 's1', 10)
    table.pipeInput('k1', 't1', 20)
    stream.pipeInput('k1', 's2', 30)
    table.pipeInput('k1', null, 40)
    stream.pipeInput('k1', 's3', 50)
    expect(out()).toEqual([
      ['k1', 's1+null', 10],
      ['k1', 's2+t1', 30],
      ['k1', 's3+null', 50],
    ])
  })

  it('inner: drops stream records with a null key or value, counted at the join', () => {
    const { driver, stream, table, out } = tableJoin('inner')
    table.pipeInput('k', 't', 0)
    stream.pipeInput(null, 's', 1)
    stream.pipeInput('k', null, 2)
    expect(out()).toEqual([])
    expect(droppedByNode(driver)).toEqual({
      'KSTREAM-JOIN-0000000004': { 'null-key': 1, 'null-value': 1 },
    })
    expect(driver.warnings().map((w) => w.message)).toEqual([
      'Skipping record due to null join key or value. topic=[stream] partition=[0] offset=[0]',
      'Skipping record due to null join key or value. topic=[stream] partition=[0] offset=[1]',
    ])
  })

  it('left: joins a null-key stream record with null without a lookup, drops null values (KIP-962)', () => {
    const { driver, stream, table, out } = tableJoin(
      'left',
      PROPS,
      (t) => t,
      ((k: string | null, v: string, t: string | null) => `${k}:${v}+${t}`) as never,
    )
    table.pipeInput('k', 't', 0)
    stream.pipeInput(null, 's', 1)
    stream.pipeInput('k', null, 2)
    stream.pipeInput('k', 's2', 3)
    expect(out()).toEqual([
      [null, 'null:s+null', 1],
      ['k', 'k:s2+t', 3],
    ])
    expect(droppedByNode(driver)).toEqual({ 'KSTREAM-LEFTJOIN-0000000004': { 'null-value': 1 } })
  })

  it('reads a filtered and mapped table through its value getters: filtered rows look missing', () => {
    const { stream, table, out } = tableJoin('inner', PROPS, (t) =>
      t.filter((_k, v) => v !== 'hidden').mapValues((v: string) => v.toUpperCase()),
    )
    table.pipeInput('k1', 'hidden', 0)
    table.pipeInput('k2', 'shown', 0)
    stream.pipeInput('k1', 'a', 1)
    stream.pipeInput('k2', 'b', 2)
    expect(out()).toEqual([['k2', 'b+SHOWN', 2]])
  })

  it('joins a re-keyed stream through its repartition topic; table updates still do not emit', () => {
    const builder = new StreamsBuilder()
    const table = builder.table<string, string>('table')
    builder
      .stream<string, string>('stream')
      .selectKey((_k, v) => v.split(':')[0] as string)
      .join(table, joiner)
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), PROPS, 0)
    const stream = driver.createInputTopic('stream', S, S, 0)
    const tableIn = driver.createInputTopic('table', S, S, 0)
    tableIn.pipeInput('a', 'A', 0)
    stream.pipeInput('x', 'a:1', 10)
    stream.pipeInput('y', 'b:2', 11)
    tableIn.pipeInput('b', 'B', 12)
    expect(drain(driver)).toEqual([['a', 'a:1+A', 10]])
    expect([...driver.producedTopicNames()].filter((t) => t.endsWith('-repartition'))).toEqual([
      'join-test-KSTREAM-KEY-SELECT-0000000004-repartition',
    ])
  })

  it('refuses Joined.withGracePeriod, which needs versioned tables (not supported yet)', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('stream')
      .join(
        builder.table<string, string>('table'),
        joiner,
        Joined.with(S, S, S).withGracePeriod(10),
      )
      .to('out')
    expect(() => new TopologyTestDriver(builder.build(), PROPS, 0)).toThrow(/not supported yet/)
  })
})

describe('stream–globalTable join', () => {
  function globalJoin(
    kind: 'inner' | 'left',
    keySelector: (k: string | null, v: string | null) => string | null = (_k, v) =>
      (v as string).split('|')[0] as string,
  ) {
    const builder = new StreamsBuilder()
    const global: GlobalKTable<string, string> = builder.globalTable('global')
    const stream: KStream<string, string> = builder.stream('stream')
    const selector = keySelector as (k: string, v: string) => string
    ;(kind === 'inner'
      ? stream.join(global, selector, joiner)
      : stream.leftJoin(global, selector, joiner)
    ).to('out')
    const driver = new TopologyTestDriver(builder.build(), PROPS, 0)
    return {
      driver,
      stream: driver.createInputTopic('stream', S, S, 0),
      global: driver.createInputTopic('global', S, S, 0),
      out: () => drain(driver),
    }
  }

  it('inner: looks up the key the keySelector derives; global updates never emit (KStreamGlobalKTableJoinTest)', () => {
    const { driver, stream, global, out } = globalJoin('inner')
    global.pipeInput('g1', 'G1', 100)
    global.pipeInput('g2', 'G2', 100)
    expect(out()).toEqual([])
    expect(driver.getKeyValueStore('global-STATE-STORE-0000000000')?.get('g1')).toBe('G1')
    stream.pipeInput('s1', 'g1|a', 10)
    stream.pipeInput('s2', 'g3|b', 11)
    stream.pipeInput('s3', 'g2|c', 12)
    expect(out()).toEqual([
      ['s1', 'g1|a+G1', 10],
      ['s3', 'g2|c+G2', 12],
    ])
    global.pipeInput('g1', 'G1b', 200)
    global.pipeInput('g2', null, 200)
    stream.pipeInput('s1', 'g1|d', 13)
    stream.pipeInput('s3', 'g2|e', 14)
    expect(out()).toEqual([['s1', 'g1|d+G1b', 13]])
  })

  it('inner: a null stream key still joins when the keySelector gives a lookup key; a null lookup key or value drops', () => {
    // Kafka calls the keySelector for null values too.
    const { driver, stream, global, out } = globalJoin('inner', (_k, v) =>
      v === null || v.startsWith('none') ? null : (v.split('|')[0] as string),
    )
    global.pipeInput('g1', 'G1', 0)
    stream.pipeInput(null, 'g1|a', 1)
    stream.pipeInput('s', 'none|b', 2)
    stream.pipeInput('s', null, 3)
    expect(out()).toEqual([[null, 'g1|a+G1', 1]])
    expect(droppedByNode(driver)).toEqual({
      'KSTREAM-LEFTJOIN-0000000004': { 'null-key': 1, 'null-value': 1 },
    })
  })

  it('left: joins misses, deleted rows and null lookup keys with null; drops null values (KStreamGlobalKTableLeftJoinTest)', () => {
    const { driver, stream, global, out } = globalJoin('left', (_k, v) =>
      v === null || v.startsWith('none') ? null : (v.split('|')[0] as string),
    )
    global.pipeInput('g1', 'G1', 0)
    stream.pipeInput('s1', 'g1|a', 1)
    stream.pipeInput('s2', 'g9|b', 2)
    stream.pipeInput('s3', 'none|c', 3)
    stream.pipeInput('s4', null, 4)
    global.pipeInput('g1', null, 5)
    stream.pipeInput('s5', 'g1|d', 6)
    expect(out()).toEqual([
      ['s1', 'g1|a+G1', 1],
      ['s2', 'g9|b+null', 2],
      ['s3', 'none|c+null', 3],
      ['s5', 'g1|d+null', 6],
    ])
    expect(droppedByNode(driver)).toEqual({ 'KSTREAM-LEFTJOIN-0000000004': { 'null-value': 1 } })
  })
})
