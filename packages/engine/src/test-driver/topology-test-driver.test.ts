import { describe, expect, it } from 'vitest'
import { records, stringProps } from './scenario-test-helpers'
import {
  Branched,
  Consumed,
  EmitStrategy,
  Grouped,
  KeyValue,
  Materialized,
  Named,
  Produced,
  Record,
  Repartitioned,
  Serdes,
  Stores,
  StreamsBuilder,
  StreamsException,
  failedProcessingOf,
  Topology,
  TopologyTestDriver,
  TestRecord,
  TimeWindows,
  WindowedSerdes,
  type KeyValueStore,
  type Serde,
  type ProcessorContext,
} from '../index'

const S = Serdes.String()
const L = Serdes.Long()
const props = stringProps

describe('TopologyTestDriver: stateless operators', () => {
  it('runs a chain of filter, mapValues, map, flatMapValues and selectKey with input timestamps (Kafka: stateless results keep the input record timestamp)', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .filter((_k, v) => v !== 'skip')
      .mapValues((v: string) => v.toUpperCase())
      .map((k, v) => KeyValue.pair(`${k}!`, v))
      .flatMapValues((v: string) => v.split(' '))
      .selectKey((_k, v) => v.toLowerCase())
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('a', 'hello world', 10)
    input.pipeInput('b', 'skip', 11)
    input.pipeInput('c', 'x', 12)
    expect(records(driver, 'out')).toEqual([
      ['hello', 'HELLO', 10],
      ['world', 'WORLD', 10],
      ['x', 'X', 12],
    ])
  })

  it('mapValues with (key, value) receives the read-only key (Kafka: ValueMapperWithKey)', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .mapValues((k, v) => `${k}:${v}`)
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    driver.createInputTopic('in', S, S).pipeInput('k', 'v', 1)
    expect(records(driver, 'out')).toEqual([['k', 'k:v', 1]])
  })

  it('split routes each record to the first matching branch, else the default branch (Kafka: BranchedKStream)', () => {
    const builder = new StreamsBuilder()
    const branches = builder
      .stream<string, string>('in')
      .split(Named.as('route-'))
      .branch((_k, v) => v.startsWith('a'), Branched.as('a'))
      .branch((_k, v) => v.startsWith('ab'), Branched.as('ab'))
      .defaultBranch(Branched.as('other'))
    branches.get('route-a')?.to('a')
    branches.get('route-ab')?.to('ab')
    branches.get('route-other')?.to('other')
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('1', 'abc', 1)
    input.pipeInput('2', 'zzz', 2)
    expect(records(driver, 'a')).toEqual([['1', 'abc', 1]])
    expect(driver.createOutputTopic('ab', S, S).isEmpty()).toBe(true)
    expect(records(driver, 'other')).toEqual([['2', 'zzz', 2]])
  })

  it('merge forwards records of both streams in processing order (Kafka: KStream#merge)', () => {
    const builder = new StreamsBuilder()
    const a = builder.stream<string, string>('a')
    const b = builder.stream<string, string>('b')
    a.merge(b).to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    driver.createInputTopic('a', S, S).pipeInput('x', '1', 5)
    driver.createInputTopic('b', S, S).pipeInput('y', '2', 3)
    driver.createInputTopic('a', S, S).pipeInput('z', '3', 4)
    expect(records(driver, 'out')).toEqual([
      ['x', '1', 5],
      ['y', '2', 3],
      ['z', '3', 4],
    ])
  })

  it('keeps headers through the topology to the sink (Kafka: sinks write the record headers)', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .mapValues((v: string) => v + '!')
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    const header = { key: 'trace', value: new Uint8Array([1, 2]) }
    driver.createInputTopic('in', S, S).pipeInput(new TestRecord('k', 'v', [header], 7))
    const out = driver.createOutputTopic('out', S, S).readRecord()
    expect([out.key(), out.value(), out.timestamp(), out.headers()]).toEqual([
      'k',
      'v!',
      7,
      [header],
    ])
  })

  it('gives records without a timestamp the input topic time, advancing by autoAdvance (Kafka: TestInputTopic)', () => {
    const builder = new StreamsBuilder()
    builder.stream<string, string>('in').to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S, 1000, 10)
    input.pipeInput('a', '1')
    input.pipeInput('b', '2')
    input.advanceTime(100)
    input.pipeInput('c', '3')
    expect(records(driver, 'out').map((r) => r[2])).toEqual([1000, 1010, 1120])
  })

  it("refuses negative record timestamps with Kafka's message (Kafka: TestRecord)", () => {
    expect(() => new TestRecord('k', 'v', [], -1)).toThrow(
      'Invalid timestamp: -1. Timestamp should always be non-negative or null.',
    )
  })

  it('pipes lists from a start timestamp advancing per record, leaving the topic time alone (Kafka: pipeKeyValueList/pipeValueList with startTimestamp and advance)', () => {
    const builder = new StreamsBuilder()
    builder.stream<string, string>('in').to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S, 5, 0)
    input.pipeKeyValueList([KeyValue.pair('a', '1'), KeyValue.pair('b', '2')], 100, 10)
    input.pipeValueList(['3', '4'], 200, 5)
    input.pipeInput('c', '5')
    expect(records(driver, 'out')).toEqual([
      ['a', '1', 100],
      ['b', '2', 110],
      [null, '3', 200],
      [null, '4', 205],
      ['c', '5', 5],
    ])
  })
})

