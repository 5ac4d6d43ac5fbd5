// Bundles the server into dist/main.js. Workspace packages (@topology-studio/*) export TypeScript
// sources, which Node cannot load, so they are compiled into the bundle; real npm dependencies
// stay external and load from node_modules as usual.
import { readFile, rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = new URL('..', import.meta.url)
const packageJson = JSON.parse(await readFile(new URL('package.json', root), 'utf8'))
const external = Object.keys(packageJson.dependencies ?? {}).filter(
  (name) => !name.startsWith('@topology-studio/'),
)

await rm(new URL('dist', root), { recursive: true, force: true })
await build({
  absWorkingDir: fileURLToPath(root),
  // The run worker sits beside main.js, where src/runs/run-worker-script.ts looks for it.
  entryPoints: { main: 'src/main.ts', 'run-worker': 'src/runs/run-worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning',
})
console.log('Built apps/server/dist/main.js and dist/run-worker.js')
