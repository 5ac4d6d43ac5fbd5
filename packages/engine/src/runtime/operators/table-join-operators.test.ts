// Scenario tests of table–table joins, with the update sequences of Kafka's
// KTableKTableInnerJoinTest, KTableKTableLeftJoinTest and KTableKTableOuterJoinTest (keys 0..3,
// joiner `left+right`, the same timestamps), plus old values, materialized results and caching.
import { describe, expect, it } from 'vitest'
import {
  Materialized,
  Serdes,
  StreamsBuilder,
  TopologyTestDriver,
  type KTable,
  type TestInputTopic,
} from '../../index'
import type { Change } from '../change'

const S = Serdes.String()
const props = {
  'application.id': 'app',
  'default.key.serde': S,
  'default.value.serde': S,
  'statestore.cache.max.bytes': 0,
}
const KEYS = ['0', '1', '2', '3']
const joiner = (left: string | null, right: string | null) => `${left}+${right}`

type Kind = 'inner' | 'left' | 'outer'
type Row = [string | null, string | null, number]

function joinTopology(kind: Kind, materialized = false) {
  const builder = new StreamsBuilder()
  const left = builder.table<string, string>('left')
  const right = builder.table<string, string>('right')
  const as = materialized ? Materialized.as<string, string>('joined') : undefined
  const joined: KTable<string, string> =
    kind === 'inner'
      ? left.join(right, joiner, as)
      : kind === 'left'
        ? left.leftJoin(right, joiner, as)
        : left.outerJoin(right, joiner, as)
  joined.toStream().to('out')
  return { builder, joined }
}

class Harness {
  readonly left: TestInputTopic<string, string>
  readonly right: TestInputTopic<string, string>

  constructor(readonly driver: TopologyTestDriver) {
    this.left = driver.createInputTopic('left', S, S)
    this.right = driver.createInputTopic('right', S, S)
  }

  out(): Row[] {
    return this.driver
      .createOutputTopic('out', S, S)
      .readRecordsToList()
      .map((r) => [r.key(), r.value(), r.timestamp() as number])
  }
}

/** The update sequence shared by Kafka's three KTableKTable*JoinTest#testJoin cases. */
function kafkaJoinSequence(h: Harness): Row[][] {
  const steps: Row[][] = []
  // push two items to the primary stream; the other table is empty
  KEYS.slice(0, 2).forEach((k, i) => h.left.pipeInput(k, `X${k}`, 5 + i))
  steps.push(h.out())
  // push two items to the other stream
  KEYS.slice(0, 2).forEach((k, i) => h.right.pipeInput(k, `Y${k}`, 10 * i))
  steps.push(h.out())
  // push all four items to the primary stream
  KEYS.forEach((k) => h.left.pipeInput(k, `XX${k}`, 7))
  steps.push(h.out())
  // push all items to the other stream
  KEYS.forEach((k, i) => h.right.pipeInput(k, `YY${k}`, i * 5))
  steps.push(h.out())
  // push all four items to the primary stream
  KEYS.forEach((k) => h.left.pipeInput(k, `XXX${k}`, 6))
  steps.push(h.out())
  // push two items with null to the other stream as deletes
  h.right.pipeInput('0', null, 5)
  h.right.pipeInput('1', null, 7)
  steps.push(h.out())
  // push all four items to the primary stream
  KEYS.forEach((k) => h.left.pipeInput(k, `XXXX${k}`, 13))
  steps.push(h.out())
  // push four items to the primary stream with null
  h.left.pipeInput('0', null, 0)
  h.left.pipeInput('1', null, 42)
  h.left.pipeInput('2', null, 5)
  h.left.pipeInput('3', null, 20)
  steps.push(h.out())
  return steps
}

