import { expect, type Page } from '@playwright/test'
import { CSRF_HEADER, type TopologyGraph } from '@topology-studio/shared'

/** Stores a design through the server's API and opens it in the designer. */
export async function openStoredDesign(page: Page, design: TopologyGraph): Promise<string> {
  const created = await page.request.post('/api/designs', {
    headers: { [CSRF_HEADER]: '1' },
    data: { design },
  })
  expect(created.status()).toBe(201)
  const { id } = (await created.json()) as { id: string }
  await page.goto(`/designs/${id}`)
  return id
}
