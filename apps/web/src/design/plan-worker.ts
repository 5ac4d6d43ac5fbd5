// The Web Worker that plans large designs off the main thread (see plan-store.ts).
import type { ClusterTopics } from '@topology-studio/engine'
import type { TopologyGraph } from '@topology-studio/shared'
import { planOf, type PlannedDesign } from './plan-state'

/** A plan to make and send back (`id`), or a design to plan in the background (`prepare`). */
export type PlanRequest =
  | {
      readonly kind: 'plan'
      readonly id: number
      readonly graph: TopologyGraph
      readonly cluster: ClusterTopics | undefined
    }
  | {
      readonly kind: 'prepare'
      readonly graph: TopologyGraph
      readonly cluster: ClusterTopics | undefined
    }

export interface PlanReply {
  readonly id: number
  readonly planned: PlannedDesign
}

/**
 * Plans the worker makes, in the background if edits do not ask for them, before its engine
 * code is compiled: until then a large design's plans take three or four times as long.
 */
export const WARM_UP_PLANS = 8

// The app's TypeScript sees the DOM's `self`; in a worker it is the worker's global scope.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PlanRequest>) => void) | null
  postMessage(reply: PlanReply): void
}

let plansMade = 0
let warming: ReturnType<typeof setTimeout> | undefined

function plan(graph: TopologyGraph, cluster: ClusterTopics | undefined): PlannedDesign {
  plansMade++
  return planOf(graph, cluster)
}

/** One background plan per task, so that a request arriving meanwhile waits for one at most. */
function warmUp(graph: TopologyGraph, cluster: ClusterTopics | undefined): void {
  warming =
    plansMade >= WARM_UP_PLANS
      ? undefined
      : setTimeout(() => {
          plan(graph, cluster)
          warmUp(graph, cluster)
        }, 0)
}

scope.onmessage = (event) => {
  const request = event.data
  clearTimeout(warming)
  if (request.kind === 'plan')
    scope.postMessage({ id: request.id, planned: plan(request.graph, request.cluster) })
  warmUp(request.graph, request.cluster)
}
