import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runOnEngine } from './run-on-engine'
import { loadScenario } from './scenario'
import { renderBytes } from './scenario-result'

const scenarios = join(dirname(fileURLToPath(import.meta.url)), 'scenarios')

function writeScenario(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'scenario-')), 'bad.json')
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  return file
}

const minimal = {
  name: 'pass-through',
  description: 'records pass through',
  graph: {
    version: 1,
    name: 'p',
    applicationId: 'p',
    config: {},
    nodes: [
      { id: 'in', kind: 'stream', position: { x: 0, y: 0 }, params: { topics: ['in'] } },
      { id: 'out', kind: 'sink', position: { x: 0, y: 0 }, params: { topic: 'out' } },
    ],
    edges: [{ id: 'e', source: 'in', target: 'out' }],
  },
  props: { 'default.key.serde': 'String', 'default.value.serde': 'String' },
  steps: [{ pipe: { topic: 'in', key: 'k', value: 'v', timestamp: 5 } }],
  outputs: ['out'],
}

describe('scenarios', () => {
  it('every scenario of the corpus loads and the corpus has at least 60', () => {
    const files = readdirSync(scenarios).filter((name) => name.endsWith('.json'))
    expect(files.length).toBeGreaterThanOrEqual(60)
    for (const file of files) expect(loadScenario(join(scenarios, file)).name).toBeTruthy()
  })

  it('runs a scenario on the engine into the shared result shape', () => {
    const result = runOnEngine(loadScenario(writeScenario(minimal)))
    expect(result.error).toBeNull()
    expect(result.outputs).toEqual({ out: [{ key: 'k', value: 'v', timestamp: 5, headers: [] }] })
  })

  it('names the file and the bad field of a broken scenario', () => {
    const missingTimestamp = writeScenario({
      ...minimal,
      steps: [{ pipe: { topic: 'in', key: 'k', value: 'v' } }],
    })
    expect(() => loadScenario(missingTimestamp)).toThrow(/bad\.json: .*steps\[0\]/s)
    expect(() => loadScenario(writeScenario('{ not json'))).toThrow(/bad\.json: not valid JSON/)
    const withCode = writeScenario({
      ...minimal,
      graph: {
        ...minimal.graph,
        nodes: [
          minimal.graph.nodes[0],
          {
            id: 'f',
            kind: 'filter',
            position: { x: 0, y: 0 },
            params: { predicate: { lang: 'code', source: '() => true' } },
          },
        ],
      },
    })
    expect(() => loadScenario(withCode)).toThrow(/declarative expressions only/)
  })

  it('renders bytes as text when they are plain UTF-8, else as hex', () => {
    expect(renderBytes(new TextEncoder().encode('héllo\n'))).toBe('héllo\n')
    expect(renderBytes(new Uint8Array([0, 0, 0, 1]))).toBe('0x00000001')
    expect(renderBytes(new Uint8Array([0xff]))).toBe('0xff')
    expect(renderBytes(null)).toBeNull()
  })
})
