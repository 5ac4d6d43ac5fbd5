// Runs a benchmark on the engine as it ships: the bench entry is bundled with esbuild (as the
// production builds are) and run by plain Node, so the figures exclude dev-time transpiling.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

const entry = process.argv[2]
if (entry === undefined) {
  console.error('usage: node scripts/run-bench.mjs <bench entry .ts> [args...]')
  process.exit(2)
}
const dir = mkdtempSync(join(tmpdir(), 'topology-studio-bench-'))
const outfile = join(dir, basename(entry).replace(/\.ts$/, '.mjs'))
try {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    // CommonJS dependencies (kafkajs) require Node built-ins; an ESM bundle needs a require.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  })
  const result = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(3)], {
    stdio: 'inherit',
  })
  process.exitCode = result.status ?? 1
} finally {
  rmSync(dir, { recursive: true, force: true })
}
