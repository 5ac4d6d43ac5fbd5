import type { Serde } from '../../serde/serde'
import type { OperatorDefinition, ProcessorLogic } from '../../topology/node-factory'
import type { GraphNode } from './graph-node'
import type { InternalStreamsBuilder } from './internal-streams-builder'

/** What every DSL stream and table carries: its builder, node, name and serdes. */
export abstract class AbstractStream<K, V> {
  constructor(
    /** @internal */ readonly builder: InternalStreamsBuilder,
    /** @internal */ readonly name: string,
    /** @internal */ readonly keySerde: Serde<K> | null,
    /** @internal */ readonly valueSerde: Serde<V> | null,
    /** @internal */ readonly subTopologySourceNodes: readonly string[],
    /** @internal */ readonly graphNode: GraphNode,
  ) {}
}

/** Wraps a DSL operator's parameters as processor logic. */
export function operator(name: string, parameters: Record<string, unknown> = {}): ProcessorLogic {
  const definition: OperatorDefinition = { operator: name, ...parameters }
  return { kind: 'operator', operator: definition }
}

export function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])]
}
