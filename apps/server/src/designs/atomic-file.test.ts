import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from './atomic-file'

let folder: string

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atomic-'))
})

afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temporary file behind', async () => {
    const path = join(folder, 'a.json')
    await writeFile(path, 'old')
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => writeFileAtomic(path, `${'x'.repeat(10_000)}${i}`)),
    )
    const text = await readFile(path, 'utf8')
    expect(text).toMatch(/^x{10000}\d+$/)
    expect(await readdir(folder)).toEqual(['a.json'])
  })

  it('keeps the old content when the new one cannot be put in place', async () => {
    const path = join(folder, 'b.json')
    await writeFile(path, 'old')
    // A directory in the way of the rename makes it fail after the temporary file is written.
    const blocked = join(folder, 'dir.json')
    await mkdir(join(blocked, 'child'), { recursive: true })
    await expect(writeFileAtomic(blocked, 'new')).rejects.toThrow()
    expect(await readFile(path, 'utf8')).toBe('old')
    expect((await readdir(folder)).sort()).toEqual(['b.json', 'dir.json'])
  })
})
