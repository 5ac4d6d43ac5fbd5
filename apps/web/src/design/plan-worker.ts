// The Web Worker that plans large designs off the main thread (see plan-store.ts).
import type { ClusterTopics } from '@topology-studio/engine'
import type { TopologyGraph } from '@topology-studio/shared'
import { planOf, type PlannedDesign } from './plan-state'

export interface PlanRequest {
  readonly id: number
  readonly graph: TopologyGraph
  readonly cluster: ClusterTopics | undefined
}

export interface PlanReply {
  readonly id: number
  readonly planned: PlannedDesign
}

// The app's TypeScript sees the DOM's `self`; in a worker it is the worker's global scope.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PlanRequest>) => void) | null
  postMessage(reply: PlanReply): void
}

scope.onmessage = (event) => {
  const { id, graph, cluster } = event.data
  scope.postMessage({ id, planned: planOf(graph, cluster) })
}
