import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { latestPriceDesign, wordCountDesign } from '@topology-studio/shared'
import { openStoredDesign } from '../support/open-design'

const T0 = Date.UTC(2026, 0, 1, 10, 0, 0)
const ISIN = 'IE00B4L5Y983'

async function addTrade(page: Page, price: number, at: number) {
  const form = page.getByRole('form', { name: 'Input record' })
  await form.getByLabel('Key (String)').fill(ISIN)
  await form.getByLabel('Value (Json)').fill(JSON.stringify({ isin: ISIN, price }))
  await form.getByLabel('Timestamp').fill(String(at))
  await form.getByRole('button', { name: 'Add input' }).click()
}

// The windowed latest-price example in the browser's simulator, with no cluster: three trades
// stepped record by record, the window's store and the path of each record on the canvas, a
// breakpoint where the window's price is emitted, and the inputs saved as a test.
test('steps the latest-price example through the simulator record by record', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000)
  await openStoredDesign(page, { ...latestPriceDesign(), name: 'Latest price, simulated' })
  const canvas = page.getByTestId('canvas')
  await expect(canvas.getByTestId('node-latest')).toBeVisible()

  // With no cluster chosen, the simulator is where the design runs.
  const runOn = page.getByRole('group', { name: 'Target' })
  await expect(runOn.getByRole('button', { name: 'Simulator' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  const controls = page.getByRole('group', { name: 'Simulation' })
  await controls.getByRole('button', { name: 'Simulate' }).click()
  const status = page.getByTestId('run-status')
  await expect(status).toHaveText('simulating · 1 partition')

  await addTrade(page, 10, T0 + 100)
  await addTrade(page, 11, T0 + 900)
  await addTrade(page, 12, T0 + 2600)
  await expect(page.getByTestId('pending-inputs').locator('tbody tr')).toHaveCount(3)
  await expect(page.getByTestId('simulation-counts')).toHaveText('3 to send · 0 queued · 0 steps')

  // Step 1: the first trade reaches the window's reduce and waits in the suppress buffer.
  await controls.getByRole('button', { name: 'Step' }).click()
  const lastStep = page.getByTestId('last-step')
  await expect(lastStep.locator('h4')).toHaveText('Step 1: task 0_0 read stock-trades-0@0')
  await expect(lastStep.locator('li strong')).toHaveText([
    'stream "Stock trades"',
    'groupByKey "By ISIN"',
    'windowedBy "Every 2 seconds"',
    'reduce "Latest trade"',
    'suppress "When the window closes"',
  ])
  await expect(
    page.getByTestId('store-writes').locator('tbody tr').first().locator('td'),
  ).toHaveText([
    'latest-trades',
    `${ISIN} [10:00:00.000 – 10:00:02.000]`,
    '–',
    `{"isin":"${ISIN}","price":10}`,
  ])
  await expect(canvas.getByTestId('node-latest')).toHaveAttribute('data-on-path', 'true')
  await expect(canvas.getByTestId('node-price')).not.toHaveAttribute('data-on-path', 'true')
  await expect(page.getByTestId('output-latest-prices')).toHaveCount(0)

  // Step 2: the window's store holds the newer trade, as the Live tab shows it.
  await controls.getByRole('button', { name: 'Step' }).click()
  await expect(lastStep.locator('h4')).toHaveText('Step 2: task 0_0 read stock-trades-0@1')
  await canvas.getByTestId('node-latest').click()
  await page.getByRole('tab', { name: 'Live' }).click()
  const store = page.getByTestId('store-latest-trades')
  await expect(store.locator('tbody tr').first().locator('td')).toHaveText([
    ISIN,
    '10:00:00.000 – 10:00:02.000',
    /"price":11/,
    '0_0',
    /^10:00:02\.500 \(in 1\.6 s\)/,
  ])
  await page.screenshot({ path: testInfo.outputPath('window-store.png'), fullPage: true })

  // A breakpoint where prices are emitted: playing stops at the trade that closes the window.
  await canvas.getByTestId('node-price').click()
  await page.getByRole('tab', { name: 'Simulator' }).click()
  await page.getByLabel('Pause playing when a record reaches map "Price per window"').check()
  await expect(canvas.getByTestId('breakpoint-price')).toBeVisible()
  await controls.getByRole('button', { name: 'Play' }).click()
  await expect(controls.getByRole('status')).toHaveText(/Paused at a breakpoint/)
  await expect(page.getByTestId('simulation-counts')).toHaveText('0 to send · 0 queued · 3 steps')
  await expect(lastStep.locator('li strong')).toContainText([
    'map "Price per window"',
    'sink "Latest prices"',
  ])
  await expect(canvas.getByTestId('node-out')).toHaveAttribute('data-on-path', 'true')
  await expect(page.getByTestId('output-latest-prices').locator('tbody tr td')).toHaveText([
    ISIN,
    `{"isin":"${ISIN}","price":11,"windowStart":${T0},"windowEnd":${T0 + 2000}}`,
    '10:00:00.900',
    '0/0',
  ])

  // The inputs and the output they produced, as a TopologyTestDriver test to keep.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save as test' }).click()
  const saved = await download
  expect(saved.suggestedFilename()).toBe('latest-price.test.ts')
  const text = readFileSync(await saved.path(), 'utf8')
  expect(text).toContain(
    `stockTradesInput.pipeInput(new TestRecord("${ISIN}", {"isin":"${ISIN}","price":12}, [], ${T0 + 2600}))`,
  )
  expect(text).toContain(
    `["${ISIN}", {"isin":"${ISIN}","price":11,"windowStart":${T0},"windowEnd":${T0 + 2000}}, ${T0 + 900}]`,
  )
  await expect(
    page.getByText('Saved latest-price.test.ts: 3 inputs, 1 expected output'),
  ).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('simulator.png'), fullPage: true })
})

