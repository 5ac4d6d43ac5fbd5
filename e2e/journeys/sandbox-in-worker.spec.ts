import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { expect, test } from '@playwright/test'
import { runInWorker } from '../support/run-in-worker'

// JavaScript code in designs runs in the engine's QuickJS sandbox in the browser too (the
// simulator): bundled for the browser with no Node built-ins, inside a Web Worker.
test('the QuickJS sandbox runs design code inside a browser Web Worker', async ({ page }) => {
  // The WebAssembly of the QuickJS build quickjs-emscripten ships, as the simulator serves it.
  const quickjs = createRequire(createRequire(import.meta.url).resolve('quickjs-emscripten'))
  const wasm = await readFile(quickjs.resolve('@jitl/quickjs-wasmfile-release-sync/wasm'))
  await page.goto('/')
  const result = await runInWorker(
    page,
    './sandbox-worker-entry.ts',
    [...wasm],
    // A blob worker has no module URL; QuickJS's loader only needs one to be well-formed, as
    // the WebAssembly bytes are handed over.
    { 'import.meta.url': JSON.stringify('https://worker.invalid/') },
  )
  expect(result).toEqual({
    counts: { hello: 2, sandbox: 1, undefined: 2 },
    stopped: 'The code of mapper on node n ran longer than 50 ms on a record and was stopped',
    stoppedWithinMs: true,
  })
})
