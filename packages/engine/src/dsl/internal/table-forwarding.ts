import type { ProcessorLogic } from '../../topology/node-factory'
import type { GraphNode } from './graph-node'
import { TableTableJoinNode } from './graph-nodes'

/**
 * Whether a table's processors forward old values with each change. Kafka flips this on its
 * processor suppliers when a downstream operation (table groupBy, outer joins, suppress) asks
 * for old values; here the flag is one object shared by the table's processors, read by the
 * runtime when the task starts.
 */
export class ChangeForwarding {
  sendOldValues = false
}

interface ForwardingCarrier {
  forwarding?: ChangeForwarding
}

function tableLogics(node: GraphNode): ProcessorLogic[] {
  if (node instanceof TableTableJoinNode) {
    return [node.mergeLogic, node.thisJoin.logic, node.otherJoin.logic]
  }
  const logic = (node as { logic?: ProcessorLogic }).logic
  return logic === undefined ? [] : [logic]
}

/** Shares one forwarding flag between the processors that produce a table's changes. */
export function attachForwarding(node: GraphNode): ChangeForwarding {
  const operators = tableLogics(node).flatMap((logic) =>
    logic.kind === 'operator' ? [logic.operator as ForwardingCarrier] : [],
  )
  const forwarding =
    operators.find((op) => op.forwarding !== undefined)?.forwarding ?? new ChangeForwarding()
  for (const op of operators) op.forwarding = forwarding
  return forwarding
}
