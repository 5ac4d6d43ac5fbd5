// Checks that the parsed nodes fit together as Kafka Streams could have printed them: every
// neighbour exists, both ends of a link list each other, links and stores stay inside one
// sub-topology, global store blocks have their fixed shape. Errors here stop the rebuild.
import type { Diagnostic } from '@topology-studio/shared'
import { describeDiagnostic } from './describe-diagnostics'
import { nodeLabel } from './parse-description-text'
import type { ParsedBlock, ParsedDescription, ParsedNode } from './parsed-description'

export function checkDescription(description: ParsedDescription): Diagnostic[] {
  const nodes = new Map<string, ParsedNode>()
  for (const block of description.blocks) {
    for (const node of block.nodes) nodes.set(node.name, node)
  }
  const diagnostics = [
    ...checkBlocks(description.blocks),
    ...[...nodes.values()].flatMap((node) => checkNode(node, nodes)),
    ...checkTopics(nodes),
    ...checkStores(description.blocks),
  ]
  if (!diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    diagnostics.push(...checkCycles(nodes), ...checkConnected(description.blocks))
  }
  return diagnostics
}

function checkBlocks(blocks: readonly ParsedBlock[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const block of blocks) {
    if (block.nodes.length === 0) {
      diagnostics.push(
        describeDiagnostic('describe/empty-subtopology', block.line, { id: block.id }),
      )
    } else if (block.global) {
      const why = globalBlockProblem(block)
      if (why !== null) {
        diagnostics.push(
          describeDiagnostic('describe/bad-global-store', block.line, { id: block.id, why }),
        )
      }
    }
  }
  const ids = blocks.map((block) => block.id)
  if (new Set(ids).size === ids.length && ids.some((id, index) => id !== index)) {
    diagnostics.push(describeDiagnostic('describe/subtopology-ids', blocks[0]?.line, { ids }))
  }
  return diagnostics
}

// InternalTopologyBuilder#describeGlobalStore prints exactly this shape.
function globalBlockProblem(block: ParsedBlock): string | null {
  const [source, processor, ...rest] = block.nodes
  if (source?.type !== 'source' || processor?.type !== 'processor' || rest.length > 0) {
    return 'must hold one Source followed by one Processor'
  }
  if (source.topics?.length !== 1) return 'must read exactly one topic, not a pattern or a list'
  if (processor.stores?.length !== 1) return 'must have a processor with exactly one store'
  const sourceLinks = source.successors?.names ?? [processor.name]
  const processorParents = processor.predecessors?.names ?? [source.name]
  if (sourceLinks.length !== 1 || sourceLinks[0] !== processor.name) {
    return `must have its source feed only ${processor.name}`
  }
  if (processorParents.length !== 1 || processorParents[0] !== source.name) {
    return `must have its processor fed only by ${source.name}`
  }
  if ((processor.successors?.names.length ?? 0) > 0) return 'must end in its processor (--> none)'
  return null
}

function checkNode(node: ParsedNode, nodes: ReadonlyMap<string, ParsedNode>): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const label = nodeLabel(node)
  const missing = (arrow: string) =>
    diagnostics.push(
      describeDiagnostic('describe/missing-arrow', node.line, { node: label, arrow }),
    )
  if (node.type !== 'sink' && node.successors === null) missing('-->')
  if (node.type !== 'source' && node.predecessors === null) missing('<--')
  if (node.type !== 'source' && node.predecessors?.names.length === 0) {
    diagnostics.push(
      describeDiagnostic('describe/no-predecessor', node.predecessors.line, { node: label }),
    )
  }
  const repeated = (names: readonly string[], line: number) => {
    const seen = new Set<string>()
    for (const name of names) {
      if (seen.has(name)) {
        diagnostics.push(
          describeDiagnostic('describe/duplicate-name-in-list', line, { node: label, name }),
        )
      }
      seen.add(name)
    }
  }
  repeated(node.stores ?? [], node.line)
  repeated(node.topics ?? [], node.line)
  for (const side of ['successors', 'predecessors'] as const) {
    const arrow = node[side]
    if (arrow === null) continue
    repeated(arrow.names, arrow.line)
    const symbol = side === 'successors' ? '-->' : '<--'
    for (const name of new Set(arrow.names)) {
      const other = nodes.get(name)
      if (other === undefined) {
        diagnostics.push(
          describeDiagnostic('describe/unknown-node', arrow.line, { node: label, name }),
        )
      } else if (other.block !== node.block) {
        diagnostics.push(
          describeDiagnostic('describe/cross-subtopology-edge', arrow.line, {
            node: label,
            other: name,
          }),
        )
      } else {
        const missingText = backLinkProblem(node, other, side)
        if (missingText !== null) {
          diagnostics.push(
            describeDiagnostic('describe/inconsistent-edge', arrow.line, {
              node: label,
              arrow: symbol,
              other: name,
              missing: missingText,
            }),
          )
        }
      }
    }
  }
  return diagnostics
}