describe('TopologyTestDriver: topics', () => {
  it('refuses unknown input topics when piping and reports unwritten and empty output topics as Kafka does', () => {
    const builder = new StreamsBuilder()
    builder.stream<string, string>('in').to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    // Kafka's driver checks the topic when a record is piped, not when the topic is created.
    const unknown = driver.createInputTopic('nope', S, S)
    expect(() => unknown.pipeInput('k', 'v', 1)).toThrow('Unknown topic: nope')
    const out = driver.createOutputTopic('out', S, S)
    expect(out.isEmpty()).toBe(true)
    expect(() => out.readValue()).toThrow('Uninitialized topic: out')
    driver.createInputTopic('in', S, S).pipeInput('k', 'v', 1)
    expect(out.readValue()).toBe('v')
    expect(() => out.readValue()).toThrow('Empty topic: out')
    // A topic nothing writes (e.g. not yet used by a TopicNameExtractor) is empty, not an error.
    const elsewhere = driver.createOutputTopic('elsewhere', S, S)
    expect([elsewhere.isEmpty(), elsewhere.getQueueSize()]).toEqual([true, 0])
    expect(() => elsewhere.readValue()).toThrow('Uninitialized topic: elsewhere')
  })

  it('readKeyValuesToMap keeps one entry per equal key, windowed keys included (Kafka: a HashMap, Windowed#equals)', () => {
    const builder = new StreamsBuilder()
    const windowedSerde = WindowedSerdes.timeWindowedSerdeFrom(S, 10)
    builder
      .stream<string, string>('in')
      .groupByKey()
      .windowedBy(TimeWindows.ofSizeWithNoGrace(10))
      .count()
      .toStream()
      .to('out', Produced.with(windowedSerde, L))
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('a', '1', 1)
    input.pipeInput('a', '2', 2)
    input.pipeInput('a', '3', 12)
    const latest = driver.createOutputTopic('out', windowedSerde, L).readKeyValuesToMap()
    expect([...latest].map(([key, count]) => [String(key), count])).toEqual([
      ['[a@0/10]', 2],
      ['[a@10/20]', 1],
    ])
  })

  it('honours emit intervals set in the props, defaulting them to 0 (Kafka: the driver puts them only if absent)', () => {
    const build = (extra: object) => {
      const builder = new StreamsBuilder()
      const windowedSerde = WindowedSerdes.timeWindowedSerdeFrom(S, 10)
      builder
        .stream<string, string>('in')
        .groupByKey()
        .windowedBy(TimeWindows.ofSizeWithNoGrace(10))
        .emitStrategy(EmitStrategy.onWindowClose())
        .count()
        .toStream()
        .to('out', Produced.with(windowedSerde, L))
      const driver = new TopologyTestDriver(builder.build(), { ...props, ...extra }, 0)
      const input = driver.createInputTopic('in', S, S)
      input.pipeInput('a', '1', 1)
      input.pipeInput('a', '2', 12) // closes [0,10)
      return driver.createOutputTopic('out', windowedSerde, L).getQueueSize()
    }
    expect(build({})).toBe(1)
    // Throttled: the wall clock has not moved since the first look for closed windows.
    expect(build({ '__emit.interval.ms.kstreams.windowed.aggregation__': 1000 })).toBe(0)
  })

  it('numbers records of all topics matching one source pattern in one sequence (Kafka: the driver keeps one partition per pattern)', () => {
    const offsets: [string | null, number][] = []
    const topology = new Topology().addSource('src', /events-.*/).addProcessor(
      'p',
      () => {
        let context: ProcessorContext
        return {
          init: (ctx: ProcessorContext) => void (context = ctx),
          process() {
            const metadata = context.recordMetadata()
            offsets.push([metadata?.topic() ?? null, metadata?.offset() ?? -1])
          },
        }
      },
      'src',
    )
    const driver = new TopologyTestDriver(topology, props)
    driver.createInputTopic('events-a', S, S).pipeInput('k', 'v', 1)
    driver.createInputTopic('events-b', S, S).pipeInput('k', 'v', 2)
    driver.createInputTopic('events-a', S, S).pipeInput('k', 'v', 3)
    expect(offsets).toEqual([
      ['events-a', 0],
      ['events-b', 1],
      ['events-a', 2],
    ])
  })

  it('routes repartition topics inside the driver and lists them, prefixed by application.id, with changelogs (Kafka: producedTopicNames)', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .selectKey((_k, v) => v)
      .groupByKey(Grouped.as('by-value'))
      .count(Materialized.as('counts'))
      .toStream()
      .to('out', Produced.with(S, L))
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('1', 'x', 1)
    input.pipeInput('2', 'y', 2)
    input.pipeInput('3', 'x', 3)
    expect(records(driver, 'out', S, L)).toEqual([
      ['x', 1, 1],
      ['y', 1, 2],
      ['x', 2, 3],
    ])
    expect([...driver.producedTopicNames()].sort()).toEqual([
      'app-by-value-repartition',
      'app-counts-changelog',
      'out',
    ])
    const repartitioned = driver.createOutputTopic('app-by-value-repartition', S, S)
    expect(repartitioned.readKeyValuesToList().map((kv) => [kv.key, kv.value])).toEqual([
      ['x', 'x'],
      ['y', 'y'],
      ['x', 'x'],
    ])
    expect(driver.getKeyValueStore<string, number>('counts')?.get('x')).toBe(2)
  })
})

