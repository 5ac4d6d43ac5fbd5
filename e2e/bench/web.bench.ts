// The designer with a 500-node design in real Chromium against the built server: time to first
// render, time to re-plan after an edit, and frame rate while panning; then the live debugger
// with a 200-node topology running on a real broker: main-thread time per metrics update and
// the page's heap over ten minutes.
//   npm run bench:web                          (builds first)
//   npm run bench:web -- --live-minutes 2      (a shorter live run; 0 skips it)
// Targets: first render < 1.5 s, re-plan < 50 ms, pan >= 50 fps; under 8 ms per metrics
// update, heap flat.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from '@playwright/test'
import type { TopologyGraph } from '@topology-studio/shared'
import { generateDesign } from '../../packages/engine/bench/generate-design'
import { chromiumLaunchOptions } from '../support/chromium'
import { findFreePort } from '../support/free-port'
import { startLocalKafka } from '../../scripts/local-kafka/local-kafka'
import { measureLiveRun, type LiveRunFigures } from './live-run'

const NODES = 500
const RUNS = 3
const EDITS = 10
const serverEntry = fileURLToPath(new URL('../../apps/server/dist/main.js', import.meta.url))

/**
 * Positions as a user's laid-out design would have them: each connected part of the design left
 * to right by depth, and the parts side by side in rows, so that the whole is about as wide as
 * it is tall on screen.
 */
function placed(graph: TopologyGraph): TopologyGraph {
  const inputs = new Map<string, string[]>()
  const part = new Map(graph.nodes.map((node) => [node.id, node.id]))
  const root = (id: string): string => {
    const parent = part.get(id)!
    return parent === id ? id : root(parent)
  }
  for (const edge of graph.edges) {
    inputs.set(edge.target, [...(inputs.get(edge.target) ?? []), edge.source])
    part.set(root(edge.source), root(edge.target))
  }
  const depth = new Map<string, number>()
  const depthOf = (id: string): number => {
    const known = depth.get(id)
    if (known !== undefined) return known
    const value = Math.max(-1, ...(inputs.get(id) ?? []).map(depthOf)) + 1
    depth.set(id, value)
    return value
  }
  const parts = new Map<string, TopologyGraph['nodes'][number][]>()
  for (const node of graph.nodes)
    parts.set(root(node.id), [...(parts.get(root(node.id)) ?? []), node])
  const COLUMN = 260
  const ROW = 130
  const blocks = [...parts.values()].map((nodes) => {
    const rows = new Map<number, number>()
    const local = nodes.map((node) => {
      const column = depthOf(node.id)
      const row = rows.get(column) ?? 0
      rows.set(column, row + 1)
      return { id: node.id, x: column * COLUMN, y: row * ROW }
    })
    const width = Math.max(...local.map((at) => at.x)) + COLUMN * 1.5
    const height = Math.max(...local.map((at) => at.y)) + ROW * 2
    return { local, width, height }
  })
  const area = blocks.reduce((sum, block) => sum + block.width * block.height, 0)
  const rowWidth = Math.sqrt(area * (16 / 9))
  const positions = new Map<string, { x: number; y: number }>()
  let x = 0
  let y = 0
  let rowHeight = 0
  for (const { local, width, height } of blocks) {
    if (x > 0 && x + width > rowWidth) {
      x = 0
      y += rowHeight
      rowHeight = 0
    }
    for (const at of local) positions.set(at.id, { x: x + at.x, y: y + at.y })
    x += width
    rowHeight = Math.max(rowHeight, height)
  }
  return {
    ...graph,
    name: `Generated ${NODES}`,
    nodes: graph.nodes.map((node) => ({ ...node, position: positions.get(node.id)! })),
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const nodeCount = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('[data-testid="canvas"] .react-flow__node').length)

const zoomOf = (page: Page) =>
  page.evaluate(() => {
    const style = document.querySelector('[data-testid="canvas"] .react-flow__viewport')
    return Number(/scale\(([\d.]+)\)/.exec(style?.getAttribute('style') ?? '')?.[1])
  })

/** Waits until the page draws ten frames in a row on time: the last edit or zoom is drawn. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const frames: number[] = []
        const tick = (time: number) => {
          frames.push(time)
          if (frames.length <= 10) requestAnimationFrame(tick)
          else resolve(frames.slice(1).every((t, i) => t - frames[i]! < 20))
        }
        requestAnimationFrame(tick)
      }),
    undefined,
    { timeout: 10_000 },
  )
}

/** A rate of frames, as a frame counter shows it: the slowest stretch of `window` ms. */
const FPS_WINDOW_MS = 500

function lowestWindowFps(gaps: readonly number[], window: number): number {
  let lowest = Infinity
  for (let first = 0; first < gaps.length; first++) {
    let elapsed = 0
    let last = first
    while (last < gaps.length && elapsed < window) elapsed += gaps[last++]!
    if (elapsed < window) break
    lowest = Math.min(lowest, ((last - first) / elapsed) * 1000)
  }
  return lowest
}

/**
 * Drags the empty canvas for two seconds, one pointer move per frame, driven inside the page so
 * that the frame rate is the page's and not that of remote input events.
 */
async function measurePan(page: Page) {
  const zoom = await zoomOf(page)
  const gaps = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const pane = document.querySelector('[data-testid="canvas"] .react-flow__pane')
        if (pane === null) throw new Error('no canvas')
        const box = pane.getBoundingClientRect()
        // Grab the canvas where no node or edge is, or the drag would move a node instead.
        let x = box.left + box.width / 2
        let y = box.top + box.height / 2
        search: for (let dy = 10; dy < box.height; dy += 10)
          for (let dx = 10; dx < box.width - 220; dx += 10)
            if (document.elementFromPoint(box.left + dx, box.top + dy) === pane) {
              x = box.left + dx
              y = box.top + dy
              break search
            }
        const at = (type: string, dx: number, dy: number) =>
          new MouseEvent(type, {
            bubbles: true,
            view: window,
            button: 0,
            buttons: type === 'mouseup' ? 0 : 1,
            clientX: x + dx,
            clientY: y + dy,
          })
        pane.dispatchEvent(at('mousedown', 0, 0))
        const frames: number[] = []
        const started = performance.now()
        const tick = (time: number) => {
          frames.push(time)
          const step = frames.length
          if (time - started < 2000) {
            window.dispatchEvent(at('mousemove', Math.sin(step / 10) * 300, (step % 60) * 3))
            requestAnimationFrame(tick)
          } else {
            window.dispatchEvent(at('mouseup', 0, 0))
            resolve(frames.slice(1).map((t, i) => t - frames[i]!))
          }
        }
        requestAnimationFrame(tick)
      }),
  )
  const duration = gaps.reduce((sum, gap) => sum + gap, 0)
  const slowGaps = [...gaps].sort((a, b) => b - a)
  return {
    zoom,
    frames: gaps.length,
    fps: (gaps.length / duration) * 1000,
    p95Gap: slowGaps[Math.floor(gaps.length * 0.05)] ?? 0,
    worstGap: slowGaps[0] ?? 0,
    lowestWindowFps: lowestWindowFps(gaps, FPS_WINDOW_MS),
    // A frame slower than 20 ms is a moment below 50 fps.
    slowFrames: gaps.filter((gap) => gap > 20).length,
  }
}

