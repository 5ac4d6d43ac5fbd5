// The serdes to read and write a topic with, as the open design reads or writes it, so peeking
// at `word-counts` shows Long counts rather than eight bytes of text.
import type { NodeSerdes } from '@topology-studio/engine'
import { nodeTopics } from '../design/node-topics'
import { SerdeSchema, type Serde, type TopologyGraph } from '@topology-studio/shared'

export interface TopicSerdes {
  readonly keySerde: Serde
  readonly valueSerde: Serde
  /** The node whose serdes these are, or null when the design does not name the topic. */
  readonly from: string | null
}

function known(name: unknown): Serde | null {
  const parsed = SerdeSchema.safeParse(name)
  return parsed.success ? parsed.data : null
}

export function topicSerdes(
  graph: TopologyGraph,
  serdes: Readonly<Record<string, NodeSerdes>>,
  topic: string,
): TopicSerdes {
  const fallback = (key: string) => known(graph.config[key]) ?? 'String'
  const node = graph.nodes.find((n) => nodeTopics(n).includes(topic))
  if (node === undefined) {
    return {
      keySerde: fallback('default.key.serde'),
      valueSerde: fallback('default.value.serde'),
      from: null,
    }
  }
  const carried = serdes[node.id]
  const declared = node.params as { keySerde?: unknown; valueSerde?: unknown }
  // Windowed keys carry their window in the bytes after the key: show them as they are.
  const keySerde = carried?.keyWindowed
    ? 'ByteArray'
    : (known(declared.keySerde) ?? known(carried?.key) ?? fallback('default.key.serde'))
  const valueSerde =
    known(declared.valueSerde) ?? known(carried?.value) ?? fallback('default.value.serde')
  return { keySerde, valueSerde, from: node.label ?? node.id }
}
