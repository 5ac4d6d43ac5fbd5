// The design being edited: the graph, the selection, a clipboard, and undo/redo over every edit
// (moves count once, when a drag ends). Pure state: the canvas and panels call these actions.
import type {
  CogroupInput,
  DiagnosticFix,
  GraphEdge,
  GraphNode,
  NodeKind,
  Position,
  StreamsConfigValue,
  TopologyGraph,
} from '@topology-studio/shared'
import { applyDiagnosticFix } from '@topology-studio/engine'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { firstInputPort, newNode } from './node-templates'

/** Undo keeps at least this many steps. */
export const HISTORY_LIMIT = 200

export interface Selection {
  readonly nodes: readonly string[]
  readonly edges: readonly string[]
}

export interface Connection {
  readonly source: string
  readonly target: string
  readonly sourcePort?: string
  readonly targetPort?: string
}

interface Clipboard {
  readonly nodes: readonly GraphNode[]
  readonly edges: readonly GraphEdge[]
}

/** The stored design the editor opened or last saved: where saves go, and what is unsaved. */
export interface SavedDesign {
  readonly id: string
  readonly revision: string
  readonly graph: TopologyGraph
}

export interface DesignState {
  graph: TopologyGraph
  saved: SavedDesign | null
  selection: Selection
  past: TopologyGraph[]
  future: TopologyGraph[]
  clipboard: Clipboard | null
  /** The graph before a drag's first move, so the drop is undone to where the drag began. */
  dragOrigin: TopologyGraph | null
  /** Counts the designs opened, so that the canvas can fit each one into view once. */
  opened: number
  /** Replaces the design (opening one): history and selection start afresh. */
  load: (graph: TopologyGraph, saved?: SavedDesign) => void
  /** Records a save: the graph saved is the one now unchanged. */
  markSaved: (saved: SavedDesign) => void
  /** The stored file is gone (deleted): the design stays open, with all of it unsaved. */
  forgetSaved: () => void
  /**
   * Adds a node (with preset params, e.g. a window type) and selects it. With `after`, it is
   * also wired from that node, in the same undo step.
   */
  addNode: (
    kind: NodeKind,
    position: Position,
    params?: GraphNode['params'],
    after?: Omit<Connection, 'target'>,
  ) => string
  /** Moves nodes; `record: false` while dragging, so only the drop is one undo step. */
  moveNodes: (moves: readonly { id: string; position: Position }[], record?: boolean) => void
  updateNode: (id: string, change: { label?: string; params?: GraphNode['params'] }) => void
  connect: (connection: Connection) => string | null
  removeEdges: (ids: readonly string[]) => void
  /** Removes one input of a cogroup and the edges arriving on it, as one undo step. */
  removeCogroupInput: (nodeId: string, inputId: string) => void
  /** Renames one input of a cogroup, its edges following, as one undo step. */
  renameCogroupInput: (nodeId: string, from: string, to: string) => void
  removeSelection: () => void
  select: (selection: Partial<Selection>) => void
  copySelection: () => void
  /** Pastes the clipboard shifted by `offset`, selecting the copies. */
  paste: (offset?: Position) => void
  rename: (name: string) => void
  setConfig: (key: string, value: StreamsConfigValue | undefined) => void
  /** Applies a diagnostic's fix as one undoable edit. */
  applyFix: (fix: DiagnosticFix) => void
  undo: () => void
  redo: () => void
}

export type DesignStore = StoreApi<DesignState>

/** Whether the design differs from its stored version (or was never stored). */
export function isDirty(state: Pick<DesignState, 'graph' | 'saved'>): boolean {
  return state.saved === null || state.saved.graph !== state.graph
}

const NO_SELECTION: Selection = { nodes: [], edges: [] }

/** The part of a selection still in the graph (after undo or redo). */
function existing(selection: Selection, graph: TopologyGraph): Selection {
  const nodes = new Set(graph.nodes.map((n) => n.id))
  const edges = new Set(graph.edges.map((e) => e.id))
  return {
    nodes: selection.nodes.filter((id) => nodes.has(id)),
    edges: selection.edges.filter((id) => edges.has(id)),
  }
}

