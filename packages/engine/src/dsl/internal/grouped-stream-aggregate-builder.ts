import type { Serde } from '../../serde/serde'
import type { StoreBuilder } from '../../state/store-builder'
import type { ProcessorLogic } from '../../topology/node-factory'
import type { GraphNode } from './graph-node'
import { ProcessorGraphNode, type RepartitionNode } from './graph-nodes'
import type { InternalStreamsBuilder } from './internal-streams-builder'
import { createRepartitionedSource } from './repartition'

/** The grouping an aggregation starts from: where the records are and whether keys changed. */
export interface GroupedSource {
  readonly builder: InternalStreamsBuilder
  readonly name: string
  readonly keySerde: Serde<unknown> | null
  readonly valueSerde: Serde<unknown> | null
  readonly subTopologySourceNodes: readonly string[]
  readonly graphNode: GraphNode
  readonly repartitionRequired: boolean
  readonly userProvidedRepartitionTopicName: string | null
  /** Shared by all aggregations of one grouped stream; reused only under a Grouped name. */
  repartitionNode: RepartitionNode | null
}

/**
 * Kafka's `GroupedStreamAggregateBuilder#build`: inserts the repartition (topic named after
 * the Grouped name or the store) when keys changed upstream, then the aggregation processor.
 */
export function buildAggregation(
  grouped: GroupedSource,
  processorName: string,
  store: StoreBuilder,
  logic: ProcessorLogic,
): { node: ProcessorGraphNode; sourceNodes: readonly string[] } {
  let parent: GraphNode = grouped.graphNode
  let sourceNodes = grouped.subTopologySourceNodes
  if (grouped.repartitionRequired) {
    const prefix = grouped.userProvidedRepartitionTopicName ?? store.name
    const repartition = createRepartitionedSource(grouped.builder, 'optimizable', prefix, {
      keySerde: grouped.keySerde,
      valueSerde: grouped.valueSerde,
    })
    if (grouped.repartitionNode === null || grouped.userProvidedRepartitionTopicName === null) {
      grouped.repartitionNode = repartition
    }
    grouped.builder.addGraphNode(grouped.graphNode, grouped.repartitionNode)
    parent = grouped.repartitionNode
    sourceNodes = [repartition.nodeName]
  }
  const node = new ProcessorGraphNode(processorName, logic, [], [store])
  grouped.builder.addGraphNode(parent, node)
  return { node, sourceNodes }
}