// With more partitions the simulator runs a task per sub-topology and partition, as a cluster;
// the design's JavaScript runs in the worker's QuickJS sandbox, and taps show what passes.
test('simulates word count on three partitions, a task per partition', async ({
  page,
}, testInfo) => {
  const design = wordCountDesign()
  await openStoredDesign(page, {
    ...design,
    name: 'Word count, partitioned',
    nodes: design.nodes.map((node) =>
      node.kind === 'flatMapValues'
        ? {
            ...node,
            params: {
              ...node.params,
              mapper: {
                lang: 'code',
                // Only QuickJS lacks the worker's `self`: anywhere else the words are wrong.
                source:
                  "(line) => typeof self === 'undefined' ? line.split(' ') : ['not', 'sandboxed']",
              },
            },
          }
        : node,
    ),
  })
  const canvas = page.getByTestId('canvas')
  const controls = page.getByRole('group', { name: 'Simulation' })
  await page.getByRole('tab', { name: 'Simulator' }).click()
  await page.getByRole('spinbutton', { name: 'text-input' }).fill('3')
  await controls.getByRole('button', { name: 'Simulate' }).click()
  await expect(page.getByTestId('run-status')).toHaveText('simulating · partitioned')

  await canvas.getByTestId('node-words').click()
  await page.getByRole('tab', { name: 'Live' }).click()
  await page.getByRole('button', { name: 'Open tap' }).click()
  await page.getByRole('tab', { name: 'Simulator' }).click()
  const form = page.getByRole('form', { name: 'Input record' })
  await form.getByLabel('Key (String)').fill('line-1')
  await form.getByLabel('Value (String)').fill('to be or not to be')
  await form.getByLabel('Timestamp').fill('1000')
  await form.getByRole('button', { name: 'Add input' }).click()
  await controls.getByRole('button', { name: 'Play' }).click()
  await expect(page.getByTestId('simulation-counts')).toHaveText('0 to send · 0 queued · 7 steps')

  await page.getByRole('tab', { name: 'Live' }).click()
  await expect(page.getByTestId('tap-words').locator('tbody tr').first()).toContainText(
    'to be or not to be',
  )
  await canvas.getByTestId('node-count').click()
  const counts = page.getByTestId('store-counts')
  await expect(counts.locator('tbody tr')).toHaveCount(4)
  await expect(counts).toContainText('to')
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } })
  const tasks = page.getByTestId('run-tasks')
  for (const task of ['0_0', '0_1', '0_2', '1_0', '1_1', '1_2'])
    await expect(tasks).toContainText(task)
  await expect(tasks).toContainText('word-count-counts-repartition-2')
  await page.screenshot({ path: testInfo.outputPath('partitioned.png'), fullPage: true })
})
