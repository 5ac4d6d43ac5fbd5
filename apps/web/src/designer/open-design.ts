import { isDirty, type DesignStore } from '../design/design-store'

/** Puts the open design's address in the location bar (`/designs/<id>`, or `/` when unsaved). */
export function showDesign(id: string | null): void {
  window.history.replaceState(null, '', id === null ? '/' : `/designs/${encodeURIComponent(id)}`)
}

/** Asks before edits are thrown away by opening another design. */
export function mayDiscard(design: DesignStore): boolean {
  const state = design.getState()
  return (
    !isDirty(state) ||
    (state.saved === null && state.past.length === 0) ||
    window.confirm(`"${state.graph.name}" has unsaved changes. Discard them?`)
  )
}
