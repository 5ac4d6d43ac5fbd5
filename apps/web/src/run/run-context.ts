import { restoreProgress } from './restore-progress'
import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { RunStore, RunStoreState } from '../stores/run-store'
import { edgeWidth } from './edge-width'

/**
 * The run whose metrics the canvas shows. Nodes read it by their id, so an update re-renders only
 * the nodes whose numbers changed.
 */
export const RunStoreContext = createContext<RunStore | null>(null)

/** What the canvas reads of a run. */
export type RunView = Pick<RunStoreState, 'nodes' | 'history' | 'loads' | 'path' | 'tasks'>

// Canvases without a run (the compare dialog's) read from a store that never changes.
const NO_RUN = createStore<RunView>()(() => ({
  nodes: new Map(),
  history: new Map(),
  loads: new Map(),
  path: new Map(),
  tasks: [],
}))

/** The run itself, for views that draw its numbers outside React. */
export function useRunView(): StoreApi<RunView> {
  return useContext(RunStoreContext) ?? NO_RUN
}

/** Whether the run has metrics of the node; a boolean, so it re-renders only on change. */
export function useHasNodeMetrics(nodeId: string): boolean {
  return useStore(useRunView(), (s) => s.nodes.has(nodeId))
}

/**
 * The stroke width of edges leaving a node during a run, or undefined without one. Selecting the
 * width rather than the metrics re-renders an edge only when its width changes, not every second.
 */
function useEdgeWidth(sourceId: string): number | undefined {
  const store = useRunView()
  return useStore(store, (s) => {
    const rate = s.nodes.get(sourceId)?.recordsOutPerSecond
    return rate === undefined ? undefined : edgeWidth(rate)
  })
}

/**
 * How a run shows on an edge: as thick as the records its source sends down it, and lit when a
 * followed key reached both of its ends (so travelled along it).
 */
export function useEdgeRunStyle(
  sourceId: string,
  targetId: string,
): { readonly width: number | undefined; readonly onPath: boolean } {
  const width = useEdgeWidth(sourceId)
  const sourceOnPath = useOnPath(sourceId)
  const targetOnPath = useOnPath(targetId)
  return { width, onPath: sourceOnPath && targetOnPath }
}

/** Whether the node holds its sub-topology back; a boolean, so the node re-renders only on change. */
export function useIsBottleneck(nodeId: string): boolean {
  const store = useRunView()
  return useStore(store, (s) => s.loads.get(nodeId)?.bottleneck != null)
}

/** Whether the followed key has reached the node. */
export function useOnPath(nodeId: string): boolean {
  const store = useRunView()
  return useStore(store, (s) => s.path.has(nodeId))
}

/**
 * How the node colours during a run: hot or warm with its share of processing time, failing
 * when it failed on or dropped records; null otherwise. A string, so it re-renders on change.
 */
export function useNodeHeat(nodeId: string): 'hot' | 'warm' | 'failing' | null {
  const store = useRunView()
  return useStore(store, (s) => {
    const metrics = s.nodes.get(nodeId)
    if (metrics !== undefined && (metrics.errors > 0 || metrics.dropped > 0)) return 'failing'
    return s.loads.get(nodeId)?.heat ?? null
  })
}

/** Whole percent of the given stores restored while their tasks restore; null otherwise. */
export function useRestoringPercent(stores: readonly string[]): number | null {
  const store = useRunView()
  return useStore(store, (s) => {
    const progress = restoreProgress(s.tasks, stores)
    return progress === null ? null : Math.floor(progress * 100)
  })
}
