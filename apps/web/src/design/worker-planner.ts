// Plans designs in a Web Worker, for plan-store.ts once plans take longer than a frame.
import type { PlanReply, PlanRequest } from './plan-worker'
import type { PlannedDesign } from './plan-state'
import type { RemotePlanner } from './plan-store'

export function workerPlanner(): RemotePlanner {
  // Started with the app, so that the engine has loaded in the worker before a plan needs it.
  const worker = new Worker(new URL('./plan-worker.ts', import.meta.url), { type: 'module' })
  // A worker that failed (its script did not load, or a plan could not be sent back) stays failed,
  // and every plan asked of it is refused at once, so the caller plans on the main thread.
  let failure: Error | null = null
  const waiting = new Map<
    number,
    { resolve: (planned: PlannedDesign) => void; reject: (error: Error) => void }
  >()
  let next = 0

  const fail = (error: Error) => {
    failure = error
    for (const { reject } of waiting.values()) reject(error)
    waiting.clear()
    worker.terminate()
  }
  worker.onmessage = (event: MessageEvent<PlanReply>) => {
    waiting.get(event.data.id)?.resolve(event.data.planned)
    waiting.delete(event.data.id)
  }
  worker.onerror = (event) => fail(new Error(`The planning worker failed: ${event.message}`))
  worker.onmessageerror = () => fail(new Error('A plan could not be read from the worker'))

  return {
    plan: (graph, cluster) =>
      new Promise((resolve, reject) => {
        if (failure !== null) {
          reject(failure)
          return
        }
        const id = ++next
        waiting.set(id, { resolve, reject })
        const request: PlanRequest = { kind: 'plan', id, graph, cluster }
        worker.postMessage(request)
      }),
    prepare: (graph, cluster) => {
      if (failure === null)
        worker.postMessage({ kind: 'prepare', graph, cluster } satisfies PlanRequest)
    },
  }
}