describe('TopologyTestDriver: global stores', () => {
  it('keeps the record timestamp of global topics, ignoring timestamp extractors (Kafka: GlobalStateUpdateTask uses the consumed record timestamp)', () => {
    const builder = new StreamsBuilder()
    builder.globalTable(
      'global',
      Consumed.with(S, S).withTimestampExtractor({
        extract: (record) => record.timestamp + 1000,
        toString: () => 'Shifted',
      }),
      Materialized.as('global-store'),
    )
    const driver = new TopologyTestDriver(builder.build(), props)
    driver.createInputTopic('global', S, S).pipeInput('k', 'v', 7)
    const stored = driver.getTimestampedKeyValueStore<string, string>('global-store')?.get('k')
    expect([stored?.value(), stored?.timestamp()]).toEqual(['v', 7])
  })

  it('skips undeserializable global records even when the configured handler fails (Kafka: the test driver gives its global task LogAndContinueExceptionHandler)', () => {
    const builder = new StreamsBuilder()
    builder.globalTable('global', Consumed.with(S, L), Materialized.as('global-store'))
    const driver = new TopologyTestDriver(builder.build(), props)
    const raw = driver.createInputTopic('global', S, Serdes.ByteArray())
    raw.pipeInput('bad', new Uint8Array([1, 2, 3]), 1)
    raw.pipeInput('good', L.serialize('global', 42), 2)
    const store = driver.getKeyValueStore<string, number>('global-store')
    expect([store?.get('bad'), store?.get('good')]).toEqual([null, 42])
    const source = driver.metrics().find((m) => m.node.startsWith('KSTREAM-SOURCE'))
    expect(source?.droppedByReason).toEqual({ 'deserialization-error': 1 })
  })
})

