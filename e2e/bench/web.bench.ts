// The designer with a 500-node design in real Chromium against the built server: time to first
// render, time to re-plan after an edit, and frame rate while panning.
//   npm run bench:web            (builds first)
// Targets: first render < 1.5 s, re-plan < 50 ms, pan >= 50 fps.
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

const NODES = 500
const RUNS = 3
const EDITS = 10
const serverEntry = fileURLToPath(new URL('../../apps/server/dist/main.js', import.meta.url))

/** Positions by depth, as a user's laid-out design would have them. */
function placed(graph: TopologyGraph): TopologyGraph {
  const depth = new Map<string, number>()
  const inputs = new Map<string, string[]>()
  for (const edge of graph.edges)
    inputs.set(edge.target, [...(inputs.get(edge.target) ?? []), edge.source])
  const depthOf = (id: string): number => {
    const known = depth.get(id)
    if (known !== undefined) return known
    const value = Math.max(-1, ...(inputs.get(id) ?? []).map(depthOf)) + 1
    depth.set(id, value)
    return value
  }
  const rows = new Map<number, number>()
  return {
    ...graph,
    name: `Generated ${NODES}`,
    nodes: graph.nodes.map((node) => {
      const column = depthOf(node.id)
      const row = rows.get(column) ?? 0
      rows.set(column, row + 1)
      return { ...node, position: { x: column * 300, y: row * 140 } }
    }),
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const nodeCount = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('[data-testid="canvas"] .react-flow__node').length)

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
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } })
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
        const shown = await page.getByTestId('plan-time').textContent()
        planTimes.push(Number(/([\d.]+) ms/.exec(shown ?? '')?.[1]))
      }
      if ((await nodeCount(page)) !== nodes) throw new Error('undo did not restore the design')
    }

    // Pan: drag the empty canvas for two seconds, one pointer move per frame, driven inside
    // the page so that the frame rate is the page's and not that of remote input events.
    const gaps = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const pane = document.querySelector('[data-testid="canvas"] .react-flow__pane')
          if (pane === null) throw new Error('no canvas')
          const box = pane.getBoundingClientRect()
          const x = box.left + box.width / 2
          const y = box.top + box.height - 20
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
              window.dispatchEvent(at('mousemove', Math.sin(step / 10) * 300, -(step % 60) * 3))
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
    const fps = (gaps.length / duration) * 1000
    const slowGaps = [...gaps].sort((a, b) => b - a)
    const p95Gap = slowGaps[Math.floor(gaps.length * 0.05)] ?? 0

    console.log(
      `Designer with a generated ${nodes}-node design (${design.edges.length} edges), Chromium ${browser.version()}`,
    )
    console.log(
      `  first render:   median ${median(firstRender).toFixed(0)} ms of ${firstRender.map((t) => t.toFixed(0)).join(', ')} (target < 1500 ms)`,
    )
    console.log(
      `  re-plan:        engine median ${median(planTimes).toFixed(1)} ms, max ${Math.max(...planTimes).toFixed(1)} ms (target < 50 ms)`,
    )
    console.log(
      `  edit to frame:  median ${median(editToFrame).toFixed(0)} ms, max ${Math.max(...editToFrame).toFixed(0)} ms`,
    )
    console.log(
      `  pan:            ${fps.toFixed(1)} fps average over ${gaps.length} frames, 95th percentile frame ${p95Gap.toFixed(1)} ms = ${(1000 / p95Gap).toFixed(1)} fps (target >= 50 fps)`,
    )
  } finally {
    await browser.close()
    server.kill('SIGTERM')
    rmSync(workspace, { recursive: true, force: true })
  }
}

await main()
