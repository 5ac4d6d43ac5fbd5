// Starts the API server (tsx watch) and the Vite dev server together for UI work: open
// http://127.0.0.1:5174, which proxies /api and /socket.io to the server on PORT (default 5173).
// Stopping either one stops both, so a crashed half never lingers unnoticed.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const workspaces = ['@topology-studio/server', '@topology-studio/web']

// The server prints its launch link with the Vite address, which forwards the token to it.
const env = {
  ...process.env,
  TOPOLOGY_STUDIO_PUBLIC_URL: `http://127.0.0.1:${process.env.WEB_DEV_PORT ?? '5174'}`,
}
const children = workspaces.map((workspace) =>
  spawn('npm', ['run', 'dev', '--workspace', workspace], { cwd: root, stdio: 'inherit', env }),
)

let exiting = false
function stopAll(code) {
  if (exiting) return
  exiting = true
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
  }
  process.exitCode = code
}

for (const child of children) {
  child.on('exit', (code, signal) => stopAll(code ?? (signal ? 1 : 0)))
}
process.on('SIGINT', () => stopAll(0))
process.on('SIGTERM', () => stopAll(0))
