import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type Dimensions,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react'
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
} from 'react'
import { useStore } from 'zustand'
import type { DesignStore } from '../design/design-store'
import type { EdgeLabels } from '../design/plan-state'
import type { PlanStore } from '../design/plan-store'
import { connectionProblem } from './connection-rules'
import { ConnectionHint } from './ConnectionHint'
import { OperatorNode, type OperatorFlowNode } from './OperatorNode'
import { OverviewEdges } from './OverviewEdges'
import { PALETTE_ITEMS } from './palette'
import { PALETTE_MIME } from './Palette'
import { PlannedEdge, type PlannedFlowEdge } from './PlannedEdge'
import { sameList, StableItems } from './stable-items'
import { SubtopologyGroups } from './SubtopologyGroups'
import { OVERVIEW_ZOOM } from './zoom-levels'

const NODE_TYPES = { operator: OperatorNode }
const EDGE_TYPES = { planned: PlannedEdge }
const SNAP_GRID: [number, number] = [10, 10]
const NO_LABELS: EdgeLabels = { repartition: null, reason: null, serdes: null }
const NO_EDGES: PlannedFlowEdge[] = []

export interface DesignCanvasProps {
  design: DesignStore
  plan: PlanStore
  /** Draws every node's text and React Flow's own edges at any zoom: for a picture of it. */
  fullDetail?: boolean
}

/** The design as React Flow nodes and edges; every change goes through the design store. */
export function DesignCanvas({ design, plan, fullDetail = false }: DesignCanvasProps) {
  const graph = useStore(design, (s) => s.graph)
  const selection = useStore(design, (s) => s.selection)
  const byNode = useStore(plan, (s) => s.byNode)
  const byEdge = useStore(plan, (s) => s.byEdge)
  const overlay = useStore(plan, (s) => s.overlay)
  const edgeLabels = useStore(plan, (s) => s.edgeLabels)
  const opened = useStore(design, (s) => s.opened)
  const { screenToFlowPosition, fitView } = useReactFlow()
  const zoomedOut = useFlowStore((s) => s.transform[2] < OVERVIEW_ZOOM)
  const overview = zoomedOut && !fullDetail

  const shapes = useStore(plan, (s) => s.shapes)
  // Sizes React Flow measured: nodes are rebuilt from the design on every edit, and without
  // them the minimap, fit view and auto-layout would not know how big nodes are.
  // Kept per opened design: another design may reuse the same node ids at other sizes.
  const [measured, setMeasured] = useState<MeasuredSizes>({ opened: 0, sizes: new Map() })
  const [stableNodes] = useState(() => new StableItems(sameOperatorNode))
  const [stableEdges] = useState(() => new StableItems(samePlannedEdge))
  const nodes = useMemo<OperatorFlowNode[]>(() => {
    const selected = new Set(selection.nodes)
    const built = graph.nodes.map((node): OperatorFlowNode => ({
      id: node.id,
      type: 'operator',
      position: node.position,
      ...sizeOf(measured, opened, node.id),
      selected: selected.has(node.id),
      data: {
        node,
        shape: shapes.get(node.id) ?? 'unknown',
        diagnostics: byNode.get(node.id) ?? [],
        subtopology: overlay.subtopologyOf.get(node.id) ?? null,
        stores: overlay.storesOf.get(node.id) ?? [],
        processors: overlay.processorsOf.get(node.id) ?? [],
      },
    }))
    return stableNodes.reuse(built)
  }, [graph, selection.nodes, shapes, byNode, overlay, measured, opened, stableNodes])
  const edges = useMemo<PlannedFlowEdge[]>(() => {
    const selected = new Set(selection.edges)
    const built = graph.edges.map((edge): PlannedFlowEdge => ({
      id: edge.id,
      type: 'planned',
      data: edgeLabels.get(edge.id) ?? NO_LABELS,
      source: edge.source,
      target: edge.target,
      sourceHandle: edge.sourcePort ?? null,
      targetHandle: edge.targetPort ?? null,
      selected: selected.has(edge.id),
      ...((byEdge.get(edge.id) ?? []).some((d) => d.severity === 'error')
        ? { className: 'edge--error' }
        : {}),
    }))
    return stableEdges.reuse(built)
  }, [graph, selection.edges, byEdge, edgeLabels, stableEdges])

  // The first design, and every one opened later, is shown whole once its nodes are measured.
  // (React Flow's own fitView prop would stay pending through an empty design and then zoom
  // onto the first node added.)
  const fittedOpening = useRef(-1)
  useEffect(() => {
    if (fittedOpening.current === opened) return
    if (!nodes.every((node) => node.measured !== undefined)) return
    fittedOpening.current = opened
    // React Flow would hold a fit of nothing until the first node is added, and zoom onto it.
    if (nodes.length > 0) void fitView({ padding: 0.05 })
  }, [opened, nodes, fitView])

  const onNodesChange = useCallback(
    (changes: NodeChange<OperatorFlowNode>[]) => {
      const state = design.getState()
      const moves = changes.flatMap((c) =>
        c.type === 'position' && c.position !== undefined
          ? [{ id: c.id, position: c.position }]
          : [],
      )
      const sized = changes.flatMap((c) =>
        c.type === 'dimensions' && c.dimensions !== undefined
          ? [[c.id, c.dimensions] as const]
          : [],
      )
      if (sized.length > 0)
        setMeasured((current) => ({
          opened: state.opened,
          sizes: new Map([...(current.opened === state.opened ? current.sizes : []), ...sized]),
        }))
      const dropped = changes.some((c) => c.type === 'position' && c.dragging === false)
      if (moves.length > 0 || dropped) state.moveNodes(moves, dropped)
      const nodes = picked(state.selection.nodes, changes)
      if (nodes !== null) state.select({ nodes })
    },
    [design],
  )

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const state = design.getState()
      const edges = picked(state.selection.edges, changes)
      if (edges !== null) state.select({ edges })
    },
    [design],
  )

  const onConnect = useCallback(
    (connection: Connection) => {
      design.getState().connect({
        source: connection.source,
        target: connection.target,
        ...(connection.sourceHandle === null || connection.sourceHandle === undefined
          ? {}
          : { sourcePort: connection.sourceHandle }),
        ...(connection.targetHandle === null || connection.targetHandle === undefined
          ? {}
          : { targetPort: connection.targetHandle }),
      })
    },
    [design],
  )

  const isValidConnection = useCallback(
    (connection: Connection | Edge) =>
      connectionProblem(
        design.getState().graph,
        plan.getState().shapes,
        connection.source,
        connection.target,
      ) === null,
    [design, plan],
  )

  // Zoomed out, React Flow holds no edges (see OverviewEdges), so it never deselects one: a
  // plain click on the pane or a node does, as React Flow would.
  const dropEdgeSelection = useCallback(
    (event: ReactMouseEvent) => {
      if (event.shiftKey || event.metaKey || event.ctrlKey) return
      const state = design.getState()
      if (state.selection.edges.length > 0) state.select({ edges: [] })
    },
    [design],
  )

  const onDrop = useCallback(
    (event: DragEvent) => {
      const item = PALETTE_ITEMS.get(event.dataTransfer.getData(PALETTE_MIME))
      if (item === undefined) return
      event.preventDefault()
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY })
      design.getState().addNode(item.kind, position, item.params)
    },
    [design, screenToFlowPosition],
  )

  return (
    <div
      className={overview ? 'canvas canvas--overview' : 'canvas'}
      data-testid="canvas"
      onDrop={onDrop}
      onDragOver={allowDrop}
    >
      <ReactFlow
        nodes={nodes}
        // Zoomed out, the canvas draws the edges itself (see OverviewEdges).
        edges={overview ? NO_EDGES : edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        {...(overview ? { onPaneClick: dropEdgeSelection, onNodeClick: dropEdgeSelection } : {})}
        deleteKeyCode={null}
        // Zoomed out, most of the design is on screen, and drawing only that would mount and
        // measure the nodes at the edges on every frame of a pan.
        onlyRenderVisibleElements={!overview}
        snapToGrid
        snapGrid={SNAP_GRID}
        minZoom={0.1}
      >
        {/* Zoomed out, the dots are a haze a few pixels apart that every pan frame repaints. */}
        {!overview && <Background gap={20} />}
        <SubtopologyGroups nodes={nodes} subtopologyOf={overlay.subtopologyOf} />
        {overview && <OverviewEdges edges={edges} />}
        <ConnectionHint design={design} plan={plan} />
        <MiniMap pannable zoomable nodeColor="#94a3b8" nodeBorderRadius={0} />
        <Controls />
      </ReactFlow>
    </div>
  )
}

