// Designs as pretty JSON files, one per design, in a workspace folder that users may version
// with git and edit by hand. Every call reads the disk, so hand edits show at once; a file's
// revision is a hash of its bytes, so a stale update is refused whoever changed the file.
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import {
  migrateTopologyGraph,
  type DesignRecord,
  type DesignSummary,
  type TopologyGraph,
  type TopologyGraphLoadError,
} from '@topology-studio/shared'
import { schemaIssues, slug } from '@topology-studio/shared'
import { writeFileAtomic } from './atomic-file'

const EXTENSION = '.json'

/** What went wrong with a design, for the routes to turn into HTTP answers. */
export class DesignStoreError extends Error {
  override readonly name = 'DesignStoreError'

  constructor(
    readonly reason: 'not_found' | 'exists' | 'stale' | 'unreadable',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

interface StoredFile {
  readonly id: string
  readonly revision: string
  readonly updatedAt: string
  readonly text: string
}

export class DesignStore {
  /** Writes to one design run one after another, so check-then-write cannot interleave. */
  private readonly locks = new Map<string, Promise<unknown>>()

  constructor(readonly folder: string) {}

  async list(): Promise<DesignSummary[]> {
    await mkdir(this.folder, { recursive: true })
    const names = (await readdir(this.folder)).filter(
      (name) => name.endsWith(EXTENSION) && !name.startsWith('.'),
    )
    const summaries: DesignSummary[] = []
    for (const name of names.sort()) {
      const file = await this.readStored(name.slice(0, -EXTENSION.length))
      if (file === null) continue
      const opened = openDesign(file)
      summaries.push(
        opened.ok
          ? {
              ok: true,
              id: file.id,
              revision: file.revision,
              updatedAt: file.updatedAt,
              name: opened.graph.name,
              applicationId: opened.graph.applicationId,
              nodeCount: opened.graph.nodes.length,
            }
          : {
              ok: false,
              id: file.id,
              revision: file.revision,
              updatedAt: file.updatedAt,
              error: { code: opened.error.code, message: opened.error.message },
            },
      )
    }
    return summaries
  }

  async get(id: string): Promise<DesignRecord> {
    const file = await this.readStored(id)
    if (file === null) throw notFound(id)
    const opened = openDesign(file)
    if (!opened.ok) throw unreadable(id, opened.error)
    return { id, revision: file.revision, updatedAt: file.updatedAt, design: opened.graph }
  }

  /** Stores a new design; with no id, one is made from its name (`word-count`, `word-count-2`). */
  async create(design: TopologyGraph, id?: string): Promise<DesignRecord> {
    await mkdir(this.folder, { recursive: true })
    if (id !== undefined) {
      return this.locked(id, async () => {
        if ((await this.readStored(id)) !== null) {
          throw new DesignStoreError('exists', `A design with id ${id} already exists`, { id })
        }
        return this.write(id, design)
      })
    }
    const base = slug(design.name)
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`
      const created = await this.locked(candidate, async () =>
        (await this.readStored(candidate)) === null ? this.write(candidate, design) : null,
      )
      if (created !== null) return created
    }
  }

  async update(id: string, revision: string, design: TopologyGraph): Promise<DesignRecord> {
    return this.locked(id, async () => {
      const file = await this.readStored(id)
      if (file === null) throw notFound(id)
      if (file.revision !== revision) {
        throw new DesignStoreError(
          'stale',
          `Design ${id} changed since revision ${revision} was read (now ${file.revision}); reload it and apply the change again`,
          { id, revision, currentRevision: file.revision },
        )
      }
      return this.write(id, design)
    })
  }

  async delete(id: string): Promise<void> {
    await this.locked(id, async () => {
      if ((await this.readStored(id)) === null) throw notFound(id)
      await rm(this.pathOf(id))
    })
  }

  /** A copy under a new id and name, with its own application id so the two can run side by side. */
  async duplicate(
    id: string,
    options: { id?: string | undefined; name?: string | undefined },
  ): Promise<DesignRecord> {
    const source = await this.get(id)
    const name = options.name ?? `${source.design.name} (copy)`
    const copy: TopologyGraph = {
      ...source.design,
      name,
      applicationId: `${source.design.applicationId}-copy`,
    }
    return this.create(copy, options.id)
  }

  private async write(id: string, design: TopologyGraph): Promise<DesignRecord> {
    const text = `${JSON.stringify(design, null, 2)}\n`
    await writeFileAtomic(this.pathOf(id), text)
    const stats = await stat(this.pathOf(id))
    return { id, revision: revisionOf(text), updatedAt: stats.mtime.toISOString(), design }
  }

  private async readStored(id: string): Promise<StoredFile | null> {
    try {
      const path = this.pathOf(id)
      const [text, stats] = await Promise.all([readFile(path, 'utf8'), stat(path)])
      return { id, text, revision: revisionOf(text), updatedAt: stats.mtime.toISOString() }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  private pathOf(id: string): string {
    return join(this.folder, `${id}${EXTENSION}`)
  }

  private async locked<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(id) ?? Promise.resolve()
    const next = previous.then(work, work)
    const settled = next.catch(() => undefined)
    this.locks.set(id, settled)
    try {
      return await next
    } finally {
      if (this.locks.get(id) === settled) this.locks.delete(id)
    }
  }
}

type Opened = { ok: true; graph: TopologyGraph } | { ok: false; error: TopologyGraphLoadError }

function openDesign(file: StoredFile): Opened {
  let json: unknown
  try {
    json = JSON.parse(file.text)
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'graph/invalid',
        message: `${file.id}.json is not valid JSON: ${(error as Error).message}`,
        issues: [],
      },
    }
  }
  const migrated = migrateTopologyGraph(json)
  return migrated.ok ? { ok: true, graph: migrated.graph } : migrated
}

function revisionOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22)
}

function notFound(id: string): DesignStoreError {
  return new DesignStoreError('not_found', `No design with id ${id}`, { id })
}

function unreadable(id: string, error: TopologyGraphLoadError): DesignStoreError {
  return new DesignStoreError('unreadable', `Design ${id} cannot be opened: ${error.message}`, {
    id,
    file: `${id}${EXTENSION}`,
    code: error.code,
    issues: schemaIssues(error.issues),
  })
}
