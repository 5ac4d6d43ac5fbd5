import type { JoinType, PhysicalNode } from '@topology-studio/shared'
import { generatedPrefix, type PhysicalIndex } from './physical-index'

/** A stream–stream or table–table join found at the processor that merges its two sides. */
export interface JoinMatch {
  readonly between: 'streams' | 'tables'
  readonly joinType: JoinType
  /** The join's `Named`, when the text shows one. */
  readonly name: string | undefined
  /** Its processors, from the left side's first to the merge. */
  readonly parts: readonly PhysicalNode[]
  /** The processors whose single input is the left and the right side. */
  readonly leftEntry: PhysicalNode
  readonly rightEntry: PhysicalNode
}

// KSTREAM-WINDOWED (this, other) → KSTREAM-JOINTHIS / KSTREAM-JOINOTHER (OUTER… for outer
// sides) → KSTREAM-MERGE, or with a name n: n-this-windowed, n-this-join (n-outer-this-join), …,
// n-merge. Tables: KTABLE-JOINTHIS / KTABLE-JOINOTHER → KTABLE-MERGE, or n-join-this,
// n-join-other → n, whatever the join type.

/** Recognises the merge of a stream–stream or table–table join, or returns null. */
export function matchJoin(index: PhysicalIndex, merge: PhysicalNode): JoinMatch | null {
  if (merge.type !== 'processor' || merge.predecessors.length !== 2) return null
  const [first, second] = merge.predecessors.map((name) => index.node(name))
  if (first === undefined || second === undefined) return null
  return matchStreamJoin(index, merge, first, second) ?? matchTableJoin(merge, first, second)
}

function matchStreamJoin(
  index: PhysicalIndex,
  merge: PhysicalNode,
  thisJoin: PhysicalNode,
  otherJoin: PhysicalNode,
): JoinMatch | null {
  const mergePrefix = generatedPrefix(merge.name)
  const name = mergePrefix === null ? /^(.+)-merge$/.exec(merge.name)?.[1] : undefined
  if (mergePrefix !== 'KSTREAM-MERGE' && name === undefined) return null
  const side = (node: PhysicalNode, which: 'THIS' | 'OTHER'): 'join' | 'outer' | null => {
    const prefix = generatedPrefix(node.name)
    if (name === undefined) {
      if (prefix === `KSTREAM-JOIN${which}`) return 'join'
      return prefix === `KSTREAM-OUTER${which}` ? 'outer' : null
    }
    const suffix = which.toLowerCase()
    if (node.name === `${name}-${suffix}-join`) return 'join'
    return node.name === `${name}-outer-${suffix}-join` ? 'outer' : null
  }
  const thisSide = side(thisJoin, 'THIS')
  const otherSide = side(otherJoin, 'OTHER')
  if (thisSide === null || otherSide === null) return null
  const windowed = [thisJoin, otherJoin].map((join, at) => {
    const [feeding] = join.predecessors
    const node = feeding === undefined ? undefined : index.node(feeding)
    const expected = at === 0 ? `${name}-this-windowed` : `${name}-other-windowed`
    const fits =
      node !== undefined &&
      node.predecessors.length === 1 &&
      (name === undefined
        ? generatedPrefix(node.name) === 'KSTREAM-WINDOWED'
        : node.name === expected)
    return fits ? node : undefined
  })
  const [thisWindowed, otherWindowed] = windowed
  if (thisWindowed === undefined || otherWindowed === undefined) return null
  return {
    between: 'streams',
    joinType: thisSide === 'outer' ? 'outer' : otherSide === 'outer' ? 'left' : 'inner',
    name,
    parts: [thisWindowed, otherWindowed, thisJoin, otherJoin, merge],
    leftEntry: thisWindowed,
    rightEntry: otherWindowed,
  }
}

function matchTableJoin(
  merge: PhysicalNode,
  thisJoin: PhysicalNode,
  otherJoin: PhysicalNode,
): JoinMatch | null {
  const generated =
    generatedPrefix(merge.name) === 'KTABLE-MERGE' &&
    generatedPrefix(thisJoin.name) === 'KTABLE-JOINTHIS' &&
    generatedPrefix(otherJoin.name) === 'KTABLE-JOINOTHER'
  const named =
    thisJoin.name === `${merge.name}-join-this` && otherJoin.name === `${merge.name}-join-other`
  if ((!generated && !named) || thisJoin.predecessors.length !== 1) return null
  if (otherJoin.predecessors.length !== 1) return null
  return {
    between: 'tables',
    // Every table–table join names its processors alike; inner is the common one.
    joinType: 'inner',
    name: named ? merge.name : undefined,
    parts: [thisJoin, otherJoin, merge],
    leftEntry: thisJoin,
    rightEntry: otherJoin,
  }
}
