// Scenario tests for windowed aggregations, modelled on Kafka's KStreamWindowAggregateTest,
// KStreamSlidingWindowAggregateTest, KStreamSessionWindowAggregateProcessorTest and the
// emit-on-window-close tests.
import { describe, expect, it } from 'vitest'
import {
  EmitStrategy,
  Materialized,
  Named,
  Produced,
  Serdes,
  SessionWindows,
  SlidingWindows,
  StreamsBuilder,
  TimeWindows,
  TopologyTestDriver,
  WindowedSerdes,
  type KTable,
  type Serde,
  type Windowed,
} from '../../index'

const S = Serdes.String()
const L = Serdes.Long()
const noCache = {
  'application.id': 'app',
  'default.key.serde': S,
  'default.value.serde': S,
  'statestore.cache.max.bytes': 0,
}
const withCache = { 'application.id': 'app', 'default.key.serde': S, 'default.value.serde': S }

type Row<V> = [string, V | null, number]

/** Writes a windowed table to `out` with Kafka's windowed key layout. */
function toOut<V>(
  table: KTable<Windowed<string>, V>,
  keySerde: Serde<Windowed<string>>,
  valueSerde: Serde<V>,
): void {
  table.toStream().to('out', Produced.with(keySerde, valueSerde))
}

function read<V>(
  driver: TopologyTestDriver,
  keySerde: Serde<Windowed<string>>,
  valueSerde: Serde<V>,
): Row<V>[] {
  return driver
    .createOutputTopic('out', keySerde, valueSerde)
    .readRecordsToList()
    .map((r) => [String(r.key()), r.value(), r.timestamp() as number])
}

function node(driver: TopologyTestDriver, name: string) {
  const metrics = driver.metrics().find((m) => m.node === name)
  if (metrics === undefined) throw new Error(`no node ${name}`)
  return metrics
}

function timeWindowedCount(
  windows: TimeWindows,
  props: Record<string, unknown> = noCache,
  emit: EmitStrategy = EmitStrategy.onWindowUpdate(),
) {
  const builder = new StreamsBuilder()
  const table = builder
    .stream<string, string>('in')
    .groupByKey()
    .windowedBy(windows)
    .emitStrategy(emit)
    .count(Named.as('agg'), Materialized.as<string, number>('store'))
  const serde = WindowedSerdes.timeWindowedSerdeFrom(S, windows.sizeMs)
  toOut(table, serde, L)
  const driver = new TopologyTestDriver(builder.build(), props, 0)
  return { driver, input: driver.createInputTopic('in', S, S), out: () => read(driver, serde, L) }
}

