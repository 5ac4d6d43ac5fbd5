// The plan of the design being edited, re-made by the engine on every edit. A plan that takes
// longer than a frame moves off the main thread: later edits are planned by a Web Worker while
// the canvas keeps showing the last plan, and only the newest result lands.
import type { ClusterTopics } from '@topology-studio/engine'
import type { TopologyGraph } from '@topology-studio/shared'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { clusterTopics, type ClusterStore } from '../stores/cluster-store'
import type { DesignStore } from './design-store'
import { planOf, type PlannedDesign } from './plan-state'

export { planOf } from './plan-state'

export interface PlanState extends PlannedDesign {
  /** The last plan was made off the main thread. */
  planner: 'main' | 'worker'
  /** A newer plan is being made off the main thread; what is shown is one edit behind. */
  planning: boolean
}

export type PlanStore = StoreApi<PlanState>

/** Makes plans elsewhere (a Web Worker in the app). */
export interface RemotePlanner {
  plan(graph: TopologyGraph, cluster: ClusterTopics | undefined): Promise<PlannedDesign>
  /**
   * Plans this design a few times in the background, between requests, so that the engine's
   * code is compiled before an edit needs it: the first plans of a large design run several
   * times slower than the later ones.
   */
  prepare?(graph: TopologyGraph, cluster: ClusterTopics | undefined): void
}

/** Plans that took longer than this go off the main thread: a frame at 60 Hz, with headroom. */
export const FRAME_BUDGET_MS = 12

export interface PlanStoreOptions {
  /** The chosen cluster, whose partition counts joins are checked against. */
  readonly clusters?: ClusterStore
  /** Where plans are made once they take longer than `frameBudgetMs`. */
  readonly remote?: RemotePlanner
  readonly frameBudgetMs?: number
}

/**
 * Follows a design store, and the cluster store if given: every new graph, and every change of
 * the chosen cluster's topics, is planned once (on the main thread, or by `remote` once plans
 * take longer than {@link FRAME_BUDGET_MS}). Returns the store and a stop.
 */
export function createPlanStore(
  design: DesignStore,
  { clusters, remote, frameBudgetMs = FRAME_BUDGET_MS }: PlanStoreOptions = {},
): { store: PlanStore; stop: () => void } {
  const cluster = () => (clusters === undefined ? undefined : clusterTopics(clusters.getState()))
  const graph = () => design.getState().graph
  const store = createStore<PlanState>()(() => ({
    ...planOf(graph(), cluster()),
    planner: 'main',
    planning: false,
  }))
  // Every re-plan asks for a plan of the design as it is then; `applied` is the newest one shown.
  let latest = 0
  let applied = 0
  let remoteBusy = false
  // A worker that failed once is not asked again: every edit would wait for it to fail.
  let offThread = remote
  // A design with errors is planned only up to them, so its plan time says little about the
  // next edit's, which may compile the whole design again (as an undo does): what the last
  // plan that compiled took is the better guess.
  let compiledInMs = store.getState().plannedInMs
  const stopTiming = store.subscribe((state) => {
    if (state.plan !== null) compiledInMs = state.plannedInMs
  })

  const planHere = (request: number) => {
    const planned = planOf(graph(), cluster())
    store.setState({ ...planned, planner: 'main', planning: false })
    applied = request
    // The next edit goes off the main thread: have the worker ready for a design this size.
    if (planned.plannedInMs > frameBudgetMs) offThread?.prepare?.(graph(), cluster())
  }

  const planRemotely = (planner: RemotePlanner) => {
    remoteBusy = true
    const sent = latest
    planner.plan(graph(), cluster()).then(
      (planned) => {
        remoteBusy = false
        // Newer than what is shown: show it, even while edits go on (as during a drag).
        if (sent > applied) {
          store.setState({ ...planned, planner: 'worker', planning: sent !== latest })
          applied = sent
        }
        if (applied < latest) planRemotely(planner)
      },
      (error: unknown) => {
        // The worker failed: plan here rather than leave the canvas without a plan.
        console.warn('Planning on the main thread from now on:', error)
        remoteBusy = false
        offThread = undefined
        if (applied < latest) planHere(latest)
      },
    )
  }

  const replan = () => {
    const request = ++latest
    // Back on the main thread only once plans take half the budget, so edits do not alternate.
    const { planner, plannedInMs, plan } = store.getState()
    const budget = planner === 'worker' ? frameBudgetMs / 2 : frameBudgetMs
    if (
      offThread === undefined ||
      Math.max(plannedInMs, plan === null ? compiledInMs : 0) <= budget
    ) {
      planHere(request)
      return
    }
    if (!store.getState().planning) store.setState({ planning: true })
    if (!remoteBusy) planRemotely(offThread)
  }

  const stopDesign = design.subscribe((state, previous) => {
    if (state.graph !== previous.graph && !onlyMoved(previous.graph, state.graph)) replan()
  })
  const stopClusters = clusters?.subscribe((state, previous) => {
    if (state.topics !== previous.topics || state.activeId !== previous.activeId) replan()
  })
  return {
    store,
    stop: () => {
      stopTiming()
      stopDesign()
      stopClusters?.()
    },
  }
}

/**
 * Whether a design only had nodes moved (as on every frame of a drag): positions change nothing
 * the engine plans. Moves keep every other part of the graph, and of each node, as it was.
 */
export function onlyMoved(before: TopologyGraph, after: TopologyGraph): boolean {
  return (
    before.edges === after.edges &&
    before.config === after.config &&
    before.name === after.name &&
    before.applicationId === after.applicationId &&
    before.nodes.length === after.nodes.length &&
    after.nodes.every((node, i) => {
      const was = before.nodes[i]
      return (
        was !== undefined &&
        was.id === node.id &&
        was.kind === node.kind &&
        was.label === node.label &&
        was.params === node.params
      )
    })
  )
}
