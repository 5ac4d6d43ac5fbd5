import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'

// A describe() text printed by Java Kafka Streams (session-windowed count with suppress).
const javaDescribe = readFileSync(
  new URL('../fixtures/session-count-suppress.describe.txt', import.meta.url),
  'utf8',
)

// The physical plan of word count drawn as Kafka Streams builds it, hover mapping to the design,
// the topics to provision, and the optimization switch with its effect.
test('shows the physical plan of a design and maps it to the design on hover', async ({
  page,
}, testInfo) => {
  await page.goto('/')
  await expect(page.getByTestId('canvas').getByTestId('node-count')).toBeVisible()
  // On the design, a node's kind names its processors on hover.
  await expect(
    page.getByTestId('canvas').getByTestId('node-count').locator('.operator__kind'),
  ).toHaveAttribute('title', /KSTREAM-AGGREGATE-0000000003/)
  await page.getByRole('button', { name: 'Physical plan' }).click()
  const view = page.getByTestId('plan-view')
  await expect(view.getByTestId('plan-subtopology-0')).toBeVisible()
  await expect(view.getByTestId('plan-subtopology-1')).toBeVisible()
  await expect(view.getByTestId('plan-topic:counts-repartition')).toContainText('Repartition topic')
  await expect(view.getByTestId('plan-store:counts')).toBeVisible()

  // The aggregate processor came from the count node: hovering says so and highlights it.
  const aggregate = view.getByTestId('plan-node:KSTREAM-AGGREGATE-0000000003')
  await expect(aggregate).toContainText('count "Count"')
  await aggregate.hover()
  // As in Kafka Streams, the aggregation owns the repartition it needs: all of it lights up.
  await expect(page.getByTestId('plan-hover')).toContainText(
    'count "Count" becomes the nodes counts-repartition-filter, counts-repartition-sink, ' +
      'counts-repartition-source, KSTREAM-AGGREGATE-0000000003',
  )
  await expect(aggregate).toHaveClass(/plan-item--highlighted/)
  await expect(view.getByTestId('plan-node:counts-repartition-sink')).toHaveClass(
    /plan-item--highlighted/,
  )
  await expect(view.getByTestId('plan-store:counts')).toHaveClass(/plan-item--highlighted/)
  await view.getByTestId('plan-node:KSTREAM-KEY-SELECT-0000000002').hover()
  await expect(page.getByTestId('plan-hover')).toContainText(
    'groupBy "Group by word" becomes the node KSTREAM-KEY-SELECT-0000000002',
  )
  await expect(aggregate).not.toHaveClass(/plan-item--highlighted/)

  await page.getByRole('tab', { name: 'Topics' }).click()
  const topics = page.getByTestId('topics')
  await expect(topics).toContainText('word-count-counts-repartition')
  await expect(topics).toContainText('word-count-counts-changelog')
  await expect(topics).toContainText('text-input')

  await page.getByRole('tab', { name: 'describe()' }).click()
  await page.getByLabel('Show what optimization changes').check()
  await expect(page.getByTestId('optimization-effect')).toContainText(
    'Optimization changes nothing in this design.',
  )
  await page.getByLabel('topology.optimization = all').check()
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes')
  await page.keyboard.press('Control+z')
  await expect(page.getByLabel('topology.optimization = all')).not.toBeChecked()

  await page.screenshot({ path: testInfo.outputPath('physical-plan.png'), fullPage: true })
})

