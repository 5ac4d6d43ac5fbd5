import type { Diagnostic, TopologyGraph, Window } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { design, expr } from './internal/test-helpers'
import { planGraph } from './plan-graph'
import { validateGraph } from './validate-graph'

// validateGraph on names and parameter values; structure and types are in validate-graph.test.ts.

function only(graph: TopologyGraph, code: string): Diagnostic {
  const found = validateGraph(graph).filter((diagnostic) => diagnostic.code === code)
  expect(found, `diagnostics with code ${code}`).toHaveLength(1)
  return found[0]!
}

function windowedCount(window: Window): TopologyGraph {
  const d = design()
  d.stream().groupByKey().windowedBy(window).count().toStream().to()
  return d.build()
}

describe('validateGraph on names', () => {
  it('reports two processors with the same name', () => {
    const d = design()
    d.stream().then('filter', { name: 'clean' }, 'f1').then('mapValues', { name: 'clean' }).to()
    expect(only(d.build(), 'name/duplicate')).toMatchObject({
      param: 'name',
      message: 'filter "clean" and mapValues "clean" are both named "clean".',
    })
  })

  it('reports a store name used by an aggregation and a custom processor', () => {
    const d = design()
    const stream = d.stream()
    stream.groupByKey().count({ storeName: 'counts' }).toStream().to()
    const process = stream.then('process', { stores: [{ name: 'counts', type: 'keyValue' }] })
    expect(only(d.build(), 'store/duplicate-name')).toMatchObject({
      nodeId: process.id,
      param: 'stores[0].name',
    })
  })

  it('lets two custom processors share a store they declare alike, and plans one store for both', () => {
    const d = design()
    const stream = d.stream()
    const seen = { name: 'seen', type: 'keyValue' as const }
    stream.then('process', { stores: [seen] }).to()
    stream.then('process', { stores: [seen] }).to()
    const graph = d.build()
    expect(validateGraph(graph).filter((x) => x.code === 'store/duplicate-name')).toEqual([])
    const store = planGraph(graph).plan?.stores.find((s) => s.name === 'seen')
    expect(store?.processors).toHaveLength(2)
  })

  it('reports two custom processors declaring one store name with different types', () => {
    const d = design()
    const stream = d.stream()
    stream.then('process', { stores: [{ name: 'seen', type: 'keyValue' }] }).to()
    const second = stream.then('process', {
      stores: [{ name: 'seen', type: 'window', windowSizeMs: 1000, retentionMs: 5000 }],
    })
    second.to()
    expect(only(d.build(), 'store/duplicate-name')).toMatchObject({ nodeId: second.id })
  })

  it.each([
    ['with a space', 'my filter', 'contains " "'],
    ['that is a single dot', '.', 'cannot be "."'],
    ['that is empty', '', 'is empty'],
  ])('reports a processor name %s', (_case, name, reason) => {
    const d = design()
    d.stream().then('filter', { name }).to()
    expect(only(d.build(), 'name/invalid')).toMatchObject({
      param: 'name',
      message: expect.stringContaining(reason),
    })
  })

  it('reports an illegal branch name with its path', () => {
    const d = design()
    const split = d.stream().then('split', {
      branches: [{ id: 'a', name: 'big/small', predicate: expr('true') }],
    })
    d.connect(split.branch('a'), d.add('sink'))
    expect(only(d.build(), 'name/invalid').param).toBe('branches[0].name')
  })

  it('reports an illegal store name', () => {
    const d = design()
    d.table('customers').then('filter', {}).toStream().to()
    const graph = d.build()
    Object.assign(graph.nodes[0]!.params, { storeName: 'customers store' })
    expect(only(graph, 'name/invalid').param).toBe('storeName')
  })

  it('reports an application id that Kafka would reject', () => {
    const graph = design().build()
    graph.applicationId = 'orders app'
    expect(only(graph, 'graph/invalid-application-id').message).toContain('contains " "')
  })
})

describe('validateGraph on split branches', () => {
  it('reports a split without branches', () => {
    const d = design()
    d.stream().then('split', { branches: [], defaultBranch: true })
    expect(only(d.build(), 'split/no-branches').param).toBe('branches')
  })

  it.each([
    ['repeated', ['a', 'a'], 'Two branches', 'branches[1].id'],
    ['reserved for the default branch', ['default'], 'reserved', 'branches[0].id'],
    ['blank', [' '], 'blank id', 'branches[0].id'],
  ])('reports a branch id that is %s', (_case, ids, text, param) => {
    const d = design()
    const branches = ids.map((id) => ({ id, predicate: expr('true') }))
    d.stream().then('split', { branches })
    expect(only(d.build(), 'split/invalid-branch-id')).toMatchObject({
      param,
      message: expect.stringContaining(text),
    })
  })
})