/** The selection after React Flow's select changes, or null when there are none. */
function picked(
  current: readonly string[],
  changes: readonly { type: string; id?: string; selected?: boolean }[],
): string[] | null {
  const picks = changes.filter((c) => c.type === 'select')
  if (picks.length === 0) return null
  const chosen = new Set(current)
  for (const pick of picks) {
    if (pick.id === undefined) continue
    if (pick.selected === true) chosen.add(pick.id)
    else chosen.delete(pick.id)
  }
  return [...chosen]
}

function sameOperatorNode(a: OperatorFlowNode, b: OperatorFlowNode): boolean {
  return (
    a.position === b.position &&
    a.selected === b.selected &&
    a.measured?.width === b.measured?.width &&
    a.measured?.height === b.measured?.height &&
    a.data.node === b.data.node &&
    a.data.shape === b.data.shape &&
    a.data.subtopology === b.data.subtopology &&
    sameList(a.data.stores, b.data.stores, (store) => store) &&
    sameList(a.data.processors, b.data.processors, (name) => name) &&
    sameList(a.data.diagnostics, b.data.diagnostics, (d) => `${d.severity}:${d.message}`)
  )
}

function samePlannedEdge(a: PlannedFlowEdge, b: PlannedFlowEdge): boolean {
  return (
    a.source === b.source &&
    a.target === b.target &&
    a.sourceHandle === b.sourceHandle &&
    a.targetHandle === b.targetHandle &&
    a.selected === b.selected &&
    a.className === b.className &&
    a.data?.repartition?.topic === b.data?.repartition?.topic &&
    a.data?.reason === b.data?.reason &&
    a.data?.serdes?.title === b.data?.serdes?.title
  )
}

interface MeasuredSizes {
  readonly opened: number
  readonly sizes: ReadonlyMap<string, Dimensions>
}

function sizeOf(measured: MeasuredSizes, opened: number, id: string): { measured?: Dimensions } {
  const size = measured.opened === opened ? measured.sizes.get(id) : undefined
  return size === undefined ? {} : { measured: size }
}

function allowDrop(event: DragEvent): void {
  if (event.dataTransfer.types.includes(PALETTE_MIME)) {
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
  }
}
