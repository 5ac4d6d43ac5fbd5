import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { build } from 'esbuild'

// The engine core must run unchanged in a browser Web Worker (the simulator runs it there):
// bundle it for the browser, with no Node built-ins available, and run the test driver.
test('the engine runs a topology in the TopologyTestDriver inside a Web Worker', async ({
  page,
}) => {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('../support/engine-worker-entry.ts', import.meta.url))],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    logLevel: 'error',
  })
  const code = bundle.outputFiles[0]?.text ?? ''
  await page.goto('/')
  const result = await page.evaluate(
    (source) =>
      new Promise((resolve, reject) => {
        // The page's own Worker; this file is type-checked without the DOM library.
        const { Worker } = globalThis as unknown as {
          Worker: new (url: string) => {
            onmessage: (event: { data: unknown }) => void
            onerror: (event: { message: string }) => void
          }
        }
        const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
        const worker = new Worker(url)
        worker.onmessage = (event) => resolve(event.data)
        worker.onerror = (event) => reject(new Error(event.message))
      }),
    code,
  )
  expect(result).toEqual({
    counts: [
      ['hello', 1, 1],
      ['worker', 1, 1],
      ['hello', 2, 2],
      ['browser', 1, 2],
    ],
    stored: 2,
  })
})