test('draws a pasted describe() text of a Java application, read-only', async ({
  page,
}, testInfo) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Import describe()…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import describe() output' })

  // A broken text is refused with the line at fault, and the dialog stays open to fix it.
  await dialog
    .getByLabel('describe() output')
    .fill('Topologies:\n   Sub-topology: 0\n    Source: S (topics: [in])\n      --> MISSING\n')
  await dialog.getByRole('button', { name: 'Draw' }).click()
  await expect(dialog.getByRole('list', { name: 'Problems' })).toContainText('line')
  await expect(dialog.getByRole('list', { name: 'Problems' })).toContainText('MISSING')

  await dialog.getByLabel('describe() output').fill(javaDescribe)
  await dialog.getByRole('button', { name: 'Draw' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('imported-note')).toContainText('read-only')
  const view = page.getByTestId('plan-view')
  await expect(view.getByTestId('plan-subtopology-0')).toBeVisible()
  await expect(view.getByTestId('plan-subtopology-1')).toBeVisible()
  await expect(view.getByTestId('plan-topic:output-suppressed')).toBeVisible()
  await expect(view.getByTestId('plan-store:KTABLE-SUPPRESS-STATE-STORE-0000000007')).toBeVisible()
  await expect(view.locator('.react-flow__node')).toHaveCount(3 + 2 + 10 + 2)

  await page.getByRole('tab', { name: 'describe()' }).click()
  await expect(page.getByTestId('describe')).toContainText('KTABLE-SUPPRESS-0000000006')
  expect(await page.getByTestId('describe').textContent()).toBe(javaDescribe)

  await page.screenshot({ path: testInfo.outputPath('imported-describe.png'), fullPage: true })

  // Back to the design, which the import left untouched.
  await page.getByRole('button', { name: 'Design', exact: true }).click()
  await expect(page.getByTestId('canvas').getByTestId('node-count')).toBeVisible()
})

test('opens a pasted describe() text as an editable design that prints the same text', async ({
  page,
}, testInfo) => {
  await page.goto('/')
  await expect(page.getByTestId('canvas').getByTestId('node-count')).toBeVisible()

  // A processor sharing its store with another has no DSL operation: it stays read-only, and says why.
  await page.getByRole('button', { name: 'Import describe()…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import describe() output' })
  await dialog
    .getByLabel('describe() output')
    .fill(
      'Topologies:\n   Sub-topology: 0\n    Source: in (topics: [orders])\n      --> a\n' +
        '    Processor: a (stores: [shared])\n      --> b\n      <-- in\n' +
        '    Processor: b (stores: [shared])\n      --> none\n      <-- a\n\n',
    )
  await dialog.getByRole('button', { name: 'Draw' }).click()
  await expect(page.getByTestId('imported-not-editable')).toContainText('shared')
  await expect(page.getByRole('button', { name: 'Open as design' })).toHaveCount(0)

  await page.getByRole('button', { name: 'Import describe()…' }).click()
  await dialog.getByLabel('describe() output').fill(javaDescribe)
  await dialog.getByRole('button', { name: 'Draw' }).click()
  await page.getByRole('button', { name: 'Open as design' }).click()

  // The design view, laid out, with a node per DSL call and the repartition Kafka Streams inserts.
  const canvas = page.getByTestId('canvas')
  await expect(canvas.locator('.react-flow__node')).toHaveCount(7)
  await expect(canvas.getByTestId('node-count-2')).toContainText('counts')
  await expect(canvas.locator('.repartition-marker')).toHaveCount(1)
  await expect(page.getByTestId('import-notes')).toContainText('windowedBy')
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes')

  // It prints exactly the pasted text.
  await page.getByRole('tab', { name: 'describe()' }).click()
  expect(await page.getByTestId('describe').textContent()).toBe(javaDescribe)

  // The functions the text does not show are flagged until written.
  await page.getByRole('tab', { name: /Problems/ }).click()
  const problems = page.getByRole('list', { name: 'Problems' })
  await expect(problems).toContainText('is not written yet')
  await problems
    .getByRole('button', { name: /keySelector/ })
    .first()
    .click()
  await expect(canvas.locator('.react-flow__node.selected')).toHaveCount(1)

  await page.screenshot({
    path: testInfo.outputPath('describe-opened-as-design.png'),
    fullPage: true,
  })
})
