// Scenario tests for KTable#suppress, modelled on Kafka's SuppressScenarioTest and
// KTableSuppressProcessorTest.
import { describe, expect, it } from 'vitest'
import {
  BufferConfig,
  Consumed,
  KeyValue,
  Materialized,
  Produced,
  Serdes,
  SessionWindows,
  StreamsBuilder,
  StreamsException,
  Suppressed,
  TimeWindows,
  TopologyTestDriver,
  type KTable,
  type Serde,
  type Windowed,
} from '../../index'

const S = Serdes.String()
const L = Serdes.Long()
const B = Serdes.ByteArray()
const noCache = {
  'application.id': 'app',
  'default.key.serde': S,
  'default.value.serde': S,
  'statestore.cache.max.bytes': 0,
}
const withCache = { 'application.id': 'app', 'default.key.serde': S, 'default.value.serde': S }

type Row = [string | null, number | string | null, number]

function rows(
  driver: TopologyTestDriver,
  topic: string,
  valueSerde: Serde<unknown> = L as Serde<unknown>,
): Row[] {
  return driver
    .createOutputTopic(topic, S, valueSerde)
    .readRecordsToList()
    .map((r) => [r.key(), r.value() as number | string | null, r.timestamp() as number])
}

/** A count per key, written raw to `raw` and through `suppressed` to `out`. */
function countThen(suppressed: Suppressed, props: Record<string, unknown> = noCache) {
  const builder = new StreamsBuilder()
  const counts = builder
    .stream<string, string>('input')
    .groupByKey()
    .count(Materialized.with<string, number>(S, L))
  counts.toStream().to('raw', Produced.with(S, L))
  counts.suppress(suppressed).toStream().to('out', Produced.with(S, L))
  const driver = new TopologyTestDriver(builder.build(), props, 0)
  return {
    driver,
    input: driver.createInputTopic('input', S, S),
    raw: () => rows(driver, 'raw'),
    out: () => rows(driver, 'out'),
  }
}

function windowedKeys(table: KTable<Windowed<string>, number>, topic: string): void {
  table
    .toStream()
    .map((k, v) => KeyValue.pair(k.toString(), v))
    .to(topic, Produced.with(S, L))
}

