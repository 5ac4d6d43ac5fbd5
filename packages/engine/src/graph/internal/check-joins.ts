import type { Diagnostic, GraphEdge, GraphNodeOfKind } from '@topology-studio/shared'
import { createDiagnostic, type ParamSituation } from '../diagnostic-codes'
import { shapeOf, type CheckContext } from './check-context'
import { globalTableMisuse } from './check-input-types'
import { inputsOf, labelOf } from './graph-index'
import { nodeLabel } from './node-label'
import { JOIN_SIDE_SHAPES, joinVariant } from './shape-rules'

/**
 * Checks that a join's two inputs make a join Kafka Streams offers (stream–stream, stream–table,
 * stream–globalTable, table–table) and that its params fit that join: a window only and always
 * for stream–stream, a key selector only and always for stream–globalTable, no outer join when
 * a stream is joined with a table.
 */
export function checkJoins(context: CheckContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const node of context.index.nodeList) {
    if (node.kind !== 'join') continue
    const inputs = inputsOf(context.index, node.id)
    const left = inputs.filter((edge) => edge.targetPort === 'left')
    const right = inputs.filter((edge) => edge.targetPort === 'right')
    if (left.length !== 1 || right.length !== 1) continue
    diagnostics.push(...checkJoin(context, node, left[0]!, right[0]!))
  }
  return diagnostics
}

function checkJoin(
  context: CheckContext,
  node: GraphNodeOfKind<'join'>,
  leftEdge: GraphEdge,
  rightEdge: GraphEdge,
): Diagnostic[] {
  const left = shapeOf(context, leftEdge.source)
  const right = shapeOf(context, rightEdge.source)
  const label = nodeLabel(node)
  if (left === 'globalTable') return [globalTableMisuse(context, node, leftEdge)]
  const sides = [
    { side: 'left' as const, shape: left, edge: leftEdge },
    { side: 'right' as const, shape: right, edge: rightEdge },
  ]
  const wrongSides = sides.filter(
    ({ side, shape }) =>
      shape !== 'unknown' && shape !== 'none' && !JOIN_SIDE_SHAPES[side].includes(shape),
  )
  if (wrongSides.length > 0) {
    return wrongSides.map(({ side, shape, edge }) =>
      createDiagnostic(
        'node/wrong-input-type',
        {
          node: label,
          kind: node.kind,
          input: labelOf(context.index, edge.source),
          side,
          expected: JOIN_SIDE_SHAPES[side],
          actual: shape,
        },
        { nodeId: node.id, edgeId: edge.id, param: side },
      ),
    )
  }
  if (!sides.every(({ shape }) => JOIN_SIDE_SHAPES.right.includes(shape))) return []
  const variant = joinVariant(left, right)
  if (variant === undefined) {
    return [createDiagnostic('join/wrong-side', { node: label, left, right }, { nodeId: node.id })]
  }

  const { window, keySelector, foreignKey, joinType, storeName } = node.params
  const found: Diagnostic[] = []
  const at = (param: string) => ({ nodeId: node.id, param })
  const paramIssue = (
    code: 'param/not-allowed' | 'param/ignored',
    param: string,
    situation: ParamSituation,
  ) => found.push(createDiagnostic(code, { node: label, param, situation }, at(param)))

  if (variant === 'stream–stream' && window === undefined) {
    found.push(createDiagnostic('join/missing-window', { node: label }, at('window')))
  }
  if (variant !== 'stream–stream' && window !== undefined) {
    found.push(createDiagnostic('join/unexpected-window', { node: label, variant }, at('window')))
  }
  if ((variant === 'stream–table' || variant === 'stream–globalTable') && joinType === 'outer') {
    found.push(
      createDiagnostic('join/outer-not-supported', { node: label, variant }, at('joinType')),
    )
  }
  if (variant === 'stream–globalTable' && keySelector === undefined) {
    found.push(createDiagnostic('join/missing-key-selector', { node: label }, at('keySelector')))
  }
  if (variant !== 'table–table' && foreignKey !== undefined) {
    paramIssue('param/not-allowed', 'foreignKey', 'foreign-key-not-tables')
  }
  if (variant === 'table–table' && foreignKey !== undefined && joinType === 'outer') {
    found.push(createDiagnostic('join/outer-foreign-key', { node: label }, at('joinType')))
  }
  if (variant !== 'stream–globalTable' && keySelector !== undefined) {
    paramIssue('param/not-allowed', 'keySelector', 'key-selector-not-global')
  }
  if ((variant === 'stream–table' || variant === 'stream–globalTable') && storeName !== undefined) {
    paramIssue('param/ignored', 'storeName', 'store-name-stream-join')
  }
  return found
}
