import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { build } from 'esbuild'

/**
 * Bundles an entry for the browser (no Node built-ins), runs it in a Web Worker of the page,
 * posts it `message`, and resolves with the first message it posts back.
 */
export async function runInWorker(
  page: Page,
  entry: string,
  message: unknown = null,
  define: Record<string, string> = {},
): Promise<unknown> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    logLevel: 'error',
    define,
  })
  const code = bundle.outputFiles[0]?.text ?? ''
  return page.evaluate(
    ([source, data]) =>
      new Promise((resolve, reject) => {
        // The page's own Worker; this file is type-checked without the DOM library.
        const { Worker } = globalThis as unknown as {
          Worker: new (url: string) => {
            onmessage: (event: { data: unknown }) => void
            onerror: (event: { message: string }) => void
            postMessage(message: unknown): void
          }
        }
        const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
        const worker = new Worker(url)
        worker.onmessage = (event) => resolve(event.data)
        worker.onerror = (event) => reject(new Error(event.message))
        worker.postMessage(data)
      }),
    [code, message] as const,
  )
}