export function createDesignStore(initial: TopologyGraph): DesignStore {
  return createStore<DesignState>()((set, get) => {
    /** Applies an edit as one undo step. */
    const edit = (change: (graph: TopologyGraph) => TopologyGraph, selection?: Selection) => {
      const { graph, past } = get()
      const next = change(graph)
      if (next === graph) return
      set({
        graph: next,
        past: [...past, graph].slice(-HISTORY_LIMIT),
        future: [],
        ...(selection === undefined ? {} : { selection }),
      })
    }
    const freshId = (graph: TopologyGraph, base: string) => {
      const taken = new Set([...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)])
      for (let n = 1; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
    }
    /** `a->b`, or `a->b#2` … when two edges join the same nodes (other ports). */
    const freshEdgeId = (graph: TopologyGraph, source: string, target: string) => {
      const taken = new Set(graph.edges.map((e) => e.id))
      const base = `${source}->${target}`
      if (!taken.has(base)) return base
      for (let n = 2; ; n++) if (!taken.has(`${base}#${n}`)) return `${base}#${n}`
    }
    const without = (
      graph: TopologyGraph,
      nodes: ReadonlySet<string>,
      edges: ReadonlySet<string>,
    ) => ({
      ...graph,
      nodes: graph.nodes.filter((n) => !nodes.has(n.id)),
      edges: graph.edges.filter(
        (e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target),
      ),
    })

    return {
      graph: initial,
      saved: null,
      selection: NO_SELECTION,
      past: [],
      future: [],
      clipboard: null,
      dragOrigin: null,
      opened: 0,

      load: (graph, saved) =>
        set(({ opened }) => ({
          opened: opened + 1,
          graph,
          saved: saved ?? null,
          past: [],
          future: [],
          selection: NO_SELECTION,
          dragOrigin: null,
        })),

      markSaved: (saved) => set({ saved }),
      forgetSaved: () => set({ saved: null }),

      addNode: (kind, position, params, after) => {
        const { graph } = get()
        const id = freshId(graph, kind)
        const node = newNode(kind, id, position, params)
        const targetPort = after?.targetPort ?? firstInputPort(node)
        const edges: GraphEdge[] =
          after === undefined || !graph.nodes.some((n) => n.id === after.source)
            ? []
            : [
                {
                  id: freshEdgeId(graph, after.source, id),
                  source: after.source,
                  target: id,
                  ...(after.sourcePort === undefined ? {} : { sourcePort: after.sourcePort }),
                  ...(targetPort === undefined ? {} : { targetPort }),
                },
              ]
        edit(
          (g) => ({
            ...g,
            nodes: [...g.nodes, node],
            edges: [...g.edges, ...edges],
          }),
          { nodes: [id], edges: [] },
        )
        return id
      },

      moveNodes: (moves, record = true) => {
        const positions = new Map(moves.map((m) => [m.id, m.position]))
        const move = (graph: TopologyGraph) => ({
          ...graph,
          nodes: graph.nodes.map((n) => {
            const position = positions.get(n.id)
            return position === undefined ? n : { ...n, position }
          }),
        })
        const { graph, dragOrigin, past } = get()
        if (!record) {
          set({ graph: move(graph), dragOrigin: dragOrigin ?? graph })
          return
        }
        if (dragOrigin === null) {
          edit(move)
          return
        }
        set({
          graph: move(graph),
          past: [...past, dragOrigin].slice(-HISTORY_LIMIT),
          future: [],
          dragOrigin: null,
        })
      },

      updateNode: (id, change) =>
        edit((graph) => ({
          ...graph,
          nodes: graph.nodes.map((n) =>
            n.id !== id
              ? n
              : ({
                  ...n,
                  ...(change.label === undefined ? {} : { label: change.label }),
                  ...(change.params === undefined ? {} : { params: change.params }),
                } as GraphNode),
          ),
        })),

      connect: (connection) => {
        const { graph } = get()
        const exists = graph.edges.some(
          (e) =>
            e.source === connection.source &&
            e.target === connection.target &&
            e.sourcePort === connection.sourcePort &&
            e.targetPort === connection.targetPort,
        )
        const known = new Set(graph.nodes.map((n) => n.id))
        if (exists || !known.has(connection.source) || !known.has(connection.target)) return null
        if (connection.source === connection.target) return null
        const id = freshEdgeId(graph, connection.source, connection.target)
        const edge: GraphEdge = {
          id,
          source: connection.source,
          target: connection.target,
          ...(connection.sourcePort === undefined ? {} : { sourcePort: connection.sourcePort }),
          ...(connection.targetPort === undefined ? {} : { targetPort: connection.targetPort }),
        }
        edit((g) => ({ ...g, edges: [...g.edges, edge] }))
        return id
      },

      removeEdges: (ids) => edit((graph) => without(graph, new Set(), new Set(ids))),

      removeCogroupInput: (nodeId, inputId) =>
        edit((graph) => ({
          ...withCogroupInputs(graph, nodeId, (inputs) =>
            inputs.filter((input) => input.id !== inputId),
          ),
          edges: graph.edges.filter((e) => e.target !== nodeId || e.targetPort !== inputId),
        })),

      renameCogroupInput: (nodeId, from, to) =>
        edit((graph) => ({
          ...withCogroupInputs(graph, nodeId, (inputs) =>
            inputs.map((input) => (input.id === from ? { ...input, id: to } : input)),
          ),
          edges: graph.edges.map((e) =>
            e.target === nodeId && e.targetPort === from ? { ...e, targetPort: to } : e,
          ),
        })),

      removeSelection: () => {
        const { selection } = get()
        if (selection.nodes.length === 0 && selection.edges.length === 0) return
        edit(
          (graph) => without(graph, new Set(selection.nodes), new Set(selection.edges)),
          NO_SELECTION,
        )
      },

      select: (selection) => set({ selection: { ...get().selection, ...selection } }),

      copySelection: () => {
        const { graph, selection } = get()
        const chosen = new Set(selection.nodes)
        if (chosen.size === 0) return
        set({
          clipboard: {
            nodes: graph.nodes.filter((n) => chosen.has(n.id)),
            edges: graph.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target)),
          },
        })
      },

      paste: (offset = { x: 40, y: 40 }) => {
        const { clipboard } = get()
        if (clipboard === null) return
        let graph = get().graph
        const ids = new Map<string, string>()
        const nodes: GraphNode[] = []
        for (const node of clipboard.nodes) {
          const id = freshId(graph, node.kind)
          ids.set(node.id, id)
          const copy = {
            ...node,
            id,
            position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
          } as GraphNode
          nodes.push(copy)
          graph = { ...graph, nodes: [...graph.nodes, copy] }
        }
        const edges = clipboard.edges.map((e) => {
          const source = ids.get(e.source) ?? e.source
          const target = ids.get(e.target) ?? e.target
          const edge = { ...e, id: freshEdgeId(graph, source, target), source, target }
          graph = { ...graph, edges: [...graph.edges, edge] }
          return edge
        })
        edit((g) => ({ ...g, nodes: [...g.nodes, ...nodes], edges: [...g.edges, ...edges] }), {
          nodes: nodes.map((n) => n.id),
          edges: edges.map((e) => e.id),
        })
      },

      rename: (name) => edit((graph) => (graph.name === name ? graph : { ...graph, name })),

      applyFix: (fix) => edit((graph) => applyDiagnosticFix(graph, fix)),

      setConfig: (key, value) =>
        edit((graph) => {
          if (graph.config[key] === value) return graph
          const config = { ...graph.config }
          if (value === undefined) delete config[key]
          else config[key] = value
          return { ...graph, config }
        }),

      undo: () => {
        const { past, future, graph } = get()
        const previous = past.at(-1)
        if (previous === undefined) return
        set({
          graph: previous,
          past: past.slice(0, -1),
          future: [graph, ...future],
          selection: existing(get().selection, previous),
        })
      },

      redo: () => {
        const { past, future, graph } = get()
        const next = future[0]
        if (next === undefined) return
        set({
          graph: next,
          past: [...past, graph],
          future: future.slice(1),
          selection: existing(get().selection, next),
        })
      },
    }
  })
}

function withCogroupInputs(
  graph: TopologyGraph,
  nodeId: string,
  change: (inputs: readonly CogroupInput[]) => CogroupInput[],
): TopologyGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) =>
      n.id !== nodeId || n.kind !== 'cogroup'
        ? n
        : { ...n, params: { ...n.params, inputs: change(n.params.inputs) } },
    ),
  }
}
