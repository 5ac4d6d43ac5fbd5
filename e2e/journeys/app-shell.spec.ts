import { expect, test } from '@playwright/test'

test.describe('app shell', () => {
  test('shows the product name in the header', async ({ page }) => {
    await page.goto('/')

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Topology Studio')
  })

  test('reports the server as connected', async ({ page }) => {
    await page.goto('/')

    await expect(page.getByTestId('server-status')).toHaveAttribute('data-status', 'connected')
  })

  test('reports the server as unreachable when its health check fails', async ({ page }) => {
    await page.route('**/api/health', (route) => route.abort('connectionrefused'))

    await page.goto('/')

    await expect(page.getByTestId('server-status')).toHaveAttribute('data-status', 'unreachable')
  })

  test('loads the app on a deep link', async ({ page }) => {
    await page.goto('/designs/word-count')

    await expect(page.getByTestId('server-status')).toHaveAttribute('data-status', 'connected')
  })

  test('signs in with the launch link and drops the token from the address bar', async ({
    browser,
  }) => {
    const context = await browser.newContext({
      baseURL: test.info().project.use.baseURL ?? '',
      storageState: { cookies: [], origins: [] },
    })
    const page = await context.newPage()
    try {
      await page.goto('/')
      await expect(page.getByTestId('server-status')).toHaveAttribute('data-status', 'signed-out')

      await page.goto(`/?token=${process.env.E2E_TOKEN ?? ''}`)

      await expect(page.getByTestId('server-status')).toHaveAttribute('data-status', 'connected')
      expect(new URL(page.url()).search).toBe('')
    } finally {
      await context.close()
    }
  })
})