describe('TopologyTestDriver: aggregations and caching', () => {
  function wordCount(cacheBytes: number) {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('lines')
      .flatMapValues((line: string) => line.toLowerCase().split(' '))
      .groupBy((_k, word) => word)
      .count()
      .toStream()
      .to('counts', Produced.with(S, L))
    const driver = new TopologyTestDriver(builder.build(), {
      ...props,
      'statestore.cache.max.bytes': cacheBytes,
    })
    const input = driver.createInputTopic('lines', S, S)
    input.pipeInput(null, 'the cat the', 100)
    input.pipeInput(null, 'a cat', 200)
    return records(driver, 'counts', S, L)
  }

  it('word count without caching emits every update (Kafka: cache size 0 forwards each update)', () => {
    expect(wordCount(0)).toEqual([
      ['the', 1, 100],
      ['cat', 1, 100],
      ['the', 2, 100],
      ['a', 1, 200],
      ['cat', 2, 200],
    ])
  })

  it('word count through the repartition topic with caching still emits per processed record (Kafka: the driver commits after each record)', () => {
    // Each word crosses the repartition topic as its own record, so each is committed alone.
    expect(wordCount(10 * 1024 * 1024)).toEqual(wordCount(0))
  })

  it('caching collapses updates of one key made while processing one record (Kafka: CachingKeyValueStore)', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .flatMapValues((v: string) => v.split(','))
      .groupByKey()
      .reduce((a, b) => a + b)
      .toStream()
      .to('out')
    const run = (cache: number) => {
      const driver = new TopologyTestDriver(builder.build(), {
        ...props,
        'statestore.cache.max.bytes': cache,
      })
      driver.createInputTopic('in', S, S).pipeInput('k', 'a,b,c', 5)
      return records(driver, 'out')
    }
    expect(run(0)).toEqual([
      ['k', 'a', 5],
      ['k', 'ab', 5],
      ['k', 'abc', 5],
    ])
    expect(run(1024 * 1024)).toEqual([['k', 'abc', 5]])
  })

  it('count drops null keys and counts the drop (Kafka: KStreamAggregate skips null keys, dropped-records metric)', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .groupByKey()
      .count(Named.as('cnt'))
      .toStream()
      .to('out', Produced.with(S, L))
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput(null, 'x', 1)
    input.pipeInput('k', null, 2)
    input.pipeInput('k', 'y', 3)
    expect(records(driver, 'out', S, L)).toEqual([['k', 1, 3]])
    const cnt = driver.metrics().find((m) => m.node === 'cnt')
    expect(cnt?.dropped).toBe(2)
    expect(cnt?.droppedByReason).toEqual({ 'null-key': 1, 'null-value': 1 })
    expect(driver.warnings().map((w) => w.message)[0]).toMatch(
      /Skipping record due to null key or value/,
    )
  })

  it('aggregate results carry max(input ts, previous result ts) (Kafka: KStreamAggregate timestamps)', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .groupByKey()
      .aggregate(
        () => '',
        (_k, v, agg) => agg + v,
      )
      .toStream()
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('k', 'a', 10)
    input.pipeInput('k', 'b', 5)
    input.pipeInput('k', 'c', 20)
    expect(records(driver, 'out')).toEqual([
      ['k', 'a', 10],
      ['k', 'ab', 10],
      ['k', 'abc', 20],
    ])
  })

  it('a source table applies updates and deletes and drops null keys (Kafka: KTableSource)', () => {
    const builder = new StreamsBuilder()
    builder.table<string, string>('t', Materialized.as('t-store')).toStream().to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('t', S, S)
    input.pipeInput('a', '1', 1)
    input.pipeInput('a', '2', 2)
    input.pipeInput(null, 'x', 3)
    input.pipeInput('a', null, 4)
    expect(records(driver, 'out')).toEqual([
      ['a', '1', 1],
      ['a', '2', 2],
      ['a', null, 4],
    ])
    expect(driver.getKeyValueStore('t-store')?.get('a')).toBeNull()
    expect(driver.getTimestampedKeyValueStore('t-store')).not.toBeNull()
  })
})

class Upper {
  private context!: ProcessorContext<string, string>
  init(context: ProcessorContext<string, string>) {
    this.context = context
  }
  process(record: Record<string, string>) {
    const meta = this.context.recordMetadata()
    this.context.forward(
      record.withValue(
        `${record.value().toUpperCase()}@${meta?.topic()}/${meta?.partition()}/${meta?.offset()}`,
      ),
      'sink-upper',
    )
  }
}

