import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, devices } from '@playwright/test'
import { chromiumLaunchOptions } from './support/chromium'
import { findFreePort } from './support/free-port'

const isCI = Boolean(process.env.CI)
const serverEntry = fileURLToPath(new URL('../apps/server/dist/main.js', import.meta.url))

if (!existsSync(serverEntry)) {
  throw new Error(`${serverEntry} is missing: run \`npm run build\` first (npm run test:e2e does)`)
}

// Playwright evaluates this file again in every worker; the port picked by the runner reaches
// the workers through the environment, so all of them talk to the one server it started.
process.env.E2E_PORT ??= String(await findFreePort())
process.env.E2E_TOKEN ??= randomBytes(24).toString('base64url')
// Designs saved by the journeys go to a folder of their own.
process.env.E2E_WORKSPACE ??= mkdtempSync(join(tmpdir(), 'topology-studio-e2e-designs-'))
const port = Number(process.env.E2E_PORT)
const baseURL = `http://127.0.0.1:${port}`
// Journeys start signed in, as after opening the launch link; the session journey starts bare.
const signedIn = {
  cookies: [
    {
      name: `topology_studio_${port}`,
      value: process.env.E2E_TOKEN,
      domain: '127.0.0.1',
      path: '/',
      expires: -1,
      httpOnly: true,
      secure: false,
      sameSite: 'Strict' as const,
    },
  ],
  origins: [],
}

export default defineConfig({
  testDir: './journeys',
  globalSetup: './support/kafka-global-setup.ts',
  outputDir: './test-results',
  forbidOnly: isCI,
  retries: isCI ? 2 : 0,
  reporter: 'list',
  use: {
    baseURL,
    storageState: signedIn,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      // A designer is used on a desktop screen: palette, canvas and side panel side by side.
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1600, height: 900 },
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  webServer: {
    command: `node --enable-source-maps "${serverEntry}" --workspace "${process.env.E2E_WORKSPACE}"`,
    url: `${baseURL}/api/health`,
    env: { HOST: '127.0.0.1', PORT: String(port), TOPOLOGY_STUDIO_TOKEN: process.env.E2E_TOKEN },
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
