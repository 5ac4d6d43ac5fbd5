// Scenario tests of windowed stream–stream joins, modelled on Kafka Streams'
// KStreamKStreamJoinTest, KStreamKStreamLeftJoinTest, KStreamKStreamOuterJoinTest and
// KStreamKStreamSelfJoinTest: every test pipes records through the TopologyTestDriver and
// checks the exact (key, value, timestamp) results.
import { describe, expect, it } from 'vitest'
import {
  Consumed,
  JoinWindows,
  Produced,
  Serdes,
  StreamJoined,
  StreamsBuilder,
  TopologyTestDriver,
  type KStream,
  type Serde,
} from '../../index'

const S = Serdes.String()
const L = Serdes.Long()
const PROPS = {
  'application.id': 'join-test',
  'default.key.serde': S,
  'default.value.serde': S,
  'statestore.cache.max.bytes': 0,
}

type Kind = 'inner' | 'left' | 'outer'
type Out = [unknown, unknown, number | null]

const joiner = (l: string | null, r: string | null) => `${l}+${r}`

function join(
  kind: Kind,
  left: KStream<string, string>,
  right: KStream<string, string>,
  windows: JoinWindows,
  streamJoined?: StreamJoined<string, string, string>,
  fn: (l: string | null, r: string | null) => string = joiner,
): KStream<string, string> {
  switch (kind) {
    case 'inner':
      return left.join(right, fn, windows, streamJoined)
    case 'left':
      return left.leftJoin(right, fn, windows, streamJoined)
    case 'outer':
      return left.outerJoin(right, fn, windows, streamJoined)
  }
}

function drain<K, V>(
  driver: TopologyTestDriver,
  topic = 'out',
  keySerde: Serde<K> = S as unknown as Serde<K>,
  valueSerde: Serde<V> = S as unknown as Serde<V>,
): Out[] {
  return driver
    .createOutputTopic(topic, keySerde, valueSerde)
    .readRecordsToList()
    .map((r) => [r.key(), r.value(), r.timestamp()])
}

function streamJoin(
  kind: Kind,
  windows: JoinWindows,
  streamJoined?: StreamJoined<string, string, string>,
  props: Record<string, unknown> = PROPS,
) {
  const builder = new StreamsBuilder()
  const left = builder.stream<string, string>('left')
  const right = builder.stream<string, string>('right')
  join(kind, left, right, windows, streamJoined).to('out')
  const driver = new TopologyTestDriver(builder.build(), props, 0)
  return {
    driver,
    left: driver.createInputTopic('left', S, S, 0),
    right: driver.createInputTopic('right', S, S, 0),
    out: () => drain(driver),
  }
}

function droppedByNode(driver: TopologyTestDriver): Record<string, Record<string, number>> {
  const dropped: Record<string, Record<string, number>> = {}
  for (const m of driver.metrics()) if (m.dropped > 0) dropped[m.node] = m.droppedByReason
  return dropped
}