describe('KStreamWindowAggregate: tumbling and hopping windows', () => {
  it('tumbling windows are [start, start + size) aligned to the epoch (KStreamWindowAggregateTest)', () => {
    const { driver, input, out } = timeWindowedCount(TimeWindows.ofSizeAndGrace(10, 1000))
    input.pipeInput('A', 'a', 0)
    input.pipeInput('A', 'a', 9)
    input.pipeInput('A', 'a', 10)
    input.pipeInput('B', 'b', 1003)
    input.pipeInput('B', 'b', 1009)
    input.pipeInput('B', 'b', 1010)
    expect(out()).toEqual([
      ['[A@0/10]', 1, 0],
      ['[A@0/10]', 2, 9],
      ['[A@10/20]', 1, 10],
      ['[B@1000/1010]', 1, 1003],
      ['[B@1000/1010]', 2, 1009],
      ['[B@1010/1020]', 1, 1010],
    ])
    driver.close()
  })

  it('a record lands in size/advance hopping windows, updated in window order', () => {
    const { driver, input, out } = timeWindowedCount(
      TimeWindows.ofSizeAndGrace(10, 1000).advanceBy(5),
    )
    input.pipeInput('A', 'a', 7)
    input.pipeInput('A', 'a', 12)
    input.pipeInput('A', 'a', 15)
    expect(out()).toEqual([
      ['[A@0/10]', 1, 7],
      ['[A@5/15]', 1, 7],
      ['[A@5/15]', 2, 12],
      ['[A@10/20]', 1, 12],
      ['[A@10/20]', 2, 15],
      ['[A@15/25]', 1, 15],
    ])
    driver.close()
  })

  it('no hopping window starts before the epoch: a record at 3 only lands in [0, 10)', () => {
    const { driver, input, out } = timeWindowedCount(
      TimeWindows.ofSizeAndGrace(10, 1000).advanceBy(5),
    )
    input.pipeInput('A', 'a', 3)
    expect(out()).toEqual([['[A@0/10]', 1, 3]])
    driver.close()
  })

  it('a window result carries the largest record timestamp in the window, even out of order', () => {
    const { driver, input, out } = timeWindowedCount(TimeWindows.ofSizeAndGrace(10, 100))
    input.pipeInput('A', 'a', 8)
    input.pipeInput('A', 'a', 3)
    input.pipeInput('A', 'a', 5)
    expect(out()).toEqual([
      ['[A@0/10]', 1, 8],
      ['[A@0/10]', 2, 8],
      ['[A@0/10]', 3, 8],
    ])
    driver.close()
  })

  it('out-of-order records within grace still update their window; later ones are dropped as expired', () => {
    const { driver, input, out } = timeWindowedCount(TimeWindows.ofSizeAndGrace(10, 5))
    input.pipeInput('A', 'a', 0)
    input.pipeInput('A', 'a', 14) // close time 9: [0, 10) still open
    input.pipeInput('A', 'a', 9)
    input.pipeInput('A', 'a', 15) // close time 10: [0, 10) closed
    input.pipeInput('A', 'a', 5)
    expect(out()).toEqual([
      ['[A@0/10]', 1, 0],
      ['[A@10/20]', 1, 14],
      ['[A@0/10]', 2, 9],
      ['[A@10/20]', 2, 15],
    ])
    expect(node(driver, 'agg').dropped).toBe(1)
    expect(node(driver, 'agg').droppedByReason).toEqual({ 'expired-window': 1 })
    expect(driver.warnings().map((w) => w.message)).toEqual([
      'Skipping record for expired window. topic=[in] partition=[0] offset=[4] timestamp=[5] window=[0,10) expiration=[10] streamTime=[15]',
    ])
    driver.close()
  })

  it('a window closes exactly when stream time reaches end + grace (no grace: at its end)', () => {
    const { driver, input, out } = timeWindowedCount(TimeWindows.ofSizeWithNoGrace(10))
    input.pipeInput('A', 'a', 10)
    input.pipeInput('A', 'a', 9)
    expect(out()).toEqual([['[A@10/20]', 1, 10]])
    expect(node(driver, 'agg').droppedByReason).toEqual({ 'expired-window': 1 })
    driver.close()
  })

  it('late records are dropped per window while younger hopping windows still update', () => {
    const { driver, input, out } = timeWindowedCount(TimeWindows.ofSizeWithNoGrace(10).advanceBy(5))
    input.pipeInput('A', 'a', 12)
    input.pipeInput('A', 'a', 9) // [0, 10) closed at 12, [5, 15) still open
    expect(out()).toEqual([
      ['[A@5/15]', 1, 12],
      ['[A@10/20]', 1, 12],
      ['[A@5/15]', 2, 12],
    ])
    expect(node(driver, 'agg').dropped).toBe(1)
    driver.close()
  })

  it('stream time is the aggregation\u2019s own: another key advances it, and late records of any key drop', () => {
    const { driver, input, out } = timeWindowedCount(TimeWindows.ofSizeWithNoGrace(10))
    input.pipeInput('A', 'a', 1)
    input.pipeInput('B', 'b', 25)
    input.pipeInput('A', 'a', 19)
    expect(out()).toEqual([
      ['[A@0/10]', 1, 1],
      ['[B@20/30]', 1, 25],
    ])
    expect(node(driver, 'agg').dropped).toBe(1)
    driver.close()
  })

  it('null keys are dropped, null values are aggregated (count counts them), as Kafka', () => {
    const { driver, input, out } = timeWindowedCount(TimeWindows.ofSizeAndGrace(10, 100))
    input.pipeInput(null, 'a', 1)
    input.pipeInput('A', null, 2)
    input.pipeInput('A', 'a', 3)
    expect(out()).toEqual([
      ['[A@0/10]', 1, 2],
      ['[A@0/10]', 2, 3],
    ])
    expect(node(driver, 'agg').droppedByReason).toEqual({ 'null-key': 1 })
    driver.close()
  })

  it('the window store holds one row per key and window, expired by retention (size + grace)', () => {
    const { driver, input } = timeWindowedCount(TimeWindows.ofSizeWithNoGrace(10))
    input.pipeInput('A', 'a', 3)
    input.pipeInput('A', 'a', 7)
    const store = driver.getTimestampedWindowStore<string, number>('store')
    expect(String(store?.fetch('A', 0))).toBe('<2,7>')
    input.pipeInput('B', 'b', 25) // store time 20: the window starting at 0 is past retention
    expect(store?.fetch('A', 0)).toBeNull()
    expect(String(store?.fetch('B', 20))).toBe('<1,25>')
    driver.close()
  })

  it('withRetention keeps closed windows readable in the store', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .groupByKey()
      .windowedBy(TimeWindows.ofSizeWithNoGrace(10))
      .count(Materialized.as<string, number>('store').withRetention(100))
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('A', 'a', 3)
    input.pipeInput('B', 'b', 25)
    expect(driver.getWindowStore<string, number>('store')?.fetch('A', 0)).toBe(1)
    driver.close()
  })

  it('reduce takes the first value as is and reduces later ones; aggregate starts from the initializer', () => {
    const builder = new StreamsBuilder()
    const windowed = builder
      .stream<string, string>('in')
      .groupByKey()
      .windowedBy(TimeWindows.ofSizeAndGrace(10, 100))
    const serde = WindowedSerdes.timeWindowedSerdeFrom(S, 10)
    windowed
      .reduce((agg: string, v: string) => `${agg}+${v}`)
      .toStream()
      .to('reduced', Produced.with(serde, S))
    windowed
      .aggregate(
        () => '0',
        (_k, v: string, agg: string) => `${agg}+${v}`,
        Materialized.with<string, string>(S, S),
      )
      .toStream()
      .to('aggregated', Produced.with(serde, S))
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('A', '1', 1)
    input.pipeInput('A', '2', 2)
    const rows = (topic: string) =>
      driver
        .createOutputTopic(topic, serde, S)
        .readKeyValuesToList()
        .map((kv) => `${String(kv.key)}=${kv.value}`)
    expect(rows('reduced')).toEqual(['[A@0/10]=1', '[A@0/10]=1+2'])
    expect(rows('aggregated')).toEqual(['[A@0/10]=0+1', '[A@0/10]=0+1+2'])
    driver.close()
  })

  it('with caching, updates of a window made while processing one record leave as one result', () => {
    const build = () => {
      const builder = new StreamsBuilder()
      const table = builder
        .stream<string, string>('in')
        .flatMapValues((v: string) => v.split(','))
        .groupByKey()
        .windowedBy(TimeWindows.ofSizeAndGrace(10, 100))
        .count()
      const serde = WindowedSerdes.timeWindowedSerdeFrom(S, 10)
      toOut(table, serde, L)
      return { builder, serde }
    }
    const uncached = build()
    const d1 = new TopologyTestDriver(uncached.builder.build(), noCache, 0)
    d1.createInputTopic('in', S, S).pipeInput('A', 'x,y,z', 5)
    expect(read(d1, uncached.serde, L)).toEqual([
      ['[A@0/10]', 1, 5],
      ['[A@0/10]', 2, 5],
      ['[A@0/10]', 3, 5],
    ])
    const cached = build()
    const d2 = new TopologyTestDriver(cached.builder.build(), withCache, 0)
    d2.createInputTopic('in', S, S).pipeInput('A', 'x,y,z', 5)
    expect(read(d2, cached.serde, L)).toEqual([['[A@0/10]', 3, 5]])
    d1.close()
    d2.close()
  })
})

