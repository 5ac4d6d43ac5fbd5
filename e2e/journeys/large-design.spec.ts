import { expect, test } from '@playwright/test'
import { generatedInRows, openStoredDesign } from '../support/open-design'

// A 500-node design on a slow machine (the CPU throttled six times): plans longer than a frame
// move to a Web Worker, and the canvas still follows every edit and its undo.
test('plans a large design off the main thread on a slow machine', async ({ page }) => {
  test.slow()
  const design = generatedInRows(500, 'Large design')
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 })
  await openStoredDesign(page, design)
  const canvas = page.getByTestId('canvas')
  const nodes = canvas.locator('.react-flow__node')
  await expect(nodes).toHaveCount(design.nodes.length, { timeout: 60_000 })

  const first = design.nodes[0]!.id
  await canvas.getByTestId(`node-${first}`).click()
  await page.keyboard.press('Delete')
  await expect(nodes).toHaveCount(design.nodes.length - 1, { timeout: 30_000 })
  const planTime = page.getByTestId('plan-time')
  await expect(planTime).toHaveAttribute('data-planner', 'worker', { timeout: 30_000 })
  await expect(planTime).toHaveText(/^planned in \d+(\.\d)? ms in a worker$/)
  // The worker's plan is the design's: the deleted source's downstream node now lacks an input.
  await expect(page.getByRole('tab', { name: /Problems/ })).toContainText(/\(\d+\)/)
  const downstream = design.edges.find((edge) => edge.source === first)!.target
  await expect(canvas.getByTestId(`node-${downstream}`)).toHaveAttribute('data-status', 'error', {
    timeout: 30_000,
  })

  await page.keyboard.press('Control+z')
  await expect(nodes).toHaveCount(design.nodes.length, { timeout: 30_000 })
  await expect(canvas.getByTestId(`node-${downstream}`)).not.toHaveAttribute(
    'data-status',
    'error',
    { timeout: 30_000 },
  )
})
