import { describe, expect, it } from 'vitest'
import { everyKindDesign } from './fixtures/every-kind-design'
import { NODE_KINDS } from './node-kinds'
import { TOPOLOGY_GRAPH_VERSION, TopologyGraphSchema, migrateTopologyGraph } from './topology-graph'

function throughJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value))
}

function issuePaths(input: unknown): string[] {
  const result = TopologyGraphSchema.safeParse(input)
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))
}

describe('TopologyGraphSchema', () => {
  it('uses a fixture that holds at least one node of every kind', () => {
    const kinds = new Set(everyKindDesign().nodes.map((node) => node.kind))
    expect([...NODE_KINDS].filter((kind) => !kinds.has(kind))).toEqual([])
  })

  it('round-trips a design with every node kind through JSON without loss', () => {
    const design = everyKindDesign()
    expect(TopologyGraphSchema.parse(throughJson(design))).toEqual(design)
  })

  it('keeps a half-edited design with empty topics and negative durations', () => {
    const design = everyKindDesign()
    design.nodes.push(
      { id: 'new', kind: 'stream', position: { x: 1, y: 2 }, params: { topics: [] } },
      {
        id: 'draft-window',
        kind: 'windowedBy',
        position: { x: 0, y: 0 },
        params: { window: { type: 'hopping', sizeMs: -5, advanceMs: 0 } },
      },
    )
    expect(TopologyGraphSchema.safeParse(throughJson(design)).success).toBe(true)
  })

  it('names the path of a function param with an unknown language', () => {
    const design = throughJson(everyKindDesign()) as { nodes: { params: object }[] }
    const filterIndex = everyKindDesign().nodes.findIndex((node) => node.kind === 'filter')
    design.nodes[filterIndex]!.params = { predicate: { lang: 'sql', source: 'x' } }
    expect(issuePaths(design)).toEqual([`nodes.${filterIndex}.params.predicate.lang`])
  })

  it('names the path of an unknown node kind', () => {
    const design = throughJson(everyKindDesign()) as { nodes: { kind: string }[] }
    design.nodes[2]!.kind = 'branch'
    expect(issuePaths(design)).toEqual(['nodes.2.kind'])
  })

  it('names the path of a window size that is not a number', () => {
    const design = throughJson(everyKindDesign()) as { nodes: { kind: string; params: object }[] }
    const index = design.nodes.findIndex((node) => node.kind === 'windowedBy')
    design.nodes[index]!.params = { window: { type: 'tumbling', sizeMs: '1m' } }
    expect(issuePaths(design)).toEqual([`nodes.${index}.params.window.sizeMs`])
  })

  it('rejects a stream that gives both a topic list and a topic pattern', () => {
    const design = throughJson(everyKindDesign()) as { nodes: { params: object }[] }
    design.nodes[0]!.params = { topics: ['a'], topicPattern: 'a.*' }
    const result = TopologyGraphSchema.safeParse(design)
    expect(result.error?.issues[0]).toMatchObject({
      path: ['nodes', 0, 'params'],
      message: expect.stringContaining('not both'),
    })
  })

  it('rejects unknown keys instead of silently dropping them', () => {
    const design = throughJson(everyKindDesign()) as { edges: object[] }
    design.edges[0] = { ...design.edges[0], port: 'left' }
    expect(issuePaths(design)).toEqual(['edges.0'])
  })
})

describe('migrateTopologyGraph', () => {
  it('opens a design of the current version unchanged', () => {
    const design = everyKindDesign()
    expect(migrateTopologyGraph(throughJson(design))).toEqual({
      ok: true,
      graph: design,
      fromVersion: TOPOLOGY_GRAPH_VERSION,
    })
  })

  it('refuses a design from a newer build and says so', () => {
    const result = migrateTopologyGraph({ ...everyKindDesign(), version: 7 })
    expect(result).toMatchObject({ ok: false, error: { code: 'graph/unsupported-version' } })
    expect(!result.ok && result.error.message).toMatch(/version 7, which is newer.*up to version 1/)
  })

  it('refuses a version that never existed', () => {
    const result = migrateTopologyGraph({ ...everyKindDesign(), version: 0 })
    expect(!result.ok && result.error.message).toMatch(/version 0, which is not a known/)
  })

  it('refuses a version that is not a whole number', () => {
    const result = migrateTopologyGraph({ ...everyKindDesign(), version: '1' })
    expect(!result.ok && result.error.message).toMatch(/must be a whole number.*"1"/)
  })

  it('refuses a document without a version', () => {
    const { version: _version, ...rest } = everyKindDesign()
    expect(migrateTopologyGraph(rest)).toMatchObject({
      ok: false,
      error: { code: 'graph/missing-version' },
    })
  })

  it('refuses input that is not an object', () => {
    expect(migrateTopologyGraph([1, 2])).toMatchObject({
      ok: false,
      error: { code: 'graph/not-an-object', message: expect.stringContaining('an array') },
    })
  })

  it('reports schema violations with their paths', () => {
    const design = throughJson(everyKindDesign()) as { nodes: { position: object }[] }
    design.nodes[1]!.position = { x: 'left' }
    const result = migrateTopologyGraph(design)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('graph/invalid')
    expect(result.error.message).toContain('nodes[1].position.x')
    expect(result.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'nodes.1.position.x',
      'nodes.1.position.y',
    ])
  })
})