describe('KStreamWindowAggregate with emitStrategy(onWindowClose)', () => {
  it('emits each window once, after it closes, with no intermediate results', () => {
    const { driver, input, out } = timeWindowedCount(
      TimeWindows.ofSizeWithNoGrace(10),
      noCache,
      EmitStrategy.onWindowClose(),
    )
    input.pipeInput('A', 'a', 0)
    input.pipeInput('A', 'a', 5)
    input.pipeInput('B', 'b', 7)
    expect(out()).toEqual([])
    input.pipeInput('A', 'a', 12) // closes [0, 10)
    expect(out()).toEqual([
      ['[A@0/10]', 2, 5],
      ['[B@0/10]', 1, 7],
    ])
    input.pipeInput('A', 'a', 15)
    expect(out()).toEqual([])
    input.pipeInput('A', 'a', 20) // closes [10, 20)
    expect(out()).toEqual([['[A@10/20]', 2, 15]])
    driver.close()
  })

  it('waits for the grace period and for the emit interval of wall-clock time', () => {
    const builder = new StreamsBuilder()
    const table = builder
      .stream<string, string>('in')
      .groupByKey()
      .windowedBy(TimeWindows.ofSizeAndGrace(10, 5))
      .emitStrategy(EmitStrategy.onWindowClose())
      .count()
    const serde = WindowedSerdes.timeWindowedSerdeFrom(S, 10)
    toOut(table, serde, L)
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('A', 'a', 1)
    input.pipeInput('A', 'a', 14) // close time 9: [0, 10) still open
    input.pipeInput('A', 'a', 8)
    expect(read(driver, serde, L)).toEqual([])
    input.pipeInput('A', 'a', 15) // close time 10
    expect(read(driver, serde, L)).toEqual([['[A@0/10]', 2, 8]])
    driver.close()
  })

  it('with caching on, still emits only final results', () => {
    const { driver, input, out } = timeWindowedCount(
      TimeWindows.ofSizeWithNoGrace(10),
      withCache,
      EmitStrategy.onWindowClose(),
    )
    input.pipeInput('A', 'a', 1)
    input.pipeInput('A', 'a', 2)
    expect(out()).toEqual([])
    input.pipeInput('A', 'a', 30)
    expect(out()).toEqual([['[A@0/10]', 2, 2]])
    driver.close()
  })
})

