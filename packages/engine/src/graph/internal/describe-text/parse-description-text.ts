// Reads the lines of a TopologyDescription#toString() into blocks and nodes. Only the syntax is
// checked here; whether the nodes fit together is check-description's job. Indentation is
// ignored, so descriptions re-indented by a log viewer or a chat window still read.
import type { Diagnostic } from '@topology-studio/shared'
import { describeDiagnostic } from './describe-diagnostics'
import type { ParsedArrow, ParsedBlock, ParsedDescription, ParsedNode } from './parsed-description'

export interface ParseResult {
  readonly description: ParsedDescription
  readonly diagnostics: Diagnostic[]
}

const HEADER = /^Topologies:$/
const LEGACY_HEADER = /^Topology: (.*):$/
const SUBTOPOLOGY = /^Sub-topology: (\d+)( for global store \(will not generate tasks\))?$/
const SOURCE = /^Source: (.+?) \(topics: (.*)\)$/
const PROCESSOR = /^Processor: (.+?) \(stores: \[(.*)\]\)$/
// The extractor form first: an extractor's toString() may itself contain "(topic: ".
const EXTRACTOR_SINK = /^Sink: (.+?) \(extractor class: (.*)\)$/
const SINK = /^Sink: (.+?) \(topic: (.+)\)$/
const ARROW = /^(-->|<--) (.+)$/
const TOPIC_NAME = /^[a-zA-Z0-9._-]+$/
// A paste of something else entirely should not drown the user in one error per line.
const MAX_ERRORS = 50

/** `[a, b]` with legal topic names is a topic list; anything else is a subscription pattern. */
export function parseTopics(text: string): { topics: string[] } | { topicPattern: string } {
  if (text.startsWith('[') && text.endsWith(']')) {
    const topics = text.slice(1, -1).split(', ')
    if (topics.every((topic) => TOPIC_NAME.test(topic))) return { topics }
  }
  return { topicPattern: text }
}

function splitNames(text: string): string[] {
  return text === 'none' ? [] : text.split(', ')
}

function splitStores(text: string): string[] {
  return text === '' ? [] : text.split(', ')
}

