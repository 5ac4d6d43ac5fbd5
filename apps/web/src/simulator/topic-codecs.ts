import type { NodeSerdes } from '@topology-studio/engine'
import type { TopologyGraph } from '@topology-studio/shared'
import { topicSerdes } from '../cluster/topic-serdes'
import { designTopics } from '../design/node-topics'
import type { TopicCodec } from './simulation-protocol'

/** The serdes of every topic the design names, as its nodes read or write them. */
export function codecsOf(
  graph: TopologyGraph,
  serdes: Readonly<Record<string, NodeSerdes>>,
): Record<string, TopicCodec> {
  return Object.fromEntries(
    designTopics(graph).map((topic) => {
      const { keySerde, valueSerde } = topicSerdes(graph, serdes, topic)
      return [topic, { keySerde, valueSerde }]
    }),
  )
}
