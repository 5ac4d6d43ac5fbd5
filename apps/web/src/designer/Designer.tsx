import { nodeLabel } from '@topology-studio/engine'
import type { TopologyGraph } from '@topology-studio/shared'
import { ReactFlowProvider, useReactFlow } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useStore } from 'zustand'
import type { ClusterStore } from '../stores/cluster-store'
import type { DesignStore } from '../design/design-store'
import { onlyMoved, type PlanStore } from '../design/plan-store'
import type { DesignsApi } from '../api/designs'
import { OPTIMIZATION_KEY } from '../compare/optimization-effect'
import { DEFAULT_NODE_SIZE, layoutDesign } from '../layout/design-layout'
import { DescribePanel } from '../plan-view/DescribePanel'
import { ImportDescribeDialog, type ImportedTopology } from '../plan-view/ImportDescribeDialog'
import { PlanView } from '../plan-view/PlanView'
import { MermaidDialog } from '../plan-view/MermaidDialog'
import { planToMermaid } from '../plan-view/plan-mermaid'
import { canvasImage } from '../shell/canvas-image'
import { download } from '../shell/download'
import { designFileName } from '../design/design-file'
import { TopicsPanel } from '../plan-view/TopicsPanel'
import { DesignCanvas } from './DesignCanvas'
import { DesignToolbar } from './DesignToolbar'
import { Palette } from './Palette'
import type { PaletteItem } from './palette'
import { ProblemsPanel } from './ProblemsPanel'
import { QuickAdd } from './QuickAdd'
import { ShortcutHelp } from './ShortcutHelp'
import { isTyping, shortcutFor, type ShortcutAction } from './shortcuts'
import { connectionProblem, givesOutput } from './connection-rules'
import { newNode } from '../design/node-templates'
import { PropertiesPanel } from './PropertiesPanel'
import { RunStoreContext } from '../run/run-context'
import { LivePanel } from '../run/LivePanel'
import { windowedAggregationOf } from '../run/window-timing'
import { RunControls } from '../run/RunControls'
import { designTopics, designTopicsOf } from '../design/node-topics'
import { DEFAULT_CODEC } from '../simulator/simulation-protocol'
import { SimulationContext } from '../simulator/simulation-context'
import type { Simulation } from '../simulator/simulation-store'
import { SimulatorControls } from '../simulator/SimulatorControls'
import { SimulatorPanel } from '../simulator/SimulatorPanel'
import { codecsOf } from '../simulator/topic-codecs'
import { isActive, type RunStore } from '../stores/run-store'
import { ImportNotes } from './ImportNotes'
import { mayDiscard, showDesign } from './open-design'

type SidePanelTab = 'properties' | 'problems' | 'live' | 'simulator' | 'topics' | 'describe'
const TABS: readonly { id: SidePanelTab; title: string }[] = [
  { id: 'properties', title: 'Properties' },
  { id: 'problems', title: 'Problems' },
  { id: 'topics', title: 'Topics' },
  { id: 'describe', title: 'describe()' },
  { id: 'live', title: 'Live' },
  { id: 'simulator', title: 'Simulator' },
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
  /** The chosen cluster, whose topics the properties suggest and check. */
  clusters: ClusterStore
  /** The live run of the design on a cluster, whose metrics the canvas shows. */
  run: RunStore
  /** The design simulated in the browser: the default when no cluster is chosen. */
  simulation: Simulation
}

/** Palette, canvas and the plan side panel (problems and describe() text). */
export function Designer(props: DesignerProps) {
  const clusterId = useStore(props.clusters, (s) => s.activeId)
  const savedId = useStore(props.design, (s) => s.saved?.id ?? null)
  // A design opened while it runs (after a reload, or from another tab) shows its run.
  useEffect(() => void props.run.getState().attach(savedId), [props.run, savedId])
  const runningOnCluster = useStore(
    props.run,
    (s) => s.run !== null && s.run.designId === savedId && isActive(s.run.state),
  )
  // Another design opened: its simulation starts afresh, with no inputs of the last one.
  const opened = useStore(props.design, (s) => s.opened)
  useEffect(() => {
    if (props.simulation.store.getState().started !== null) {
      void props.simulation.store.getState().close()
    }
  }, [props.simulation, opened])
  const [chosen, setChosen] = useState<RunMode | null>(null)
  // Without a cluster, and no run on one, designs run in the simulator.
  const mode = chosen ?? (clusterId === null && !runningOnCluster ? 'simulator' : 'cluster')
  const run = mode === 'simulator' ? props.simulation.run : props.run
  return (
    <ReactFlowProvider>
      <RunStoreContext value={run}>
        <SimulationContext value={mode === 'simulator' ? props.simulation.store : null}>
          <DesignerLayout {...props} run={run} mode={mode} onMode={setChosen} />
        </SimulationContext>
      </RunStoreContext>
    </ReactFlowProvider>
  )
}

