import { wordCountDesign } from '@topology-studio/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../testing/test-server'

let studio: TestServer

beforeAll(async () => {
  studio = await startTestServer()
})

afterAll(async () => {
  await studio.close()
})

interface PlanBody {
  diagnostics: { severity: string; code: string; nodeId?: string }[]
  plan: { describe: string; internalTopics: { name: string }[] } | null
}

describe('POST /api/plan', () => {
  it('returns the describe() text, internal topics and diagnostics of a design', async () => {
    const response = await studio.api('/api/plan', { method: 'POST', body: wordCountDesign() })
    expect(response.status).toBe(200)
    const body = (await response.json()) as PlanBody
    expect(body.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(body.plan?.describe).toMatch(/^Topologies:\n {3}Sub-topology: 0\n/)
    expect(body.plan?.internalTopics.map((t) => t.name)).toEqual([
      'counts-repartition',
      'counts-changelog',
    ])
  })

  it('reports a broken design as diagnostics on its nodes, not as an HTTP error', async () => {
    const design = wordCountDesign()
    const response = await studio.api('/api/plan', {
      method: 'POST',
      body: { ...design, edges: design.edges.filter((e) => e.target !== 'count') },
    })
    const body = (await response.json()) as PlanBody
    expect(body.plan).toBeNull()
    expect(body.diagnostics.some((d) => d.severity === 'error' && d.nodeId === 'count')).toBe(true)
  })

  it('never runs code parameters while planning', async () => {
    const design = wordCountDesign()
    const words = design.nodes[1]
    if (words === undefined) throw new Error('fixture changed')
    const sneaky = {
      ...design,
      nodes: design.nodes.map((n) =>
        n.id === 'words'
          ? {
              ...n,
              params: {
                mapper: { lang: 'code', source: '(globalThis.ranUserCode = true, (v) => [v])' },
              },
            }
          : n,
      ),
    }
    const response = await studio.api('/api/plan', { method: 'POST', body: sneaky })
    expect(response.status).toBe(200)
    expect((globalThis as { ranUserCode?: boolean }).ranUserCode).toBeUndefined()
  })

  it('names what is wrong with a body that is not a design', async () => {
    const response = await studio.api('/api/plan', { method: 'POST', body: { nodes: [] } })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('invalid_request')
    expect(body.error.message).toMatch(/version/)
  })
})