describe('validateGraph on window parameters', () => {
  it('reports a window size of zero', () => {
    expect(only(windowedCount({ type: 'tumbling', sizeMs: 0 }), 'param/invalid')).toMatchObject({
      param: 'window.sizeMs',
      message: expect.stringMatching(
        /^The window.sizeMs of windowedBy ".+" must be greater than 0, but is 0\.$/,
      ),
    })
  })

  it('reports a negative session inactivity gap', () => {
    const graph = windowedCount({ type: 'session', inactivityGapMs: -1 })
    expect(only(graph, 'param/invalid').param).toBe('window.inactivityGapMs')
  })

  it('reports a sliding window with no time difference', () => {
    const graph = windowedCount({ type: 'sliding', timeDifferenceMs: 0 })
    expect(only(graph, 'param/invalid').param).toBe('window.timeDifferenceMs')
  })

  it('reports a negative grace period', () => {
    const graph = windowedCount({ type: 'tumbling', sizeMs: 10, graceMs: -5 })
    expect(only(graph, 'param/invalid').message).toContain('must not be negative')
  })

  it('reports a hopping window that does not advance', () => {
    const graph = windowedCount({ type: 'hopping', sizeMs: 10, advanceMs: 0 })
    expect(only(graph, 'param/invalid').param).toBe('window.advanceMs')
  })

  it('reports a hop larger than the window', () => {
    const graph = windowedCount({ type: 'hopping', sizeMs: 10, advanceMs: 20 })
    expect(only(graph, 'param/invalid').message).toContain('must not be larger than the window')
  })

  it('reports a fractional number of milliseconds', () => {
    const graph = windowedCount({ type: 'tumbling', sizeMs: 1.5 })
    expect(only(graph, 'param/invalid').message).toContain('must be a whole number')
  })

  it('reports a window size that is not a finite number as a schema violation', () => {
    const graph = windowedCount({ type: 'tumbling', sizeMs: 1000 })
    const windowedBy = graph.nodes.find((node) => node.kind === 'windowedBy')!
    Object.assign(windowedBy.params, { window: { type: 'tumbling', sizeMs: Infinity } })
    expect(only(graph, 'graph/invalid-schema')).toMatchObject({
      nodeId: windowedBy.id,
      param: 'window.sizeMs',
    })
  })

  it('reports a negative join window bound', () => {
    const d = design()
    d.join(d.stream(), d.stream(), { window: { beforeMs: -1, afterMs: 10 } }).to()
    expect(only(d.build(), 'param/invalid').param).toBe('window.beforeMs')
  })
})

describe('validateGraph on suppress, repartition and store parameters', () => {
  function suppressed(params: object): TopologyGraph {
    const d = design()
    d.stream()
      .groupByKey()
      .windowedBy({ type: 'tumbling', sizeMs: 1000 })
      .count()
      .then('suppress', params)
      .toStream()
      .to()
    return d.build()
  }

  it('reports a buffer of zero records', () => {
    expect(only(suppressed({ maxRecords: 0 }), 'param/invalid').param).toBe('maxRecords')
  })

  it('reports a buffer of zero bytes', () => {
    expect(only(suppressed({ maxBytes: 0 }), 'param/invalid').param).toBe('maxBytes')
  })

  it('reports a negative time limit', () => {
    expect(only(suppressed({ timeLimitMs: -1 }), 'param/invalid').param).toBe('timeLimitMs')
  })

  it('reports untilWindowCloses with a bounded buffer that would emit early', () => {
    const graph = suppressed({ mode: 'untilWindowCloses', maxRecords: 10 })
    expect(only(graph, 'param/invalid')).toMatchObject({
      param: 'whenFull',
      hint: expect.stringContaining('"shutDown"'),
    })
  })

  it('warns that whenFull has no effect on an unbounded buffer', () => {
    expect(only(suppressed({ whenFull: 'shutDown' }), 'param/ignored').param).toBe('whenFull')
  })

  it.each([0, 2.5])('reports %s partitions for a repartition', (numberOfPartitions) => {
    const d = design()
    d.stream().then('repartition', { numberOfPartitions }).to()
    expect(only(d.build(), 'param/invalid').param).toBe('numberOfPartitions')
  })

  it('reports a window store without a window size', () => {
    const d = design()
    d.stream().then('process', { stores: [{ name: 's', type: 'window', retentionMs: 100 }] })
    expect(only(d.build(), 'param/missing').param).toBe('stores[0].windowSizeMs')
  })

  it('reports a session store without a retention period', () => {
    const d = design()
    d.stream().then('process', { stores: [{ name: 's', type: 'session' }] })
    expect(only(d.build(), 'param/missing').param).toBe('stores[0].retentionMs')
  })

  it('reports a window store that keeps windows for less than their size', () => {
    const d = design()
    const store = { name: 's', type: 'window' as const, retentionMs: 10, windowSizeMs: 60 }
    d.stream().then('process', { stores: [store] })
    expect(only(d.build(), 'param/invalid').message).toContain('must be at least the window size')
  })

  it('warns that a key-value store ignores a retention period', () => {
    const d = design()
    d.stream().then('process', { stores: [{ name: 's', type: 'keyValue', retentionMs: 10 }] })
    expect(only(d.build(), 'param/ignored').severity).toBe('warning')
  })
})
