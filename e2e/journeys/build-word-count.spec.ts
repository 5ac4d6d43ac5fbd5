import { expect, test, type Locator, type Page } from '@playwright/test'

async function setField(page: Page, label: string | RegExp, value: string): Promise<void> {
  const field = page.getByRole('form', { name: 'Properties' }).getByLabel(label)
  await field.fill(value)
  await field.blur()
}

async function quickAdd(page: Page, query: string): Promise<void> {
  await page.keyboard.press('a')
  const dialog = page.getByRole('dialog', { name: /^Add/ })
  await dialog.getByLabel('Operation', { exact: true }).fill(query)
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
}

/** Where an element is once the view has stopped moving (quick add pans to the new node). */
async function settledBox(locator: Locator) {
  let last = ''
  await expect
    .poll(async () => {
      const box = JSON.stringify(await locator.boundingBox())
      const settled = box === last
      last = box
      return settled
    })
    .toBe(true)
  return (await locator.boundingBox())!
}

// Word count built from a blank canvas with the palette, wires, the quick-add menu and the
// properties panel, until the plan shows Kafka Streams' two sub-topologies.
test('builds word count from the palette and the keyboard', async ({ page }, testInfo) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Designs…' }).click()
  await page
    .getByRole('dialog', { name: 'Designs' })
    .getByRole('button', { name: /Blank design/ })
    .click()
  const canvas = page.getByTestId('canvas')
  await expect(canvas.locator('.react-flow__node')).toHaveCount(0)

  await page.getByTestId('palette-stream').dragTo(canvas, { targetPosition: { x: 120, y: 200 } })
  const stream = canvas.getByTestId('node-stream-1')
  await expect(stream).toBeVisible()
  await setField(page, 'topics', 'text-input')
  await expect(stream).toContainText('text-input')

  // The quick-add menu wires the new node after the selected one.
  await quickAdd(page, 'flatMapValues')
  await expect(canvas.getByTestId('node-flatMapValues-1')).toBeVisible()
  await setField(page, /mapper/, "split(lower(value), ' ')")

  // groupBy from the palette, wired by dragging from handle to handle.
  await page.getByTestId('palette-groupBy').dragTo(canvas, { targetPosition: { x: 420, y: 420 } })
  const groupBy = canvas.getByTestId('node-groupBy-1')
  await canvas
    .getByTestId('node-flatMapValues-1')
    .locator('.react-flow__handle-right')
    .dragTo(groupBy.locator('.react-flow__handle-left'))
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(2)
  await groupBy.click()
  await setField(page, /keySelector/, 'value')

  await quickAdd(page, 'count')
  const count = canvas.getByTestId('node-count-1')
  await expect(count).toHaveAttribute('data-status', /ok|warning/)

  // A wire the DSL does not allow is refused, and the pointer says why.
  const from = await settledBox(stream.locator('.react-flow__handle-right'))
  const to = await settledBox(count.locator('.react-flow__handle-left'))
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 })
  await expect(page.getByTestId('connection-hint')).toContainText(
    'count is defined on a KGroupedStream',
  )
  await page.mouse.up()
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(3)

  await count.click()
  await quickAdd(page, 'toStream')
  await quickAdd(page, 'sink')
  await setField(page, 'topic', 'word-counts')
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(5)

  // The plan: the key changes at groupBy, so count reads a repartition topic in sub-topology 1.
  await expect(canvas.getByTestId('subtopology-0')).toBeVisible()
  await expect(canvas.getByTestId('subtopology-1')).toBeVisible()
  await expect(canvas.getByTestId('repartition-groupBy-1->count-1')).toContainText('-repartition')
  // The only remark: count's store has a generated name. Its fix names it after the node.
  await page.getByRole('tab', { name: /Problems/ }).click()
  const problems = page.getByRole('list', { name: 'Problems' })
  await expect(problems.getByRole('listitem')).toHaveCount(1)
  await expect(problems).toContainText('KSTREAM-AGGREGATE-STATE-STORE-0000000003')
  await problems.getByRole('button', { name: 'Fix: Name it "count-1-store"' }).click()
  await expect(page.getByText('No problems.')).toBeVisible()
  await expect(canvas.getByTestId('repartition-groupBy-1->count-1')).toContainText(
    'count-1-store-repartition',
  )

  // Shift+L lays the design out from left to right, on one row, and fits it in view.
  await canvas.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Shift+L')
  const ids = ['stream-1', 'flatMapValues-1', 'groupBy-1', 'count-1', 'toStream-1', 'sink-1']
  const view = (await canvas.boundingBox())!
  await expect
    .poll(async () => {
      const boxes = await Promise.all(
        ids.map(async (id) => (await canvas.getByTestId(`node-${id}`).boundingBox())!),
      )
      const inView = boxes.every(
        (b) => b.x >= view.x && b.x + b.width <= view.x + view.width && b.y >= view.y,
      )
      const leftToRight = boxes.every((b, i) => i === 0 || b.x > boxes[i - 1]!.x)
      const oneRow = boxes.every((b) => Math.abs(b.y - boxes[0]!.y) < 40)
      return inView && leftToRight && oneRow
    })
    .toBe(true)

  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toContainText('Ctrl+Shift+Z')
  await page.keyboard.press('Escape')
  await expect(help).toHaveCount(0)

  await page.screenshot({ path: testInfo.outputPath('built-word-count.png'), fullPage: true })
})
