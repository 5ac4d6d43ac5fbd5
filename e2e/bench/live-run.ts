// The live debugger under a running 200-node topology on a real broker: main-thread time the
// page spends per metrics update (one a second) and its JavaScript heap over minutes.
// Part of `npm run bench:web`. Targets: under 8 ms per update; memory flat.
import type { Page } from '@playwright/test'
import { CSRF_HEADER, type TopologyGraph } from '@topology-studio/shared'

export interface LiveRunFigures {
  readonly nodes: number
  readonly recordsPerSecond: number
  readonly updates: number
  /**
   * Main-thread task time per metrics update over each 10 s stretch, ms: with the whole
   * topology in view (colours only), then zoomed in to read the numbers of the nodes in view.
   */
  readonly perUpdateMs: { readonly fitted: readonly number[]; readonly readable: readonly number[] }
  /** Nodes showing their numbers when zoomed in. */
  readonly readableNodes: number
  /** Heap after a forced collection, MB, once a minute from the first. */
  readonly heapMb: readonly number[]
  /** The first heap sample taken zoomed in (numbers mounted): each view is judged on its own. */
  readonly zoomedFromSample: number
}

const CHAINS = 9
const CHAIN_LENGTH = 21
const RECORDS_PER_SECOND = 100
const WARM_UP_MS = 15_000
const STRETCH_MS = 10_000

/** A source, a filter, nine chains of 21 mapValues, and a sink per chain: 200 nodes. */
export function liveDesign(input: string, output: string, applicationId: string): TopologyGraph {
  const nodes: TopologyGraph['nodes'] = [
    {
      id: 'lines',
      kind: 'stream',
      position: { x: 0, y: 0 },
      params: { topics: [input], keySerde: 'String', valueSerde: 'String' },
    },
    {
      id: 'non-empty',
      kind: 'filter',
      position: { x: 250, y: 0 },
      params: { predicate: { lang: 'expression', source: "value != ''" } },
    },
  ]
  const edges: TopologyGraph['edges'] = [
    { id: 'lines->non-empty', source: 'lines', target: 'non-empty' },
  ]
  for (let chain = 0; chain < CHAINS; chain++) {
    let previous = 'non-empty'
    for (let step = 0; step <= CHAIN_LENGTH; step++) {
      const id = step === CHAIN_LENGTH ? `out-${chain}` : `step-${chain}-${step}`
      nodes.push(
        step === CHAIN_LENGTH
          ? {
              id,
              kind: 'sink',
              position: { x: 500 + step * 250, y: chain * 150 },
              params: { topic: output, keySerde: 'String', valueSerde: 'String' },
            }
          : {
              id,
              kind: 'mapValues',
              position: { x: 500 + step * 250, y: chain * 150 },
              params: { mapper: { lang: 'expression', source: 'value' } },
            },
      )
      edges.push({ id: `${previous}->${id}`, source: previous, target: id })
      previous = id
    }
  }
  return {
    version: 1,
    name: 'Live bench',
    applicationId,
    config: { 'commit.interval.ms': 1000 },
    nodes,
    edges,
  }
}

async function api<T>(
  page: Page,
  path: string,
  method: 'POST' | 'GET',
  data?: unknown,
): Promise<T> {
  const response = await page.request.fetch(path, {
    method,
    headers: { [CSRF_HEADER]: '1' },
    ...(data === undefined ? {} : { data }),
  })
  if (!response.ok())
    throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`)
  return (await response.json()) as T
}

export async function measureLiveRun(
  page: Page,
  bootstrapServers: string,
  minutes: number,
): Promise<LiveRunFigures> {
  const run = Date.now().toString(36)
  const input = `bench-lines-${run}`
  const output = `bench-out-${run}`
  const design = liveDesign(input, output, `bench-live-${run}`)
  const cluster = await api<{ id: string }>(page, '/api/clusters', 'POST', {
    name: 'bench',
    bootstrapServers: [bootstrapServers],
  })
  for (const topic of [input, output])
    await api(page, `/api/clusters/${cluster.id}/topics`, 'POST', { name: topic, partitions: 3 })
  const stored = await api<{ id: string }>(page, '/api/designs', 'POST', { design })
  const started = await api<{ id: string }>(page, '/api/runs', 'POST', {
    designId: stored.id,
    clusterId: cluster.id,
  })
  await api(page, `/api/clusters/${cluster.id}/generators`, 'POST', {
    kind: 'sentences',
    topic: input,
    recordsPerSecond: RECORDS_PER_SECOND,
  })

  const cdp = await page.context().newCDPSession(page)
  let updates = 0
  cdp.on('Network.webSocketFrameReceived', (event: { response: { payloadData: string } }) => {
    if (event.response.payloadData.includes('"run:metrics"')) updates++
  })
  await cdp.send('Network.enable')
  await cdp.send('Performance.enable')
  // The page follows the run it has open: the design, with the run's metrics on every node.
  await page.goto(`/designs/${stored.id}`)
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="run-status"]')?.getAttribute('data-state') ===
      'running',
    undefined,
    { timeout: 120_000 },
  )
  const metric = async (name: string) => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[]
    }
    return metrics.find((m) => m.name === name)?.value ?? 0
  }
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    return (await metric('JSHeapUsedSize')) / 1024 / 1024
  }
  await page.waitForTimeout(WARM_UP_MS)

  const perUpdateMs = { fitted: [] as number[], readable: [] as number[] }
  const heapMb: number[] = [await heap()]
  const begun = Date.now()
  const end = begun + minutes * 60_000
  let nextHeap = begun + 60_000
  let readableNodes = 0
  let zoomedFromSample = Infinity
  let phase: keyof typeof perUpdateMs = 'fitted'
  let updatesBefore = updates
  let busyBefore = await metric('TaskDuration')
  const restart = async () => {
    busyBefore = await metric('TaskDuration')
    updatesBefore = updates
  }
  while (Date.now() < end) {
    await page.waitForTimeout(STRETCH_MS)
    const busy = await metric('TaskDuration')
    const seen = updates - updatesBefore
    if (seen > 0) perUpdateMs[phase].push(((busy - busyBefore) * 1000) / seen)
    await restart()
    if (Date.now() >= nextHeap) {
      heapMb.push(await heap())
      nextHeap += 60_000
      // Collecting garbage is the bench's own work, not the page's.
      await restart()
    }
    if (phase === 'fitted' && Date.now() >= begun + (end - begun) / 2) {
      phase = 'readable'
      readableNodes = await zoomToReadable(page)
      zoomedFromSample = heapMb.length
      await restart()
    }
  }
  await api(page, `/api/runs/${started.id}/stop`, 'POST')
  return {
    nodes: design.nodes.length,
    recordsPerSecond: RECORDS_PER_SECOND,
    updates,
    perUpdateMs,
    readableNodes,
    heapMb,
    zoomedFromSample,
  }
}

/** Zooms to 1 at the start of the chains, where node numbers can be read; how many show them. */
async function zoomToReadable(page: Page): Promise<number> {
  const pane = await page.locator('[data-testid="canvas"] .react-flow__pane').boundingBox()
  if (pane === null) throw new Error('no canvas')
  await page.mouse.move(pane.x + pane.width * 0.1, pane.y + pane.height / 2)
  const zoom = () =>
    page.evaluate(() => {
      const viewport = document.querySelector('.react-flow__viewport')
      return viewport === null ? 1 : new DOMMatrix(getComputedStyle(viewport).transform).a
    })
  while ((await zoom()) < 1) await page.mouse.wheel(0, -100)
  await page.waitForTimeout(1_000)
  return page.locator('.node-run').count()
}
