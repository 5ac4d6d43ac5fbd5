import { TopologyGraphSchema, wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import { blankDesign, designFileName, designFileText, parseDesignFile } from './design-file'

describe('design files', () => {
  it('reads back what it writes', () => {
    const graph = wordCountDesign()
    expect(parseDesignFile(designFileText(graph), 'wc.json')).toEqual({ ok: true, graph })
  })

  it('names the file and the place of each schema violation', () => {
    const graph = wordCountDesign()
    const broken = { ...graph, nodes: [{ ...graph.nodes[0], kind: 'teleport' }] }
    const result = parseDesignFile(JSON.stringify(broken), 'broken.json')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems[0]).toMatch(/^broken\.json at nodes\.0\.kind: /)
  })

  it('says so when the file is not JSON at all', () => {
    const result = parseDesignFile('{ "name": ', 'half.json')
    expect(result).toMatchObject({ ok: false })
    if (!result.ok) expect(result.problems[0]).toMatch(/^half\.json is not JSON: /)
  })

  it('makes a file name from the design name', () => {
    expect(designFileName({ ...blankDesign(), name: 'Latest price per ISIN (2 s)' })).toBe(
      'latest-price-per-isin-2-s.json',
    )
    expect(designFileName({ ...blankDesign(), name: '!!!' })).toBe('design.json')
  })

  it('starts blank designs valid and empty', () => {
    expect(TopologyGraphSchema.parse(blankDesign()).nodes).toEqual([])
  })
})
