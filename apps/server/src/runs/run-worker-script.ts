// Where the run worker's JavaScript is. Built, it is a bundle beside the server's. From sources
// (development, tests) it is bundled on first use with esbuild, as the build does: Node 20
// cannot load TypeScript in worker threads through loader hooks.
import { mkdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

let script: Promise<URL> | null = null

export function runWorkerScript(): Promise<URL> {
  script ??= locate()
  return script
}

async function locate(): Promise<URL> {
  if (!import.meta.url.endsWith('.ts')) return new URL('./run-worker.js', import.meta.url)
  const serverRoot = new URL('../../', import.meta.url)
  const packageJson = JSON.parse(await readFile(new URL('package.json', serverRoot), 'utf8')) as {
    dependencies?: Record<string, string>
  }
  // Inside a node_modules folder, so the bundle's npm imports resolve as the server's do.
  const cache = new URL('node_modules/.cache/topology-studio/', serverRoot)
  await mkdir(cache, { recursive: true })
  const outfile = new URL(`run-worker-${process.pid}.mjs`, cache)
  const { build } = await import('esbuild')
  await build({
    absWorkingDir: fileURLToPath(serverRoot),
    entryPoints: [fileURLToPath(new URL('./run-worker.ts', import.meta.url))],
    outfile: fileURLToPath(outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    external: Object.keys(packageJson.dependencies ?? {}).filter(
      (name) => !name.startsWith('@topology-studio/'),
    ),
    logLevel: 'warning',
  })
  return outfile
}
