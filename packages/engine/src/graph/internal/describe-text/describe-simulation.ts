import { OrderTree } from './order-tree'

/** What one connection changed, so that it can be taken back. */
export interface Connection {
  readonly node: number
  readonly predecessor: number
  readonly delta: number
  readonly predecessors: OrderTree
  readonly successors: OrderTree
}

/**
 * Replays, one predecessor link at a time, what `describeSubtopologyNodes` does for a
 * sub-topology (semantics reference, Appendix A rule 3): node sizes and the predecessor and
 * successor trees, whose order depends on the sizes at each insertion. Nodes are integer ids;
 * `rank` is the id's position in name order, the comparator's tie-break.
 */
export class DescribeSimulation {
  readonly sizes: number[]
  readonly predecessors: OrderTree[]
  readonly successors: OrderTree[]

  constructor(private readonly rank: readonly number[]) {
    this.sizes = rank.map(() => 1)
    this.predecessors = rank.map(() => OrderTree.EMPTY)
    this.successors = rank.map(() => OrderTree.EMPTY)
  }

  // Kafka's NodeComparator over the sizes as they are right now.
  readonly compare = (a: number, b: number): number => {
    if (a === b) return 0
    const sizeA = this.sizes[a] as number
    const sizeB = this.sizes[b] as number
    if (sizeA !== sizeB) return sizeB - sizeA
    return (this.rank[a] as number) - (this.rank[b] as number)
  }

  /** One step of the loop over `node`'s declared predecessors. */
  connect(node: number, predecessor: number): Connection {
    const connection: Connection = {
      node,
      predecessor,
      delta: this.sizes[node] as number,
      predecessors: this.predecessors[node] as OrderTree,
      successors: this.successors[predecessor] as OrderTree,
    }
    this.predecessors[node] = connection.predecessors.with(predecessor, this.compare)
    this.successors[predecessor] = connection.successors.with(node, this.compare)
    this.addSize(predecessor, connection.delta)
    return connection
  }

  /** Takes back the latest connection that is still in effect. */
  disconnect(connection: Connection): void {
    // The predecessor's ancestors are the same as when the size was added, because only
    // later connections (already taken back) could have changed them.
    this.addSize(connection.predecessor, -connection.delta)
    this.predecessors[connection.node] = connection.predecessors
    this.successors[connection.predecessor] = connection.successors
  }

  // InternalTopologyBuilder#updateSize: once per path through the predecessors known so far.
  private addSize(node: number, delta: number): void {
    this.sizes[node] = (this.sizes[node] as number) + delta
    for (const predecessor of (this.predecessors[node] as OrderTree).values) {
      this.addSize(predecessor, delta)
    }
  }
}