describe('inner stream–stream join', () => {
  it('joins each record with every record of the other side in the window, in store order (KStreamKStreamJoinTest.testJoin)', () => {
    const { left, right, out } = streamJoin('inner', JoinWindows.ofTimeDifferenceWithNoGrace(100))
    left.pipeInput('k0', 'A0', 0)
    left.pipeInput('k1', 'A1', 0)
    expect(out()).toEqual([])
    right.pipeInput('k0', 'a0', 0)
    right.pipeInput('k1', 'a1', 0)
    expect(out()).toEqual([
      ['k0', 'A0+a0', 0],
      ['k1', 'A1+a1', 0],
    ])
    for (const k of ['k0', 'k1', 'k2']) left.pipeInput(k, `B${k.slice(1)}`, 0)
    expect(out()).toEqual([
      ['k0', 'B0+a0', 0],
      ['k1', 'B1+a1', 0],
    ])
    // Both left records of k0 are in the store (duplicates are kept), oldest first.
    for (const k of ['k0', 'k1', 'k2', 'k3']) right.pipeInput(k, `b${k.slice(1)}`, 0)
    expect(out()).toEqual([
      ['k0', 'A0+b0', 0],
      ['k0', 'B0+b0', 0],
      ['k1', 'A1+b1', 0],
      ['k1', 'B1+b1', 0],
      ['k2', 'B2+b2', 0],
    ])
    for (const k of ['k0', 'k1', 'k2', 'k3']) left.pipeInput(k, `C${k.slice(1)}`, 0)
    expect(out()).toEqual([
      ['k0', 'C0+a0', 0],
      ['k0', 'C0+b0', 0],
      ['k1', 'C1+a1', 0],
      ['k1', 'C1+b1', 0],
      ['k2', 'C2+b2', 0],
      ['k3', 'C3+b3', 0],
    ])
  })

  it('includes both window bounds and stamps results with the larger timestamp (KStreamKStreamJoinTest.testWindowing)', () => {
    const { left, right, out } = streamJoin('inner', JoinWindows.ofTimeDifferenceWithNoGrace(100))
    left.pipeInput('k', 'L', 1000)
    right.pipeInput('k', 'r899', 899)
    right.pipeInput('k', 'r900', 900)
    right.pipeInput('k', 'r1100', 1100)
    right.pipeInput('k', 'r1101', 1101)
    expect(out()).toEqual([
      ['k', 'L+r900', 1000],
      ['k', 'L+r1100', 1100],
    ])
    // A left record probes [t - 100, t + 100] of the right store, in timestamp order.
    left.pipeInput('k', 'L2', 1001)
    expect(out()).toEqual([
      ['k', 'L2+r1100', 1100],
      ['k', 'L2+r1101', 1101],
    ])
  })

  it('with after(100) and before 0, a left record at t matches right records in [t, t+100] (testAsymmetricWindowingAfter)', () => {
    const { left, right, out } = streamJoin(
      'inner',
      JoinWindows.ofTimeDifferenceAndGrace(0, 1000).after(100),
    )
    left.pipeInput('k', 'A', 1000)
    // A right record at t matches left records in [t - 100, t].
    right.pipeInput('k', 'r999', 999)
    right.pipeInput('k', 'r1000', 1000)
    right.pipeInput('k', 'r1100', 1100)
    right.pipeInput('k', 'r1101', 1101)
    expect(out()).toEqual([
      ['k', 'A+r1000', 1000],
      ['k', 'A+r1100', 1100],
    ])
    left.pipeInput('k', 'B', 1050)
    expect(out()).toEqual([
      ['k', 'B+r1100', 1100],
      ['k', 'B+r1101', 1101],
    ])
  })

  it('with before(100) and after 0, a left record at t matches right records in [t-100, t] (testAsymmetricWindowingBefore)', () => {
    const { left, right, out } = streamJoin(
      'inner',
      JoinWindows.ofTimeDifferenceAndGrace(0, 1000).before(100),
    )
    left.pipeInput('k', 'A', 1000)
    // A right record at t matches left records in [t, t + 100].
    right.pipeInput('k', 'r899', 899)
    right.pipeInput('k', 'r900', 900)
    right.pipeInput('k', 'r1000', 1000)
    right.pipeInput('k', 'r1001', 1001)
    expect(out()).toEqual([
      ['k', 'A+r900', 1000],
      ['k', 'A+r1000', 1000],
    ])
    left.pipeInput('k', 'B', 1000)
    expect(out()).toEqual([
      ['k', 'B+r900', 1000],
      ['k', 'B+r1000', 1000],
    ])
  })

  it('drops null keys and null values on both sides, counted at the join processors', () => {
    const { driver, left, right, out } = streamJoin(
      'inner',
      JoinWindows.ofTimeDifferenceWithNoGrace(100),
    )
    left.pipeInput('k', 'A', 0)
    left.pipeInput(null, 'N', 0)
    left.pipeInput('k', null, 0)
    right.pipeInput(null, 'n', 0)
    right.pipeInput('k', null, 0)
    expect(out()).toEqual([])
    right.pipeInput('k', 'a', 0)
    expect(out()).toEqual([['k', 'A+a', 0]])
    expect(droppedByNode(driver)).toEqual({
      'KSTREAM-JOINTHIS-0000000004': { 'null-key': 1, 'null-value': 1 },
      'KSTREAM-JOINOTHER-0000000005': { 'null-key': 1, 'null-value': 1 },
    })
    expect(driver.warnings().map((w) => w.message)).toContain(
      'Skipping record due to null key or value. topic=[left] partition=[0] offset=[1]',
    )
  })

  it('misses records the other store already expired (retention = size + grace), without dropping the late record', () => {
    const { driver, left, right, out } = streamJoin(
      'inner',
      JoinWindows.ofTimeDifferenceWithNoGrace(100),
    )
    left.pipeInput('k', 'A', 0)
    // The left store's own time moves to 500: A (start 0 <= 500 - 200) is expired.
    left.pipeInput('x', 'X', 500)
    right.pipeInput('k', 'late', 50)
    expect(out()).toEqual([])
    expect(droppedByNode(driver)).toEqual({})
  })

  it('keeps duplicates in the window stores and takes value serdes from StreamJoined', () => {
    const builder = new StreamsBuilder()
    const left = builder.stream('left', Consumed.with(S, L))
    const right = builder.stream('right', Consumed.with(S, L))
    left
      .join(
        right,
        (l: number, r: number) => l * 100 + r,
        JoinWindows.ofTimeDifferenceWithNoGrace(10),
        StreamJoined.with(S, L, L).withStoreName('j'),
      )
      .to('out', Produced.with(S, L))
    const driver = new TopologyTestDriver(builder.build(), PROPS, 0)
    const leftIn = driver.createInputTopic('left', S, L, 0)
    const rightIn = driver.createInputTopic('right', S, L, 0)
    leftIn.pipeInput('k', 1, 5)
    leftIn.pipeInput('k', 2, 5)
    rightIn.pipeInput('k', 3, 7)
    expect(drain(driver, 'out', S, L)).toEqual([
      ['k', 103, 7],
      ['k', 203, 7],
    ])
    const stored = [
      ...(driver.getWindowStore<string, number>('j-this-join-store')?.fetch('k', 0, 10) ?? []),
    ]
    expect(stored.map((kv) => [kv.key, kv.value])).toEqual([
      [5, 1],
      [5, 2],
    ])
  })
})