describe('KTableSuppress: untilTimeLimit', () => {
  it('a zero time limit emits every update at once (shouldImmediatelyEmitEventsWithZeroEmitAfter)', () => {
    const { driver, input, raw, out } = countThen(
      Suppressed.untilTimeLimit(0, BufferConfig.unbounded()),
    )
    input.pipeInput('k1', 'v1', 0)
    input.pipeInput('k1', 'v2', 1)
    input.pipeInput('k2', 'v1', 2)
    const expected: Row[] = [
      ['k1', 1, 0],
      ['k1', 2, 1],
      ['k2', 1, 2],
    ]
    expect(raw()).toEqual(expected)
    expect(out()).toEqual(expected)
    driver.close()
  })

  it('holds a key until stream time passes its first update + limit, then emits its latest value and timestamp', () => {
    const { driver, input, out } = countThen(Suppressed.untilTimeLimit(2, BufferConfig.unbounded()))
    input.pipeInput('k1', 'v1', 0)
    input.pipeInput('k1', 'v2', 1)
    expect(out()).toEqual([])
    input.pipeInput('k2', 'v1', 2) // stream time 2 - 2 >= buffer time 0 of k1 (not reset at 1)
    expect(out()).toEqual([['k1', 2, 1]])
    input.pipeInput('tick', 'tick', 3)
    expect(out()).toEqual([])
    input.pipeInput('tick', 'tick', 4)
    expect(out()).toEqual([['k2', 1, 2]])
    driver.close()
  })

  it('evicts only while processing a record: wall-clock time and other inputs do not flush it', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('input')
      .groupByKey()
      .count(Materialized.with<string, number>(S, L))
      .suppress(Suppressed.untilTimeLimit(10, BufferConfig.unbounded()))
      .toStream()
      .to('out', Produced.with(S, L))
    builder.stream<string, string>('other').to('sink')
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    driver.createInputTopic('input', S, S).pipeInput('k1', 'v', 0)
    driver.advanceWallClockTime(60_000)
    driver.createInputTopic('other', S, S).pipeInput('x', 'y', 100)
    expect(rows(driver, 'out')).toEqual([])
    driver.createInputTopic('input', S, S).pipeInput('k2', 'v', 10)
    expect(rows(driver, 'out')).toEqual([['k1', 1, 0]])
    driver.close()
  })

  it('emits tombstones of a table, and the deletion replaces the buffered update', () => {
    const builder = new StreamsBuilder()
    builder
      .table<string, string>('table')
      .suppress(Suppressed.untilTimeLimit(10, BufferConfig.unbounded()))
      .toStream()
      .to('out', Produced.with(S, S))
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    const input = driver.createInputTopic('table', S, S)
    input.pipeInput('A', 'a', 0)
    input.pipeInput('B', 'b', 10) // A leaves: 10 - 10 >= 0
    input.pipeInput('B', null, 12)
    input.pipeInput('A', 'a2', 15)
    input.pipeInput('A', null, 16)
    input.pipeInput('C', 'c', 30)
    expect(rows(driver, 'out', S)).toEqual([
      ['A', 'a', 0],
      ['B', null, 12],
      ['A', null, 16],
    ])
    driver.close()
  })

  it('maxRecords(1).emitEarlyWhenFull evicts the oldest key when a second one arrives', () => {
    const { driver, input, out } = countThen(
      Suppressed.untilTimeLimit(Number.MAX_SAFE_INTEGER, BufferConfig.maxRecords(1)),
    )
    input.pipeInput('k1', 'v1', 0)
    input.pipeInput('k1', 'v2', 1) // an update in place does not grow the buffer
    expect(out()).toEqual([])
    input.pipeInput('k2', 'v1', 2)
    expect(out()).toEqual([['k1', 2, 1]])
    input.pipeInput('k3', 'v1', 3)
    expect(out()).toEqual([['k2', 1, 2]])
    driver.close()
  })

  it('maxBytes counts key, values and record context as Kafka does (58 bytes overflow, 59 do not)', () => {
    // k1 first: 8 (time) + 2 (key) + 8 (old = prior, counted once) + 8 (new) + 25 (context:
    // 8 + 8 + 4 + "input") = 51; updated: prior and old counted apart = 59.
    const tight = countThen(Suppressed.untilTimeLimit(1_000_000, BufferConfig.maxBytes(58)))
    tight.input.pipeInput('k1', 'v1', 0)
    expect(tight.out()).toEqual([])
    tight.input.pipeInput('k1', 'v2', 1)
    expect(tight.out()).toEqual([['k1', 2, 1]])
    tight.driver.close()
    const exact = countThen(Suppressed.untilTimeLimit(1_000_000, BufferConfig.maxBytes(59)))
    exact.input.pipeInput('k1', 'v1', 0)
    exact.input.pipeInput('k1', 'v2', 1)
    expect(exact.out()).toEqual([])
    exact.input.pipeInput('k2', 'v1', 2) // 59 + 51 > 59: evict k1 only
    expect(exact.out()).toEqual([['k1', 2, 1]])
    exact.driver.close()
  })

  it('shutDownWhenFull fails with a StreamsException naming the processor and its limits', () => {
    const { driver, input } = countThen(
      Suppressed.untilTimeLimit(1_000_000, BufferConfig.maxRecords(1).shutDownWhenFull()).withName(
        'sup',
      ),
    )
    input.pipeInput('k1', 'v1', 0)
    expect(() => input.pipeInput('k2', 'v1', 1)).toThrow(StreamsException)
    const { driver: d2, input: i2 } = countThen(
      Suppressed.untilTimeLimit(1_000_000, BufferConfig.maxRecords(1).shutDownWhenFull()).withName(
        'sup',
      ),
    )
    i2.pipeInput('k1', 'v1', 0)
    expect(() => i2.pipeInput('k2', 'v1', 1)).toThrow(
      'sup buffer exceeded its max capacity. Currently [2/1] records and [102/9223372036854775807] bytes.',
    )
    driver.close()
    d2.close()
  })

  it('an unbounded buffer never fills', () => {
    const { driver, input, out } = countThen(
      Suppressed.untilTimeLimit(1_000_000, BufferConfig.unbounded()),
    )
    for (let i = 0; i < 200; i++) input.pipeInput(`k${i}`, 'v', i)
    expect(out()).toEqual([])
    driver.close()
  })

  it('with caching upstream, suppress sees (and emits) one update per key per commit', () => {
    const run = (props: Record<string, unknown>) => {
      const builder = new StreamsBuilder()
      builder
        .stream<string, string>('input')
        .flatMapValues((v: string) => v.split(','))
        .groupByKey()
        .count(Materialized.with<string, number>(S, L))
        .suppress(Suppressed.untilTimeLimit(0, BufferConfig.unbounded()))
        .toStream()
        .to('out', Produced.with(S, L))
      const driver = new TopologyTestDriver(builder.build(), props, 0)
      driver.createInputTopic('input', S, S).pipeInput('k', 'a,b,c', 5)
      return rows(driver, 'out')
    }
    expect(run(noCache)).toEqual([
      ['k', 1, 5],
      ['k', 2, 5],
      ['k', 3, 5],
    ])
    expect(run(withCache)).toEqual([['k', 3, 5]])
  })

  it('the buffer is changelogged at commit, without timestamps: each dirty key once, a tombstone once it left', () => {
    const { driver, input } = countThen(
      Suppressed.untilTimeLimit(5, BufferConfig.unbounded()).withName('sup'),
    )
    input.pipeInput('k1', 'v', 0)
    input.pipeInput('k2', 'v', 5)
    const changelog = driver
      .createOutputTopic('app-sup-store-changelog', S, B)
      .readRecordsToList()
      .map((r) => [r.key(), r.value() === null ? null : 'buffered', r.timestamp()])
    // As Kafka's InMemoryTimeOrderedKeyValueChangeBuffer: it leaves the timestamp to the
    // producer, and logs the dirty keys of a commit in its HashSet's order (k1 before k2).
    expect(changelog).toEqual([
      ['k1', 'buffered', null],
      ['k1', null, null],
      ['k2', 'buffered', null],
    ])
    driver.close()
  })

  it('lookups through a suppressed table read the value downstream last saw for buffered keys', () => {
    const builder = new StreamsBuilder()
    const suppressed = builder
      .table<string, string>('table')
      .suppress(Suppressed.untilTimeLimit(10, BufferConfig.unbounded()))
    builder
      .stream<string, string>('stream')
      .join(suppressed, (v: string, t: string) => `${v}:${t}`)
      .to('out', Produced.with(S, S))
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    const table = driver.createInputTopic('table', S, S)
    const stream = driver.createInputTopic('stream', S, S)
    table.pipeInput('A', 'a1', 0)
    table.pipeInput('B', 'b1', 10) // A's a1 leaves the buffer
    table.pipeInput('A', 'a2', 11) // buffered; downstream still sees a1
    stream.pipeInput('A', 'x', 12)
    stream.pipeInput('B', 'y', 12) // B is buffered and was never emitted: no row
    table.pipeInput('C', 'c', 30) // A and B leave the buffer
    stream.pipeInput('A', 'z', 31)
    stream.pipeInput('B', 'w', 31)
    expect(rows(driver, 'out', S)).toEqual([
      ['A', 'x:a1', 12],
      ['A', 'z:a2', 31],
      ['B', 'w:b1', 31],
    ])
    driver.close()
  })
})

