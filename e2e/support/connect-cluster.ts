import { expect, type Page } from '@playwright/test'
import { CSRF_HEADER } from '@topology-studio/shared'

/** The broker the global setup started (or the one given by KAFKA_BOOTSTRAP_SERVERS). */
export function e2eBootstrapServers(): string {
  const bootstrapServers = process.env['E2E_KAFKA']
  if (bootstrapServers === undefined) throw new Error('E2E_KAFKA is not set by the global setup')
  return bootstrapServers
}

/** Connects the app to the e2e broker under `name`, from the header, and chooses it. */
export async function connectCluster(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Connect…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Connect a cluster' })
  await dialog.getByLabel('Bootstrap servers').fill(e2eBootstrapServers())
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(dialog).toHaveCount(0)
}

/** Produces records into a topic through the server's API, as the cluster dialog does. */
export async function produceRecords(
  page: Page,
  clusterId: string,
  topic: string,
  body: { valueSerde?: string; records: readonly Record<string, unknown>[] },
): Promise<void> {
  const response = await page.request.post(`/api/clusters/${clusterId}/topics/${topic}/records`, {
    headers: { [CSRF_HEADER]: '1' },
    data: body,
  })
  expect(response.status()).toBe(200)
}
