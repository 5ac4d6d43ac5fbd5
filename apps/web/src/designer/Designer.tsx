import { ReactFlowProvider, useReactFlow } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useCallback, useEffect, useState } from 'react'
import { useStore } from 'zustand'
import type { DesignStore } from '../design/design-store'
import type { PlanStore } from '../design/plan-store'
import type { DesignsApi } from '../api/designs'
import { OPTIMIZATION_KEY } from '../compare/optimization-effect'
import { DEFAULT_NODE_SIZE, layoutDesign } from '../layout/design-layout'
import { DescribePanel } from '../plan-view/DescribePanel'
import { ImportDescribeDialog, type ImportedTopology } from '../plan-view/ImportDescribeDialog'
import { PlanView } from '../plan-view/PlanView'
import { TopicsPanel } from '../plan-view/TopicsPanel'
import { DesignCanvas } from './DesignCanvas'
import { DesignToolbar } from './DesignToolbar'
import { Palette } from './Palette'
import type { PaletteItem } from './palette'
import { ProblemsPanel } from './ProblemsPanel'
import { PropertiesPanel } from './PropertiesPanel'

type SidePanelTab = 'properties' | 'problems' | 'topics' | 'describe'
const TABS: readonly { id: SidePanelTab; title: string }[] = [
  { id: 'properties', title: 'Properties' },
  { id: 'problems', title: 'Problems' },
  { id: 'topics', title: 'Topics' },
  { id: 'describe', title: 'describe()' },
]

/** What the centre shows: the design, its physical plan, or a topology imported as text. */
type CentreView =
  | { readonly kind: 'design' }
  | { readonly kind: 'physical' }
  | { readonly kind: 'imported'; readonly imported: ImportedTopology }

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
  const graph = useStore(design, (s) => s.graph)
  const [tab, setTab] = useState<SidePanelTab>('properties')
  const [view, setView] = useState<CentreView>({ kind: 'design' })
  const [importing, setImporting] = useState(false)
  const selected = useStore(design, (s) =>
    s.selection.nodes.length === 1
      ? (s.graph.nodes.find((n) => n.id === s.selection.nodes[0]) ?? null)
      : null,
  )
  const { screenToFlowPosition, getNode, fitView } = useReactFlow()
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

  const autoLayout = useCallback(async () => {
    const moves = await layoutDesign(design.getState().graph, (id) => {
      const measured = getNode(id)?.measured
      return measured?.width === undefined || measured.height === undefined
        ? DEFAULT_NODE_SIZE
        : { width: measured.width, height: measured.height }
    })
    design.getState().moveNodes(moves)
    // Fit once React Flow has the new positions.
    requestAnimationFrame(() => void fitView({ duration: 200 }))
  }, [design, getNode, fitView])

  const designNodeName = useCallback(
    (id: string) => {
      const node = graph.nodes.find((n) => n.id === id)
      return node === undefined ? null : `${node.kind} "${node.label ?? node.id}"`
    },
    [graph],
  )

  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const shownPlan = view.kind === 'imported' ? view.imported.plan : physical
  return (
    <div className="designer">
      <Palette onAdd={addAtCentre} />
      <div className="designer__centre">
        <DesignToolbar design={design} api={api} />
        <div className="view-bar" role="toolbar" aria-label="View">
          <div className="view-bar__switch" role="group" aria-label="Show">
            <button
              type="button"
              aria-pressed={view.kind === 'design'}
              onClick={() => setView({ kind: 'design' })}
            >
              Design
            </button>
            <button
              type="button"
              aria-pressed={view.kind === 'physical'}
              onClick={() => setView({ kind: 'physical' })}
            >
              Physical plan
            </button>
          </div>
          {view.kind === 'design' && (
            <button type="button" onClick={() => void autoLayout()} title="Lay out left to right">
              Auto-layout
            </button>
          )}
          <button type="button" onClick={() => setImporting(true)}>
            Import describe()…
          </button>
          {view.kind === 'imported' && (
            <span className="view-bar__note" data-testid="imported-note">
              Imported topology, read-only
              {view.imported.diagnostics.length > 0 &&
                ` · ${view.imported.diagnostics.map((d) => d.message).join(' ')}`}
            </span>
          )}
        </div>
        {view.kind === 'design' ? (
          <DesignCanvas design={design} plan={plan} />
        ) : shownPlan === null ? (
          <p className="plan-view__message">
            The design has {errors} error{errors === 1 ? '' : 's'}: fix them to see the physical
            plan.
          </p>
        ) : (
          <PlanView plan={shownPlan} {...(view.kind === 'physical' ? { designNodeName } : {})} />
        )}
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
            onSelect={(nodeId) => {
              setView({ kind: 'design' })
              design.getState().select({ nodes: [nodeId], edges: [] })
            }}
          />
        ) : tab === 'topics' ? (
          shownPlan === null ? (
            <p className="problems__empty">Fix the errors to see the topics.</p>
          ) : (
            <TopicsPanel
              plan={shownPlan}
              applicationId={view.kind === 'imported' ? null : graph.applicationId}
            />
          )
        ) : view.kind === 'imported' ? (
          <pre className="describe" data-testid="describe">
            {view.imported.plan.describe}
          </pre>
        ) : (
          <DescribePanel
            graph={graph}
            plan={physical}
            errors={errors}
            onOptimize={(enabled) =>
              design.getState().setConfig(OPTIMIZATION_KEY, enabled ? 'all' : undefined)
            }
          />
        )}
      </aside>
      {importing && (
        <ImportDescribeDialog
          onClose={() => setImporting(false)}
          onImport={(imported) => {
            setImporting(false)
            setView({ kind: 'imported', imported })
          }}
        />
      )}
    </div>
  )
}

// Fields where keys edit text; a checkbox or button keeps the design's shortcuts.
const TEXT_FIELDS =
  'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]), textarea, select, ' +
  '[contenteditable="true"]'

/** Delete, undo/redo and copy/paste from the keyboard, except while typing in a field. */
function useDesignShortcuts(design: DesignStore): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      if (target?.closest(TEXT_FIELDS)) return
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