describe('KStreamSlidingWindowAggregate', () => {
  function sliding(windows: SlidingWindows, emit = EmitStrategy.onWindowUpdate()) {
    const builder = new StreamsBuilder()
    const table = builder
      .stream<string, string>('in')
      .groupByKey()
      .windowedBy(windows)
      .emitStrategy(emit)
      .aggregate(
        () => '0',
        (_k, v: string, agg: string) => `${agg}+${v}`,
        Named.as('agg'),
        Materialized.with<string, string>(S, S),
      )
    // Sliding windows are stored with the time difference as their size.
    const serde = WindowedSerdes.timeWindowedSerdeFrom(S, windows.timeDifferenceMs)
    toOut(table, serde, S)
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    return { driver, input: driver.createInputTopic('in', S, S), out: () => read(driver, serde, S) }
  }

  it('creates left windows [t - d, t] and the right windows of previous records (testAggregateSmallInput)', () => {
    const { driver, input, out } = sliding(SlidingWindows.ofTimeDifferenceAndGrace(10, 50))
    input.pipeInput('A', '1', 10)
    input.pipeInput('A', '2', 15)
    input.pipeInput('A', '3', 20)
    input.pipeInput('A', '4', 22)
    input.pipeInput('A', '5', 30)
    expect(out()).toEqual([
      ['[A@0/10]', '0+1', 10],
      ['[A@11/21]', '0+2', 15],
      ['[A@5/15]', '0+1+2', 15],
      ['[A@11/21]', '0+2+3', 20],
      ['[A@16/26]', '0+3', 20],
      ['[A@10/20]', '0+1+2+3', 20],
      ['[A@16/26]', '0+3+4', 22],
      ['[A@21/31]', '0+4', 22],
      ['[A@12/22]', '0+2+3+4', 22],
      ['[A@21/31]', '0+4+5', 30],
      ['[A@23/33]', '0+5', 30],
      ['[A@20/30]', '0+3+4+5', 30],
    ])
    driver.close()
  })

  it('both window ends are inclusive: records exactly d apart share a window', () => {
    const { driver, input, out } = sliding(SlidingWindows.ofTimeDifferenceAndGrace(10, 50))
    input.pipeInput('A', '1', 10)
    input.pipeInput('A', '2', 20)
    expect(out()).toEqual([
      ['[A@0/10]', '0+1', 10],
      ['[A@11/21]', '0+2', 20],
      ['[A@10/20]', '0+1+2', 20],
    ])
    driver.close()
  })

  it('an out-of-order record updates windows containing it and creates its own right window', () => {
    const { driver, input, out } = sliding(SlidingWindows.ofTimeDifferenceAndGrace(10, 50))
    input.pipeInput('A', '1', 20)
    input.pipeInput('A', '2', 15)
    expect(out()).toEqual([
      ['[A@10/20]', '0+1', 20],
      ['[A@10/20]', '0+1+2', 20],
      ['[A@5/15]', '0+2', 15],
      // The right window of the record at 15 holds only the later record.
      ['[A@16/26]', '0+1', 20],
    ])
    driver.close()
  })

  it('records earlier than d share the window [0, d] (processEarly)', () => {
    const { driver, input, out } = sliding(SlidingWindows.ofTimeDifferenceAndGrace(10, 50))
    input.pipeInput('A', '1', 3)
    input.pipeInput('A', '2', 5)
    expect(out()).toEqual([
      ['[A@0/10]', '0+1', 3],
      ['[A@4/14]', '0+2', 5],
      ['[A@0/10]', '0+1+2', 5],
    ])
    driver.close()
  })

  it('drops a record iff t + d < stream time - grace; closed windows drop per window', () => {
    const { driver, input, out } = sliding(SlidingWindows.ofTimeDifferenceWithNoGrace(10))
    input.pipeInput('A', '1', 100)
    input.pipeInput('A', '2', 89) // 89 + 10 < 100: dropped
    input.pipeInput('A', '3', 90) // its left window [80, 90] is closed, [90, 100] is not
    expect(out()).toEqual([
      ['[A@90/100]', '0+1', 100],
      ['[A@90/100]', '0+1+3', 100],
      ['[A@91/101]', '0+1', 100],
    ])
    expect(node(driver, 'agg').droppedByReason).toEqual({ 'expired-window': 2 })
    expect(driver.warnings().map((w) => w.message)).toEqual([
      'Skipping record for expired window. topic=[in] partition=[0] offset=[1] timestamp=[89] window=[79,89] expiration=[100] streamTime=[100]',
      'Skipping record for expired window. topic=[in] partition=[0] offset=[2] timestamp=[90] window=[80,90] expiration=[100] streamTime=[100]',
    ])
    driver.close()
  })

  it('drops null keys and null values', () => {
    const { driver, input, out } = sliding(SlidingWindows.ofTimeDifferenceAndGrace(10, 50))
    input.pipeInput(null, '1', 10)
    input.pipeInput('A', null, 10)
    expect(out()).toEqual([])
    expect(node(driver, 'agg').droppedByReason).toEqual({ 'null-key': 1, 'null-value': 1 })
    driver.close()
  })

  it('emitStrategy(onWindowClose) emits a sliding window once the close time passes its (inclusive) end', () => {
    const { driver, input, out } = sliding(
      SlidingWindows.ofTimeDifferenceWithNoGrace(10),
      EmitStrategy.onWindowClose(),
    )
    input.pipeInput('A', '1', 10)
    input.pipeInput('A', '2', 10) // [0, 10] is open while the close time is 10
    expect(out()).toEqual([])
    input.pipeInput('A', '3', 11)
    expect(out()).toEqual([['[A@0/10]', '0+1+2', 10]])
    driver.close()
  })
})

