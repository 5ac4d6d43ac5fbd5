import { readFile, writeFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { generatedInRows, openStoredDesign } from '../support/open-design'

async function exported(page: Page, choice: string): Promise<{ name: string; bytes: Buffer }> {
  const downloading = page.waitForEvent('download')
  await page.getByLabel('Export').selectOption({ label: choice })
  const file = await downloading
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) }
}

// The design canvas as SVG and PNG images, the physical plan as an image and as Mermaid text.
test('exports the canvas as SVG and PNG and the plan as Mermaid', async ({ page }, testInfo) => {
  await page.goto('/')
  await expect(page.getByTestId('canvas').getByTestId('node-count')).toBeVisible()

  const svg = await exported(page, 'Canvas as SVG')
  expect(svg.name).toBe('word-count.svg')
  const svgText = svg.bytes.toString('utf8')
  expect(svgText).toMatch(/^<svg/)
  for (const text of ['Split into words', 'Group by word', 'counts-repartition']) {
    expect(svgText).toContain(text)
  }

  const png = await exported(page, 'Canvas as PNG')
  expect(png.name).toBe('word-count.png')
  expect(png.bytes.subarray(0, 8)).toEqual(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  )
  await writeFile(testInfo.outputPath('exported-design.png'), png.bytes)
  // Drawn at twice the full size of the design, not the current zoom.
  expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(1000)

  // The canvas draws only the nodes on screen; zoomed in on one, the image still has them all,
  // and the view stays where it was.
  const lines = await page.getByTestId('canvas').getByTestId('node-lines').boundingBox()
  if (lines === null) throw new Error('node-lines is not drawn')
  await page.mouse.move(lines.x + lines.width / 2, lines.y + lines.height / 2)
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -200)
  const viewport = page.getByTestId('canvas').locator('.react-flow__viewport')
  const zoomedIn = await viewport.getAttribute('style')
  await expect(page.getByTestId('canvas').getByTestId('node-out')).toHaveCount(0)
  const whole = (await exported(page, 'Canvas as SVG')).bytes.toString('utf8')
  for (const text of ['Lines', 'Split into words', 'Word counts']) expect(whole).toContain(text)
  await expect(viewport).toHaveAttribute('style', zoomedIn ?? '')

  await page.getByRole('button', { name: 'Physical plan' }).click()
  await expect(page.getByTestId('plan-view').getByTestId('plan-subtopology-1')).toBeVisible()
  const planSvg = await exported(page, 'Canvas as SVG')
  expect(planSvg.name).toBe('word-count-plan.svg')
  expect(planSvg.bytes.toString('utf8')).toContain('KSTREAM-AGGREGATE-0000000003')

  await page.getByLabel('Export').selectOption({ label: 'Plan as Mermaid' })
  const dialog = page.getByRole('dialog', { name: 'Plan as Mermaid' })
  await expect(dialog.getByTestId('mermaid-text')).toContainText('subgraph st1["Sub-topology 1"]')
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Download word-count-plan.mmd' }).click()
  const mermaid = await readFile(await (await downloading).path(), 'utf8')
  expect(mermaid).toMatch(/^flowchart TB\n/)
  expect(mermaid).toContain('n6 -.- s0')
})

// Fitted whole, a large design is zoomed out to where the canvas leaves out node text and draws
// the edges itself; its image has every node's text and edge all the same.
test('exports a large design with the text of every node', async ({ page }) => {
  const design = generatedInRows(100, 'Wide design')
  await openStoredDesign(page, design)
  const canvas = page.getByTestId('canvas')
  await expect(canvas.locator('.react-flow__node')).toHaveCount(design.nodes.length)
  await expect(canvas).toHaveClass(/canvas--overview/)
  await expect(canvas.getByTestId('overview-edges').locator('path')).toHaveCount(
    design.edges.length,
  )
  const image = (await exported(page, 'Canvas as SVG')).bytes.toString('utf8')
  const drawn = await page.evaluate((text) => {
    const svg = new DOMParser().parseFromString(text, 'image/svg+xml')
    const labels = Array.from(svg.querySelectorAll('.operator__label'))
    return {
      labels: labels.length,
      hidden: labels.filter((label) => label.getAttribute('style')?.includes('visibility: hidden'))
        .length,
      edges: svg.querySelectorAll('.react-flow__edge-path').length,
    }
  }, image)
  expect(drawn).toEqual({ labels: design.nodes.length, hidden: 0, edges: design.edges.length })
  // The view is put back as it was, zoomed out.
  await expect(canvas).toHaveClass(/canvas--overview/)
})
