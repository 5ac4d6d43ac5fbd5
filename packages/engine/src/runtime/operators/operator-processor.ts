import type { Record } from '../../processor/record'
import type { OperatorDefinition } from '../../topology/node-factory'
import type { InternalProcessorContext } from '../internal-processor-context'

/** A DSL operator's processor: like a user Processor, but with the internal context. */
export interface OperatorProcessor {
  init?(context: InternalProcessorContext): void
  process(record: Record<unknown, unknown>): void
  close?(): void
}

/** What an operator factory knows about the node it builds for. */
export interface OperatorNode {
  readonly name: string
  readonly storeNames: readonly string[]
  readonly childNames: readonly string[]
}

export type OperatorFactory = (
  definition: OperatorDefinition,
  node: OperatorNode,
) => OperatorProcessor

/** Reads a required parameter of an operator definition, failing loudly if the DSL left it out. */
export function param<T>(definition: OperatorDefinition, name: string): T {
  if (!(name in definition)) {
    throw new TypeError(`Operator ${definition.operator} is missing its parameter ${name}`)
  }
  return definition[name] as T
}

/** The sendOldValues flag the DSL shares between a table's processors. */
export function sendOldValues(definition: OperatorDefinition): boolean {
  const forwarding = definition['forwarding'] as { sendOldValues: boolean } | undefined
  return forwarding?.sendOldValues ?? false
}
