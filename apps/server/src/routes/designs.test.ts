import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { wordCountDesign, type DesignRecord, type DesignSummary } from '@topology-studio/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../testing/test-server'

let studio: TestServer

beforeEach(async () => {
  studio = await startTestServer()
})

afterEach(async () => {
  await studio.close()
})

const json = async <T>(response: Response) => (await response.json()) as T
const errorOf = async (response: Response) =>
  (
    await json<{ error: { code: string; message: string; details: Record<string, unknown> } }>(
      response,
    )
  ).error

async function create(body: unknown): Promise<DesignRecord> {
  const response = await studio.api('/api/designs', { method: 'POST', body })
  expect(response.status).toBe(201)
  return json<DesignRecord>(response)
}

describe('designs', () => {
  it('creates a design as a pretty JSON file named after it, and reads it back', async () => {
    const created = await create({ design: wordCountDesign() })
    expect(created.id).toBe('word-count')
    const text = await readFile(join(studio.workspace, 'word-count.json'), 'utf8')
    expect(text).toBe(`${JSON.stringify(wordCountDesign(), null, 2)}\n`)

    const read = await json<DesignRecord>(await studio.api('/api/designs/word-count'))
    expect(read).toEqual(created)
  })

  it('numbers ids of designs with the same name', async () => {
    await create({ design: wordCountDesign() })
    expect((await create({ design: wordCountDesign() })).id).toBe('word-count-2')
  })

  it('refuses to create over an existing id', async () => {
    await create({ id: 'wc', design: wordCountDesign() })
    const response = await studio.api('/api/designs', {
      method: 'POST',
      body: { id: 'wc', design: wordCountDesign() },
    })
    expect(response.status).toBe(409)
    expect((await errorOf(response)).code).toBe('design_exists')
  })

  it('updates with the current revision and refuses a stale one with 409', async () => {
    const created = await create({ design: wordCountDesign() })
    const renamed = { ...wordCountDesign(), name: 'Counting words' }
    const updated = await studio.api('/api/designs/word-count', {
      method: 'PUT',
      body: { revision: created.revision, design: renamed },
    })
    expect(updated.status).toBe(200)
    const record = await json<DesignRecord>(updated)
    expect(record.revision).not.toBe(created.revision)
    expect(record.design.name).toBe('Counting words')

    const stale = await studio.api('/api/designs/word-count', {
      method: 'PUT',
      body: { revision: created.revision, design: wordCountDesign() },
    })
    expect(stale.status).toBe(409)
    const error = await errorOf(stale)
    expect(error.code).toBe('stale_revision')
    expect(error.details).toMatchObject({ currentRevision: record.revision })
    const onDisk = JSON.parse(await readFile(join(studio.workspace, 'word-count.json'), 'utf8'))
    expect(onDisk.name).toBe('Counting words')
  })

  it('lets only one of two concurrent updates from the same revision win', async () => {
    const created = await create({ design: wordCountDesign() })
    const results = await Promise.all(
      ['A', 'B'].map((name) =>
        studio.api('/api/designs/word-count', {
          method: 'PUT',
          body: { revision: created.revision, design: { ...wordCountDesign(), name } },
        }),
      ),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
  })

  it('sees a hand edit: the revision changes and the old one is stale', async () => {
    const created = await create({ design: wordCountDesign() })
    const path = join(studio.workspace, 'word-count.json')
    await writeFile(path, JSON.stringify({ ...wordCountDesign(), name: 'Edited by hand' }))

    const read = await json<DesignRecord>(await studio.api('/api/designs/word-count'))
    expect(read.design.name).toBe('Edited by hand')
    expect(read.revision).not.toBe(created.revision)
    const stale = await studio.api('/api/designs/word-count', {
      method: 'PUT',
      body: { revision: created.revision, design: wordCountDesign() },
    })
    expect(stale.status).toBe(409)
  })

  it('lists designs and a corrupted file with its error instead of hiding it', async () => {
    await create({ design: wordCountDesign() })
    await writeFile(join(studio.workspace, 'broken.json'), '{"version": 1, "name": ')
    await writeFile(join(studio.workspace, 'future.json'), '{"version": 99}')
    await writeFile(join(studio.workspace, 'notes.txt'), 'not a design')

    const { designs } = await json<{ designs: DesignSummary[] }>(await studio.api('/api/designs'))
    expect(designs.map((d) => [d.id, d.ok])).toEqual([
      ['broken', false],
      ['future', false],
      ['word-count', true],
    ])
    const broken = designs[0]
    expect(broken?.ok === false && broken.error.message).toMatch(/broken\.json is not valid JSON/)
    const future = designs[1]
    expect(future?.ok === false && future.error.code).toBe('graph/unsupported-version')
    expect(designs[2]).toMatchObject({
      name: 'Word count',
      applicationId: 'word-count',
      nodeCount: 6,
    })

    const response = await studio.api('/api/designs/broken')
    expect(response.status).toBe(422)
    expect(await errorOf(response)).toMatchObject({
      code: 'design_unreadable',
      details: { file: 'broken.json' },
    })
  })

  it('names the bad field of an invalid design and writes nothing', async () => {
    const design = wordCountDesign()
    const response = await studio.api('/api/designs', {
      method: 'POST',
      body: { design: { ...design, nodes: [{ ...design.nodes[0], kind: 'teleport' }] } },
    })
    expect(response.status).toBe(400)
    const error = await errorOf(response)
    expect(error.code).toBe('invalid_request')
    expect(JSON.stringify(error.details)).toMatch(/design\.nodes\.0/)
    expect(await readdir(studio.workspace)).toEqual([])
  })

  it('deletes a design, and answers 404 for unknown ones', async () => {
    await create({ design: wordCountDesign() })
    expect((await studio.api('/api/designs/word-count', { method: 'DELETE' })).status).toBe(204)
    const missing = await studio.api('/api/designs/word-count')
    expect(missing.status).toBe(404)
    expect((await errorOf(missing)).code).toBe('design_not_found')
    expect((await studio.api('/api/designs/word-count', { method: 'DELETE' })).status).toBe(404)
  })

  it('duplicates a design under a new id, name and application id', async () => {
    await create({ design: wordCountDesign() })
    const response = await studio.api('/api/designs/word-count/duplicate', {
      method: 'POST',
      body: {},
    })
    expect(response.status).toBe(201)
    const copy = await json<DesignRecord>(response)
    expect(copy).toMatchObject({
      id: 'word-count-copy',
      design: { name: 'Word count (copy)', applicationId: 'word-count-copy' },
    })
    expect(copy.design.nodes).toEqual(wordCountDesign().nodes)
  })

  it('refuses ids that would leave the workspace', async () => {
    for (const id of ['..%2Fetc%2Fpasswd', '.hidden', '%2Fabsolute']) {
      const response = await studio.api(`/api/designs/${id}`)
      expect(response.status).toBe(400)
      expect((await errorOf(response)).code).toBe('invalid_request')
    }
  })
})
