import { expect, test } from '@playwright/test'
import type { TopologyGraph } from '@topology-studio/shared'
import { openStoredDesign } from '../support/open-design'

const expr = (source: string) => ({ lang: 'expression' as const, source })

// A cogroup folds clicks and purchases per user into one score: its inputs are named handles,
// inputs are added and removed in the properties, and the plan shows one aggregation store.
test('cogroups two grouped streams into one aggregate', async ({ page }, testInfo) => {
  const design: TopologyGraph = {
    version: 1,
    name: 'Scores by cogroup',
    applicationId: 'scores',
    config: { 'default.key.serde': 'String', 'default.value.serde': 'Long' },
    nodes: [
      { id: 'clicks', kind: 'stream', position: { x: 0, y: 0 }, params: { topics: ['clicks'] } },
      {
        id: 'purchases',
        kind: 'stream',
        position: { x: 0, y: 200 },
        params: { topics: ['purchases'] },
      },
      { id: 'by-user-1', kind: 'groupByKey', position: { x: 260, y: 0 }, params: {} },
      { id: 'by-user-2', kind: 'groupByKey', position: { x: 260, y: 200 }, params: {} },
      {
        id: 'score',
        kind: 'cogroup',
        label: 'Score',
        position: { x: 560, y: 100 },
        params: {
          inputs: [
            { id: 'clicks', aggregator: expr('aggregate + 1') },
            { id: 'purchases', aggregator: expr('aggregate + value') },
          ],
          initializer: expr('0'),
          storeName: 'scores',
        },
      },
      { id: 'changes', kind: 'toStream', position: { x: 860, y: 100 }, params: {} },
      { id: 'out', kind: 'sink', position: { x: 1120, y: 100 }, params: { topic: 'scores' } },
    ],
    edges: [
      { id: 'c1', source: 'clicks', target: 'by-user-1' },
      { id: 'p1', source: 'purchases', target: 'by-user-2' },
      { id: 'c2', source: 'by-user-1', target: 'score', targetPort: 'clicks' },
      { id: 'p2', source: 'by-user-2', target: 'score', targetPort: 'purchases' },
      { id: 's1', source: 'score', target: 'changes' },
      { id: 's2', source: 'changes', target: 'out' },
    ],
  }
  await openStoredDesign(page, design)

  const canvas = page.getByTestId('canvas')
  const score = canvas.getByTestId('node-score')
  await expect(score).toHaveAttribute('data-status', 'ok')
  await expect(score).toContainText('2 inputs, store scores')
  await expect(score.locator('.react-flow__handle[data-handleid="clicks"]')).toHaveCount(1)
  await expect(score.locator('.react-flow__handle[data-handleid="purchases"]')).toHaveCount(1)
  await expect(canvas.getByTestId('subtopology-0')).toBeVisible()
  await page.getByRole('tab', { name: 'describe()' }).click()
  // Kafka Streams' processors: one aggregation per input, sharing the store.
  await expect(page.getByTestId('describe')).toContainText(
    /Processor: COGROUPKSTREAM-AGGREGATE-\d+ \(stores: \[scores\]\)[\s\S]*Processor: COGROUPKSTREAM-AGGREGATE-\d+ \(stores: \[scores\]\)/,
  )

  // A third input waits for its grouped stream; removing it makes the design whole again.
  await page.getByRole('tab', { name: 'Properties' }).click()
  await score.click()
  const properties = page.getByRole('form', { name: 'Properties' })
  await properties.getByRole('button', { name: 'Add input' }).click()
  await expect(score.locator('.react-flow__handle[data-handleid="input-3"]')).toHaveCount(1)
  await expect(score).toHaveAttribute('data-status', 'error')
  await expect(score).toHaveAttribute('title', /no grouped stream on its input "input-3"/)
  await page.screenshot({ path: testInfo.outputPath('cogroup.png'), fullPage: true })
  await properties.getByRole('button', { name: 'Remove input input-3' }).click()
  await expect(score).toHaveAttribute('data-status', 'ok')

  // Renaming an input keeps its edge on it.
  const firstId = properties.getByLabel('inputs.0.id', { exact: true })
  await firstId.fill('views')
  await firstId.press('Enter')
  await expect(score.locator('.react-flow__handle[data-handleid="views"]')).toHaveCount(1)
  await expect(score).toHaveAttribute('data-status', 'ok')
  await expect(canvas.getByTestId('rf__edge-c2')).toBeVisible()
  // An id another input already has is refused by validation, not merged.
  await firstId.fill('purchases')
  await firstId.press('Enter')
  await expect(score).toHaveAttribute('title', /must differ from the other inputs’ ids/)
  await page.keyboard.press('Control+z')
  await expect(score).toHaveAttribute('data-status', 'ok')

  // Removing an input takes its edge along, and undo brings both back.
  await properties.getByRole('button', { name: 'Remove input purchases' }).click()
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(5)
  await page.keyboard.press('Control+z')
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(6)
  await expect(score).toHaveAttribute('data-status', 'ok')
})
