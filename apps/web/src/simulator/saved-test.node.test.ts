// Runs the saved test file itself: the text "Save as test" produces is compiled and executed
// against the engine, and must pass, and must fail once an expected output is changed.
import * as engine from '@topology-studio/engine'
import { latestPriceDesign, wordCountDesign } from '@topology-studio/shared'
import { transformSync } from 'esbuild'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { savedTestFile } from './saved-test'
import type { SavedTest } from './simulation-protocol'
import { SimulationSession } from './simulation-session'

async function savedLatestPriceTest(): Promise<SavedTest> {
  let requestId = 0
  let last: unknown = null
  const session = new SimulationSession({
    post: (message) => {
      if (message.type !== 'reply') return
      if (!message.ok) throw new Error(message.message)
      last = message.value
    },
    codeExecutor: () => engine.createSandboxedCodeExecutor(),
    every: () => () => undefined,
    now: () => 0,
    clock: () => 0,
  })
  const send = async (command: Record<string, unknown>) => {
    await session.handle({ ...command, requestId: ++requestId } as never)
    return last
  }
  const codec = { keySerde: 'String', valueSerde: 'Json' } as const
  await send({
    type: 'start',
    runId: 'sim',
    designId: 'unsaved',
    design: latestPriceDesign(),
    partitions: {},
    codecs: { 'stock-trades': codec, 'latest-prices': codec },
    wallClockMs: 1_000,
  })
  const trade = (isin: string, price: number, timestamp: number) => ({
    topic: 'stock-trades',
    key: isin,
    value: { isin, price },
    timestamp,
  })
  await send({
    type: 'add-inputs',
    inputs: [
      trade('NL1', 10, 1000),
      trade('DE1', 7, 1200),
      trade('NL1', 11, 1500),
      trade('NL1', 12, 4100),
    ],
  })
  for (let i = 0; i < 4; i++) await send({ type: 'step' })
  await send({ type: 'advance', ms: 500 })
  return (await send({ type: 'save-test' })) as SavedTest
}

/** Compiles the file and runs its tests, with the engine and vitest's `expect` in place. */
async function runFile(text: string): Promise<number> {
  const { code } = transformSync(text, { loader: 'ts', format: 'cjs', target: 'es2022' })
  const tests: (() => Promise<void> | void)[] = []
  const modules: Record<string, unknown> = {
    '@topology-studio/engine': engine,
    vitest: {
      describe: (_name: string, body: () => void) => body(),
      it: (_name: string, body: () => Promise<void> | void) => void tests.push(body),
      expect,
    },
  }
  const require = (name: string) => {
    if (!(name in modules)) throw new Error(`The saved test imports ${name}`)
    return modules[name]
  }
  new Function('require', 'module', 'exports', code)(require, { exports: {} }, {})
  for (const test of tests) await test()
  return tests.length
}

/** Type errors of the file as a developer's strict project would see them (DOM for atob). */
function typeErrors(text: string): string[] {
  // Inside the repository, so that @topology-studio/engine and vitest resolve as they would
  // in a project depending on them.
  const dir = mkdtempSync(join(dirname(fileURLToPath(import.meta.url)), '.saved-test-'))
  try {
    const file = join(dir, 'saved.test.ts')
    writeFileSync(file, text)
    const program = ts.createProgram([file], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: true,
      types: [],
      noEmit: true,
    })
    return ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('a saved test', () => {
  it('replays the simulation on TopologyTestDriver and passes', async () => {
    const saved = await savedLatestPriceTest()
    expect(saved.fileName).toBe('latest-price.test.ts')
    expect(saved.inputs).toBe(4)
    expect(saved.outputs).toBe(2)
    expect(saved.text).toContain(
      `stockTradesInput.pipeInput(new TestRecord("NL1", {"isin":"NL1","price":10}, [], 1000))`,
    )
    expect(saved.text).toContain('driver.advanceWallClockTime(500)')
    expect(saved.text).toContain(
      `["NL1", {"isin":"NL1","price":11,"windowStart":0,"windowEnd":2000}, 1500]`,
    )
    expect(await runFile(saved.text)).toBe(1)
    expect(typeErrors(saved.text)).toEqual([])
    // The check sees type errors at all: a design that is not a design is one.
    expect(typeErrors(saved.text.replace('"kind": "reduce"', '"kind": "reduced"'))).not.toEqual([])
  }, 60_000)

  it('fails when the outputs it expects are not the ones written', async () => {
    const saved = await savedLatestPriceTest()
    const tampered = saved.text.replace('"price":11,', '"price":99,')
    expect(tampered).not.toBe(saved.text)
    await expect(runFile(tampered)).rejects.toThrow()
  })

  it('names topics so that no name is a keyword or clashes with another', () => {
    const design = wordCountDesign({ input: 'expect', output: 'delete' })
    const text = savedTestFile(
      {
        design,
        events: [
          { kind: 'input', input: { topic: 'expect', key: 'k', value: 'a a', timestamp: 1 } },
        ],
        codecs: { delete: { keySerde: 'String', valueSerde: 'Long' } },
        wallClockMs: 0,
        outputTopics: ['delete'],
        partitioned: false,
      },
      {
        delete: [
          { key: 'a', value: 1, timestamp: 1 },
          { key: 'a', value: 2, timestamp: 1 },
        ],
      },
    )
    expect(text).toContain('const expectInput = driver.createInputTopic("expect"')
    expect(text).toContain('const deleteOutput = driver.createOutputTopic("delete"')
    expect(typeErrors(text)).toEqual([])
  }, 60_000)
})
