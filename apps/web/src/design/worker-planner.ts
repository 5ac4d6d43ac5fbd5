// Plans designs in a Web Worker, for plan-store.ts once plans take longer than a frame.
import type { PlanReply, PlanRequest } from './plan-worker'
import type { PlannedDesign } from './plan-state'
import type { RemotePlanner } from './plan-store'

export function workerPlanner(): RemotePlanner {
  const worker = new Worker(new URL('./plan-worker.ts', import.meta.url), { type: 'module' })
  const waiting = new Map<
    number,
    { resolve: (planned: PlannedDesign) => void; reject: (error: Error) => void }
  >()
  let next = 0
  worker.onmessage = (event: MessageEvent<PlanReply>) => {
    waiting.get(event.data.id)?.resolve(event.data.planned)
    waiting.delete(event.data.id)
  }
  worker.onerror = (event) => {
    const error = new Error(`The planning worker failed: ${event.message}`)
    for (const { reject } of waiting.values()) reject(error)
    waiting.clear()
  }
  return {
    plan: (graph, cluster) =>
      new Promise((resolve, reject) => {
        const id = ++next
        waiting.set(id, { resolve, reject })
        const request: PlanRequest = { id, graph, cluster }
        worker.postMessage(request)
      }),
  }
}
