// Scenario tests of source tables, KTable filter/filterNot and mapValues, modelled on Kafka's
// KTableSourceTest, KTableFilterTest and KTableMapValuesTest.
import { describe, expect, it } from 'vitest'
import { records, stringProps } from '../../test-driver/scenario-test-helpers'
import {
  Grouped,
  KeyValue,
  Materialized,
  Serdes,
  StreamsBuilder,
  TopologyTestDriver,
} from '../../index'

const S = Serdes.String()
const L = Serdes.Long()
const props = stringProps
const cachedProps = { ...props, 'statestore.cache.max.bytes': 10 * 1024 * 1024 }

function metricsOf(driver: TopologyTestDriver, nodePrefix: string) {
  const node = driver.metrics().find((m) => m.node.startsWith(nodePrefix))
  if (node === undefined) throw new Error(`no node ${nodePrefix}`)
  return node
}

describe('source KTable (Kafka: KTableSource)', () => {
  it('forwards updates and deletes with the input timestamps and keeps the latest value in its store', () => {
    const builder = new StreamsBuilder()
    builder.table<string, string>('in', Materialized.as('source-store')).toStream().to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('a', '1', 10)
    input.pipeInput('b', '2', 11)
    input.pipeInput('a', '3', 12)
    input.pipeInput('b', null, 13)
    expect(records(driver, 'out')).toEqual([
      ['a', '1', 10],
      ['b', '2', 11],
      ['a', '3', 12],
      ['b', null, 13],
    ])
    const store = driver.getTimestampedKeyValueStore<string, string>('source-store')
    expect(store?.get('a')?.value()).toBe('3')
    expect(store?.get('a')?.timestamp()).toBe(12)
    expect(store?.get('b')).toBeNull()
  })

  it('drops null-key records, counting them on the KTABLE-SOURCE node', () => {
    const builder = new StreamsBuilder()
    builder.table<string, string>('in').toStream().to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput(null as unknown as string, 'x', 5)
    input.pipeInput('a', 'y', 6)
    expect(records(driver, 'out')).toEqual([['a', 'y', 6]])
    const source = metricsOf(driver, 'KTABLE-SOURCE-')
    expect(source.dropped).toBe(1)
    expect(source.droppedByReason['null-key']).toBe(1)
    expect(driver.warnings().map((w) => w.message)).toContainEqual(
      expect.stringContaining('Skipping record due to null key.'),
    )
  })

  it('applies an out-of-order update anyway and only warns (Kafka: no versioning on plain stores)', () => {
    const builder = new StreamsBuilder()
    builder.table<string, string>('in', Materialized.as('s')).toStream().to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('a', 'new', 20)
    input.pipeInput('a', 'old', 10)
    expect(records(driver, 'out')).toEqual([
      ['a', 'new', 20],
      ['a', 'old', 10],
    ])
    expect(driver.getKeyValueStore<string, string>('s')?.get('a')).toBe('old')
    expect(driver.warnings().map((w) => w.message)).toContainEqual(
      'Detected out-of-order KTable update for s, old timestamp=[20] new timestamp=[10]. topic=[in] partition=[0] offset=[1].',
    )
  })

  it('with caching on, a materialized source still emits every update (the driver commits after each record)', () => {
    // The cache flushes at each commit, so it only merges updates made while processing one record.
    const builder = new StreamsBuilder()
    builder.table<string, string>('in', Materialized.as('s')).toStream().to('out')
    const driver = new TopologyTestDriver(builder.build(), cachedProps)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('a', '1', 1)
    input.pipeInput('a', '2', 2)
    input.pipeInput('a', null, 3)
    expect(records(driver, 'out')).toEqual([
      ['a', '1', 1],
      ['a', '2', 2],
      ['a', null, 3],
    ])
  })
})

