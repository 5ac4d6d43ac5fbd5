import type { Diagnostic, GraphNode } from '@topology-studio/shared'
import { createDiagnostic } from '../diagnostic-codes'
import type { CheckContext } from './check-context'
import { kafkaNameProblem } from './kafka-names'
import { nodeLabel } from './node-label'

interface NamedValue {
  param: string
  value: string
}

/**
 * Checks user-given names against Kafka's rules (`Named`, `Materialized.as`, `application.id`)
 * and that processor names and store names are unique across the design.
 */
export function checkNames({ graph, index }: CheckContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [...checkApplicationId(graph.applicationId)]
  const processorNames = new Map<string, GraphNode>()
  const storeNames = new Map<string, GraphNode>()
  for (const node of index.nodeList) {
    const label = nodeLabel(node)
    const { names, stores } = namesOf(node)
    for (const { param, value } of [...names, ...stores]) {
      const reason = kafkaNameProblem(value)
      if (reason === undefined) continue
      const args = { node: label, param, name: value, reason }
      diagnostics.push(createDiagnostic('name/invalid', args, { nodeId: node.id, param }))
    }
    const processorName = names.find((name) => name.param === 'name')
    if (processorName && processorName.value !== '') {
      const first = processorNames.get(processorName.value)
      if (first) {
        const args = { name: processorName.value, first: nodeLabel(first), second: label }
        diagnostics.push(
          createDiagnostic('name/duplicate', args, { nodeId: node.id, param: 'name' }),
        )
      } else processorNames.set(processorName.value, node)
    }
    for (const { param, value } of stores) {
      if (value === '') continue
      const first = storeNames.get(value)
      if (first && !sharesProcessStore(first, node, value)) {
        const args = { store: value, first: nodeLabel(first), second: label }
        diagnostics.push(createDiagnostic('store/duplicate-name', args, { nodeId: node.id, param }))
      } else storeNames.set(value, node)
    }
  }
  return diagnostics
}

/**
 * Custom processors may share a store by name, as Kafka's `process(supplier, "store")` does,
 * when they declare it alike; any other reuse of a store name is a clash.
 */
function sharesProcessStore(first: GraphNode, second: GraphNode, storeName: string): boolean {
  if (first.kind !== 'process' || second.kind !== 'process') return false
  const a = first.params.stores.find((store) => store.name === storeName)
  const b = second.params.stores.find((store) => store.name === storeName)
  return (
    a !== undefined &&
    b !== undefined &&
    a.type === b.type &&
    a.retentionMs === b.retentionMs &&
    a.windowSizeMs === b.windowSizeMs
  )
}

function checkApplicationId(applicationId: string | undefined): Diagnostic[] {
  if (applicationId === undefined) return []
  const reason = kafkaNameProblem(applicationId)
  if (reason === undefined) return []
  return [createDiagnostic('graph/invalid-application-id', { applicationId, reason })]
}

/** The processor-like names and the store names a node sets, with the param holding each. */
function namesOf(node: GraphNode): { names: NamedValue[]; stores: NamedValue[] } {
  const names: NamedValue[] = []
  const stores: NamedValue[] = []
  const add = (list: NamedValue[], param: string, value: string | undefined) => {
    if (value !== undefined) list.push({ param, value })
  }
  const { params } = node
  if ('name' in params) add(names, 'name', params.name)
  if ('storeName' in params) add(stores, 'storeName', params.storeName)
  if (node.kind === 'split') {
    node.params.branches.forEach((branch, position) =>
      add(names, `branches[${position}].name`, branch.name),
    )
    add(names, 'defaultBranchName', node.params.defaultBranchName)
  }
  if (node.kind === 'process') {
    node.params.stores.forEach((store, position) =>
      add(stores, `stores[${position}].name`, store.name),
    )
  }
  return { names, stores }
}