/** `--live-minutes N` (default 10; 0 skips the live run). */
function liveMinutes(): number {
  const at = process.argv.indexOf('--live-minutes')
  const value = at === -1 ? 10 : Number(process.argv[at + 1])
  if (!Number.isFinite(value) || value < 0)
    throw new Error('--live-minutes takes a number of minutes')
  return value
}

/** The live run on KAFKA_BOOTSTRAP_SERVERS, or on a broker of its own. */
async function liveRun(page: Page, minutes: number): Promise<LiveRunFigures> {
  const given = process.env['KAFKA_BOOTSTRAP_SERVERS']
  if (given !== undefined && given !== '') return measureLiveRun(page, given, minutes)
  const kafka = await startLocalKafka({ port: 0 })
  try {
    return await measureLiveRun(page, kafka.bootstrapServers, minutes)
  } finally {
    await kafka.stop()
  }
}

function printLive(live: LiveRunFigures, minutes: number): void {
  const heap = live.heapMb
  // Growth within each view: zooming in mounts the numbers of the nodes on screen once.
  const growth = (samples: readonly number[]) => {
    if (samples.length < 2) return 'not measured'
    const change = (samples.at(-1) ?? 0) - (samples[0] ?? 0)
    return `${change >= 0 ? '+' : ''}${change.toFixed(1)} MB over ${samples.length - 1} min`
  }
  const figures = (values: readonly number[]) =>
    values.length === 0
      ? 'not measured'
      : `median ${median([...values]).toFixed(1)} ms, worst 10 s stretch ${Math.max(...values).toFixed(1)} ms`
  console.log(
    `Live debugger with a running ${live.nodes}-node topology at ${live.recordsPerSecond} records/s for ${minutes} min (${live.updates} metrics updates)`,
  )
  console.log(
    `  main thread per metrics update, whole topology in view: ${figures(live.perUpdateMs.fitted)} (target < 8 ms)`,
  )
  console.log(
    `  main thread per metrics update, zoom 1 with ${live.readableNodes} nodes showing numbers: ${figures(live.perUpdateMs.readable)} (target < 8 ms)`,
  )
  console.log(
    `  heap after collection, per minute: ${heap.map((mb) => mb.toFixed(1)).join(', ')} MB; growth in view ${growth(heap.slice(0, live.zoomedFromSample))}, zoomed in ${growth(heap.slice(live.zoomedFromSample))} (target flat)`,
  )
}

