import { describe, expect, it } from 'vitest'
import { Stores } from '../state/stores'
import { Topology } from './topology'

const noop = () => ({ process() {} })

describe('Topology (Processor API) refuses broken topologies with Kafka Streams messages', () => {
  it('refuses a second node with the same name', () => {
    const topology = new Topology().addSource('source', 'in')
    expect(() => topology.addSource('source', 'other')).toThrow(
      'Invalid topology: Processor source is already added.',
    )
  })

  it('refuses a processor whose parent was not added yet', () => {
    expect(() => new Topology().addProcessor('p', noop, 'missing')).toThrow(
      'Predecessor processor missing is not added yet for p',
    )
  })

  it('refuses a processor without parents and a processor that is its own parent', () => {
    const topology = new Topology().addSource('source', 'in')
    expect(() => topology.addProcessor('p', noop)).toThrow(
      'Processor p must have at least one parent',
    )
    expect(() => topology.addProcessor('q', noop, 'q')).toThrow(
      'Processor q cannot be a predecessor of itself.',
    )
  })

  it('refuses a sink as a parent', () => {
    const topology = new Topology().addSource('source', 'in').addSink('sink', 'out', 'source')
    expect(() => topology.addProcessor('p', noop, 'sink')).toThrow(
      'Sink sink cannot be used a parent.',
    )
  })

  it('refuses a topic read by two sources', () => {
    const topology = new Topology().addSource('a', 'in')
    expect(() => topology.addSource('b', 'in')).toThrow(
      'Topic in has already been registered by another source.',
    )
  })

  it('refuses to connect a store that was never added', () => {
    const topology = new Topology().addSource('source', 'in').addProcessor('p', noop, 'source')
    expect(() => topology.connectProcessorAndStateStores('p', 'counts')).toThrow(
      'StateStore counts is not added yet.',
    )
  })

  it('refuses a global store whose changelog is enabled, and connecting a global store', () => {
    const logged = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('g'))
    expect(() =>
      new Topology().addGlobalStore(logged, 'gs', {}, 'global-topic', 'gp', noop),
    ).toThrow('StateStore g for global table must not have logging enabled.')
    const store = Stores.keyValueStoreBuilder(
      Stores.inMemoryKeyValueStore('g'),
    ).withLoggingDisabled()
    const topology = new Topology()
      .addGlobalStore(store, 'gs', {}, 'global-topic', 'gp', noop)
      .addSource('source', 'in')
      .addProcessor('p', noop, 'source')
    expect(() => topology.connectProcessorAndStateStores('p', 'g')).toThrow(
      'Global StateStore g can be used by a Processor without being specified; it should not be explicitly passed.',
    )
  })

  it('adds the stores a processor supplier declares and connects them', () => {
    const supplier = Object.assign(noop, {
      stores: () => [Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('seen'))],
    })
    const topology = new Topology().addSource('source', 'in').addProcessor('p', supplier, 'source')
    expect(topology.describe().toString()).toContain('Processor: p (stores: [seen])')
  })
})
