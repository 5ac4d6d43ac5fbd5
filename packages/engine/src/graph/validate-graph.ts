import type { Diagnostic, TopologyGraph } from '@topology-studio/shared'
import type { CheckContext } from './internal/check-context'
import { checkCycles } from './internal/check-cycles'
import { checkFunctions } from './internal/check-functions'
import { checkInputTypes } from './internal/check-input-types'
import { checkInputs } from './internal/check-inputs'
import { checkJoins } from './internal/check-joins'
import { checkLints } from './internal/check-lints'
import { checkNames } from './internal/check-names'
import { checkOutputs } from './internal/check-outputs'
import { checkParams } from './internal/check-params'
import { checkSplits } from './internal/check-splits'
import { checkTopics } from './internal/check-topics'
import { computeShapes } from './internal/compute-shapes'
import { indexGraph } from './internal/graph-index'
import { readGraph } from './internal/read-graph'

const checks: readonly ((context: CheckContext) => Diagnostic[])[] = [
  checkCycles,
  checkInputs,
  checkOutputs,
  checkInputTypes,
  checkJoins,
  checkTopics,
  checkNames,
  checkSplits,
  checkParams,
  checkFunctions,
  checkLints,
]

/**
 * Finds everything wrong with a design, from broken structure (cycles, dangling edges) to
 * operations applied to the wrong type, illegal names and expressions that do not parse. Each
 * diagnostic has a stable code, the node or edge (and param) it concerns, and a hint.
 *
 * Never throws: a design that does not even match its schema gets `graph/invalid-schema`
 * diagnostics, and the nodes that do match are still checked.
 *
 * @param graph - the design, possibly half-edited
 * @returns the diagnostics; empty when the design is valid
 */
export function validateGraph(graph: TopologyGraph): Diagnostic[] {
  const read = readGraph(graph)
  const { index, diagnostics: structure } = indexGraph(read.graph)
  const context: CheckContext = { graph: read.graph, index, shapes: computeShapes(index) }
  return [...read.diagnostics, ...structure, ...checks.flatMap((check) => check(context))]
}