describe('TopologyTestDriver: Processor API', () => {
  it('forwards to a named child and exposes record metadata (Kafka: ProcessorContext#forward(record, childName), recordMetadata)', () => {
    const topology = new Topology()
      .addSource('src', { keySerde: S, valueSerde: S }, 'in')
      .addProcessor('upper', () => new Upper(), 'src')
      .addSink('sink-upper', 'upper-out', 'upper')
      .addSink('sink-other', 'other-out', 'upper')
    const driver = new TopologyTestDriver(topology, props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('k', 'a', 1)
    input.pipeInput('k', 'b', 2)
    expect(records(driver, 'upper-out')).toEqual([
      ['k', 'A@in/0/0', 1],
      ['k', 'B@in/0/1', 2],
    ])
    expect(driver.createOutputTopic('other-out', S, S).isEmpty()).toBe(true)
  })

  it('lets a processor use its connected store and refuses unconnected ones (Kafka: "has no access to StateStore")', () => {
    const store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('seen'), S, L)
    const topology = new Topology()
      .addSource('src', 'in')
      .addProcessor(
        'dedupe',
        () => {
          let context: ProcessorContext<string, string>
          let seen: KeyValueStore<string, number>
          return {
            init(ctx: ProcessorContext<string, string>) {
              context = ctx
              seen = ctx.getStateStore('seen')
            },
            process(record: Record<string, string>) {
              const count = (seen.get(record.value()) ?? 0) + 1
              seen.put(record.value(), count)
              if (count === 1) context.forward(record)
            },
          }
        },
        'src',
      )
      .addProcessor(
        'snoop',
        () => ({
          init: (ctx: ProcessorContext) => void ctx.getStateStore('seen'),
          process: () => undefined,
        }),
        'src',
      )
      .addStateStore(store, 'dedupe')
      .addSink('out', 'out', 'dedupe')
    expect(() => new TopologyTestDriver(topology, props)).toThrow(
      /Failed to initialize processor snoop .*Processor snoop has no access to StateStore seen/,
    )
  })

  it('deduplicates with a key-value store and writes its changelog (Kafka: logged stores produce to <app>-<store>-changelog)', () => {
    const store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('seen'), S, L)
    const topology = new Topology()
      .addSource('src', 'in')
      .addProcessor(
        'dedupe',
        () => {
          let context: ProcessorContext<string, string>
          let seen: KeyValueStore<string, number>
          return {
            init(ctx: ProcessorContext<string, string>) {
              context = ctx
              seen = ctx.getStateStore('seen')
            },
            process(record: Record<string, string>) {
              if (seen.get(record.value()) === null) context.forward(record)
              seen.put(record.value(), record.timestamp())
            },
          }
        },
        'src',
      )
      .addStateStore(store, 'dedupe')
      .addSink('out', 'out', 'dedupe')
    const driver = new TopologyTestDriver(topology, props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('1', 'x', 1)
    input.pipeInput('2', 'x', 2)
    input.pipeInput('3', 'y', 3)
    expect(records(driver, 'out')).toEqual([
      ['1', 'x', 1],
      ['3', 'y', 3],
    ])
    expect(records(driver, 'app-seen-changelog', S, L)).toEqual([
      ['x', 1, 1],
      ['x', 2, 2],
      ['y', 3, 3],
    ])
  })

  it('refuses a fixed-key processor changing the key (Kafka: processValues keeps keys)', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .processValues(() => {
        let context: ProcessorContext<string, string>
        return {
          init: (ctx: ProcessorContext<string, string>) => void (context = ctx),
          process: (record: Record<string, string>) => context.forward(record.withKey('other')),
        }
      })
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    expect(() => driver.createInputTopic('in', S, S).pipeInput('k', 'v', 1)).toThrow(
      /fixed-key processor .* may not change the key/,
    )
  })
})

