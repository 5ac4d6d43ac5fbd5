// Installs workspace dependencies when they are missing or older than the lockfile,
// so that `npm start` and `npm test` work on a fresh clone with one command.
import { execSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const lockfile = join(root, 'package-lock.json')
const installed = join(root, 'node_modules', '.package-lock.json')

function needsInstall() {
  if (!existsSync(installed)) return true
  if (!existsSync(lockfile)) return false
  return statSync(lockfile).mtimeMs > statSync(installed).mtimeMs
}

if (needsInstall()) {
  const command = existsSync(lockfile)
    ? 'npm ci --no-audit --no-fund'
    : 'npm install --no-audit --no-fund'
  console.log(`Installing dependencies: ${command}`)
  // Browser tests use Debian's Chromium, so no package may fetch a browser build while installing.
  execSync(command, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  })
}
