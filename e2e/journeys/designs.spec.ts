import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'

// Designs through the Designs dialog: an example, saved, duplicated, opened, deleted; and a
// design downloaded as a JSON file and opened again from disk.
test('starts from an example, saves, duplicates, opens and deletes designs', async ({
  page,
}, testInfo) => {
  page.on('dialog', (dialog) => void dialog.accept())
  await page.goto('/')
  await page.getByRole('button', { name: 'Designs…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Designs' })
  await dialog.getByRole('button', { name: /Latest price per ISIN every 2 s/ }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByLabel('Design name')).toHaveValue('Latest price per ISIN every 2 s')
  const canvas = page.getByTestId('canvas')
  await expect(canvas.getByTestId('node-every-2s')).toContainText('2 s')
  await expect(canvas.getByTestId('node-window-closed')).toHaveAttribute('data-status', 'ok')
  // An opened design is fitted into view, every node of it on screen.
  await expect
    .poll(() =>
      canvas.evaluate((element) => {
        const view = element.getBoundingClientRect()
        return Array.from(element.querySelectorAll('.react-flow__node')).every((node) => {
          const box = node.getBoundingClientRect()
          return (
            box.left >= view.left &&
            box.right <= view.right &&
            box.top >= view.top &&
            box.bottom <= view.bottom
          )
        })
      }),
    )
    .toBe(true)
  // Zoomed far out, nodes are outlines without their unreadable text; fitting brings it back.
  const label = canvas.getByTestId('node-every-2s').locator('.operator__label')
  await expect(label).toBeVisible()
  const zoomOut = page.getByRole('button', { name: 'Zoom Out' })
  while ((await label.isVisible()) && (await zoomOut.isEnabled())) await zoomOut.click()
  await expect(label).toBeHidden()
  await expect(canvas.getByTestId('node-every-2s')).toHaveAttribute('data-status', 'ok')
  await page.keyboard.press('f')
  await expect(label).toBeVisible()
  // Durations read in the largest unit that fits, and take any unit.
  await canvas.getByTestId('node-every-2s').click()
  const properties = page.getByRole('form', { name: 'Properties' })
  await expect(properties.getByLabel('window.sizeMs', { exact: true })).toHaveValue('2')
  await expect(properties.getByLabel('window.sizeMs unit')).toHaveValue('s')
  await properties.getByLabel('window.graceMs unit').selectOption('s')
  await properties.getByLabel('window.graceMs', { exact: true }).fill('1.5')
  await properties.getByLabel('window.graceMs', { exact: true }).press('Enter')
  await expect(canvas.getByTestId('node-every-2s')).toContainText('grace 1500 ms')
  await page.keyboard.press('Control+z')
  await expect(canvas.getByTestId('node-every-2s')).toContainText('grace 500 ms')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page).toHaveURL(/\/designs\/latest-price-per-isin-every-2-s$/)

  await page.getByRole('button', { name: 'Designs…' }).click()
  const row = dialog.getByTestId('design-row-latest-price-per-isin-every-2-s')
  await expect(row).toContainText('(open)')
  await row.getByRole('button', { name: 'Duplicate' }).click()
  const copyRow = dialog.locator('tr', { hasText: 'Latest price per ISIN every 2 s (copy)' })
  await expect(copyRow).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('designs-dialog.png'), fullPage: true })
  await copyRow.getByRole('button', { name: 'Open' }).click()
  await expect(page.getByLabel('Design name')).toHaveValue('Latest price per ISIN every 2 s (copy)')
  await expect(page.getByTestId('save-state')).toHaveText('Saved')

  // Deleting the open design keeps it open, now unsaved, so nothing is lost by accident.
  await page.getByRole('button', { name: 'Designs…' }).click()
  await dialog.locator('tr', { hasText: '(copy)' }).getByRole('button', { name: 'Delete' }).click()
  await expect(dialog.locator('tr', { hasText: '(copy)' })).toHaveCount(0)
  await expect(row).toBeVisible()
  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes')
  await expect(page).toHaveURL(/\/$/)
})

test('downloads a design as JSON and opens it again from the file', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Designs…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Designs' })
  await dialog.getByRole('button', { name: /Click-stream enrichment/ }).click()
  await expect(page.getByTestId('canvas').getByTestId('node-enrich')).toBeVisible()
  // The join after the re-keying is flagged before any run, with what the repartition costs.
  await page.getByRole('tab', { name: /Problems/ }).click()
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText(
    /An input of join "Add page details" is re-keyed upstream, so Kafka Streams repartitions it through click-enrichment-\S+-repartition/,
  )
  await page.getByRole('button', { name: 'Designs…' }).click()
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Download this design as JSON' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('click-stream-enrichment.json')
  const text = await readFile(await download.path(), 'utf8')
  expect(JSON.parse(text)).toMatchObject({ name: 'Click-stream enrichment' })

  // A file that is not a design is refused with what is wrong and where.
  await dialog.getByLabel('Design file').setInputFiles({
    name: 'not-a-design.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...JSON.parse(text), nodes: 'none' })),
  })
  await expect(dialog.getByRole('alert')).toContainText('not-a-design.json at nodes')

  await dialog.getByRole('button', { name: /Word count/ }).click()
  await expect(page.getByTestId('canvas').getByTestId('node-enrich')).toHaveCount(0)
  await page.getByRole('button', { name: 'Designs…' }).click()
  await dialog.getByLabel('Design file').setInputFiles({
    name: 'click-stream-enrichment.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  })
  await expect(dialog).toHaveCount(0)
  await expect(page.getByLabel('Design name')).toHaveValue('Click-stream enrichment')
  await expect(page.getByTestId('canvas').getByTestId('node-enrich')).toBeVisible()
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes')
})

test('compares the edit with its saved version and says what redeploying loses', async ({
  page,
}, testInfo) => {
  await page.goto('/')
  const name = page.getByLabel('Design name')
  await name.fill('Word count to upgrade')
  await name.press('Enter')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByTestId('save-state')).toHaveText('Saved')

  const canvas = page.getByTestId('canvas')
  await canvas.getByTestId('node-count').click()
  const storeName = page.getByRole('form', { name: 'Properties' }).getByLabel('storeName')
  await storeName.fill('totals')
  await storeName.press('Enter')

  await page.getByRole('button', { name: 'Compare…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Compare designs' })
  await expect(dialog.getByLabel('Before')).toHaveValue('\u0000saved')
  await expect(dialog.getByTestId('upgrade-verdict')).toHaveText(/^Redeploying loses state/)
  const report = dialog.getByRole('region', { name: 'Upgrade safety' })
  await expect(report).toContainText('Store "counts" of count "Count" becomes "totals"')
  await expect(report).toContainText(
    'Repartition topic "counts-repartition" becomes "totals-repartition"',
  )
  await expect(dialog.getByTestId('diff-count')).toHaveAttribute('data-change', 'changed')
  await expect(dialog.getByTestId('diff-lines')).toHaveAttribute('data-change', 'unchanged')
  await page.screenshot({ path: testInfo.outputPath('compare.png'), fullPage: true })

  // Undone, the two versions are the same again.
  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
  await page.keyboard.press('Control+z')
  await page.getByRole('button', { name: 'Compare…' }).click()
  await expect(dialog.getByTestId('upgrade-verdict')).toHaveText(/^Safe to redeploy/)
})
