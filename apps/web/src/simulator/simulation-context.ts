import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { SimulationState } from './simulation-store'

/** The simulation the canvas shows, while the designer runs in the simulator; else null. */
export const SimulationContext = createContext<StoreApi<SimulationState> | null>(null)

const NO_BREAKPOINTS = createStore<Pick<SimulationState, 'breakpoints'>>()(() => ({
  breakpoints: new Set(),
}))

/** Whether playing the simulation pauses when a record reaches the node. */
export function useHasBreakpoint(nodeId: string): boolean {
  const store = useContext(SimulationContext) ?? NO_BREAKPOINTS
  return useStore(store, (s) => s.breakpoints.has(nodeId))
}