async function main(): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'topology-studio-bench-web-'))
  const design = placed(generateDesign(NODES))
  writeFileSync(join(workspace, 'bench.json'), JSON.stringify(design, null, 2))
  const port = await findFreePort()
  const token = randomBytes(24).toString('base64url')
  const server = spawn(process.execPath, [serverEntry, '--workspace', workspace], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), TOPOLOGY_STUDIO_TOKEN: token },
    stdio: 'ignore',
  })
  const base = `http://127.0.0.1:${port}`
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    for (let i = 0; ; i++) {
      if ((await fetch(`${base}/api/health`).catch(() => null)) !== null) break
      if (i > 100) throw new Error('The server did not start')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const context = await browser.newContext({
      viewport: { width: 1600, height: 900 },
      baseURL: base,
    })
    await context.addCookies([
      { name: `topology_studio_${port}`, value: token, domain: '127.0.0.1', path: '/' },
    ])
    // tsx keeps function names with a helper the page does not have.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f' })
    const page = await context.newPage()
    const nodes = design.nodes.length

    // First render: from navigation to every node of the opened design on the canvas.
    const firstRender: number[] = []
    for (let run = 0; run < RUNS; run++) {
      await page.goto(`${base}/designs/bench`)
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="canvas"] .react-flow__node').length >= n,
        nodes,
        { polling: 'raf', timeout: 30_000 },
      )
      firstRender.push(await page.evaluate(() => performance.now()))
    }

    // Re-plan: the engine's time for an edit, and from the key press to the next frame drawn.
    const planTimes: number[] = []
    const planners = new Set<string>()
    const editToFrame: number[] = []
    const target = page.locator('[data-testid="canvas"] .react-flow__node').first()
    for (let edit = 0; edit < EDITS; edit++) {
      // Undo leaves nothing selected: pick the node again (outside the measured time).
      await target.click()
      for (const [key, expected] of [
        [{ key: 'Delete' }, nodes - 1],
        [{ key: 'z', ctrlKey: true }, nodes],
      ] as const) {
        editToFrame.push(
          await page.evaluate(
            ([init, n]) =>
              new Promise<number>((resolve) => {
                const started = performance.now()
                window.dispatchEvent(new KeyboardEvent('keydown', init))
                const check = () => {
                  const count = document.querySelectorAll(
                    '[data-testid="canvas"] .react-flow__node',
                  ).length
                  if (count === n) requestAnimationFrame(() => resolve(performance.now() - started))
                  else requestAnimationFrame(check)
                }
                requestAnimationFrame(check)
              }),
            [key, expected] as const,
          ),
        )
        // A plan made off the main thread lands after the frame: wait for it.
        const planTime = page.getByTestId('plan-time')
        await page.waitForFunction(
          () =>
            !/planning/.test(
              document.querySelector('[data-testid="plan-time"]')?.textContent ?? '',
            ),
        )
        planTimes.push(Number(/([\d.]+) ms/.exec((await planTime.textContent()) ?? '')?.[1]))
        planners.add((await planTime.getAttribute('data-planner')) ?? 'unknown')
      }
      if ((await nodeCount(page)) !== nodes) throw new Error('undo did not restore the design')
    }

    // Pan with the opened design fitted in view (zoomed far out), then at a readable zoom, each
    // once the page has drawn what came before.
    await settled(page)
    const overviewPan = await measurePan(page)
    const pane = await page.locator('[data-testid="canvas"] .react-flow__pane').boundingBox()
    if (pane === null) throw new Error('no canvas')
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2)
    while ((await zoomOf(page)) < 0.8) await page.mouse.wheel(0, -100)
    await settled(page)
    const readablePan = await measurePan(page)

    console.log(
      `Designer with a generated ${nodes}-node design (${design.edges.length} edges), Chromium ${browser.version()}`,
    )
    console.log(
      `  first render:   median ${median(firstRender).toFixed(0)} ms of ${firstRender.map((t) => t.toFixed(0)).join(', ')} (target < 1500 ms)`,
    )
    console.log(
      `  re-plan:        engine median ${median(planTimes).toFixed(1)} ms, max ${Math.max(...planTimes).toFixed(1)} ms, planned on ${[...planners].join(' and ')} thread (target < 50 ms)`,
    )
    console.log(
      `  edit to frame:  median ${median(editToFrame).toFixed(0)} ms, max ${Math.max(...editToFrame).toFixed(0)} ms`,
    )
    for (const pan of [overviewPan, readablePan])
      console.log(
        `  pan at zoom ${pan.zoom.toFixed(2)}: ${pan.fps.toFixed(1)} fps average over ${pan.frames} frames, 95th percentile frame ${pan.p95Gap.toFixed(1)} ms = ${(1000 / pan.p95Gap).toFixed(1)} fps, worst frame ${pan.worstGap.toFixed(1)} ms (${pan.slowFrames} over 20 ms), lowest over ${FPS_WINDOW_MS} ms ${pan.lowestWindowFps.toFixed(1)} fps (target >= 50 fps)`,
      )

    const minutes = liveMinutes()
    if (minutes > 0) printLive(await liveRun(page, minutes), minutes)
  } finally {
    await browser.close()
    server.kill('SIGTERM')
    rmSync(workspace, { recursive: true, force: true })
  }
}

await main()