describe('TopologyTestDriver: punctuation', () => {
  function punctuating(type: 'STREAM_TIME' | 'WALL_CLOCK_TIME', interval: number) {
    const fired: number[] = []
    const topology = new Topology().addSource('src', 'in').addProcessor(
      'p',
      () => ({
        init: (ctx: ProcessorContext) =>
          void ctx.schedule(interval, type, (timestamp) => fired.push(timestamp)),
        process: () => undefined,
      }),
      'src',
    )
    const driver = new TopologyTestDriver(topology, props, 1000)
    return { driver, fired, input: driver.createInputTopic('in', S, S) }
  }

  it('fires STREAM_TIME punctuators as soon as stream time exists, then on interval multiples, once for missed intervals (Kafka: PunctuationQueue)', () => {
    const { fired, input } = punctuating('STREAM_TIME', 10)
    expect(fired).toEqual([])
    input.pipeInput('k', 'v', 3)
    expect(fired).toEqual([3])
    input.pipeInput('k', 'v', 9)
    expect(fired).toEqual([3])
    input.pipeInput('k', 'v', 10)
    expect(fired).toEqual([3, 10])
    input.pipeInput('k', 'v', 47)
    expect(fired).toEqual([3, 10, 47])
    input.pipeInput('k', 'v', 49)
    input.pipeInput('k', 'v', 50)
    expect(fired).toEqual([3, 10, 47, 50])
    // Stream time never goes back: an older record does not fire anything.
    input.pipeInput('k', 'v', 5)
    expect(fired).toEqual([3, 10, 47, 50])
  })

  it('fires WALL_CLOCK_TIME punctuators only when the wall clock advances, first at schedule time + interval (Kafka: advanceWallClockTime)', () => {
    const { driver, fired, input } = punctuating('WALL_CLOCK_TIME', 100)
    input.pipeInput('k', 'v', 5000)
    expect(fired).toEqual([])
    driver.advanceWallClockTime(99)
    expect(fired).toEqual([])
    driver.advanceWallClockTime(1)
    expect(fired).toEqual([1100])
    driver.advanceWallClockTime(250)
    expect(fired).toEqual([1100, 1350])
    driver.advanceWallClockTime(50)
    expect(fired).toEqual([1100, 1350, 1400])
  })

  it('stops a cancelled punctuator and gives punctuators a record context without topic (Kafka: Cancellable, recordMetadata in punctuate)', () => {
    const seen: (string | null)[] = []
    const topology = new Topology()
      .addSource('src', 'in')
      .addProcessor(
        'p',
        () => {
          let context: ProcessorContext<string, string>
          return {
            init(ctx: ProcessorContext<string, string>) {
              context = ctx
              const cancellable = ctx.schedule(10, 'STREAM_TIME', (ts) => {
                seen.push(context.recordMetadata()?.topic() ?? 'none')
                context.forward(new Record('tick', String(ts), ts))
                if (ts >= 20) cancellable.cancel()
              })
            },
            process: () => undefined,
          }
        },
        'src',
      )
      .addSink('out', 'out', 'p')
    const driver = new TopologyTestDriver(topology, props)
    const input = driver.createInputTopic('in', S, S)
    for (const ts of [0, 10, 20, 30, 40]) input.pipeInput('k', 'v', ts)
    expect(records(driver, 'out')).toEqual([
      ['tick', '0', 0],
      ['tick', '10', 10],
      ['tick', '20', 20],
    ])
    expect(seen).toEqual([null, null, null].map(() => 'none'))
  })

  it('fires a STREAM_TIME punctuator scheduled by another punctuator in the same check (Kafka: PunctuationQueue re-peeks its queue after each punctuation)', () => {
    const fired: string[] = []
    const topology = new Topology().addSource('src', 'in').addProcessor(
      'p',
      () => ({
        init(ctx: ProcessorContext) {
          let scheduled = false
          ctx.schedule(10, 'STREAM_TIME', (timestamp) => {
            fired.push(`outer@${timestamp}`)
            if (scheduled) return
            scheduled = true
            ctx.schedule(5, 'STREAM_TIME', (inner) => void fired.push(`inner@${inner}`))
          })
        },
        process: () => undefined,
      }),
      'src',
    )
    const driver = new TopologyTestDriver(topology, props)
    driver.createInputTopic('in', S, S).pipeInput('k', 'v', 3)
    expect(fired).toEqual(['outer@3', 'inner@3'])
  })

  it('hands a punctuator exception to the processing exception handler: CONTINUE skips that punctuation, counted, and the schedule stays (Kafka: StreamTask#punctuate)', () => {
    const fired: number[] = []
    const topology = new Topology().addSource('src', 'in').addProcessor(
      'p',
      () => ({
        init: (ctx: ProcessorContext) =>
          void ctx.schedule(10, 'STREAM_TIME', (timestamp) => {
            if (timestamp === 0) throw new Error('tick failed')
            fired.push(timestamp)
          }),
        process: () => undefined,
      }),
      'src',
    )
    const continuing = new TopologyTestDriver(topology, {
      ...props,
      'processing.exception.handler':
        'org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler',
    })
    const input = continuing.createInputTopic('in', S, S)
    input.pipeInput('k', 'v', 0)
    input.pipeInput('k', 'v', 10)
    expect(fired).toEqual([10])
    expect(continuing.metrics().find((m) => m.node === 'p')).toMatchObject({
      errors: 1,
      dropped: 1,
      droppedByReason: { 'processing-error': 1 },
    })

    const failing = new TopologyTestDriver(topology, props)
    expect(() => failing.createInputTopic('in', S, S).pipeInput('k', 'v', 0)).toThrow(
      /Exception caught while punctuating processor p .*tick failed/,
    )
  })
})

