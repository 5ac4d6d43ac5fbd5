import type { LaunchOptions } from '@playwright/test'

/**
 * Journeys run in the distribution's Chromium rather than a downloaded browser build. The flags
 * keep it from reaching out to the network on its own and let it run as root in containers.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
}