describe('KTable filter (Kafka: KTableFilter)', () => {
  it('forwards a tombstone for every record failing the predicate when old values are off (filter then toStream)', () => {
    const builder = new StreamsBuilder()
    builder
      .table<string, string>('in')
      .filter((_k, v) => v.startsWith('keep'))
      .toStream()
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('a', 'keep-1', 1)
    input.pipeInput('b', 'drop-1', 2)
    input.pipeInput('b', 'drop-2', 3)
    input.pipeInput('a', 'drop-3', 4)
    input.pipeInput('a', null, 5)
    expect(records(driver, 'out')).toEqual([
      ['a', 'keep-1', 1],
      ['b', null, 2],
      ['b', null, 3],
      ['a', null, 4],
      ['a', null, 5],
    ])
  })

  it('filterNot keeps the records the predicate rejects', () => {
    const builder = new StreamsBuilder()
    builder
      .table<string, string>('in')
      .filterNot((_k, v) => v === 'x')
      .toStream()
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('a', 'x', 1)
    input.pipeInput('b', 'y', 2)
    expect(records(driver, 'out')).toEqual([
      ['a', null, 1],
      ['b', 'y', 2],
    ])
  })

  it('sends nothing when old values are on and neither old nor new value passes (filter then groupBy)', () => {
    // groupBy asks for old values: the source is materialized and the filter skips records
    // that fail before and after; the repartition topic only sees real changes.
    const builder = new StreamsBuilder()
    builder
      .table<string, string>('in')
      .filter((_k, v) => v.startsWith('keep'))
      .groupBy((_k, v) => KeyValue.pair('all', v), Grouped.with(S, S))
      .count()
      .toStream()
      .to('out', undefined)
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('a', 'drop-1', 1)
    input.pipeInput('a', 'drop-2', 2)
    input.pipeInput('a', 'keep-1', 3)
    input.pipeInput('a', 'drop-3', 4)
    input.pipeInput('a', 'drop-4', 5)
    expect(records(driver, 'out', S, L)).toEqual([
      ['all', 1, 3],
      ['all', 0, 4],
    ])
    const filter = metricsOf(driver, 'KTABLE-FILTER-')
    expect(filter.recordsIn).toBe(5)
    expect(filter.recordsOut).toBe(2)
  })

  it('over a materialized source it asks for old values itself, so failing updates send no tombstone', () => {
    // Kafka's KTableFilter enables old values on an already materialized parent.
    const builder = new StreamsBuilder()
    builder
      .table<string, string>('in', Materialized.as('s'))
      .filter((_k, v) => v.startsWith('keep'))
      .toStream()
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('a', 'drop-1', 1)
    input.pipeInput('a', 'keep-1', 2)
    input.pipeInput('a', 'drop-2', 3)
    input.pipeInput('a', 'drop-3', 4)
    expect(records(driver, 'out')).toEqual([
      ['a', 'keep-1', 2],
      ['a', null, 3],
    ])
  })

  it('materialized filter writes its own store and reads the old value from it', () => {
    const builder = new StreamsBuilder()
    builder
      .table<string, string>('in')
      .filter((_k, v) => v !== 'no', Materialized.as('filtered'))
      .toStream()
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('a', 'yes', 1)
    input.pipeInput('b', 'no', 2)
    input.pipeInput('a', 'no', 3)
    expect(records(driver, 'out')).toEqual([
      ['a', 'yes', 1],
      ['b', null, 2],
      ['a', null, 3],
    ])
    const store = driver.getKeyValueStore<string, string>('filtered')
    expect(store?.get('a')).toBeNull()
    expect(store?.get('b')).toBeNull()
    expect(driver.getTimestampedKeyValueStore('filtered')?.approximateNumEntries()).toBe(0)
  })
})

describe('KTable mapValues (Kafka: KTableMapValues)', () => {
  it('maps new values with (value) or (key, value) mappers; deletes stay deletes', () => {
    const builder = new StreamsBuilder()
    const table = builder.table<string, string>('in')
    table
      .mapValues((v: string) => v.length)
      .toStream()
      .to('lengths', undefined)
    table
      .mapValues((k: string, v: string) => `${k}=${v}`)
      .toStream()
      .to('pairs')
    const driver = new TopologyTestDriver(builder.build(), {
      ...props,
      'default.value.serde': Serdes.Json(),
    })
    const input = driver.createInputTopic('in', S, Serdes.Json<string>())
    input.pipeInput('a', 'xyz', 7)
    input.pipeInput('a', null, 8)
    expect(records(driver, 'lengths', S, Serdes.Json<number>())).toEqual([
      ['a', 3, 7],
      ['a', null, 8],
    ])
    expect(records(driver, 'pairs', S, Serdes.Json<string>())).toEqual([
      ['a', 'a=xyz', 7],
      ['a', null, 8],
    ])
  })

  it('maps old values too when downstream asks for them (mapValues then groupBy subtracts the mapped old value)', () => {
    const builder = new StreamsBuilder()
    builder
      .table<string, string>('in')
      .mapValues((v: string) => v.toUpperCase())
      .groupBy((_k, v) => KeyValue.pair(v, v), Grouped.with(S, S))
      .count()
      .toStream()
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('a', 'x', 1)
    input.pipeInput('b', 'x', 2)
    input.pipeInput('a', 'y', 3)
    expect(records(driver, 'out', S, L)).toEqual([
      ['X', 1, 1],
      ['X', 2, 2],
      ['X', 1, 3],
      ['Y', 1, 3],
    ])
  })

  it('materialized mapValues keeps its results queryable', () => {
    const builder = new StreamsBuilder()
    builder
      .table<string, string>('in')
      .mapValues((v: string) => `${v}!`, Materialized.as('mapped'))
      .toStream()
      .to('out')
    const driver = new TopologyTestDriver(builder.build(), props)
    const input = driver.createInputTopic('in', S, S)
    input.pipeInput('a', 'x', 1)
    input.pipeInput('a', 'y', 2)
    expect(records(driver, 'out')).toEqual([
      ['a', 'x!', 1],
      ['a', 'y!', 2],
    ])
    expect(driver.getKeyValueStore<string, string>('mapped')?.get('a')).toBe('y!')
  })
})
