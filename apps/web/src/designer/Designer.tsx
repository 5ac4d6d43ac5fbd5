import { ReactFlowProvider, useReactFlow } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useCallback, useEffect, useState } from 'react'
import { useStore } from 'zustand'
import type { DesignStore } from '../design/design-store'
import type { PlanStore } from '../design/plan-store'
import type { DesignsApi } from '../api/designs'
import { DesignCanvas } from './DesignCanvas'
import { DesignToolbar } from './DesignToolbar'
import { Palette } from './Palette'
import type { PaletteItem } from './palette'
import { ProblemsPanel } from './ProblemsPanel'
import { PropertiesPanel } from './PropertiesPanel'

type SidePanelTab = 'properties' | 'problems' | 'describe'
const TABS: readonly { id: SidePanelTab; title: string }[] = [
  { id: 'properties', title: 'Properties' },
  { id: 'problems', title: 'Problems' },
  { id: 'describe', title: 'describe()' },
]

export interface DesignerProps {
  design: DesignStore
  plan: PlanStore
  api: DesignsApi
}

/** Palette, canvas and the plan side panel (problems and describe() text). */
export function Designer(props: DesignerProps) {
  return (
    <ReactFlowProvider>
      <DesignerLayout {...props} />
    </ReactFlowProvider>
  )
}

function DesignerLayout({ design, plan, api }: DesignerProps) {
  const diagnostics = useStore(plan, (s) => s.diagnostics)
  const physical = useStore(plan, (s) => s.plan)
  const [tab, setTab] = useState<SidePanelTab>('properties')
  const selected = useStore(design, (s) =>
    s.selection.nodes.length === 1
      ? (s.graph.nodes.find((n) => n.id === s.selection.nodes[0]) ?? null)
      : null,
  )
  const { screenToFlowPosition } = useReactFlow()
  useDesignShortcuts(design)

  const addAtCentre = useCallback(
    (item: PaletteItem) => {
      const canvas = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect()
      const position =
        canvas === undefined
          ? { x: 0, y: 0 }
          : screenToFlowPosition({
              x: canvas.x + canvas.width / 2,
              y: canvas.y + canvas.height / 2,
            })
      design.getState().addNode(item.kind, position, item.params)
    },
    [design, screenToFlowPosition],
  )

  const errors = diagnostics.filter((d) => d.severity === 'error').length
  return (
    <div className="designer">
      <Palette onAdd={addAtCentre} />
      <div className="designer__centre">
        <DesignToolbar design={design} api={api} />
        <DesignCanvas design={design} plan={plan} />
      </div>
      <aside className="side-panel" aria-label="Plan">
        <div className="side-panel__tabs" role="tablist">
          {TABS.map(({ id, title }) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              onClick={() => setTab(id)}
            >
              {id === 'problems' && diagnostics.length > 0
                ? `${title} (${diagnostics.length})`
                : title}
            </button>
          ))}
        </div>
        {tab === 'properties' ? (
          <PropertiesPanel design={design} node={selected} />
        ) : tab === 'problems' ? (
          <ProblemsPanel
            diagnostics={diagnostics}
            onSelect={(nodeId) => design.getState().select({ nodes: [nodeId], edges: [] })}
          />
        ) : (
          <pre className="describe" data-testid="describe">
            {physical?.describe ??
              `The design has ${errors} error${errors === 1 ? '' : 's'}: fix them to see the topology.`}
          </pre>
        )}
      </aside>
    </div>
  )
}

/** Delete, undo/redo and copy/paste from the keyboard, except while typing in a field. */
function useDesignShortcuts(design: DesignStore): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return
      const state = design.getState()
      const mod = event.ctrlKey || event.metaKey
      const key = event.key.toLowerCase()
      if (key === 'delete' || key === 'backspace') state.removeSelection()
      else if (mod && key === 'z' && event.shiftKey) state.redo()
      else if (mod && key === 'z') state.undo()
      else if (mod && key === 'y') state.redo()
      else if (mod && key === 'c') state.copySelection()
      else if (mod && key === 'v') state.paste()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [design])
}
