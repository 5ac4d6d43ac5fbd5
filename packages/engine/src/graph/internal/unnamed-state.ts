import {
  slug,
  type Diagnostic,
  type GraphNode,
  type PhysicalPlan,
  type TopologyGraph,
} from '@topology-studio/shared'
import { createDiagnostic } from '../diagnostic-codes'
import { nodeLabel } from './node-label'

// Names Kafka Streams generates end in the operator's ten-digit position counter.
const GENERATED_NAME = /\d{10}(?:-store)?$/

// Where each kind takes the name of the store it keeps.
const STORE_NAME_PARAM: Partial<Record<GraphNode['kind'], 'storeName' | 'name'>> = {
  table: 'storeName',
  globalTable: 'storeName',
  count: 'storeName',
  reduce: 'storeName',
  aggregate: 'storeName',
  cogroup: 'storeName',
  toTable: 'storeName',
  join: 'storeName',
  suppress: 'name',
}

/**
 * One `lint/unnamed-state` per design node whose store got a generated name, with a fix that
 * names it after the node (unique among the plan's stores).
 */
export function unnamedStateLints(graph: TopologyGraph, plan: PhysicalPlan): Diagnostic[] {
  const taken = new Set(plan.stores.map((store) => store.name))
  const reported = new Set<string>()
  const diagnostics: Diagnostic[] = []
  for (const store of plan.stores) {
    const nodeId = store.logicalNodeId
    if (nodeId === undefined || reported.has(nodeId) || !GENERATED_NAME.test(store.name)) continue
    const node = graph.nodes.find((n) => n.id === nodeId)
    const param = node === undefined ? undefined : STORE_NAME_PARAM[node.kind]
    if (node === undefined || param === undefined) continue
    reported.add(nodeId)
    const base = `${slug(node.label ?? node.id, node.kind)}-${node.kind === 'suppress' ? 'buffer' : 'store'}`
    let name = base
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`
    taken.add(name)
    diagnostics.push({
      ...createDiagnostic(
        'lint/unnamed-state',
        { node: nodeLabel(node), store: store.name },
        { nodeId, param },
      ),
      fix: { title: `Name it "${name}"`, nodeId, params: { [param]: name } },
    })
  }
  return diagnostics
}