describe('KStreamSessionWindowAggregate', () => {
  function sessions(windows: SessionWindows, props: Record<string, unknown> = noCache) {
    const builder = new StreamsBuilder()
    const table = builder
      .stream<string, string>('in')
      .groupByKey()
      .windowedBy(windows)
      .count(Named.as('agg'), Materialized.as<string, number>('sessions'))
    const serde = WindowedSerdes.sessionWindowedSerdeFrom(S)
    toOut(table, serde, L)
    const driver = new TopologyTestDriver(builder.build(), props, 0)
    return { driver, input: driver.createInputTopic('in', S, S), out: () => read(driver, serde, L) }
  }

  it('merges records exactly gap apart, tombstoning the replaced session first (shouldMergeSessions)', () => {
    const { driver, input, out } = sessions(SessionWindows.ofInactivityGapAndGrace(10, 100))
    input.pipeInput('A', 'a', 0)
    input.pipeInput('A', 'a', 10)
    input.pipeInput('A', 'a', 21) // more than gap after 10: a new session
    expect(out()).toEqual([
      ['[A@0/0]', 1, 0],
      ['[A@0/0]', null, 0],
      ['[A@0/10]', 2, 10],
      ['[A@21/21]', 1, 21],
    ])
    driver.close()
  })

  it('a record between two sessions merges both: tombstones carry the old session ends', () => {
    const { driver, input, out } = sessions(SessionWindows.ofInactivityGapAndGrace(10, 100))
    input.pipeInput('A', 'a', 0)
    input.pipeInput('A', 'a', 30)
    input.pipeInput('A', 'a', 20)
    expect(out()).toEqual([
      ['[A@0/0]', 1, 0],
      ['[A@30/30]', 1, 30],
      ['[A@30/30]', null, 30],
      ['[A@20/30]', 2, 30],
    ])
    input.pipeInput('A', 'a', 10)
    expect(out()).toEqual([
      ['[A@0/0]', null, 0],
      ['[A@20/30]', null, 30],
      ['[A@0/30]', 4, 30],
    ])
    const stored = [...(driver.getSessionStore<string, number>('sessions')?.fetch('A') ?? [])]
    expect(stored.map((kv) => `${String(kv.key)}=${kv.value}`)).toEqual(['[A@0/30]=4'])
    driver.close()
  })

  it('session results are timestamped with the session end, even for an earlier record', () => {
    const { driver, input, out } = sessions(SessionWindows.ofInactivityGapAndGrace(10, 100))
    input.pipeInput('A', 'a', 10)
    input.pipeInput('A', 'a', 5)
    expect(out()).toEqual([
      ['[A@10/10]', 1, 10],
      ['[A@10/10]', null, 10],
      ['[A@5/10]', 2, 10],
    ])
    driver.close()
  })

  it('drops a record whose merged session ends before stream time - grace - gap', () => {
    const { driver, input, out } = sessions(SessionWindows.ofInactivityGapWithNoGrace(10))
    input.pipeInput('A', 'a', 100) // close time 90
    input.pipeInput('B', 'b', 89)
    input.pipeInput('C', 'c', 90)
    input.pipeInput('A', 'a', 91) // merges into [91, 100], which is still open
    expect(out()).toEqual([
      ['[A@100/100]', 1, 100],
      ['[C@90/90]', 1, 90],
      ['[A@100/100]', null, 100],
      ['[A@91/100]', 2, 100],
    ])
    expect(node(driver, 'agg').droppedByReason).toEqual({ 'expired-window': 1 })
    expect(driver.warnings().map((w) => w.message)).toEqual([
      'Skipping record for expired window. topic=[in] partition=[0] offset=[1] timestamp=[89] window=[89,89] expiration=[90] streamTime=[100]',
    ])
    driver.close()
  })

  it('reduce merges sessions by reducing the later one into the earlier (mergerForAggregator)', () => {
    const builder = new StreamsBuilder()
    const serde = WindowedSerdes.sessionWindowedSerdeFrom(S)
    builder
      .stream<string, string>('in')
      .groupByKey()
      .windowedBy(SessionWindows.ofInactivityGapAndGrace(10, 100))
      .reduce((agg: string, v: string) => `${agg}+${v}`)
      .toStream()
      .to('out', Produced.with(serde, S))
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('A', 'a', 0)
    input.pipeInput('A', 'c', 20)
    input.pipeInput('A', 'b', 10)
    expect(read(driver, serde, S).at(-1)).toEqual(['[A@0/20]', 'a+c+b', 20])
    driver.close()
  })

  it('with caching, a session created and merged while processing one record emits only the merge', () => {
    const build = (props: Record<string, unknown>) => {
      const builder = new StreamsBuilder()
      const serde = WindowedSerdes.sessionWindowedSerdeFrom(S)
      builder
        .stream<string, string>('in')
        .flatMapValues((v: string) => v.split(','))
        .groupByKey()
        .windowedBy(SessionWindows.ofInactivityGapAndGrace(10, 100))
        .count()
        .toStream()
        .to('out', Produced.with(serde, L))
      const driver = new TopologyTestDriver(builder.build(), props, 0)
      driver.createInputTopic('in', S, S).pipeInput('A', 'x,y', 5)
      return read(driver, serde, L)
    }
    expect(build(noCache)).toEqual([
      ['[A@5/5]', 1, 5],
      ['[A@5/5]', 2, 5],
    ])
    expect(build(withCache)).toEqual([['[A@5/5]', 2, 5]])
  })

  it('emitStrategy(onWindowClose) emits each session once after end + gap + grace, without tombstones', () => {
    const builder = new StreamsBuilder()
    const serde = WindowedSerdes.sessionWindowedSerdeFrom(S)
    builder
      .stream<string, string>('in')
      .groupByKey()
      .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(10))
      .emitStrategy(EmitStrategy.onWindowClose())
      .count()
      .toStream()
      .to('out', Produced.with(serde, L))
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('A', 'a', 0)
    input.pipeInput('A', 'a', 5)
    input.pipeInput('B', 'b', 14) // close time 4
    expect(read(driver, serde, L)).toEqual([])
    input.pipeInput('B', 'b', 16) // close time 6: [0, 5] has ended before it
    expect(read(driver, serde, L)).toEqual([['[A@0/5]', 2, 5]])
    driver.close()
  })

  it('emitStrategy(onWindowClose) stores are never cached, so every store write reaches the changelog (Kafka: SessionWindowedStoreMaterializer disables caching for emit-final)', () => {
    const serde = WindowedSerdes.sessionWindowedSerdeFrom(S)
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .groupByKey()
      .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(10))
      .emitStrategy(EmitStrategy.onWindowClose())
      .count(Materialized.as('sessions'))
    // The default cache size: Kafka ignores it for emit-final stores.
    const driver = new TopologyTestDriver(builder.build(), withCache, 0)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('A', 'a', 0)
    input.pipeInput('A', 'a', 5)
    // Inside [0,5]: the session is removed, then written again; a cache would keep the write.
    input.pipeInput('A', 'a', 3)
    const changelog = driver
      .createOutputTopic('app-sessions-changelog', serde, L)
      .readRecordsToList()
      .map((r) => [String(r.key()), r.value()])
    expect(changelog).toEqual([
      ['[A@0/0]', 1],
      ['[A@0/0]', null],
      ['[A@0/5]', 2],
      ['[A@0/5]', null],
      ['[A@0/5]', 3],
    ])
  })

  it('emitStrategy(onWindowClose) builds time- and sliding-window stores without caching, onWindowUpdate with it (Kafka: the window store materializers)', () => {
    const cachingOf = (strategy: EmitStrategy, sliding: boolean): boolean | undefined => {
      const builder = new StreamsBuilder()
      const grouped = builder.stream<string, string>('in').groupByKey()
      const windowed = sliding
        ? grouped.windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(10))
        : grouped.windowedBy(TimeWindows.ofSizeWithNoGrace(10))
      windowed.emitStrategy(strategy).count(Materialized.as('windows'))
      return builder.build().internalBuilder.stateStores().get('windows')?.builder.cachingEnabled
    }
    expect(cachingOf(EmitStrategy.onWindowClose(), false)).toBe(false)
    expect(cachingOf(EmitStrategy.onWindowClose(), true)).toBe(false)
    expect(cachingOf(EmitStrategy.onWindowUpdate(), false)).toBe(true)
    expect(cachingOf(EmitStrategy.onWindowUpdate(), true)).toBe(true)
  })
})
