import { randomUUID } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import { latestPriceDesign } from '@topology-studio/shared'
import { connectCluster, produceRecords } from '../support/connect-cluster'
import { openStoredDesign } from '../support/open-design'

const T0 = Date.UTC(2026, 0, 1, 10, 0, 0)
const ISIN = 'IE00B4L5Y983'

async function trade(page: Page, clusterId: string, topic: string, price: number, at: number) {
  await produceRecords(page, clusterId, topic, {
    valueSerde: 'Json',
    records: [{ key: ISIN, value: { isin: ISIN, price }, timestamp: at }],
  })
}

// Time made visible on the windowed latest-price example, live: a window's closing time in
// stream time, why its result has not been emitted (its task's stream time has not reached
// end + grace, and nothing is waiting), and that a later trade closes it and emits the price.
test('says when a window closes and why it has not been emitted yet', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000)
  const run = randomUUID().slice(0, 8)
  const trades = `trades-${run}`
  const output = `prices-${run}`
  const design = latestPriceDesign({ trades, output, applicationId: `e2e-window-${run}` })
  await openStoredDesign(page, {
    ...design,
    name: `Window time ${run}`,
    config: { ...design.config, 'commit.interval.ms': 500 },
  })
  await connectCluster(page, `windows ${run}`)
  const clusterId = await page.getByLabel('Cluster').inputValue()
  const runBar = page.getByRole('group', { name: 'Run' })
  await runBar.getByRole('button', { name: 'Run' }).click()
  await runBar.getByLabel('Partitions').fill('1')
  await page.getByRole('button', { name: 'Create 2 topics and run' }).click()
  const status = page.getByTestId('run-status')
  await expect(status).toHaveAttribute('data-state', 'running', { timeout: 60_000 })

  // Two trades in the window 10:00:00–10:00:02: stream time reaches 10:00:00.900.
  await trade(page, clusterId, trades, 10, T0 + 100)
  await trade(page, clusterId, trades, 11, T0 + 900)
  await page.getByTestId('canvas').getByTestId('node-latest').click()
  await page.getByRole('tab', { name: 'Live' }).click()
  const store = page.getByTestId('store-latest-trades')
  const row = store.locator('tbody tr').first()
  await expect(row.locator('td')).toHaveText(
    [ISIN, '10:00:00.000 – 10:00:02.000', /"price":11/, '0_0', /^10:00:02\.500 \(in 1\.6 s\)/],
    { timeout: 20_000 },
  )
  await row.getByRole('button', { name: 'Why not emitted?' }).click()
  await expect(store.getByRole('note')).toHaveText(
    `When the window closes holds results until their window closes, and the stream time of task 0_0 is 2026-01-01 10:00:00.900, 1.6 s short of 2026-01-01 10:00:02.500 (window end 2026-01-01 10:00:02.000 + grace 500 ms). Stream time only moves when a record arrives: nothing is waiting on ${trades}-0, so it stays put until its only partition receives a record with a timestamp of 2026-01-01 10:00:02.500 or later.`,
  )
  await page.screenshot({ path: testInfo.outputPath('why-not-emitted.png'), fullPage: true })

  // The suppress holds the window's latest trade back in its buffer until then.
  await page.getByTestId('canvas').getByTestId('node-window-closed').click()
  const buffer = page.getByTestId('store-latest-trade-buffer-store')
  await expect(buffer).toContainText('1 held back until their window closes or time is up')
  await expect(buffer.locator('tbody tr').first().locator('td')).toHaveText([
    ISIN,
    '10:00:00.000 – 10:00:02.000',
    /"price":11/,
    '0_0',
    /^10:00:02\.500 \(in 1\.6 s\)/,
  ])
  await page.getByTestId('canvas').getByTestId('node-latest').click()

  // A trade past end + grace moves stream time on: the window closes and its price is emitted.
  await trade(page, clusterId, trades, 12, T0 + 2600)
  const closed = store.locator('tbody tr', { hasText: '10:00:00.000 – 10:00:02.000' })
  await expect(closed.locator('td').last()).toContainText('(closed)', { timeout: 20_000 })
  await closed.getByRole('button', { name: 'What happened?' }).click()
  await expect(store.getByRole('note')).toContainText(
    'Closed at stream time 2026-01-01 10:00:02.500: When the window closes emits its final result',
  )
  await expect
    .poll(
      async () => {
        const response = await page.request.get(
          `/api/clusters/${clusterId}/topics/${output}/partitions/0/records?valueSerde=Json`,
        )
        const { records } = (await response.json()) as { records: { value: unknown }[] }
        return records.map((r) => r.value)
      },
      { timeout: 20_000 },
    )
    .toEqual([{ isin: ISIN, price: 11, windowStart: T0, windowEnd: T0 + 2000 }])
  await runBar.getByRole('button', { name: 'Stop' }).click()
  await expect(status).toHaveAttribute('data-state', 'stopped', { timeout: 30_000 })
})
