import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { wordCountDesign } from '@topology-studio/shared'
import { connectCluster } from '../support/connect-cluster'
import { openStoredDesign } from '../support/open-design'

// Word count run live on the real broker from the canvas: the missing source topic is created in
// one click, sample sentences flow, every node shows its rates, then the run stops and resets.
test('runs word count on the cluster and shows live rates on every node', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000)
  const run = randomUUID().slice(0, 8)
  const input = `lines-${run}`
  const design = wordCountDesign({
    input,
    output: `counts-${run}`,
    applicationId: `e2e-word-count-${run}`,
  })
  // Counts reach toStream when the record cache flushes, on commit: every second here, not 30.
  await openStoredDesign(page, {
    ...design,
    name: `Word count ${run}`,
    config: { ...design.config, 'commit.interval.ms': 1000 },
  })
  const canvas = page.getByTestId('canvas')
  await expect(canvas.getByTestId('node-count')).toBeVisible()

  // Without a cluster the design runs in the simulator; on a cluster, once one is chosen.
  const runOn = page.getByRole('group', { name: 'Target' })
  await expect(runOn.getByRole('button', { name: 'Simulator' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await runOn.getByRole('button', { name: 'Cluster' }).click()
  const runButton = page.getByRole('group', { name: 'Run' }).getByRole('button', { name: 'Run' })
  await expect(runButton).toBeDisabled()
  await expect(runButton).toHaveAttribute('title', /Choose a cluster/)
  await connectCluster(page, `e2e ${run}`)

  // The topics it reads and writes are missing: the refusal names them and offers to create them.
  await runButton.click()
  const refusal = page.getByRole('group', { name: 'Run' }).getByRole('alert')
  await expect(refusal).toContainText(`Source topic ${input} and sink topic counts-${run}`)
  await page.getByRole('button', { name: 'Create 2 topics and run' }).click()
  const status = page.getByTestId('run-status')
  await expect(status).toHaveAttribute('data-state', 'running', { timeout: 60_000 })

  // Sample sentences into the source topic, from the source node's Live tab.
  await canvas.getByTestId('node-lines').click()
  await page.getByRole('tab', { name: 'Live' }).click()
  const sampleData = page.getByRole('region', { name: `Sample data into ${input}` })
  await sampleData.getByLabel('Kind').selectOption('sentences')
  await sampleData.getByLabel('Records/s').fill('20')
  await sampleData.getByRole('button', { name: 'Start sample data' }).click()
  await expect(sampleData).toContainText('sentences at 20/s')

  // Within 10 seconds every node shows records flowing in.
  const started = Date.now()
  for (const node of design.nodes) {
    await expect(canvas.getByTestId(`run-rate-${node.id}`)).not.toHaveText(/^in 0\/s/, {
      timeout: Math.max(1, 10_000 - (Date.now() - started)),
    })
  }
  await expect(canvas.getByTestId('run-stats-count')).toHaveAttribute('title', /latency p50/)
  await page.screenshot({ path: testInfo.outputPath('live-run.png'), fullPage: true })

  // A reload finds the design's run again, with its numbers and the sample data it started,
  // even with no cluster chosen (when a design is not running, that would mean the simulator).
  const clusterPicker = page.getByLabel('Cluster', { exact: true })
  const clusterId = await clusterPicker.inputValue()
  await clusterPicker.selectOption('')
  await page.reload()
  await expect(status).toHaveAttribute('data-state', 'running')
  await expect(canvas.getByTestId('run-rate-count')).not.toHaveText(/^in 0\/s/)
  await clusterPicker.selectOption(clusterId)
  await page.getByRole('tab', { name: 'Live' }).click()

  // The count store holds the words with their counts, filtered by key prefix.
  await canvas.getByTestId('node-count').click()
  const store = page.getByTestId('store-counts')
  await expect(store).toContainText(/· [1-9]\d* entries/)
  const firstKey = (await store.locator('tbody tr td').first().textContent()) ?? ''
  expect(firstKey).not.toBe('')
  await store.getByLabel('Keys of counts starting with').fill(firstKey)
  await expect(store.locator('tbody tr td').first()).toHaveText(firstKey)
  await expect(store.locator('tbody tr').first().locator('td').nth(1)).toHaveText(/^[1-9]\d*$/)

  // A tap shows the latest records reaching the count, newest first.
  await page.getByRole('button', { name: 'Open tap' }).click()
  await expect(page.getByTestId('tap-count').locator('tbody tr').first()).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('live-run-store-and-tap.png'), fullPage: true })
  await page.getByRole('button', { name: 'Close tap' }).click()

  // With nothing selected, the panel shows lag over time and the tasks of each sub-topology:
  // one per partition, the partitions each reads, and the thread that owns it.
  await canvas.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
  await expect(page.getByTestId('lag-legend')).toContainText(/Sub-topology 0: \d+ behind/)
  await expect(page.getByTestId('lag-legend')).toContainText(/Sub-topology 1: \d+ behind/)
  const tasks = page.getByTestId('run-tasks')
  for (const subtopology of [0, 1]) {
    const group = tasks.getByTestId(`subtopology-${subtopology}-tasks`)
    await expect(group).toContainText(
      `Sub-topology ${subtopology}: 3 tasks on 1 thread of 1 instance`,
    )
    for (const partition of [0, 1, 2])
      await expect(group).toContainText(`${subtopology}_${partition}`)
  }
  await expect(tasks.getByTestId('subtopology-0-tasks')).toContainText(`${input}-2`)
  await expect(tasks.getByTestId('subtopology-1-tasks')).toContainText(
    `e2e-word-count-${run}-counts-repartition-2`,
  )
  // Every node's share of the processing time is measured.
  await expect(canvas.getByTestId('run-busy-count')).toContainText('% of processing')
  await page.screenshot({ path: testInfo.outputPath('live-run-tasks.png'), fullPage: true })

  // Follow a word: it is a key from the count on, so its path lights up from there.
  const follow = page.getByRole('region', { name: 'Follow a key' })
  await follow.getByLabel('Key to follow').fill(firstKey)
  await follow.getByRole('button', { name: 'Follow' }).click()
  const path = page.getByTestId('followed-path')
  await expect(path).toContainText('Count', { timeout: 20_000 })
  await expect(canvas.getByTestId('node-count')).toHaveClass(/operator--on-path/)
  await expect(canvas.getByTestId('node-lines')).not.toHaveClass(/operator--on-path/)
  await page.screenshot({ path: testInfo.outputPath('live-run-follow.png'), fullPage: true })
  await follow.getByRole('button', { name: 'Stop following' }).click()
  await expect(canvas.getByTestId('node-count')).not.toHaveClass(/operator--on-path/)

  await canvas.getByTestId('node-lines').click()
  await sampleData.getByRole('button', { name: 'Stop sample data' }).click()
  await expect(sampleData.getByRole('button', { name: 'Start sample data' })).toBeVisible()
  await page.getByRole('group', { name: 'Run' }).getByRole('button', { name: 'Stop' }).click()
  await expect(status).toHaveAttribute('data-state', 'stopped', { timeout: 30_000 })
  await page.getByRole('button', { name: 'Reset' }).click()
  await expect(page.getByRole('group', { name: 'Run' })).toContainText(
    'the next run reads its input from the start',
  )
})
