// Two versions of a design side by side: what changed on the canvas, and what redeploying the
// new version over a running application of the old one would do to its state and topics.
import type { GraphEdge, GraphNode, PhysicalPlan, TopologyGraph } from '@topology-studio/shared'
import type { NodeSerdes } from './compile-graph'
import { nodeLabel } from './internal/node-label'
import { planGraph } from './plan-graph'

export type ChangeKind = 'added' | 'removed' | 'changed' | 'unchanged'

export interface DesignDiff {
  /** Every node of either version, by id, with what happened to it. */
  readonly nodes: ReadonlyMap<string, ChangeKind>
  /** Edges by `source->target` (ports included), since edge ids are not meaningful. */
  readonly edges: ReadonlyMap<string, { readonly edge: GraphEdge; readonly change: ChangeKind }>
}

/** Nodes match by id; a node changed when its kind, label or params differ (not its position). */
export function diffDesigns(before: TopologyGraph, after: TopologyGraph): DesignDiff {
  const old = new Map(before.nodes.map((n) => [n.id, n]))
  const next = new Map(after.nodes.map((n) => [n.id, n]))
  const nodes = new Map<string, ChangeKind>()
  for (const [id, node] of old) {
    const now = next.get(id)
    nodes.set(id, now === undefined ? 'removed' : sameNode(node, now) ? 'unchanged' : 'changed')
  }
  for (const id of next.keys()) if (!old.has(id)) nodes.set(id, 'added')
  const edgeKey = (e: GraphEdge) =>
    `${e.source}${e.sourcePort === undefined ? '' : `#${e.sourcePort}`}->${e.target}${
      e.targetPort === undefined ? '' : `#${e.targetPort}`
    }`
  const oldEdges = new Map(before.edges.map((e) => [edgeKey(e), e]))
  const newEdges = new Map(after.edges.map((e) => [edgeKey(e), e]))
  const edges = new Map<string, { edge: GraphEdge; change: ChangeKind }>()
  for (const [key, edge] of oldEdges) {
    edges.set(key, { edge, change: newEdges.has(key) ? 'unchanged' : 'removed' })
  }
  for (const [key, edge] of newEdges)
    if (!oldEdges.has(key)) edges.set(key, { edge, change: 'added' })
  return { nodes, edges }
}

function sameNode(a: GraphNode, b: GraphNode): boolean {
  return (
    a.kind === b.kind &&
    a.label === b.label &&
    JSON.stringify(a.params) === JSON.stringify(b.params)
  )
}

export type UpgradeFinding =
  | {
      readonly kind: 'store-renamed'
      readonly store: string
      readonly to: string
      readonly node: string
    }
  | { readonly kind: 'store-dropped'; readonly store: string; readonly node: string | null }
  | { readonly kind: 'changelog-renamed'; readonly topic: string; readonly to: string }
  | { readonly kind: 'changelog-dropped'; readonly topic: string }
  | { readonly kind: 'repartition-renamed'; readonly topic: string; readonly to: string }
  | { readonly kind: 'repartition-dropped'; readonly topic: string }
  | {
      readonly kind: 'serde-changed'
      readonly node: string
      readonly side: 'key' | 'value'
      readonly from: string
      readonly to: string
      /** The node keeps a store, so state written in the old format becomes unreadable. */
      readonly stateful: boolean
    }
  | { readonly kind: 'application-id-changed'; readonly from: string; readonly to: string }

export interface UpgradeReport {
  /** Null when a version has errors and cannot be planned; the report needs both plans. */
  readonly findings: readonly UpgradeFinding[] | null
  /** Whether redeploying discards state or cannot read it. */
  readonly losesState: boolean
  /** One plain sentence: safe, or what is lost. */
  readonly verdict: string
}

/**
 * What redeploying `after` over a running `before` does. Stores and internal topics are named
 * from the application id and operator names; anything renamed starts empty (its old changelog
 * is left behind), repartition topics renamed lose the records in flight, and a changed serde
 * cannot read what the old one wrote.
 */
export function upgradeReport(before: TopologyGraph, after: TopologyGraph): UpgradeReport {
  const old = planGraph(before)
  const next = planGraph(after)
  if (old.plan === null || next.plan === null) {
    const which = old.plan === null ? 'saved version' : 'new version'
    return {
      findings: null,
      losesState: false,
      verdict: `The ${which} has errors, so its plan is unknown: fix them to compare.`,
    }
  }
  const findings: UpgradeFinding[] = []
  if (before.applicationId !== after.applicationId) {
    findings.push({
      kind: 'application-id-changed',
      from: before.applicationId,
      to: after.applicationId,
    })
  }
  findings.push(...storeFindings(before, after, old.plan, next.plan))
  findings.push(...topicFindings(old.plan, next.plan, 'repartition'))
  findings.push(...serdeFindings(before, after, old.serdes, next.serdes, old.plan))
  const losesState = findings.some(
    (f) =>
      f.kind === 'store-renamed' ||
      f.kind === 'store-dropped' ||
      f.kind === 'application-id-changed' ||
      (f.kind === 'serde-changed' && f.stateful),
  )
  const verdict =
    findings.length === 0
      ? 'Safe to redeploy: every store, changelog and repartition topic keeps its name and format.'
      : losesState
        ? 'Redeploying loses state: the stores listed start empty or cannot read what was written.'
        : 'Redeploying keeps all state, but read the changes below.'
  return { findings, losesState, verdict }
}

function storeFindings(
  before: TopologyGraph,
  after: TopologyGraph,
  old: PhysicalPlan,
  next: PhysicalPlan,
): UpgradeFinding[] {
  const findings: UpgradeFinding[] = []
  const nextNames = new Set(next.stores.map((s) => s.name))
  const label = (graph: TopologyGraph, id: string | undefined) => {
    const node = graph.nodes.find((n) => n.id === id)
    return node === undefined ? null : nodeLabel(node)
  }
  for (const store of old.stores) {
    if (nextNames.has(store.name)) continue
    const successor = next.stores.find(
      (s) =>
        s.logicalNodeId !== undefined &&
        s.logicalNodeId === store.logicalNodeId &&
        !old.stores.some((o) => o.name === s.name),
    )
    if (successor !== undefined) {
      findings.push({
        kind: 'store-renamed',
        store: store.name,
        to: successor.name,
        node: label(after, successor.logicalNodeId) ?? successor.name,
      })
      if (store.changelogTopic !== undefined && successor.changelogTopic !== undefined) {
        findings.push({
          kind: 'changelog-renamed',
          topic: store.changelogTopic,
          to: successor.changelogTopic,
        })
      }
    } else {
      findings.push({
        kind: 'store-dropped',
        store: store.name,
        node: label(before, store.logicalNodeId),
      })
      if (store.changelogTopic !== undefined) {
        findings.push({ kind: 'changelog-dropped', topic: store.changelogTopic })
      }
    }
  }
  return findings
}

function topicFindings(
  old: PhysicalPlan,
  next: PhysicalPlan,
  type: 'repartition',
): UpgradeFinding[] {
  const names = (plan: PhysicalPlan) =>
    plan.internalTopics.filter((t) => t.type === type).map((t) => t.name)
  const before = names(old)
  const after = new Set(names(next))
  const added = names(next).filter((t) => !before.includes(t))
  return before
    .filter((topic) => !after.has(topic))
    .map((topic, index): UpgradeFinding => {
      const to = added[index]
      return to === undefined
        ? { kind: 'repartition-dropped', topic }
        : { kind: 'repartition-renamed', topic, to }
    })
}

function serdeFindings(
  before: TopologyGraph,
  after: TopologyGraph,
  old: Readonly<Record<string, NodeSerdes>>,
  next: Readonly<Record<string, NodeSerdes>>,
  oldPlan: PhysicalPlan,
): UpgradeFinding[] {
  const stateful = new Set(
    oldPlan.stores.flatMap((s) => (s.logicalNodeId === undefined ? [] : [s.logicalNodeId])),
  )
  const findings: UpgradeFinding[] = []
  for (const node of after.nodes) {
    const a = old[node.id]
    const b = next[node.id]
    if (a === undefined || b === undefined) continue
    const watched =
      stateful.has(node.id) ||
      node.kind === 'sink' ||
      node.kind === 'stream' ||
      node.kind === 'table' ||
      node.kind === 'globalTable'
    if (!watched) continue
    for (const side of ['key', 'value'] as const) {
      // No serde known means the configured default, which may itself have changed.
      const from = a[side] ?? defaultSerde(before, side)
      const to = b[side] ?? defaultSerde(after, side)
      if (from === to || from === null || to === null) continue
      findings.push({
        kind: 'serde-changed',
        node: nodeLabel(node),
        side,
        from,
        to,
        stateful: stateful.has(node.id),
      })
    }
  }
  return findings
}

function defaultSerde(graph: TopologyGraph, side: 'key' | 'value'): string | null {
  const value = graph.config[`default.${side}.serde`]
  return value === undefined ? null : String(value)
}