describe('TopologyTestDriver: errors and telemetry', () => {
  function failing(extraProps: object = {}) {
    const builder = new StreamsBuilder()
    const stream = builder.stream<string, string>('in')
    stream
      .mapValues((v: string) => {
        if (v === 'boom') throw new Error('cannot map boom')
        return v
      }, Named.as('risky'))
      .to('out')
    stream.to('copy')
    return new TopologyTestDriver(builder.build(), { ...props, ...extraProps })
  }

  it('fails by default with an error naming the node, topic, partition and offset (Kafka: LogAndFailProcessingExceptionHandler)', () => {
    const driver = failing()
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('k', 'ok', 1)
    let error: unknown
    try {
      input.pipeInput('k', 'boom', 2)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(StreamsException)
    expect((error as Error).message).toBe(
      'Exception caught in process. taskId=0_0, processor=risky, topic=in, partition=0, offset=1: cannot map boom',
    )
    // The failure carries the processor it started in and the record it failed on.
    expect(failedProcessingOf(error)).toEqual({
      processorName: 'risky',
      record: { key: 'k', value: 'boom', timestamp: 2, topic: 'in', partition: 0, offset: 1 },
    })
    expect(failedProcessingOf(new Error('elsewhere'))).toBeNull()
  })

  it('skips and counts the record with LogAndContinueProcessingExceptionHandler, siblings still get it (Kafka: processing.exception.handler)', () => {
    const driver = failing({
      'processing.exception.handler':
        'org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler',
    })
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('k', 'boom', 1)
    input.pipeInput('k', 'fine', 2)
    expect(records(driver, 'out')).toEqual([['k', 'fine', 2]])
    expect(records(driver, 'copy')).toEqual([
      ['k', 'boom', 1],
      ['k', 'fine', 2],
    ])
    const risky = driver.metrics().find((m) => m.node === 'risky')
    expect(risky).toMatchObject({ recordsIn: 2, recordsOut: 1, errors: 1, dropped: 1 })
    expect(driver.warnings()).toEqual([
      {
        taskId: '0_0',
        node: 'risky',
        reason: 'processing-error',
        message: 'Skipping record: Error: cannot map boom',
        record: { key: 'k', value: 'boom', timestamp: 1, topic: 'in', partition: 0, offset: 0 },
      },
    ])
  })

  it('hands StreamsExceptions thrown while processing to the handler too; only a handler failure passes through (Kafka: ProcessorNode rethrows FailedProcessingException alone)', () => {
    const topology = new Topology()
      .addSource('src', 'in')
      .addProcessor(
        'strict',
        () => {
          let context: ProcessorContext<string, string>
          return {
            init: (ctx: ProcessorContext<string, string>) => void (context = ctx),
            process(record: Record<string, string>) {
              if (record.value() === 'bad') throw new StreamsException('refusing bad')
              context.forward(record)
            },
          }
        },
        'src',
      )
      .addSink('sink', 'out', 'strict')
    const driver = new TopologyTestDriver(topology, {
      ...props,
      'processing.exception.handler':
        'org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler',
    })
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('k', 'bad', 1)
    input.pipeInput('k', 'good', 2)
    expect(records(driver, 'out')).toEqual([['k', 'good', 2]])
    expect(driver.metrics().find((m) => m.node === 'strict')).toMatchObject({
      errors: 1,
      dropped: 1,
    })
  })

  it('fails on undeserializable records by default and skips them with LogAndContinueExceptionHandler (Kafka: deserialization.exception.handler)', () => {
    const builder = new StreamsBuilder()
    builder
      .stream('in', Consumed.with(S, L))
      .mapValues((v: number) => String(v))
      .to('out')
    const bad = new Uint8Array([1, 2, 3])
    const failingDriver = new TopologyTestDriver(builder.build(), props)
    const raw = failingDriver.createInputTopic('in', S, Serdes.ByteArray())
    expect(() => raw.pipeInput('k', bad, 1)).toThrow(
      /Deserialization exception handler is set to fail/,
    )

    const skipping = new TopologyTestDriver(builder.build(), {
      ...props,
      'deserialization.exception.handler':
        'org.apache.kafka.streams.errors.LogAndContinueExceptionHandler',
    })
    const input = skipping.createInputTopic('in', S, Serdes.ByteArray())
    input.pipeInput('k', bad, 1)
    input.pipeInput('k', L.serialize('in', 42), 2)
    expect(records(skipping, 'out')).toEqual([['k', '42', 2]])
    const source = skipping.metrics().find((m) => m.node.startsWith('KSTREAM-SOURCE'))
    expect(source?.droppedByReason).toEqual({ 'deserialization-error': 1 })
    expect(skipping.warnings().map((w) => w.message.split('\n')[0])).toEqual([
      'Skipping record due to deserialization error. topic=[in] partition=[0] offset=[0]',
    ])
  })

  it('drops records whose extracted timestamp is negative, counted (Kafka: RecordQueue skips negative extracted timestamps)', () => {
    const builder = new StreamsBuilder()
    builder
      .stream(
        'in',
        Consumed.with(S, S).withTimestampExtractor({
          extract: (record) => (record.value === 'bad' ? -1 : record.timestamp),
          toString: () => 'ByValue',
        }),
      )
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('k', 'bad', 1)
    input.pipeInput('k', 'good', 2)
    expect(records(driver, 'out')).toEqual([['k', 'good', 2]])
    const source = driver.metrics().find((m) => m.node.startsWith('KSTREAM-SOURCE'))
    expect(source?.droppedByReason).toEqual({ 'invalid-timestamp': 1 })
    expect(driver.warnings().map((w) => w.message)).toEqual([
      'Skipping record due to negative extracted timestamp. topic=[in] partition=[0] offset=[0] extractedTimestamp=[-1] extractor=[ByValue]',
    ])
  })

  it('names the missing serde when no default is configured', () => {
    const builder = new StreamsBuilder()
    builder.stream<string, string>('in').to('out')
    expect(() => new TopologyTestDriver(builder.build(), { 'application.id': 'x' })).toThrow(
      /Source KSTREAM-SOURCE-0000000000 has no key serde: set one with Consumed.with\(...\) or configure default.key.serde/,
    )
  })

  it('counts records in and out per node and keeps the last N records in an opened tap', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .filter((_k, v) => v !== 'x', Named.as('keep'))
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('a', 'x', 1)
    driver.openTap('keep', 2)
    for (const [i, v] of ['p', 'x', 'q', 'r'].entries()) input.pipeInput(`k${i}`, v, 10 + i)
    expect(driver.metrics().find((m) => m.node === 'keep')).toMatchObject({
      recordsIn: 5,
      recordsOut: 3,
    })
    expect(driver.tapped('keep')).toEqual([
      { key: 'k2', value: 'q', timestamp: 12, topic: 'in', partition: 0, offset: 3 },
      { key: 'k3', value: 'r', timestamp: 13, topic: 'in', partition: 0, offset: 4 },
    ])
    driver.closeTap('keep')
    expect(driver.tapped('keep')).toEqual([])
  })

  it('follows a key through every node it reaches, and no other key', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in', Consumed.as('read'))
      .filter((_k, v) => v !== 'x', Named.as('keep'))
      .to('out', Produced.as('write'))
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    driver.follow((key) => key === 'k1', 5)
    input.pipeInput('k0', 'p', 1)
    input.pipeInput('k1', 'q', 2)
    input.pipeInput('k1', 'x', 3)
    const seen = (node: string) => driver.followed(node).map((r) => `${r.key}=${r.value}`)
    expect(seen('read')).toEqual(['k1=q', 'k1=x'])
    expect(seen('keep')).toEqual(['k1=q', 'k1=x'])
    // The filter dropped k1=x: it never reached the sink.
    expect(seen('write')).toEqual(['k1=q'])
    driver.follow(null)
    expect(seen('read')).toEqual([])
  })
})