describe('left stream–stream join', () => {
  it('with the deprecated JoinWindows.of, emits unmatched left records at once, and again when matched (testLeftJoin)', () => {
    const { driver, left, right, out } = streamJoin('left', JoinWindows.of(100))
    expect(driver.getAllStateStores().size).toBe(2)
    left.pipeInput('k0', 'A0', 0)
    left.pipeInput('k1', 'A1', 0)
    expect(out()).toEqual([
      ['k0', 'A0+null', 0],
      ['k1', 'A1+null', 0],
    ])
    right.pipeInput('k0', 'a0', 0)
    right.pipeInput('k1', 'a1', 0)
    expect(out()).toEqual([
      ['k0', 'A0+a0', 0],
      ['k1', 'A1+a1', 0],
    ])
    for (const k of ['k0', 'k1', 'k2']) left.pipeInput(k, `B${k.slice(1)}`, 0)
    expect(out()).toEqual([
      ['k0', 'B0+a0', 0],
      ['k1', 'B1+a1', 0],
      ['k2', 'B2+null', 0],
    ])
    // Right records without a left partner produce nothing.
    for (const k of ['k0', 'k1', 'k2', 'k3']) right.pipeInput(k, `b${k.slice(1)}`, 0)
    expect(out()).toEqual([
      ['k0', 'A0+b0', 0],
      ['k0', 'B0+b0', 0],
      ['k1', 'A1+b1', 0],
      ['k1', 'B1+b1', 0],
      ['k2', 'B2+b2', 0],
    ])
  })

  it('holds unmatched left records until join stream time passes ts + after + grace, then the left processor emits them (testLeftExpiredNonJoinedRecordsAreEmittedByTheLeftProcessor)', () => {
    const { left, right, out } = streamJoin('left', JoinWindows.ofTimeDifferenceAndGrace(100, 0))
    left.pipeInput('k0', 'A0', 1)
    left.pipeInput('k1', 'A1', 2)
    left.pipeInput('k0', 'A0-0', 3)
    expect(out()).toEqual([])
    right.pipeInput('k1', 'a1', 3)
    expect(out()).toEqual([['k1', 'A1+a1', 3]])
    // Emitted with their own timestamps, before the record that moved time on is processed.
    left.pipeInput('k2', 'dummy', 401)
    expect(out()).toEqual([
      ['k0', 'A0+null', 1],
      ['k0', 'A0-0+null', 3],
    ])
    right.pipeInput('k2', 'dummy', 401)
    expect(out()).toEqual([['k2', 'dummy+dummy', 401]])
  })

  it('shares stream time between both sides: a right record emits expired left records (testLeftExpiredNonJoinedRecordsAreEmittedByTheRightProcessor)', () => {
    const { left, right, out } = streamJoin('left', JoinWindows.ofTimeDifferenceAndGrace(100, 0))
    left.pipeInput('k0', 'A0', 1)
    left.pipeInput('k1', 'A1', 2)
    left.pipeInput('k0', 'A0-0', 3)
    right.pipeInput('k1', 'a1', 3)
    expect(out()).toEqual([['k1', 'A1+a1', 3]])
    right.pipeInput('k2', 'dummy', 401)
    expect(out()).toEqual([
      ['k0', 'A0+null', 1],
      ['k0', 'A0-0+null', 3],
    ])
    left.pipeInput('k2', 'dummy', 402)
    expect(out()).toEqual([['k2', 'dummy+dummy', 402]])
  })

  it('never emits unmatched right records (testRightNonJoinedRecordsAreNeverEmittedByTheLeftProcessor)', () => {
    const { left, right, out } = streamJoin('left', JoinWindows.ofTimeDifferenceAndGrace(100, 0))
    right.pipeInput('k0', 'A0', 1)
    right.pipeInput('k1', 'A1', 2)
    right.pipeInput('k0', 'A0-0', 3)
    left.pipeInput('k1', 'a1', 3)
    expect(out()).toEqual([['k1', 'a1+A1', 3]])
    left.pipeInput('k2', 'dummy', 401)
    expect(out()).toEqual([])
    right.pipeInput('k2', 'dummy', 402)
    expect(out()).toEqual([['k2', 'dummy+dummy', 402]])
  })

  it('emits no null result for a record matched later within its window, and drops it from the shared store', () => {
    const { driver, left, right, out } = streamJoin(
      'left',
      JoinWindows.ofTimeDifferenceAndGrace(100, 0),
      StreamJoined.as('j'),
    )
    const shared = () =>
      driver.getKeyValueStore('j-left-shared-join-store')?.approximateNumEntries()
    left.pipeInput('k', 'A', 0)
    expect(shared()).toBe(1)
    right.pipeInput('k', 'a', 100)
    expect(out()).toEqual([['k', 'A+a', 100]])
    expect(shared()).toBe(0)
    left.pipeInput('x', 'X', 500)
    expect(out()).toEqual([])
    expect(shared()).toBe(1)
  })

  // Join stores are never cached (they keep duplicates), so the default cache changes nothing.
  it.each([
    ['caching off', PROPS],
    ['the default cache', { ...PROPS, 'statestore.cache.max.bytes': undefined }],
  ])(
    'emits non-joined duplicates once their window closes, and joined duplicates only as joins, with %s (testLeftJoinDuplicates)',
    (_name, props) => {
      const { left, right, out } = streamJoin(
        'left',
        JoinWindows.ofTimeDifferenceAndGrace(100, 10),
        undefined,
        props,
      )
      left.pipeInput('k0', 'A0', 0)
      left.pipeInput('k0', 'A0-0', 0)
      right.pipeInput('k1', 'a0', 111)
      right.pipeInput('k2', 'dummy', 500)
      expect(out()).toEqual([
        ['k0', 'A0+null', 0],
        ['k0', 'A0-0+null', 0],
      ])
      left.pipeInput('k2', 'A2', 1000)
      left.pipeInput('k2', 'A2-0', 1000)
      right.pipeInput('k2', 'a2', 1001)
      expect(out()).toEqual([
        ['k2', 'A2+a2', 1001],
        ['k2', 'A2-0+a2', 1001],
      ])
      // Out of order and past nothing: the matched left records stay matched.
      right.pipeInput('k3', 'a3', 315)
      expect(out()).toEqual([])
    },
  )

  it('waits for the grace period: a late right record within grace still joins, and held records leave only once stream time > ts + after + grace', () => {
    const { left, right, out } = streamJoin('left', JoinWindows.ofTimeDifferenceAndGrace(100, 50))
    left.pipeInput('k', 'A', 0)
    left.pipeInput('x', 'X', 140)
    right.pipeInput('k', 'a', 60)
    expect(out()).toEqual([['k', 'A+a', 60]])
    left.pipeInput('y', 'Y', 151)
    expect(out()).toEqual([])
    // X closes after 140 + 100 + 50 = 290.
    right.pipeInput('w', 'W', 290)
    expect(out()).toEqual([])
    right.pipeInput('w', 'W2', 291)
    expect(out()).toEqual([['x', 'X+null', 140]])
  })

  it('emits an out-of-order left record at once when its window already ended, and holds one whose window is open', () => {
    const { left, right, out } = streamJoin('left', JoinWindows.ofTimeDifferenceAndGrace(100, 0))
    left.pipeInput('k', 'A', 1000)
    left.pipeInput('j', 'J', 850)
    expect(out()).toEqual([['j', 'J+null', 850]])
    left.pipeInput('m', 'M', 950)
    expect(out()).toEqual([])
    right.pipeInput('m', 'm', 1000)
    expect(out()).toEqual([['m', 'M+m', 1000]])
  })

  it('emits a left null-key record at once as joiner(null, v, null), drops a right one (KIP-962)', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('left')
      .leftJoin(
        builder.stream<string, string>('right'),
        (k: string | null, l: string | null, r: string | null) => `${k}:${l}+${r}`,
        JoinWindows.ofTimeDifferenceAndGrace(100, 0),
      )
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), PROPS, 0)
    const left = driver.createInputTopic('left', S, S, 0)
    const right = driver.createInputTopic('right', S, S, 0)
    left.pipeInput('k', 'A', 0)
    left.pipeInput(null, 'N', 200)
    expect(drain(driver)).toEqual([[null, 'null:N+null', 200]])
    // The null-key record moved the join's stream time to 200: this right record is behind
    // it, so it triggers no emission of A.
    right.pipeInput(null, 'n', 150)
    right.pipeInput('x', 'y', 150)
    left.pipeInput('k', null, 150)
    expect(drain(driver)).toEqual([])
    expect(droppedByNode(driver)).toEqual({
      'KSTREAM-OUTEROTHER-0000000005': { 'null-key': 1 },
      'KSTREAM-JOINTHIS-0000000004': { 'null-value': 1 },
    })
    right.pipeInput('x', 'z', 200)
    expect(drain(driver)).toEqual([['k', 'k:A+null', 0]])
  })
})

