import { wordCountDesign, type TopologyGraph } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { createDesignStore, HISTORY_LIMIT, isDirty } from './design-store'

const empty = (): TopologyGraph => ({
  version: 1,
  name: 'New design',
  applicationId: 'new-design',
  config: {},
  nodes: [],
  edges: [],
})

describe('design store', () => {
  it('adds nodes with fresh ids from their kind and selects the new one', () => {
    const store = createDesignStore(empty())
    const first = store.getState().addNode('stream', { x: 0, y: 0 })
    const second = store.getState().addNode('stream', { x: 100, y: 0 })
    expect([first, second]).toEqual(['stream-1', 'stream-2'])
    expect(store.getState().selection).toEqual({ nodes: ['stream-2'], edges: [] })
  })

  it('adds a node with preset params, wired after another node in one undo step', () => {
    const store = createDesignStore(empty())
    const source = store.getState().addNode('stream', { x: 0, y: 0 })
    const hopping = { window: { type: 'hopping', sizeMs: 60_000, advanceMs: 10_000 } } as const
    const grouped = store.getState().addNode('groupByKey', { x: 200, y: 0 }, {}, { source })
    const windowed = store
      .getState()
      .addNode('windowedBy', { x: 400, y: 0 }, hopping, { source: grouped })
    const { graph } = store.getState()
    expect(graph.nodes.find((n) => n.id === windowed)?.params).toEqual(hopping)
    expect(graph.edges.map((e) => [e.source, e.target])).toEqual([
      [source, grouped],
      [grouped, windowed],
    ])
    store.getState().undo()
    expect(store.getState().graph.nodes.map((n) => n.id)).toEqual([source, grouped])
    expect(store.getState().graph.edges).toHaveLength(1)
  })

  it('wires a node added after another to its first input: a join left, a cogroup its first', () => {
    const store = createDesignStore(empty())
    const source = store.getState().addNode('stream', { x: 0, y: 0 })
    const grouped = store.getState().addNode('groupByKey', { x: 200, y: 0 }, {}, { source })
    const join = store.getState().addNode('join', { x: 200, y: 200 }, undefined, { source })
    const cogroup = store.getState().addNode('cogroup', { x: 400, y: 0 }, undefined, {
      source: grouped,
    })
    const port = (target: string) =>
      store.getState().graph.edges.find((e) => e.target === target)?.targetPort
    expect(port(grouped)).toBeUndefined()
    expect(port(join)).toBe('left')
    expect(port(cogroup)).toBe('a')
  })

  it('connects nodes once, never a node to itself or to a missing node', () => {
    const store = createDesignStore(empty())
    const { addNode } = store.getState()
    const a = addNode('stream', { x: 0, y: 0 })
    const b = addNode('filter', { x: 200, y: 0 })
    expect(store.getState().connect({ source: a, target: b })).toBe('stream-1->filter-1')
    expect(store.getState().connect({ source: a, target: b })).toBeNull()
    expect(store.getState().connect({ source: a, target: a })).toBeNull()
    expect(store.getState().connect({ source: a, target: 'nope' })).toBeNull()
    expect(store.getState().graph.edges).toHaveLength(1)
  })

  it('removes the selection with the edges of removed nodes, and undoes it', () => {
    const store = createDesignStore(wordCountDesign())
    store.getState().select({ nodes: ['count'] })
    store.getState().removeSelection()
    const { graph } = store.getState()
    expect(graph.nodes.map((n) => n.id)).not.toContain('count')
    expect(graph.edges.some((e) => e.source === 'count' || e.target === 'count')).toBe(false)
    store.getState().undo()
    expect(store.getState().graph).toEqual(wordCountDesign())
    store.getState().redo()
    expect(store.getState().graph.nodes).toHaveLength(5)
  })

  it('records a drag as one step: the moves while dragging are not steps', () => {
    const store = createDesignStore(wordCountDesign())
    for (let x = 1; x <= 10; x++)
      store.getState().moveNodes([{ id: 'count', position: { x, y: 0 } }], false)
    store.getState().moveNodes([{ id: 'count', position: { x: 11, y: 0 } }])
    expect(store.getState().past).toHaveLength(1)
    store.getState().undo()
    expect(store.getState().graph).toEqual(wordCountDesign())
  })

  it('undoes at least 100 steps, and a new edit clears redo', () => {
    const store = createDesignStore(empty())
    for (let i = 0; i < 150; i++) store.getState().addNode('filter', { x: i, y: 0 })
    for (let i = 0; i < 150; i++) store.getState().undo()
    expect(store.getState().graph.nodes).toHaveLength(0)
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(100)
    store.getState().redo()
    expect(store.getState().future).toHaveLength(149)
    store.getState().addNode('map', { x: 0, y: 0 })
    expect(store.getState().future).toHaveLength(0)
  })

  it('copies and pastes nodes with the edges between them, under new ids', () => {
    const store = createDesignStore(wordCountDesign())
    store.getState().select({ nodes: ['by-word', 'count'] })
    store.getState().copySelection()
    store.getState().paste({ x: 0, y: 100 })
    const { graph, selection } = store.getState()
    expect(selection.nodes).toEqual(['groupBy-1', 'count-1'])
    expect(graph.edges.filter((e) => e.source === 'groupBy-1')).toEqual([
      { id: 'groupBy-1->count-1', source: 'groupBy-1', target: 'count-1' },
    ])
    expect(graph.nodes.find((n) => n.id === 'count-1')?.position).toEqual({ x: 900, y: 100 })
  })

  it('edits a node, the name and the config, each as one step', () => {
    const store = createDesignStore(wordCountDesign())
    store.getState().updateNode('count', { label: 'Word counts', params: { storeName: 'words' } })
    store.getState().rename('Counting')
    store.getState().setConfig('num.stream.threads', 2)
    store.getState().setConfig('default.key.serde', undefined)
    const { graph, past } = store.getState()
    expect(graph.nodes.find((n) => n.id === 'count')).toMatchObject({
      label: 'Word counts',
      params: { storeName: 'words' },
    })
    expect(graph.name).toBe('Counting')
    expect(graph.config).toEqual({ 'default.value.serde': 'String', 'num.stream.threads': 2 })
    expect(past).toHaveLength(4)
  })

  it('keeps only the selected ids that still exist after undo', () => {
    const store = createDesignStore(empty())
    const id = store.getState().addNode('stream', { x: 0, y: 0 })
    expect(store.getState().selection.nodes).toEqual([id])
    store.getState().undo()
    expect(store.getState().selection.nodes).toEqual([])
  })

  it('knows what is unsaved: an edit is, undoing back to the saved graph is not', () => {
    const store = createDesignStore(empty())
    expect(isDirty(store.getState())).toBe(true)
    const graph = wordCountDesign()
    store.getState().load(graph, { id: 'wc', revision: 'r1', graph })
    expect(isDirty(store.getState())).toBe(false)
    store.getState().rename('Other')
    expect(isDirty(store.getState())).toBe(true)
    store.getState().undo()
    expect(isDirty(store.getState())).toBe(false)
    store.getState().rename('Saved name')
    store.getState().markSaved({ id: 'wc', revision: 'r2', graph: store.getState().graph })
    expect(isDirty(store.getState())).toBe(false)
  })

  it('counts openings, which the canvas fits into view, and not edits or saves', () => {
    const graph = wordCountDesign()
    const store = createDesignStore(empty())
    expect(store.getState().opened).toBe(0)
    store.getState().load(graph)
    store.getState().rename('Edited')
    store.getState().markSaved({ id: 'wc', revision: 'r1', graph: store.getState().graph })
    expect(store.getState().opened).toBe(1)
    store.getState().load(graph)
    expect(store.getState().opened).toBe(2)
  })

  it('removes or renames a cogroup input with the edges on its port, in one undo step', () => {
    const graph: TopologyGraph = {
      ...empty(),
      nodes: [
        { id: 's', kind: 'groupByKey', position: { x: 0, y: 0 }, params: {} },
        {
          id: 'c',
          kind: 'cogroup',
          position: { x: 200, y: 0 },
          params: {
            inputs: [
              { id: 'a', aggregator: { lang: 'expression', source: 'aggregate + 1' } },
              { id: 'b', aggregator: { lang: 'expression', source: 'aggregate + 2' } },
            ],
            initializer: { lang: 'expression', source: '0' },
          },
        },
      ],
      edges: [
        { id: 'to-a', source: 's', target: 'c', targetPort: 'a' },
        { id: 'to-b', source: 's', target: 'c', targetPort: 'b' },
      ],
    }
    const store = createDesignStore(graph)
    store.getState().removeCogroupInput('c', 'b')
    const cogroup = store.getState().graph.nodes.find((n) => n.id === 'c')
    expect(cogroup?.kind === 'cogroup' && cogroup.params.inputs.map((i) => i.id)).toEqual(['a'])
    expect(store.getState().graph.edges.map((e) => e.id)).toEqual(['to-a'])
    store.getState().undo()
    expect(store.getState().graph).toEqual(graph)
    store.getState().renameCogroupInput('c', 'b', 'purchases')
    const renamed = store.getState().graph
    const inputs = renamed.nodes.find((n) => n.id === 'c')
    expect(inputs?.kind === 'cogroup' && inputs.params.inputs.map((i) => i.id)).toEqual([
      'a',
      'purchases',
    ])
    expect(renamed.edges.find((e) => e.id === 'to-b')?.targetPort).toBe('purchases')
  })

  it('keeps a design whose stored file was deleted open, all unsaved, with its history', () => {
    const graph = wordCountDesign()
    const store = createDesignStore(graph)
    store.getState().load(graph, { id: 'wc', revision: 'r1', graph })
    store.getState().rename('Renamed')
    store.getState().forgetSaved()
    expect(store.getState().saved).toBeNull()
    expect(store.getState().graph.name).toBe('Renamed')
    store.getState().undo()
    expect(isDirty(store.getState())).toBe(true)
  })

  it('applies a diagnostic fix as one undoable edit', () => {
    const graph = wordCountDesign()
    const store = createDesignStore(graph)
    store
      .getState()
      .applyFix({ title: 'Name it', nodeId: 'count', params: { storeName: 'totals' } })
    expect(store.getState().graph.nodes.find((n) => n.id === 'count')?.params).toEqual({
      storeName: 'totals',
    })
    store.getState().undo()
    expect(store.getState().graph).toBe(graph)
  })
})
