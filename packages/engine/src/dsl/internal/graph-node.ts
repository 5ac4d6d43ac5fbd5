import type { InternalTopologyBuilder } from '../../topology/internal-topology-builder'

/**
 * A logical DSL node, as Kafka Streams' `GraphNode`: one per DSL operation, written to the
 * physical topology at build time in build-priority order once all parents are written.
 */
export abstract class GraphNode {
  readonly parents: GraphNode[] = []
  readonly children: GraphNode[] = []
  buildPriority = 0
  written = false
  keyChangingOperation = false
  valueChangingOperation = false
  mergeNode = false
  /** Id of the designer node that created this node, if any. */
  origin: string | null = null

  constructor(readonly nodeName: string) {}

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