/** Why `other` does not list `node` back, or null if it does. */
function backLinkProblem(
  node: ParsedNode,
  other: ParsedNode,
  side: 'successors' | 'predecessors',
): string | null {
  const back = side === 'successors' ? other.predecessors : other.successors
  if (side === 'successors' && other.type === 'source') return 'a source has no predecessors'
  if (side === 'predecessors' && other.type === 'sink') return 'a sink has no successors'
  // A missing arrow line is reported on its own; do not repeat it for every neighbour.
  if (back === null || back.names.includes(node.name)) return null
  const symbol = side === 'successors' ? '<--' : '-->'
  return `the "${symbol}" line of ${other.name} does not list ${node.name}`
}

function checkTopics(nodes: ReadonlyMap<string, ParsedNode>): Diagnostic[] {
  const readers = new Map<string, ParsedNode>()
  const diagnostics: Diagnostic[] = []
  for (const node of nodes.values()) {
    for (const topic of new Set(node.topics ?? [])) {
      const first = readers.get(topic)
      if (first === undefined) readers.set(topic, node)
      else {
        diagnostics.push(
          describeDiagnostic('describe/duplicate-topic', node.line, {
            topic,
            first: first.name,
            second: node.name,
          }),
        )
      }
    }
  }
  return diagnostics
}

function checkStores(blocks: readonly ParsedBlock[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const globalStores = new Set(
    blocks.filter((block) => block.global).flatMap((block) => block.nodes[1]?.stores ?? []),
  )
  const users = new Map<string, ParsedNode>()
  for (const block of blocks) {
    if (block.global) continue
    for (const node of block.nodes) {
      for (const store of node.stores ?? []) {
        if (globalStores.has(store)) {
          diagnostics.push(
            describeDiagnostic('describe/global-store-reused', node.line, {
              store,
              node: node.name,
            }),
          )
          continue
        }
        const first = users.get(store)
        if (first === undefined) users.set(store, node)
        else if (first.block !== node.block) {
          diagnostics.push(
            describeDiagnostic('describe/store-across-subtopologies', node.line, {
              store,
              node: node.name,
              other: first.name,
            }),
          )
        }
      }
    }
  }
  return diagnostics
}

function checkCycles(nodes: ReadonlyMap<string, ParsedNode>): Diagnostic[] {
  const state = new Map<string, 'open' | 'done'>()
  const path: ParsedNode[] = []
  const visit = (node: ParsedNode): Diagnostic | null => {
    const seen = state.get(node.name)
    if (seen === 'done') return null
    if (seen === 'open') {
      const cycle = path.slice(path.indexOf(node)).map((member) => member.name)
      return describeDiagnostic('describe/cycle', node.line, { path: [...cycle, node.name] })
    }
    state.set(node.name, 'open')
    path.push(node)
    for (const name of node.successors?.names ?? []) {
      const found = visit(nodes.get(name) as ParsedNode)
      if (found !== null) return found
    }
    path.pop()
    state.set(node.name, 'done')
    return null
  }
  for (const node of nodes.values()) {
    const found = visit(node)
    if (found !== null) return [found]
  }
  return []
}

// InternalTopologyBuilder groups nodes by links and shared stores (semantics reference §3.2).
function checkConnected(blocks: readonly ParsedBlock[]): Diagnostic[] {
  return blocks.flatMap((block) => {
    const root = new Map<string, string>()
    const find = (name: string): string => {
      let current = name
      while (root.get(current) !== current) current = root.get(current) as string
      return current
    }
    const unite = (a: string, b: string) => root.set(find(a), find(b))
    for (const node of block.nodes) root.set(node.name, node.name)
    const storeUser = new Map<string, string>()
    for (const node of block.nodes) {
      for (const parent of node.predecessors?.names ?? []) unite(node.name, parent)
      for (const store of node.stores ?? []) {
        const user = storeUser.get(store)
        if (user === undefined) storeUser.set(store, node.name)
        else unite(node.name, user)
      }
    }
    const count = new Set(block.nodes.map((node) => find(node.name))).size
    return count > 1
      ? [
          describeDiagnostic('describe/disconnected-subtopology', block.line, {
            id: block.id,
            count,
          }),
        ]
      : []
  })
}
