import { expect, test } from '@playwright/test'
import { runInWorker } from '../support/run-in-worker'

// The engine core must run unchanged in a browser Web Worker (the simulator runs it there):
// bundle it for the browser, with no Node built-ins available, and run the test driver.
test('the engine runs a topology in the TopologyTestDriver inside a Web Worker', async ({
  page,
}) => {
  await page.goto('/')
  const result = await runInWorker(page, './engine-worker-entry.ts')
  expect(result).toEqual({
    counts: [
      ['hello', 1, 1],
      ['worker', 1, 1],
      ['hello', 2, 2],
      ['browser', 1, 2],
    ],
    stored: 2,
  })
})