describe('KTable-KTable inner join (Kafka: KTableKTableInnerJoin)', () => {
  const expected: Row[][] = [
    [],
    [
      ['0', 'X0+Y0', 5],
      ['1', 'X1+Y1', 10],
    ],
    [
      ['0', 'XX0+Y0', 7],
      ['1', 'XX1+Y1', 10],
    ],
    [
      ['0', 'XX0+YY0', 7],
      ['1', 'XX1+YY1', 7],
      ['2', 'XX2+YY2', 10],
      ['3', 'XX3+YY3', 15],
    ],
    [
      ['0', 'XXX0+YY0', 6],
      ['1', 'XXX1+YY1', 6],
      ['2', 'XXX2+YY2', 10],
      ['3', 'XXX3+YY3', 15],
    ],
    [
      ['0', null, 6],
      ['1', null, 7],
    ],
    [
      ['2', 'XXXX2+YY2', 13],
      ['3', 'XXXX3+YY3', 15],
    ],
    [
      ['2', null, 10],
      ['3', null, 20],
    ],
  ]

  it('emits only while both sides exist, tombstones when a side is deleted, ts = max of both sides (KTableKTableInnerJoinTest#testJoin)', () => {
    const { builder } = joinTopology('inner')
    const h = new Harness(new TopologyTestDriver(builder.build(), props))
    expect(kafkaJoinSequence(h)).toEqual(expected)
  })

  it('a materialized join gives the same updates and keeps the joined rows queryable (testQueryableJoin)', () => {
    const { builder } = joinTopology('inner', true)
    const h = new Harness(new TopologyTestDriver(builder.build(), props))
    expect(kafkaJoinSequence(h)).toEqual(expected)
    const store = h.driver.getTimestampedKeyValueStore<string, string>('joined')
    expect(store?.get('0')).toBeNull()
    expect(store?.get('2')).toBeNull()
    expect(store?.approximateNumEntries()).toBe(0)
  })

  it('carries the old joined value when downstream asks for old values (testSendingOldValues)', () => {
    const { builder, joined } = joinTopology('inner')
    joined.enableSendingOldValues(true)
    const driver = new TopologyTestDriver(builder.build(), props)
    const toStream = driver.metrics().find((m) => m.node.startsWith('KTABLE-TOSTREAM-'))?.node
    driver.openTap(toStream as string, 100)
    const h = new Harness(driver)
    kafkaJoinSequence(h)
    const changes = driver
      .tapped(toStream as string)
      .map((r) => [
        r.key,
        (r.value as Change<string>).newValue,
        (r.value as Change<string>).oldValue,
        r.timestamp,
      ])
    expect(changes).toEqual([
      ['0', 'X0+Y0', null, 5],
      ['1', 'X1+Y1', null, 10],
      ['0', 'XX0+Y0', 'X0+Y0', 7],
      ['1', 'XX1+Y1', 'X1+Y1', 10],
      ['0', 'XX0+YY0', 'XX0+Y0', 7],
      ['1', 'XX1+YY1', 'XX1+Y1', 7],
      ['2', 'XX2+YY2', null, 10],
      ['3', 'XX3+YY3', null, 15],
      ['0', 'XXX0+YY0', 'XX0+YY0', 6],
      ['1', 'XXX1+YY1', 'XX1+YY1', 6],
      ['2', 'XXX2+YY2', 'XX2+YY2', 10],
      ['3', 'XXX3+YY3', 'XX3+YY3', 15],
      ['0', null, 'XXX0+YY0', 6],
      ['1', null, 'XXX1+YY1', 7],
      ['2', 'XXXX2+YY2', 'XXX2+YY2', 13],
      ['3', 'XXXX3+YY3', 'XXX3+YY3', 15],
      ['2', null, 'XXXX2+YY2', 10],
      ['3', null, 'XXXX3+YY3', 20],
    ])
  })
})

describe('KTable-KTable left join (Kafka: KTableKTableLeftJoin / KTableKTableRightJoin)', () => {
  it('left updates always emit, right updates only while the left row exists (KTableKTableLeftJoinTest#testJoin)', () => {
    const { builder } = joinTopology('left')
    const h = new Harness(new TopologyTestDriver(builder.build(), props))
    expect(kafkaJoinSequence(h)).toEqual([
      [
        ['0', 'X0+null', 5],
        ['1', 'X1+null', 6],
      ],
      [
        ['0', 'X0+Y0', 5],
        ['1', 'X1+Y1', 10],
      ],
      [
        ['0', 'XX0+Y0', 7],
        ['1', 'XX1+Y1', 10],
        ['2', 'XX2+null', 7],
        ['3', 'XX3+null', 7],
      ],
      [
        ['0', 'XX0+YY0', 7],
        ['1', 'XX1+YY1', 7],
        ['2', 'XX2+YY2', 10],
        ['3', 'XX3+YY3', 15],
      ],
      [
        ['0', 'XXX0+YY0', 6],
        ['1', 'XXX1+YY1', 6],
        ['2', 'XXX2+YY2', 10],
        ['3', 'XXX3+YY3', 15],
      ],
      [
        ['0', 'XXX0+null', 6],
        ['1', 'XXX1+null', 7],
      ],
      [
        ['0', 'XXXX0+null', 13],
        ['1', 'XXXX1+null', 13],
        ['2', 'XXXX2+YY2', 13],
        ['3', 'XXXX3+YY3', 15],
      ],
      [
        ['0', null, 0],
        ['1', null, 42],
        ['2', null, 10],
        ['3', null, 20],
      ],
    ])
  })

  it('a right-side update without a left row emits nothing, and deleting an absent left row emits nothing', () => {
    const { builder } = joinTopology('left')
    const h = new Harness(new TopologyTestDriver(builder.build(), props))
    h.right.pipeInput('a', 'r', 1)
    h.right.pipeInput('a', null, 2)
    h.left.pipeInput('b', null, 3)
    expect(h.out()).toEqual([])
  })
})

