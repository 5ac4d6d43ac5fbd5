import type { InternalTopologyBuilder } from '../../topology/internal-topology-builder'

/**
 * A logical DSL node, as Kafka Streams' `GraphNode`: one per DSL operation, written to the
 * physical topology at build time in build-priority order once all parents are written.
 */
export abstract class GraphNode {
  declare readonly nodeName: string
  declare readonly parents: GraphNode[]
  declare readonly children: GraphNode[]
  declare buildPriority: number
  declare written: boolean
  declare keyChangingOperation: boolean
  declare valueChangingOperation: boolean
  declare mergeNode: boolean
  /** Id of the designer node that created this node, if any. */
  declare origin: string | null

  // Assigned in the constructor rather than as field initializers: designs of thousands of
  // nodes create these on every plan, and define-semantics fields are measurably slower.
  constructor(nodeName: string) {
    this.nodeName = nodeName
    this.parents = []
    this.children = []
    this.buildPriority = 0
    this.written = false
    this.keyChangingOperation = false
    this.valueChangingOperation = false
    this.mergeNode = false
    this.origin = null
  }

  addChild(child: GraphNode): void {
    if (!this.children.includes(child)) this.children.push(child)
    if (!child.parents.includes(this)) child.parents.push(this)
  }

  removeChild(child: GraphNode): void {
    const index = this.children.indexOf(child)
    if (index >= 0) this.children.splice(index, 1)
    const parentIndex = child.parents.indexOf(this)
    if (parentIndex >= 0) child.parents.splice(parentIndex, 1)
  }

  clearChildren(): void {
    for (const child of [...this.children]) this.removeChild(child)
  }

  parentNodeNames(): string[] {
    return this.parents.map((parent) => parent.nodeName)
  }

  allParentsWritten(): boolean {
    return this.parents.every((parent) => parent.written)
  }

  abstract writeToTopology(builder: InternalTopologyBuilder): void
}

export class RootNode extends GraphNode {
  constructor() {
    super('root')
  }

  writeToTopology(): void {}
}
