import type { Diagnostic } from '@topology-studio/shared'
import { createDiagnostic } from '../diagnostic-codes'
import type { CheckContext } from './check-context'
import { labelOf, outputsOf } from './graph-index'
import { findCycles } from './find-cycles'

/** Reports each cycle once, naming its nodes in order. */
export function checkCycles({ index }: CheckContext): Diagnostic[] {
  const successors = (id: string) => outputsOf(index, id).map((edge) => edge.target)
  return findCycles([...index.knownIds], successors).map((cycle) =>
    createDiagnostic(
      'graph/cycle',
      { path: cycle.map((id) => labelOf(index, id)) },
      { nodeId: cycle[0] },
    ),
  )
}
