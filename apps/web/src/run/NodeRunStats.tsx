import { useStore as useFlowStore } from '@xyflow/react'
import { useLayoutEffect, useRef } from 'react'
import { useDevicePixelRatio, usePrefersDark } from '../shell/display-media'
import { paletteOf, StatsCanvas } from './node-stats-canvas'
import { statLines, statTitle, type StatLine } from './node-stats-lines'
import { useHasNodeMetrics, useRunView, type RunView } from './run-context'

const ROLES: readonly StatLine['role'][] = ['rate', 'total', 'busy', 'failures']

/**
 * A node's live numbers during a run: rates in and out, totals, its share of processing,
 * failures and the last minute. They are drawn outside React as the run changes: a metrics
 * update redraws a canvas per node in view and re-renders nothing. The same text is the canvas's
 * fallback content, for screen readers and tests.
 */
export function NodeRunStats({ nodeId }: { nodeId: string }) {
  const run = useRunView()
  const running = useHasNodeMetrics(nodeId)
  // Drawn sharp at the zoom it is read at, in steps, so that zooming redraws it only now and then.
  const zoomStep = useFlowStore((s) => Math.min(4, Math.ceil(s.transform[2] * 2) / 2))
  const dark = usePrefersDark()
  const ratio = useDevicePixelRatio()
  const box = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  useLayoutEffect(() => {
    const element = canvas.current
    const container = box.current
    if (element === null || container === null) return
    const stats = new StatsCanvas(element, paletteOf(element), zoomStep * ratio)
    const texts = new Map(
      ROLES.map((role) => [role, element.querySelector(`[data-role="${role}"]`)] as const),
    )
    let drawn: readonly unknown[] = []
    const draw = (state: RunView) => {
      const metrics = state.nodes.get(nodeId)
      const history = state.history.get(nodeId)
      const load = state.loads.get(nodeId)
      if (metrics === undefined) return
      const inputs = [metrics, history, load]
      if (inputs.every((input, at) => input === drawn[at])) return
      drawn = inputs
      const lines = statLines(metrics, load)
      stats.draw(lines, history)
      // Drawing text makes the canvas read its style, which a change to the DOM makes stale: the
      // text is written once every node in view has drawn, so that none of them restyles the page.
      queueMicrotask(() => {
        for (const [role, text] of texts) {
          const now = lines.find((line) => line.role === role)?.text ?? ''
          if (text !== null && text.textContent !== now) text.textContent = now
        }
        const title = statTitle(metrics, load)
        if (container.title !== title) container.title = title
      })
    }
    draw(run.getState())
    return run.subscribe(draw)
  }, [run, nodeId, zoomStep, running, dark, ratio])
  if (!running) return null
  return (
    <div ref={box} className="node-run" data-testid={`run-stats-${nodeId}`}>
      <canvas ref={canvas} className="node-run__canvas" width={0} height={0}>
        {ROLES.map((role) => (
          <span key={role} data-role={role} data-testid={`run-${role}-${nodeId}`} />
        ))}
      </canvas>
    </div>
  )
}