describe('KTableSuppress: untilWindowCloses', () => {
  it('emits one final result per window once stream time reaches end + grace (shouldSupportFinalResultsForTimeWindows)', () => {
    const builder = new StreamsBuilder()
    const counts = builder
      .stream('input', Consumed.with(S, S))
      .groupByKey()
      .windowedBy(TimeWindows.ofSizeAndGrace(2, 1))
      .count(Materialized.as<string, number>('counts').withCachingDisabled())
    windowedKeys(counts, 'raw')
    windowedKeys(counts.suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())), 'out')
    const driver = new TopologyTestDriver(builder.build(), withCache, 0)
    const input = driver.createInputTopic('input', S, S)
    input.pipeInput('k1', 'v1', 0)
    input.pipeInput('k1', 'v1', 1)
    input.pipeInput('k1', 'v1', 2)
    input.pipeInput('k1', 'v1', 1)
    input.pipeInput('k1', 'v1', 0)
    expect(rows(driver, 'out')).toEqual([])
    input.pipeInput('k1', 'v1', 5)
    // dropped by the aggregation: its window closed at 3
    input.pipeInput('k1', 'v1', 0)
    expect(rows(driver, 'raw')).toEqual([
      ['[k1@0/2]', 1, 0],
      ['[k1@0/2]', 2, 1],
      ['[k1@2/4]', 1, 2],
      ['[k1@0/2]', 3, 1],
      ['[k1@0/2]', 4, 1],
      ['[k1@4/6]', 1, 5],
    ])
    expect(rows(driver, 'out')).toEqual([
      ['[k1@0/2]', 4, 1],
      ['[k1@2/4]', 1, 2],
    ])
    driver.close()
  })

  it('emits nothing while stream time stays below end + grace, whatever the wall clock does', () => {
    const builder = new StreamsBuilder()
    const counts = builder
      .stream('input', Consumed.with(S, S))
      .groupByKey()
      .windowedBy(TimeWindows.ofSizeAndGrace(10, 5))
      .count()
    windowedKeys(counts.suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())), 'out')
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    const input = driver.createInputTopic('input', S, S)
    input.pipeInput('k1', 'v', 1)
    input.pipeInput('k2', 'v', 14)
    driver.advanceWallClockTime(1_000_000)
    expect(rows(driver, 'out')).toEqual([])
    input.pipeInput('k2', 'v', 15)
    expect(rows(driver, 'out')).toEqual([['[k1@0/10]', 1, 1]])
    driver.close()
  })

  it('session windows close at end + gap + grace, and merged-away sessions are never emitted (shouldSupportFinalResultsForSessionWindows)', () => {
    const builder = new StreamsBuilder()
    const counts = builder
      .stream('input', Consumed.with(S, S))
      .groupByKey()
      .windowedBy(SessionWindows.ofInactivityGapAndGrace(5, 0))
      .count(Materialized.as<string, number>('counts').withCachingDisabled())
    windowedKeys(counts, 'raw')
    windowedKeys(counts.suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())), 'out')
    const driver = new TopologyTestDriver(builder.build(), withCache, 0)
    const input = driver.createInputTopic('input', S, S)
    input.pipeInput('k1', 'v1', 0)
    input.pipeInput('k1', 'v1', 5)
    input.pipeInput('k1', 'v1', 1)
    input.pipeInput('k2', 'v1', 11)
    input.pipeInput('k1', 'v1', 5) // late for the closed session [0, 5]
    input.pipeInput('k1', 'v1', 30)
    expect(rows(driver, 'raw')).toEqual([
      ['[k1@0/0]', 1, 0],
      ['[k1@0/0]', null, 0],
      ['[k1@0/5]', 2, 5],
      ['[k1@0/5]', null, 5],
      ['[k1@0/5]', 3, 5],
      ['[k2@11/11]', 1, 11],
      ['[k1@30/30]', 1, 30],
    ])
    expect(rows(driver, 'out')).toEqual([
      ['[k1@0/5]', 3, 5],
      ['[k2@11/11]', 1, 11],
    ])
    driver.close()
  })

  it('a full strict buffer of final results fails rather than emitting early', () => {
    const builder = new StreamsBuilder()
    const counts = builder
      .stream('input', Consumed.with(S, S))
      .groupByKey()
      .windowedBy(TimeWindows.ofSizeWithNoGrace(10))
      .count()
    windowedKeys(
      counts.suppress(Suppressed.untilWindowCloses(BufferConfig.maxRecords(1).shutDownWhenFull())),
      'out',
    )
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    const input = driver.createInputTopic('input', S, S)
    input.pipeInput('k1', 'v', 1)
    expect(() => input.pipeInput('k2', 'v', 2)).toThrow(/buffer exceeded its max capacity/)
    driver.close()
  })

  it('without a key serde the buffer falls back to the default one, which cannot write a windowed key', () => {
    // As Kafka: the windowed table has no key serde, so the suppression buffer uses
    // default.key.serde (String) for Windowed keys and the task fails.
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('input')
      .groupByKey()
      .windowedBy(TimeWindows.ofSizeAndGrace(2, 1))
      .count()
      .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()))
    const driver = new TopologyTestDriver(builder.build(), noCache, 0)
    const input = driver.createInputTopic('input', S, S)
    expect(() => input.pipeInput('k1', 'v1', 0)).toThrow(/StringSerializer/)
  })
})