describe('outer stream–stream join', () => {
  it('with the deprecated JoinWindows.of, emits unmatched records of both sides at once', () => {
    const { left, right, out } = streamJoin('outer', JoinWindows.of(100))
    left.pipeInput('k', 'A', 0)
    right.pipeInput('j', 'b', 0)
    right.pipeInput('k', 'a', 0)
    expect(out()).toEqual([
      ['k', 'A+null', 0],
      ['j', 'null+b', 0],
      ['k', 'A+a', 0],
    ])
  })

  it('closes right records after ts + before + grace and left records after ts + after + grace', () => {
    const { left, right, out } = streamJoin(
      'outer',
      JoinWindows.ofTimeDifferenceWithNoGrace(0).before(50).after(100),
    )
    left.pipeInput('a', 'L', 0)
    right.pipeInput('b', 'R', 0)
    expect(out()).toEqual([])
    right.pipeInput('c', 'X', 51)
    expect(out()).toEqual([['b', 'null+R', 0]])
    // X (right, 51) stays until stream time passes 101; L (left, 0) leaves after 100.
    right.pipeInput('d', 'Y', 101)
    expect(out()).toEqual([['a', 'L+null', 0]])
    right.pipeInput('e', 'Z', 102)
    expect(out()).toEqual([['c', 'null+X', 51]])
  })

  it('emits held records in (timestamp, right before left, key) order', () => {
    const { left, right, out } = streamJoin('outer', JoinWindows.ofTimeDifferenceWithNoGrace(10))
    left.pipeInput('b', 'Lb', 0)
    left.pipeInput('a', 'La', 0)
    right.pipeInput('d', 'Rd', 0)
    right.pipeInput('c', 'Rc', 0)
    left.pipeInput('e', 'Le', 5)
    right.pipeInput('f', 'Rf', 3)
    expect(out()).toEqual([])
    left.pipeInput('z', 'Z', 100)
    expect(out()).toEqual([
      ['c', 'null+Rc', 0],
      ['d', 'null+Rd', 0],
      ['a', 'La+null', 0],
      ['b', 'Lb+null', 0],
      ['f', 'null+Rf', 3],
      ['e', 'Le+null', 5],
    ])
  })

  it('matches held records from either side and emits only the joins (KStreamKStreamOuterJoinTest.testOuterJoin)', () => {
    const { left, right, out } = streamJoin('outer', JoinWindows.ofTimeDifferenceAndGrace(100, 0))
    left.pipeInput('k0', 'A0', 0)
    right.pipeInput('k1', 'a1', 0)
    expect(out()).toEqual([])
    right.pipeInput('k0', 'a0', 50)
    left.pipeInput('k1', 'A1', 60)
    expect(out()).toEqual([
      ['k0', 'A0+a0', 50],
      ['k1', 'A1+a1', 60],
    ])
    right.pipeInput('k9', 'late', 1000)
    left.pipeInput('k9', 'x', 2000)
    expect(out()).toEqual([['k9', 'null+late', 1000]])
  })

  it('emits null-key records of both sides at once', () => {
    const { driver, left, right, out } = streamJoin(
      'outer',
      JoinWindows.ofTimeDifferenceAndGrace(100, 0),
    )
    left.pipeInput(null, 'N', 10)
    right.pipeInput(null, 'n', 20)
    left.pipeInput('k', null, 30)
    expect(out()).toEqual([
      [null, 'N+null', 10],
      [null, 'null+n', 20],
    ])
    expect(droppedByNode(driver)).toEqual({
      'KSTREAM-OUTERTHIS-0000000004': { 'null-value': 1 },
    })
  })
})

