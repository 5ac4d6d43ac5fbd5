import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { clickEnrichmentDesign } from '@topology-studio/shared'
import kafkajs from 'kafkajs'
import { openStoredDesign } from '../support/open-design'

// kafkajs is CommonJS: Node's ESM loader sees only its default export.
const { Kafka, logLevel } = kafkajs

// The designer against a real broker: topic fields suggest the cluster's topics with their
// partition counts, and a join of topics that are not co-partitioned is an error before any run.
test('checks a join against the partition counts of the connected cluster', async ({
  page,
}, testInfo) => {
  const bootstrapServers = process.env['E2E_KAFKA']
  if (bootstrapServers === undefined) throw new Error('E2E_KAFKA is not set by the global setup')
  const run = randomUUID().slice(0, 8)
  const views = `views-${run}`
  const pages = `pages-${run}`
  const pagesBy6 = `pages-by-6-${run}`
  const admin = new Kafka({
    brokers: bootstrapServers.split(','),
    logLevel: logLevel.NOTHING,
  }).admin()
  await admin.connect()
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        { topic: views, numPartitions: 6 },
        { topic: pages, numPartitions: 3 },
        { topic: pagesBy6, numPartitions: 6 },
      ],
    })
  } finally {
    await admin.disconnect()
  }

  // Page views joined with pages as they come (no re-keying): both topics must match.
  const enrichment = clickEnrichmentDesign({ pageViews: views, pages, applicationId: `e2e-${run}` })
  const design = {
    ...enrichment,
    name: `Unkeyed enrichment ${run}`,
    nodes: enrichment.nodes.filter((n) => n.id !== 'by-page'),
    edges: [
      ...enrichment.edges.filter((e) => e.source !== 'by-page' && e.target !== 'by-page'),
      { id: 'views->enrich', source: 'views', target: 'enrich', targetPort: 'left' },
    ],
  }
  await openStoredDesign(page, design)
  const canvas = page.getByTestId('canvas')
  const join = canvas.getByTestId('node-enrich')
  // Without a cluster nothing says the join is wrong.
  await expect(join).toHaveAttribute('data-status', 'ok')

  await page.getByRole('button', { name: 'Connect…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Connect a cluster' })
  await dialog.getByLabel('Bootstrap servers').fill('not a server')
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(dialog.getByRole('alert')).toContainText('Bootstrap servers: must be host:port')
  await dialog.getByLabel('Bootstrap servers').fill(bootstrapServers)
  await dialog.getByLabel('Name').fill('e2e broker')
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('cluster-status')).toHaveText(/^\d+ topics?$/)

  await expect(join).toHaveAttribute('data-status', 'error')
  await expect(join).toHaveAttribute(
    'title',
    new RegExp(
      `not co-partitioned on cluster "e2e broker": ${views} \\(6 partitions\\), ${pages} \\(3 partitions\\)`,
    ),
  )

  // The table's topic field says what the cluster holds, and suggests its topics.
  await canvas.getByTestId('node-pages').click()
  const properties = page.getByRole('form', { name: 'Properties' })
  await expect(properties.getByTestId(`topic-partitions-${pages}`)).toHaveText(
    `${pages}: 3 partitions on cluster "e2e broker"`,
  )
  const topicField = properties.getByLabel('topic', { exact: true })
  await expect(topicField).toHaveAttribute('list', 'cluster-topics')
  await expect(
    properties.locator(`datalist#cluster-topics option[value="${pagesBy6}"]`),
  ).toHaveCount(1)
  await topicField.fill(pagesBy6)
  await topicField.press('Enter')
  await expect(properties.getByTestId(`topic-partitions-${pagesBy6}`)).toHaveText(
    `${pagesBy6}: 6 partitions on cluster "e2e broker"`,
  )
  await expect(join).toHaveAttribute('data-status', 'ok')
  await page.screenshot({ path: testInfo.outputPath('cluster-topics.png'), fullPage: true })

  // A topic the cluster lacks leaves the join unchecked, and says so.
  await topicField.fill(`missing-${run}`)
  await topicField.press('Enter')
  await expect(properties.getByTestId(`topic-partitions-missing-${run}`)).toHaveText(
    `missing-${run}: not on cluster "e2e broker"`,
  )
  await expect(join).toHaveAttribute('data-status', 'warning')

  // The chosen cluster is remembered across a reload.
  await page.reload()
  await expect(page.getByLabel('Cluster', { exact: true })).toHaveValue(/.+/)
  await expect(page.getByTestId('cluster-status')).toHaveText(/^\d+ topics?$/)
})
