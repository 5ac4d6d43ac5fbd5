import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { wordCountDesign } from '@topology-studio/shared'
import { connectCluster } from '../support/connect-cluster'
import { openStoredDesign } from '../support/open-design'

// The cluster from the designer, on the real broker: a node's missing topic created in one click,
// the cluster's health, its topics with partitions and offsets, a record produced by hand and
// read back, with the serdes the design uses for that topic.
test('creates, fills and peeks at topics of the cluster from the designer', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000)
  const run = randomUUID().slice(0, 8)
  const input = `lines-${run}`
  const output = `counts-${run}`
  const design = wordCountDesign({ input, output, applicationId: `e2e-browse-${run}` })
  await openStoredDesign(page, { ...design, name: `Browse ${run}` })

  await connectCluster(page, `browse ${run}`)

  // The source node's topic is not there: create it from the node, with 3 partitions.
  const canvas = page.getByTestId('canvas')
  await canvas.getByTestId('node-lines').click()
  const properties = page.getByRole('form', { name: 'Properties' })
  await expect(properties.getByTestId(`topic-partitions-${input}`)).toHaveText(
    `${input}: not on cluster "browse ${run}"`,
  )
  const create = properties.getByRole('group', { name: `Create "${input}"` })
  await create.getByLabel('Partitions').fill('3')
  await create.getByRole('button', { name: `Create "${input}"` }).click()
  await expect(properties.getByTestId(`topic-partitions-${input}`)).toHaveText(
    `${input}: 3 partitions on cluster "browse ${run}"`,
  )

  // The cluster's health and topics.
  await page.getByRole('button', { name: 'Browse…' }).click()
  const dialog = page.getByRole('dialog', { name: `Cluster browse ${run}` })
  const health = dialog.getByTestId('cluster-health')
  await expect(health).toContainText('Healthy: 1 broker')
  await expect(health).toContainText('controller')
  await expect(dialog.getByTestId('under-replicated')).toHaveText('0')
  await expect(dialog.getByTestId('offline-partitions')).toHaveText('0')
  const topics = dialog.getByRole('region', { name: 'Topics' })
  await topics.getByLabel('Filter topics').fill(run)
  await expect(topics.getByRole('button', { name: new RegExp(input) })).toHaveText(
    new RegExp(`${input}3 p · 0 rec`),
  )

  // The sink topic is created here; its serdes come from the sink node (String keys, Long counts).
  const newTopic = topics.getByRole('form', { name: 'New topic' })
  await newTopic.getByLabel('New topic name').fill('bad name!')
  await newTopic.getByRole('button', { name: 'Create topic' }).click()
  await expect(newTopic.getByRole('alert')).toContainText('may only hold letters, digits')
  await newTopic.getByLabel('New topic name').fill(output)
  await newTopic.getByRole('button', { name: 'Create topic' }).click()
  const detail = dialog.getByTestId('topic-detail')
  await expect(detail.getByRole('heading', { name: output, exact: true })).toBeVisible()
  await expect(detail.getByLabel('Value serde')).toHaveValue('Long')
  await expect(detail).toContainText('As Word counts in the design.')

  // A value the serde cannot hold is refused in the form, naming the field.
  const produce = detail.getByRole('form', { name: `Produce a record to ${output}` })
  await produce.getByLabel('key (String)').fill('kafka')
  await produce.getByLabel('value (Long)').fill('many')
  await produce.getByRole('button', { name: 'Produce' }).click()
  await expect(produce).toContainText('Long takes a whole number, not "many"')
  await produce.getByLabel('value (Long)').fill('42')
  await produce.getByLabel('timestamp').fill('2026-01-02T03:04:05Z')
  await produce.getByRole('button', { name: 'Produce' }).click()
  await expect(produce.getByRole('status')).toHaveText(/^Produced to partition 0 at offset 0$/)
  const peeked = detail.getByTestId('peeked-records')
  // The peek reads the topic again every 3 s, each read a fetch from every partition.
  await expect(peeked.locator('tbody tr')).toHaveCount(1, { timeout: 15_000 })
  await expect(peeked.locator('tbody tr').first()).toHaveText(
    ['0', '0', '2026-01-02T03:04:05.000Z', 'kafka', '42'].join(''),
  )

  // Text into the source topic, to a chosen partition; the list counts it.
  await topics.getByRole('button', { name: new RegExp(input) }).click()
  const produceLine = detail.getByRole('form', { name: `Produce a record to ${input}` })
  await produceLine.getByLabel('value (String)').fill('to be or not to be')
  await produceLine.getByLabel('partition').fill('3')
  await produceLine.getByRole('button', { name: 'Produce' }).click()
  await expect(produceLine).toContainText('the topic has partitions 0 to 2')
  await produceLine.getByLabel('partition').fill('2')
  await produceLine.getByRole('button', { name: 'Produce' }).click()
  await expect(produceLine.getByRole('status')).toHaveText('Produced to partition 2 at offset 0')
  await expect(peeked.locator('tbody tr').first()).toContainText('to be or not to be')
  await expect(topics.getByRole('button', { name: new RegExp(input) })).toHaveText(
    new RegExp(`${input}3 p · 1 rec`),
  )
  const partitions = detail.getByRole('table', { name: `Partitions of ${input}` })
  // Partition, leader, replicas, in sync, start, end, records.
  await expect(partitions.locator('tbody tr').nth(2).locator('td')).toHaveText([
    '2',
    /^\d+$/,
    /^\d+$/,
    /^\d+$/,
    '0',
    '1',
    '1',
  ])
  await page.screenshot({ path: testInfo.outputPath('cluster-browser.png'), fullPage: true })
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)
})
