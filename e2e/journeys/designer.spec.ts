import { expect, test } from '@playwright/test'

// The designer on the word count example: the plan as Kafka Streams builds it, an error shown
// on the node it is about and undone, a node dragged in from the palette and wired.
test('designs on the canvas with the plan, problems and undo live', async ({ page }, testInfo) => {
  await page.goto('/')
  const canvas = page.getByTestId('canvas')
  await expect(canvas.getByTestId('node-count')).toBeVisible()
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(5)
  // The plan on the canvas: two sub-topologies, split at the repartition topic before count.
  await expect(canvas.getByTestId('subtopology-0')).toBeVisible()
  await expect(canvas.getByTestId('subtopology-1')).toBeVisible()
  const marker = canvas.getByTestId('repartition-by-word->count')
  await expect(marker).toHaveText(/counts-repartition/)
  await expect(marker).toHaveAttribute('title', /groupBy "Group by word" changes the key/)
  await expect(canvas.getByTestId('node-count')).toContainText('counts')

  // Key and value serdes on the edges: count makes Long values; its key has the default serde.
  await expect(canvas.getByTestId('serdes-lines->words')).toHaveText('String, String')
  await expect(canvas.getByTestId('serdes-count->changes')).toHaveText('String*, Long')

  // A sink declaring String values for Long counts is an error on the sink, until undone.
  await canvas.getByTestId('node-out').click()
  await page
    .getByRole('form', { name: 'Properties' })
    .getByLabel('valueSerde')
    .selectOption('String')
  await expect(canvas.getByTestId('node-out')).toHaveAttribute('data-status', 'error')
  await expect(canvas.getByTestId('node-out')).toHaveAttribute('title', /carry Long values/)
  await page.keyboard.press('Control+z')
  await expect(canvas.getByTestId('node-out')).toHaveAttribute('data-status', 'ok')

  await page.getByRole('tab', { name: 'describe()' }).click()
  await expect(page.getByTestId('describe')).toContainText('Sub-topology: 0')
  await expect(page.getByTestId('describe')).toContainText('Sub-topology: 1')
  await expect(page.getByTestId('describe')).toContainText('counts-repartition')

  // Without its groupBy, count is on an ungrouped stream: an error on the count node.
  await canvas.getByTestId('node-by-word').click()
  await page.keyboard.press('Delete')
  await expect(canvas.getByTestId('node-by-word')).toHaveCount(0)
  await canvas.getByTestId('node-lines').click()
  await expect(page.getByTestId('describe')).toContainText('error')
  await page.getByRole('tab', { name: /Problems/ }).click()
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText('count')
  await page.keyboard.press('Control+z')
  await expect(canvas.getByTestId('node-by-word')).toBeVisible()
  await expect(canvas.getByTestId('node-count')).toHaveAttribute('data-status', 'ok')

  // A filter dragged from the palette, wired after the source.
  await page.getByTestId('palette-filter').dragTo(canvas, { targetPosition: { x: 300, y: 420 } })
  const filter = canvas.getByTestId('node-filter-1')
  await expect(filter).toBeVisible()
  await canvas
    .getByTestId('node-lines')
    .locator('.react-flow__handle-right')
    .dragTo(filter.locator('.react-flow__handle-left'))
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(6)
  await expect(filter).toContainText('KStream')
  await expect(page.getByRole('list', { name: 'Problems' })).not.toContainText('port')

  // Renaming count's store renames its repartition topic and changelog in the plan.
  await canvas.getByTestId('node-count').click()
  await page.getByRole('tab', { name: 'Properties' }).click()
  const properties = page.getByRole('form', { name: 'Properties' })
  await properties.getByLabel('storeName').fill('word-totals')
  await properties.getByLabel('storeName').press('Enter')
  await page.getByRole('tab', { name: 'describe()' }).click()
  await expect(page.getByTestId('describe')).toContainText('word-totals-repartition')

  // A broken expression is named inline, at its column, while typing.
  await canvas.getByTestId('node-words').click()
  await page.getByRole('tab', { name: 'Properties' }).click()
  await properties.getByLabel(/mapper/).fill('split(value,')
  await expect(properties.getByRole('alert')).toContainText('column')

  await page.screenshot({ path: testInfo.outputPath('designer.png'), fullPage: true })
})

test('saves a design to the server and reopens it after a reload', async ({ page }) => {
  await page.goto('/')
  const name = page.getByLabel('Design name')
  await name.fill('Saved word count')
  await name.press('Enter')
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByTestId('save-state')).toHaveText('Saved')
  await expect(page).toHaveURL(/\/designs\/saved-word-count$/)

  await page.getByTestId('canvas').getByTestId('node-count').click()
  await page.keyboard.press('Delete')
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes')
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('save-state')).toHaveText('Saved')

  await page.reload()
  await expect(page.getByLabel('Design name')).toHaveValue('Saved word count')
  await expect(page.getByTestId('canvas').getByTestId('node-lines')).toBeVisible()
  await expect(page.getByTestId('canvas').getByTestId('node-count')).toHaveCount(0)
  await expect(page.getByTestId('save-state')).toHaveText('Saved')
})

test('edits JavaScript code params in a highlighting code editor', async ({ page }) => {
  await page.goto('/')
  const canvas = page.getByTestId('canvas')
  await page
    .getByTestId('palette-process:custom processor')
    .dragTo(canvas, { targetPosition: { x: 400, y: 150 } })
  await expect(canvas.getByTestId('node-process-1')).toBeVisible()
  const editor = page.getByTestId('code-processor')
  const content = editor.locator('.cm-content')
  await expect(content).toContainText('process')
  // Keywords and names come out as highlighted tokens, not plain text.
  expect(await content.locator('span').count()).toBeGreaterThan(3)

  await content.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\n// counted by the studio')
  await canvas.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
  await canvas.getByTestId('node-process-1').click()
  await expect(page.getByTestId('code-processor').locator('.cm-content')).toContainText(
    '// counted by the studio',
  )
})

// Zoomed far out the canvas draws the edges itself: an edge selected before is shown selected,
// and a click on the pane lets go of it as at any zoom, so that Delete then removes nothing.
test('lets go of a selected edge on a click on the pane, zoomed out', async ({ page }) => {
  await page.goto('/')
  const canvas = page.getByTestId('canvas')
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(5)
  const nodes = await canvas.locator('.react-flow__node').count()
  const edge = canvas.getByTestId('rf__edge-lines->words')
  // An SVG group has no box of its own to Playwright: click the middle of its curve.
  await edge.click({ force: true })
  await expect(edge).toHaveClass(/selected/)

  const zoomOut = canvas.locator('.react-flow__controls-zoomout')
  while (!((await canvas.getAttribute('class')) ?? '').includes('canvas--overview'))
    await zoomOut.click()
  const drawn = canvas.getByTestId('overview-edges')
  await expect(drawn.locator('path')).toHaveCount(5)
  await expect(drawn.locator('.overview-edge--selected')).toHaveCount(1)
  await canvas.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
  await expect(drawn.locator('.overview-edge--selected')).toHaveCount(0)
  await page.keyboard.press('Delete')
  await expect(drawn.locator('path')).toHaveCount(5)
  await expect(canvas.locator('.react-flow__node')).toHaveCount(nodes)
})
