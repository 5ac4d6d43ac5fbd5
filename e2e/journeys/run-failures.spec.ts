import { randomUUID } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import type { TopologyGraph } from '@topology-studio/shared'
import { connectCluster, produceRecords } from '../support/connect-cluster'
import { openStoredDesign } from '../support/open-design'

const CONTINUE = 'org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler'

/** Lines upper-cased by JavaScript that refuses lines starting with "bad". */
function fragile(run: string, handler: string | null): TopologyGraph {
  return {
    version: 1,
    name: `Fragile ${run}`,
    applicationId: `e2e-fragile-${run}`,
    config: {
      'commit.interval.ms': 1000,
      ...(handler === null ? {} : { 'processing.exception.handler': handler }),
    },
    nodes: [
      {
        id: 'lines',
        kind: 'stream',
        label: 'Lines',
        position: { x: 0, y: 0 },
        params: { topics: [`in-${run}`], keySerde: 'String', valueSerde: 'String' },
      },
      {
        id: 'shout',
        kind: 'mapValues',
        label: 'Shout',
        position: { x: 260, y: 0 },
        params: {
          mapper: {
            lang: 'code',
            source:
              '(value) => { if (value.startsWith("bad")) throw new Error("cannot shout " + value); return value.toUpperCase() }',
          },
        },
      },
      {
        id: 'out',
        kind: 'sink',
        label: 'Shouted',
        position: { x: 520, y: 0 },
        params: { topic: `out-${run}`, keySerde: 'String', valueSerde: 'String' },
      },
    ],
    edges: [
      { id: 'lines->shout', source: 'lines', target: 'shout' },
      { id: 'shout->out', source: 'shout', target: 'out' },
    ],
  }
}

async function produce(page: Page, clusterId: string, topic: string, values: string[]) {
  await produceRecords(page, clusterId, topic, {
    records: values.map((value, i) => ({ key: `k${i}`, value, partition: 0 })),
  })
}

async function startRun(page: Page) {
  const runButton = page.getByRole('group', { name: 'Run' }).getByRole('button', { name: 'Run' })
  await runButton.click()
  await page.getByRole('button', { name: 'Create 2 topics and run' }).click()
}

// A processor that throws: skipped and listed with its record under log-and-continue; under the
// default log-and-fail the run stops, and the error leads to the node and the record it failed on.
test('shows which node failed on which record, and the records a node skipped', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000)
  const run = randomUUID().slice(0, 8)
  await openStoredDesign(page, fragile(run, CONTINUE))
  await connectCluster(page, `failures ${run}`)
  const clusterId = await page.getByLabel('Cluster').inputValue()
  await startRun(page)
  const status = page.getByTestId('run-status')
  await expect(status).toHaveAttribute('data-state', 'running', { timeout: 60_000 })
  await produce(page, clusterId, `in-${run}`, ['fine', 'bad apple', 'also fine'])

  const canvas = page.getByTestId('canvas')
  await canvas.getByTestId('node-shout').click()
  await page.getByRole('tab', { name: 'Live' }).click()
  const skipped = page.getByTestId('skipped-shout')
  await expect(skipped.locator('tbody tr')).toHaveCount(1, { timeout: 20_000 })
  await expect(skipped.locator('tbody tr td')).toHaveText([
    'processing-error',
    'k1',
    'bad apple',
    `in-${run}-0@1`,
  ])
  await expect(skipped.locator('tbody tr')).toHaveAttribute('title', /cannot shout bad apple/)
  await expect(canvas.getByTestId('run-stats-shout')).toContainText('1 failed')
  await expect(status).toHaveAttribute('data-state', 'running')
  await page.screenshot({ path: testInfo.outputPath('skipped-records.png'), fullPage: true })
  await page.getByRole('group', { name: 'Run' }).getByRole('button', { name: 'Stop' }).click()
  await expect(status).toHaveAttribute('data-state', 'stopped', { timeout: 30_000 })

  // The same design with Kafka Streams' default handler: the bad line stops the run.
  const failing = `${run}f`
  await openStoredDesign(page, fragile(failing, null))
  await startRun(page)
  await expect(status).toHaveAttribute('data-state', 'running', { timeout: 60_000 })
  await produce(page, clusterId, `in-${failing}`, ['fine', 'bad pear'])
  await expect(status).toHaveAttribute('data-state', 'error', { timeout: 30_000 })
  const runBar = page.getByRole('group', { name: 'Run' })
  await expect(runBar.getByRole('alert')).toContainText('cannot shout bad pear')
  await runBar.getByRole('button', { name: 'Show the node and record' }).click()
  await expect(canvas.getByTestId('node-shout')).toHaveClass(/operator--selected/)
  const failure = page.getByTestId('failures-shout')
  await expect(failure.getByRole('heading', { name: 'The run failed here' })).toBeVisible()
  await expect(
    failure.getByRole('table', { name: 'The record it failed on' }).locator('td'),
  ).toHaveText(['k1', 'bad pear', /^\d{4}-\d\d-\d\dT/, `in-${failing}-0@1`])
  await page.screenshot({ path: testInfo.outputPath('run-failed-on-record.png'), fullPage: true })
})
