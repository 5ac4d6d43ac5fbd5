// When no declaration order reproduces the pasted text, say where the rebuilt text differs, on
// the pasted line, so the user can see which list Kafka Streams would have printed differently.
import type { Diagnostic } from '@topology-studio/shared'
import { describeDiagnostic } from './describe-diagnostics'
import { blocksInIdOrder } from './plan-from-parsed'
import type { ParsedDescription, ParsedNode } from './parsed-description'

const MAX_WARNINGS = 20

function names(list: readonly string[]): string {
  return list.length === 0 ? 'none' : list.join(', ')
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return (a ?? []).join('\u0000') === (b ?? []).join('\u0000')
}

function nodeMismatches(original: ParsedNode, rebuilt: ParsedNode): Diagnostic[] {
  const found: Diagnostic[] = []
  const compare = (
    what: string,
    line: number,
    printed: readonly string[] | undefined,
    again: readonly string[] | undefined,
    show: (list: readonly string[]) => string,
  ) => {
    if (!sameList(printed, again)) {
      found.push(
        describeDiagnostic('describe/order-not-reproduced', line, {
          what,
          printed: show(printed ?? []),
          rebuilt: show(again ?? []),
        }),
      )
    }
  }
  const bracket = (list: readonly string[]) => `[${list.join(', ')}]`
  const arrowLine = (side: 'successors' | 'predecessors') => original[side]?.line ?? original.line
  compare(`the topics of ${original.name}`, original.line, original.topics, rebuilt.topics, bracket)
  compare(`the stores of ${original.name}`, original.line, original.stores, rebuilt.stores, bracket)
  compare(
    `the successors of ${original.name}`,
    arrowLine('successors'),
    original.successors?.names,
    rebuilt.successors?.names,
    names,
  )
  compare(
    `the predecessors of ${original.name}`,
    arrowLine('predecessors'),
    original.predecessors?.names,
    rebuilt.predecessors?.names,
    names,
  )
  return found
}

/** Warnings for every list or node position the rebuilt description prints differently. */
export function explainMismatch(
  original: ParsedDescription,
  rebuilt: ParsedDescription,
): Diagnostic[] {
  const rebuiltNodes = new Map<string, { node: ParsedNode; index: number }>()
  for (const block of rebuilt.blocks) {
    block.nodes.forEach((node, index) => rebuiltNodes.set(node.name, { node, index }))
  }
  const found: Diagnostic[] = []
  blocksInIdOrder(original).forEach((block, id) => {
    block.nodes.forEach((node, index) => {
      const again = rebuiltNodes.get(node.name)
      if (again === undefined) return
      const rebuiltBlock = rebuilt.blocks[again.node.block]
      // A block that fell apart gets its own warning; positions inside it mean nothing.
      if (rebuiltBlock === undefined || rebuiltBlock.nodes.length !== block.nodes.length) return
      if (again.index !== index) {
        found.push(
          describeDiagnostic('describe/order-not-reproduced', node.line, {
            what: `the node at position ${index + 1} of sub-topology ${id}`,
            printed: node.name,
            rebuilt: (rebuiltBlock.nodes[index] as ParsedNode).name,
          }),
        )
      }
      found.push(...nodeMismatches(node, again.node))
    })
  })
  return found.slice(0, MAX_WARNINGS)
}