type RunMode = 'cluster' | 'simulator'

function DesignerLayout({
  design,
  plan,
  api,
  clusters,
  run,
  simulation,
  mode,
  onMode,
}: DesignerProps & { mode: RunMode; onMode: (mode: RunMode) => void }) {
  const diagnostics = useStore(plan, (s) => s.diagnostics)
  const physical = useStore(plan, (s) => s.plan)
  const plannedInMs = useStore(plan, (s) => s.plannedInMs)
  const planner = useStore(plan, (s) => s.planner)
  const planning = useStore(plan, (s) => s.planning)
  const graph = useStore(design, (s) => s.graph)
  const clusterId = useStore(clusters, (s) => s.activeId)
  const [tab, setTab] = useState<SidePanelTab>('properties')
  const [view, setView] = useState<CentreView>({ kind: 'design' })
  const [importing, setImporting] = useState(false)
  const [overlay, setOverlay] = useState<'quickAdd' | 'help' | 'mermaid' | null>(null)
  const [exportProblem, setExportProblem] = useState<string | null>(null)
  /** What the design opened from describe() text had to assume, while that design is open. */
  const [importNotes, setImportNotes] = useState<{
    notes: readonly string[]
    opened: number
  } | null>(null)
  const opened = useStore(design, (s) => s.opened)
  const centre = useRef<HTMLDivElement>(null)
  const [fullDetail, setFullDetail] = useState(false)
  const shapes = useStore(plan, (s) => s.shapes)
  const subtopologyOf = useStore(plan, (s) => s.overlay.subtopologyOf)
  const savedId = useStore(design, (s) => s.saved?.id ?? null)
  // The serdes of every topic, as the simulation writes and reads them.
  const serdes = useStore(plan, (s) => s.serdes)
  // The design as a run sees it: the same object while nodes are only dragged around, so that
  // a drag's frames redo none of what follows.
  const [runnable, setRunnable] = useState(graph)
  if (runnable !== graph && !onlyMoved(runnable, graph)) setRunnable(graph)
  const codecs = useMemo(() => codecsOf(runnable, serdes), [runnable, serdes])
  const started = useStore(simulation.store, (s) => s.started)
  const edited = started !== null && started !== runnable && !onlyMoved(started, runnable)
  // Bottlenecks are judged per sub-topology, as planned for the design on the canvas.
  useEffect(() => run.getState().setSubtopologies(subtopologyOf), [run, subtopologyOf])
  const selected = useStore(design, (s) =>
    s.selection.nodes.length === 1
      ? (s.graph.nodes.find((n) => n.id === s.selection.nodes[0]) ?? null)
      : null,
  )
  const showNode = useCallback(
    (nodeId: string) => {
      design.getState().select({ nodes: [nodeId], edges: [] })
      setTab('live')
    },
    [design],
  )
  const labelOf = useCallback(
    (nodeId: string) => {
      const node = graph.nodes.find((n) => n.id === nodeId)
      return node === undefined ? nodeId : nodeLabel(node)
    },
    [graph],
  )
  const {
    screenToFlowPosition,
    getNode,
    fitView,
    fitBounds,
    setCenter,
    getZoom,
    getViewport,
    setViewport,
  } = useReactFlow()

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
    const sizeOf = (id: string) => {
      const measured = getNode(id)?.measured
      return measured?.width === undefined || measured.height === undefined
        ? DEFAULT_NODE_SIZE
        : { width: measured.width, height: measured.height }
    }
    const moves = await layoutDesign(design.getState().graph, sizeOf)
    design.getState().moveNodes(moves)
    // Fit the laid-out bounds directly: React Flow has not measured the moved nodes yet.
    const boxes = moves.map(({ id, position }) => ({ ...position, ...sizeOf(id) }))
    if (boxes.length === 0) return
    const left = Math.min(...boxes.map((b) => b.x))
    const top = Math.min(...boxes.map((b) => b.y))
    const right = Math.max(...boxes.map((b) => b.x + b.width))
    const bottom = Math.max(...boxes.map((b) => b.y + b.height))
    void fitBounds(
      { x: left, y: top, width: right - left, height: bottom - top },
      { padding: 0.15, duration: 200 },
    )
  }, [design, getNode, fitBounds])

  const openImported = useCallback(
    async (imported: { graph: TopologyGraph; guesses: readonly string[] }) => {
      // Lay out first: the confirm below must see edits made while the layout ran.
      let moves = new Map<string, { x: number; y: number }>()
      try {
        moves = new Map(
          (await layoutDesign(imported.graph)).map(({ id, position }) => [id, position]),
        )
      } catch {
        // The engine's own column placement stands in; Auto-layout can be tried again.
      }
      if (!mayDiscard(design)) return
      const nodes = imported.graph.nodes.map((node) => ({
        ...node,
        position: moves.get(node.id) ?? node.position,
      }))
      design.getState().load({ ...imported.graph, nodes })
      showDesign(null)
      setImportNotes({ notes: imported.guesses, opened: design.getState().opened })
      setView({ kind: 'design' })
    },
    [design],
  )

  // Quick add wires the new node after the selected one, unless that one has several outputs.
  const after =
    selected !== null && givesOutput(selected.kind) && selected.kind !== 'split' ? selected : null
  const problemOf = useCallback(
    (item: PaletteItem) => {
      if (after === null) return null
      const candidate = newNode(item.kind, '\u0000candidate', { x: 0, y: 0 }, item.params)
      const withCandidate = { ...graph, nodes: [...graph.nodes, candidate] }
      return connectionProblem(withCandidate, shapes, after.id, candidate.id)
    },
    [after, graph, shapes],
  )
  const quickAdd = useCallback(
    (item: PaletteItem) => {
      setOverlay(null)
      if (after === null) {
        addAtCentre(item)
        return
      }
      const position = { x: after.position.x + 240, y: after.position.y }
      design.getState().addNode(item.kind, position, item.params, { source: after.id })
      // Follow the chain being built from the keyboard, which soon leaves the view.
      void setCenter(position.x + 90, position.y + 40, { zoom: getZoom(), duration: 200 })
    },
    [after, addAtCentre, design, setCenter, getZoom],
  )

  useDesignShortcuts(design, (action) => {
    switch (action) {
      case 'quickAdd':
      case 'help':
        setOverlay(action)
        return true
      case 'fitView':
        void fitView({ duration: 200 })
        return true
      case 'autoLayout':
        if (view.kind === 'design') void autoLayout()
        return true
      default:
        return false
    }
  })

  const designNodeName = useCallback(
    (id: string) => {
      const node = graph.nodes.find((n) => n.id === id)
      return node === undefined ? null : nodeLabel(node)
    },
    [graph],
  )

  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const shownPlan = view.kind === 'imported' ? view.imported.plan : physical
  const baseName = designFileName(graph).replace(/\.json$/, '')

  const exportAs = async (choice: string) => {
    setExportProblem(null)
    if (choice === 'mermaid') {
      setOverlay('mermaid')
      return
    }
    const flow = centre.current?.querySelector<HTMLElement>('.react-flow')
    const format = choice === 'png' ? 'png' : 'svg'
    try {
      if (flow === null || flow === undefined) throw new Error('There is no canvas to export.')
      const suffix = view.kind === 'design' ? '' : '-plan'
      if (view.kind !== 'design') {
        download(`${baseName}${suffix}.${format}`, { url: await canvasImage(flow, format) })
        return
      }
      // The canvas draws only what is on screen: the whole design is brought into view for the
      // picture, and the view put back after. Fitted, a large design is zoomed out to where the
      // canvas leaves out node text: the picture has it all.
      const before = getViewport()
      setFullDetail(true)
      try {
        await fitView()
        await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)))
        download(`${baseName}.${format}`, { url: await canvasImage(flow, format) })
      } finally {
        await setViewport(before)
        setFullDetail(false)
      }
    } catch (error) {
      setExportProblem(`The image could not be made: ${(error as Error).message}`)
    }
  }
  return (
    <div className="designer">
      <Palette onAdd={addAtCentre} />
      <div className="designer__centre" ref={centre}>
        <DesignToolbar design={design} api={api} />
        <div className="run-bar">
          <div className="view-bar__switch" role="group" aria-label="Target">
            <button
              type="button"
              aria-pressed={mode === 'cluster'}
              onClick={() => onMode('cluster')}
              title="Run the saved design on the chosen Kafka cluster"
            >
              Cluster
            </button>
            <button
              type="button"
              aria-pressed={mode === 'simulator'}
              onClick={() => onMode('simulator')}
              title="Simulate the design in the browser, with no cluster"
            >
              Simulator
            </button>
          </div>
          {mode === 'cluster' ? (
            <RunControls design={design} clusters={clusters} run={run} onShowNode={showNode} />
          ) : (
            <SimulatorControls
              simulation={simulation.store}
              run={run}
              onShowNode={showNode}
              edited={edited}
              onStart={() => {
                void simulation.store.getState().start({
                  design: design.getState().graph,
                  designId: savedId,
                  codecs,
                })
                setTab('simulator')
              }}
            />
          )}
        </div>
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
          <select
            aria-label="Export"
            value=""
            onChange={(event) => void exportAs(event.target.value)}
          >
            <option value="">Export…</option>
            <option value="svg">Canvas as SVG</option>
            <option value="png">Canvas as PNG</option>
            <option value="mermaid" disabled={shownPlan === null}>
              Plan as Mermaid
            </option>
          </select>
          {exportProblem !== null && (
            <span className="toolbar__message" role="alert">
              {exportProblem}
            </span>
          )}
          <span
            className="view-bar__timing"
            data-testid="plan-time"
            data-planner={planner}
            title={
              planner === 'worker'
                ? 'How long the engine took to validate and plan the last edit, in a Web Worker (plans longer than a frame leave the main thread)'
                : 'How long the engine took to validate and plan the last edit'
            }
          >
            {planning
              ? 'planning…'
              : `planned in ${plannedInMs < 10 ? plannedInMs.toFixed(1) : Math.round(plannedInMs)} ms${planner === 'worker' ? ' in a worker' : ''}`}
          </span>
          <button
            type="button"
            className="view-bar__help"
            onClick={() => setOverlay('help')}
            title="Keyboard shortcuts (?)"
          >
            Shortcuts
          </button>
          {view.kind === 'imported' && (
            <span className="view-bar__note" data-testid="imported-note">
              Imported topology, read-only
              {view.imported.diagnostics.length > 0 &&
                ` · ${view.imported.diagnostics.map((d) => d.message).join(' ')}`}
              {view.imported.design.graph === null ? (
                <span data-testid="imported-not-editable">
                  {' '}
                  · It cannot open as a design: {view.imported.design.reason}
                </span>
              ) : (
                <button
                  type="button"
                  className="view-bar__action"
                  onClick={() => {
                    const { design: recovered } = view.imported
                    if (recovered.graph !== null) void openImported(recovered)
                  }}
                >
                  Open as design
                </button>
              )}
            </span>
          )}
        </div>
        {view.kind === 'design' && importNotes !== null && importNotes.opened === opened && (
          <ImportNotes notes={importNotes.notes} onDismiss={() => setImportNotes(null)} />
        )}
        {view.kind === 'design' ? (
          <DesignCanvas design={design} plan={plan} fullDetail={fullDetail} />
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
          <PropertiesPanel design={design} node={selected} clusters={clusters} />
        ) : tab === 'simulator' ? (
          <SimulatorPanel
            simulation={simulation.store}
            inputTopics={designTopicsOf(graph, 'source')}
            topics={designTopics(graph)}
            codecOf={(topic) => codecs[topic] ?? DEFAULT_CODEC}
            node={selected}
            labelOf={labelOf}
          />
        ) : tab === 'live' ? (
          <LivePanel
            run={run}
            clusterId={mode === 'cluster' ? clusterId : null}
            node={selected}
            windowed={selected === null ? null : windowedAggregationOf(graph, selected.id)}
            labelOf={labelOf}
            stores={
              selected === null || physical === null
                ? []
                : physical.stores
                    .filter((store) => store.logicalNodeId === selected.id)
                    .map((store) => store.name)
            }
          />
        ) : tab === 'problems' ? (
          <ProblemsPanel
            diagnostics={diagnostics}
            onFix={(fix) => design.getState().applyFix(fix)}
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
      {overlay === 'quickAdd' && (
        <QuickAdd
          after={after === null ? null : nodeLabel(after)}
          problemOf={problemOf}
          onPick={quickAdd}
          onClose={() => setOverlay(null)}
        />
      )}
      {overlay === 'help' && <ShortcutHelp onClose={() => setOverlay(null)} />}
      {overlay === 'mermaid' && shownPlan !== null && (
        <MermaidDialog
          text={planToMermaid(shownPlan)}
          fileName={`${baseName}-plan.mmd`}
          onClose={() => setOverlay(null)}
        />
      )}
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

/**
 * The designer's keys (see shortcuts.ts), except while typing in a field or while a dialog is
 * open. `extra` handles the actions that need the canvas; it returns whether it did.
 */
function useDesignShortcuts(design: DesignStore, extra: (action: ShortcutAction) => boolean): void {
  const handle = useRef(extra)
  useEffect(() => {
    handle.current = extra
  })
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || document.querySelector('[aria-modal="true"]') !== null) return
      const action = shortcutFor(event)
      if (action === null || action === 'save') return
      const state = design.getState()
      switch (action) {
        case 'delete':
          state.removeSelection()
          break
        case 'undo':
          state.undo()
          break
        case 'redo':
          state.redo()
          break
        case 'copy':
          state.copySelection()
          break
        case 'paste':
          state.paste()
          break
        case 'selectAll':
          state.select({
            nodes: state.graph.nodes.map((n) => n.id),
            edges: state.graph.edges.map((e) => e.id),
          })
          break
        case 'clearSelection':
          state.select({ nodes: [], edges: [] })
          break
        default:
          if (!handle.current(action)) return
      }
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [design])
}