describe('stream–stream join plumbing', () => {
  it('runs a self-join as one processor (single.store.self.join) with the same results as the two-processor join', () => {
    const inputs: [string, string, number][] = [
      ['k', 'A', 0],
      ['k', 'B', 50],
      ['k', 'C', 200],
      ['k', 'D', 20],
      ['j', 'E', 210],
      ['k', 'F', 5],
    ]
    const run = (optimize: boolean) => {
      const builder = new StreamsBuilder()
      const stream = builder.stream<string, string>('in')
      stream.join(stream, joiner, JoinWindows.ofTimeDifferenceWithNoGrace(100)).to('out')
      const topology = optimize
        ? builder.build({ 'topology.optimization': 'all' })
        : builder.build()
      const driver = new TopologyTestDriver(topology, PROPS, 0)
      const input = driver.createInputTopic('in', S, S, 0)
      for (const [k, v, t] of inputs) input.pipeInput(k, v, t)
      return { driver, out: drain(driver) }
    }
    const optimized = run(true)
    expect(optimized.driver.metrics().map((m) => m.node)).not.toContain(
      'KSTREAM-JOINTHIS-0000000003',
    )
    expect(optimized.driver.getAllStateStores().size).toBe(1)
    const expected: Out[] = [
      ['k', 'A+A', 0],
      ['k', 'B+A', 50],
      ['k', 'A+B', 50],
      ['k', 'B+B', 50],
      ['k', 'C+C', 200],
      // A expired (start 0 <= 200 - retention 200); D joins itself at its place in time order.
      ['k', 'D+B', 50],
      ['k', 'D+D', 20],
      ['k', 'B+D', 50],
      ['j', 'E+E', 210],
      // F is already expired for its own store (5 <= 210 - 200): it never meets itself.
      ['k', 'F+D', 20],
      ['k', 'F+B', 50],
      ['k', 'D+F', 20],
      ['k', 'B+F', 50],
    ]
    expect(optimized.out).toEqual(expected)
    expect(run(false).out).toEqual(expected)
  })

  it('joins after selectKey through both repartition topics', () => {
    const builder = new StreamsBuilder()
    const byPrefix = (_k: string | null, v: string) => v.split(':')[0] as string
    const left = builder.stream<string, string>('left').selectKey(byPrefix)
    const right = builder.stream<string, string>('right').selectKey(byPrefix)
    left.join(right, joiner, JoinWindows.ofTimeDifferenceWithNoGrace(100)).to('out')
    const driver = new TopologyTestDriver(builder.build(), PROPS, 0)
    driver.createInputTopic('left', S, S, 0).pipeInput('x', 'a:1', 10)
    driver.createInputTopic('right', S, S, 0).pipeInput('y', 'a:2', 20)
    driver.createInputTopic('right', S, S, 0).pipeInput('z', 'b:3', 30)
    expect(drain(driver)).toEqual([['a', 'a:1+a:2', 20]])
    const repartitions = [...driver.producedTopicNames()].filter((t) => t.endsWith('-repartition'))
    expect(repartitions.sort()).toEqual([
      'join-test-KSTREAM-KEY-SELECT-0000000001-repartition',
      'join-test-KSTREAM-KEY-SELECT-0000000003-repartition',
    ])
  })

  it('encodes held records with the StreamJoined serdes (Long values through the shared store)', () => {
    const builder = new StreamsBuilder()
    builder
      .stream('left', Consumed.with(S, L))
      .leftJoin(
        builder.stream('right', Consumed.with(S, L)),
        (l: number, r: number | null) => l * 100 + (r ?? 99),
        JoinWindows.ofTimeDifferenceAndGrace(10, 0),
        StreamJoined.with(S, L, L),
      )
      .to('out', Produced.with(S, L))
    const driver = new TopologyTestDriver(builder.build(), PROPS, 0)
    const left = driver.createInputTopic('left', S, L, 0)
    const right = driver.createInputTopic('right', S, L, 0)
    left.pipeInput('k', 7, 0)
    left.pipeInput('k', 8, 0)
    right.pipeInput('z', 1, 100)
    expect(drain(driver, 'out', S, L)).toEqual([
      ['k', 799, 0],
      ['k', 899, 0],
    ])
  })
})
