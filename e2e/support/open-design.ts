import { expect, type Page } from '@playwright/test'
import { CSRF_HEADER, type TopologyGraph } from '@topology-studio/shared'
import { generateDesign } from '../../packages/engine/bench/generate-design'

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

/** A generated design of about `nodes` nodes, named `name`, laid out 25 nodes to a row. */
export function generatedInRows(nodes: number, name: string): TopologyGraph {
  const generated = generateDesign(nodes)
  return {
    ...generated,
    name,
    nodes: generated.nodes.map((node, i) => ({
      ...node,
      position: { x: (i % 25) * 260, y: Math.floor(i / 25) * 130 },
    })),
  }
}
