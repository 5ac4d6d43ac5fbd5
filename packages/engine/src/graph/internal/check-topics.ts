import type { Diagnostic, GraphNode } from '@topology-studio/shared'
import { createDiagnostic } from '../diagnostic-codes'
import type { CheckContext } from './check-context'
import { isBlank, kafkaNameProblem } from './kafka-names'
import { nodeLabel } from './node-label'

interface TopicUse {
  node: GraphNode
  /** The stream's whole topic set; two streams over the identical set share one source. */
  streamTopics?: string
}

/**
 * Checks the topics of sources and sinks: present, legal Kafka topic names, valid patterns, and
 * no topic read by two source nodes (Kafka Streams allows one source per topic).
 */
export function checkTopics({ index }: CheckContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const readers = new Map<string, TopicUse>()
  const claim = (topic: string, use: TopicUse) => {
    const first = readers.get(topic)
    if (!first) {
      readers.set(topic, use)
      return
    }
    if (first.node.id === use.node.id) return
    if (use.streamTopics !== undefined && use.streamTopics === first.streamTopics) return
    const args = { topic, first: nodeLabel(first.node), second: nodeLabel(use.node) }
    diagnostics.push(createDiagnostic('topic/duplicate-source', args, { nodeId: use.node.id }))
  }

  for (const node of index.nodeList) {
    const label = nodeLabel(node)
    const topicName = (topic: string, param: string, direction: 'read' | 'write') => {
      const place = { nodeId: node.id, param }
      if (isBlank(topic)) {
        diagnostics.push(
          createDiagnostic('topic/missing', { node: label, param, direction }, place),
        )
        return false
      }
      const reason = kafkaNameProblem(topic)
      if (reason === undefined) return true
      diagnostics.push(
        createDiagnostic('topic/invalid-name', { node: label, topic, reason }, place),
      )
      return false
    }
    switch (node.kind) {
      case 'stream': {
        const { params } = node
        if ('topicPattern' in params) {
          diagnostics.push(...checkPattern(node.id, label, params.topicPattern))
          break
        }
        if (params.topics.length === 0) {
          const args = { node: label, param: 'topics', direction: 'read' as const }
          diagnostics.push(
            createDiagnostic('topic/missing', args, { nodeId: node.id, param: 'topics' }),
          )
        }
        const seen = new Set<string>()
        const streamTopics = JSON.stringify([...new Set(params.topics)].sort())
        params.topics.forEach((topic, position) => {
          const param = `topics[${position}]`
          if (seen.has(topic)) {
            const place = { nodeId: node.id, param }
            diagnostics.push(createDiagnostic('topic/duplicate', { node: label, topic }, place))
            return
          }
          seen.add(topic)
          if (topicName(topic, param, 'read')) claim(topic, { node, streamTopics })
        })
        break
      }
      case 'table':
      case 'globalTable':
        if (topicName(node.params.topic, 'topic', 'read')) claim(node.params.topic, { node })
        break
      case 'sink':
        if ('topic' in node.params) topicName(node.params.topic, 'topic', 'write')
        break
    }
  }
  return diagnostics
}

function checkPattern(nodeId: string, label: string, pattern: string): Diagnostic[] {
  const place = { nodeId, param: 'topicPattern' }
  if (isBlank(pattern)) {
    const args = { node: label, param: 'topicPattern', direction: 'read' as const }
    return [createDiagnostic('topic/missing', args, place)]
  }
  try {
    new RegExp(pattern)
    return []
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return [createDiagnostic('topic/invalid-pattern', { node: label, pattern, reason }, place)]
  }
}