describe('TopologyTestDriver: repartition and user serdes', () => {
  it('repartition() writes through its named topic and reads it back (Kafka: KStream#repartition)', () => {
    const builder = new StreamsBuilder()
    builder
      .stream<string, string>('in')
      .repartition(Repartitioned.as('shuffle'))
      .mapValues((v: string) => v + '!')
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    driver.createInputTopic('in', S, S).pipeInput('k', 'v', 4)
    expect(records(driver, 'out')).toEqual([['k', 'v!', 4]])
    expect(records(driver, 'app-shuffle-repartition')).toEqual([['k', 'v', 4]])
  })

  it('enqueues everything a commit wrote to internal topics before processing any of it (Kafka: captureOutputsAndReEnqueueInternalResults, then the process loop)', () => {
    const builder = new StreamsBuilder()
    const shuffled = builder
      .stream<string, string>('in')
      .flatMap((k, v) => [KeyValue.pair(`${k}1`, v), KeyValue.pair(`${k}2`, v)])
      .repartition(Repartitioned.as('first'))
    shuffled.to('out')
    shuffled
      .selectKey((k) => `${k}!`)
      .repartition(Repartitioned.as('second'))
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    driver.createInputTopic('in', S, S).pipeInput('a', 'x', 5)
    // Both records of the first repartition topic are queued before either is processed, and
    // the second topic's records join the queue behind them.
    expect(records(driver, 'out')).toEqual([
      ['a1', 'x', 5],
      ['a2', 'x', 5],
      ['a1!', 'x', 5],
      ['a2!', 'x', 5],
    ])
  })

  it('uses a user serde for sources, stores and sinks', () => {
    interface Point {
      x: number
      y: number
    }
    const points: Serde<Point> = {
      name: 'Point',
      serialize: (_topic, p) => (p === null ? null : S.serialize('', `${p.x},${p.y}`)),
      deserialize(_topic, bytes) {
        if (bytes === null) return null
        const [x, y] = (S.deserialize('', bytes) as string).split(',').map(Number)
        return { x: x as number, y: y as number }
      },
    }
    const builder = new StreamsBuilder()
    builder
      .stream('moves', Consumed.with(S, points))
      .groupByKey()
      .reduce((a, b) => ({ x: a.x + b.x, y: a.y + b.y }), Materialized.with(S, points))
      .toStream()
      .to('positions', Produced.with(S, points))
    const driver = new TopologyTestDriver(builder.build(), props)
    const moves = driver.createInputTopic('moves', S, points)
    moves.pipeInput('bot', { x: 1, y: 2 }, 1)
    moves.pipeInput('bot', { x: 3, y: -1 }, 2)
    expect(records(driver, 'positions', S, points)).toEqual([
      ['bot', { x: 1, y: 2 }, 1],
      ['bot', { x: 4, y: 1 }, 2],
    ])
  })
})