describe('KTable-KTable outer join (Kafka: KTableKTableOuterJoin)', () => {
  it('any update emits unless both sides are empty (KTableKTableOuterJoinTest#testJoin)', () => {
    const { builder } = joinTopology('outer')
    const h = new Harness(new TopologyTestDriver(builder.build(), props))
    const steps = kafkaJoinSequence(h)
    expect(steps[0]).toEqual([
      ['0', 'X0+null', 5],
      ['1', 'X1+null', 6],
    ])
    expect(steps[2]).toEqual([
      ['0', 'XX0+Y0', 7],
      ['1', 'XX1+Y1', 10],
      ['2', 'XX2+null', 7],
      ['3', 'XX3+null', 7],
    ])
    expect(steps[5]).toEqual([
      ['0', 'XXX0+null', 6],
      ['1', 'XXX1+null', 7],
    ])
    expect(steps[6]).toEqual([
      ['0', 'XXXX0+null', 13],
      ['1', 'XXXX1+null', 13],
      ['2', 'XXXX2+YY2', 13],
      ['3', 'XXXX3+YY3', 15],
    ])
    expect(steps[7]).toEqual([
      ['0', null, 0],
      ['1', null, 42],
      ['2', 'null+YY2', 10],
      ['3', 'null+YY3', 20],
    ])
  })

  it('a right-only row joins with a null left value, and deleting the last side tombstones it', () => {
    const { builder } = joinTopology('outer')
    const h = new Harness(new TopologyTestDriver(builder.build(), props))
    h.right.pipeInput('a', 'r1', 3)
    h.right.pipeInput('a', 'r2', 4)
    h.left.pipeInput('a', 'l1', 2)
    h.right.pipeInput('a', null, 1)
    h.left.pipeInput('a', null, 9)
    h.right.pipeInput('b', null, 10)
    expect(h.out()).toEqual([
      ['a', 'null+r1', 3],
      ['a', 'null+r2', 4],
      ['a', 'l1+r2', 4],
      ['a', 'l1+null', 2],
      ['a', null, 9],
    ])
  })
})

describe('KTable-KTable join result caching (Kafka: KTableKTableJoinMerger with a cached store)', () => {
  // A table joined with a view of itself: one source update reaches the merger twice, once
  // through each join processor.
  function selfJoin(cacheBytes: number) {
    const builder = new StreamsBuilder()
    const table = builder.table<string, string>('in')
    const upper = table.mapValues((v: string) => v.toUpperCase())
    table.join(upper, joiner, Materialized.as('self-joined')).toStream().to('out')
    const driver = new TopologyTestDriver(builder.build(), {
      ...props,
      'statestore.cache.max.bytes': cacheBytes,
    })
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('a', 'x', 1)
    input.pipeInput('a', 'y', 2)
    return driver
      .createOutputTopic('out', S, S)
      .readRecordsToList()
      .map((r) => [r.key(), r.value(), r.timestamp() as number])
  }

  it('without a cache every update through either side is forwarded', () => {
    expect(selfJoin(0)).toEqual([
      ['a', 'x+X', 1],
      ['a', 'x+X', 1],
      ['a', 'y+Y', 2],
      ['a', 'y+Y', 2],
    ])
  })

  it('with a cache the two updates of one record collapse into one result at commit', () => {
    expect(selfJoin(10 * 1024 * 1024)).toEqual([
      ['a', 'x+X', 1],
      ['a', 'y+Y', 2],
    ])
  })
})