export function parseDescriptionText(text: string): ParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const diagnostics: Diagnostic[] = []
  const blocks: ParsedBlock[] = []
  const nodesByName = new Map<string, ParsedNode>()
  let headerSeen = false
  let block: ParsedBlock | null = null
  let node: ParsedNode | null = null
  // After a malformed header, its nodes are not reported again as being outside any block.
  let skippingBlock = false
  let errors = 0
  const report = (diagnostic: Diagnostic): void => {
    if (diagnostic.severity === 'error') errors++
    if (errors <= MAX_ERRORS || diagnostic.severity !== 'error') diagnostics.push(diagnostic)
  }

  lines.forEach((raw, index) => {
    const line = index + 1
    const content = raw.trim()
    if (content === '') return
    const legacy = LEGACY_HEADER.exec(content)
    if (HEADER.test(content) || legacy !== null) {
      if (headerSeen || blocks.length > 0)
        report(describeDiagnostic('describe/duplicate-header', line))
      else if (legacy !== null) {
        report(describeDiagnostic('describe/legacy-header', line, { name: legacy[1] ?? '' }))
      }
      headerSeen = true
      node = null
      return
    }
    if (content.startsWith('Sub-topology:')) {
      node = null
      const match = SUBTOPOLOGY.exec(content)
      if (match === null) {
        report(describeDiagnostic('describe/bad-subtopology-header', line, { text: content }))
        block = null
        skippingBlock = true
        return
      }
      if (!headerSeen && blocks.length === 0) {
        report(describeDiagnostic('describe/missing-header', line))
      }
      const id = Number(match[1])
      const earlier = blocks.find((other) => other.id === id)
      if (earlier !== undefined) {
        report(
          describeDiagnostic('describe/duplicate-subtopology', line, {
            id,
            firstLine: earlier.line,
          }),
        )
      }
      skippingBlock = false
      block = { id, global: match[2] !== undefined, line, nodes: [] }
      blocks.push(block)
      return
    }
    const arrow = ARROW.exec(content)
    if (arrow !== null) {
      if (node === null) {
        report(describeDiagnostic('describe/unexpected-line', line, { text: content }))
        return
      }
      addArrow(node, arrow[1] === '-->' ? 'successors' : 'predecessors', {
        names: splitNames(arrow[2] as string),
        line,
      })
      return
    }
    const parsed = parseNodeLine(content, line, blocks.length - 1)
    if (parsed === null) {
      report(describeDiagnostic('describe/unexpected-line', line, { text: content }))
      node = null
      return
    }
    if ('error' in parsed) {
      report(parsed.error)
      node = null
      return
    }
    node = parsed.node
    if (block === null) {
      if (!skippingBlock) {
        report(describeDiagnostic('describe/node-outside-subtopology', line, { name: node.name }))
      }
      return
    }
    const earlier = nodesByName.get(node.name)
    if (earlier !== undefined) {
      report(
        describeDiagnostic('describe/duplicate-node', line, {
          name: node.name,
          firstLine: earlier.line,
        }),
      )
      return
    }
    nodesByName.set(node.name, node)
    block.nodes.push(node)
  })

  if (blocks.length === 0 && nodesByName.size === 0 && diagnostics.length === 0 && !headerSeen) {
    report(describeDiagnostic('describe/empty', undefined))
  }
  return { description: { blocks }, diagnostics }

  function addArrow(target: ParsedNode, side: 'successors' | 'predecessors', value: ParsedArrow) {
    const label = side === 'successors' ? '-->' : '<--'
    if (target[side] !== null) {
      report(
        describeDiagnostic('describe/duplicate-arrow', value.line, {
          node: nodeLabel(target),
          arrow: label,
        }),
      )
      return
    }
    if (side === 'successors' && target.type === 'sink') {
      report(
        describeDiagnostic('describe/unexpected-arrow', value.line, {
          node: nodeLabel(target),
          arrow: label,
          why: 'sinks have no successors',
        }),
      )
      return
    }
    if (side === 'predecessors' && target.type === 'source') {
      report(
        describeDiagnostic('describe/unexpected-arrow', value.line, {
          node: nodeLabel(target),
          arrow: label,
          why: 'sources have no predecessors',
        }),
      )
      return
    }
    target[side] = value
  }
}

/** "Processor X", as messages name nodes. */
export function nodeLabel(node: Pick<ParsedNode, 'type' | 'name'>): string {
  const kind = node.type === 'source' ? 'Source' : node.type === 'sink' ? 'Sink' : 'Processor'
  return `${kind} ${node.name}`
}

function parseNodeLine(
  content: string,
  line: number,
  block: number,
): { node: ParsedNode } | { error: Diagnostic } | null {
  const base = { line, block, successors: null, predecessors: null }
  const bad = (expected: string) => ({
    error: describeDiagnostic('describe/bad-node-line', line, { text: content, expected }),
  })
  if (content.startsWith('Source:')) {
    const match = SOURCE.exec(content)
    if (match === null) return bad('"Source: <name> (topics: [<topic>, …])"')
    const name = match[1] as string
    return { node: { ...base, type: 'source', name, ...parseTopics(match[2] as string) } }
  }
  if (content.startsWith('Processor:')) {
    const match = PROCESSOR.exec(content)
    if (match === null) return bad('"Processor: <name> (stores: [<store>, …])"')
    const stores = splitStores(match[2] as string)
    return { node: { ...base, type: 'processor', name: match[1] as string, stores } }
  }
  if (content.startsWith('Sink:')) {
    const extractor = EXTRACTOR_SINK.exec(content)
    if (extractor !== null) {
      const name = extractor[1] as string
      return { node: { ...base, type: 'sink', name, topicExtractor: extractor[2] as string } }
    }
    const match = SINK.exec(content)
    if (match === null) return bad('"Sink: <name> (topic: <topic>)" or "(extractor class: …)"')
    return { node: { ...base, type: 'sink', name: match[1] as string, topic: match[2] as string } }
  }
  return null
}
