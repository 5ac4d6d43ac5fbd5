import type { Diagnostic, GraphEdge, GraphNode } from '@topology-studio/shared'
import { createDiagnostic, type DiagnosticPlace, type ParamSituation } from '../diagnostic-codes'
import { shapeOf, type CheckContext } from './check-context'
import { inputsOf, labelOf } from './graph-index'
import { nodeLabel } from './node-label'
import type { Shape } from './shape'
import { SOURCE_KINDS, acceptedInputShapes } from './shape-rules'

/**
 * Checks that every single-input node gets a type it is defined on (count needs a grouped
 * stream, suppress a table, ...), that global tables only feed joins, and the params whose
 * presence depends on the input type (subtractor, merger, valueSelector, untilWindowCloses).
 * Joins are checked by checkJoins.
 */
export function checkInputTypes(context: CheckContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const node of context.index.nodeList) {
    if (node.kind === 'join' || SOURCE_KINDS.has(node.kind)) continue
    const inputs = inputsOf(context.index, node.id)
    for (const edge of inputs) {
      const diagnostic = checkInputEdge(context, node, edge)
      if (diagnostic) diagnostics.push(diagnostic)
    }
    const [only] = inputs
    if (inputs.length === 1 && only) {
      diagnostics.push(...checkShapeDependentParams(context, node, only))
    }
  }
  return diagnostics
}

/** Reports a global table feeding anything but a join's right side. */
export function globalTableMisuse(
  context: CheckContext,
  consumer: GraphNode,
  edge: GraphEdge,
): Diagnostic {
  const args = { table: labelOf(context.index, edge.source), consumer: nodeLabel(consumer) }
  return createDiagnostic('node/global-table-misuse', args, {
    nodeId: consumer.id,
    edgeId: edge.id,
  })
}

function checkInputEdge(
  context: CheckContext,
  node: Exclude<GraphNode, { kind: 'join' }>,
  edge: GraphEdge,
): Diagnostic | undefined {
  const actual = shapeOf(context, edge.source)
  if (actual === 'unknown' || actual === 'none') return undefined
  if (actual === 'globalTable') return globalTableMisuse(context, node, edge)
  const expected = acceptedInputShapes(node.kind)
  if (expected.includes(actual)) return undefined
  const args = {
    node: nodeLabel(node),
    kind: node.kind,
    input: labelOf(context.index, edge.source),
    expected,
    actual,
  }
  return createDiagnostic('node/wrong-input-type', args, { nodeId: node.id, edgeId: edge.id })
}

function checkShapeDependentParams(
  context: CheckContext,
  node: GraphNode,
  edge: GraphEdge,
): Diagnostic[] {
  const input = shapeOf(context, edge.source)
  const label = nodeLabel(node)
  const found: Diagnostic[] = []
  const require = (param: string, present: boolean, when: boolean, situation: ParamSituation) => {
    if (when && !present)
      found.push(paramDiagnostic('param/missing', label, param, situation, node))
  }
  const forbid = (param: string, present: boolean, when: boolean, situation: ParamSituation) => {
    if (when && present) {
      found.push(paramDiagnostic('param/not-allowed', label, param, situation, node))
    }
  }
  const streamGrouping = isGroupedStream(input)
  switch (node.kind) {
    case 'reduce':
    case 'aggregate': {
      const hasSubtractor = node.params.subtractor !== undefined
      require('subtractor', hasSubtractor, input === 'groupedTable', 'subtractor-grouped-table')
      forbid('subtractor', hasSubtractor, streamGrouping, 'subtractor-grouped-stream')
      if (node.kind === 'aggregate') {
        const hasMerger = node.params.merger !== undefined
        const session = input === 'sessionWindowedStream'
        require('merger', hasMerger, session, 'merger-session')
        forbid('merger', hasMerger, !session && isGrouped(input), 'merger-not-session')
      }
      break
    }
    case 'groupBy':
      forbid(
        'valueSelector',
        node.params.valueSelector !== undefined,
        input === 'stream',
        'value-selector-stream',
      )
      break
    case 'suppress':
      if (node.params.mode === 'untilWindowCloses' && input === 'table') {
        const args = { node: label, input: labelOf(context.index, edge.source) }
        const place: DiagnosticPlace = { nodeId: node.id, param: 'mode' }
        found.push(createDiagnostic('suppress/not-windowed', args, place))
      }
      break
  }
  return found
}

function paramDiagnostic(
  code: 'param/missing' | 'param/not-allowed',
  label: string,
  param: string,
  situation: ParamSituation,
  node: GraphNode,
): Diagnostic {
  return createDiagnostic(code, { node: label, param, situation }, { nodeId: node.id, param })
}

function isGroupedStream(shape: Shape): boolean {
  return (
    shape === 'groupedStream' || shape === 'windowedStream' || shape === 'sessionWindowedStream'
  )
}

function isGrouped(shape: Shape): boolean {
  return isGroupedStream(shape) || shape === 'groupedTable'
}
