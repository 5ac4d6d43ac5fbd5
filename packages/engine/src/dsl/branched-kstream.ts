import { Branched } from './branched'
import { operator } from './internal/abstract-stream'
import { ProcessorGraphNode } from './internal/graph-nodes'
import { NamedInternal, Prefix } from './internal/names'
import type { KStream, Predicate } from './kstream'

/**
 * The result of `KStream#split()`, as Kafka's `BranchedKStream`: each `branch` adds a child
 * named `<splitter><branch name or index>`; the default branch has index 0.
 */
export class BranchedKStream<K, V> {
  private readonly splitterName: string
  private readonly splitter: ProcessorGraphNode
  private readonly predicates: Predicate<K, V>[] = []
  private readonly childNames: string[] = []
  private readonly outputs = new Map<string, KStream<K, V>>()
  private index = 1
  private closed = false

  constructor(
    private readonly source: KStream<K, V>,
    name: string | null,
  ) {
    this.splitterName = new NamedInternal(name).orElseGenerateWithPrefix(
      source.builder,
      Prefix.BRANCH,
    )
    this.splitter = new ProcessorGraphNode(
      this.splitterName,
      operator('KStreamBranch', { predicates: this.predicates, childNames: this.childNames }),
    )
    source.builder.addGraphNode(source.graphNode, this.splitter)
  }

  branch(predicate: Predicate<K, V>, branched?: Branched<K, V>): this {
    this.requireOpen()
    this.predicates.push(predicate)
    this.createBranch(branched ?? null, this.index++)
    return this
  }

  defaultBranch(branched?: Branched<K, V>): Map<string, KStream<K, V>> {
    this.requireOpen()
    this.createBranch(branched ?? null, 0)
    this.closed = true
    return this.outputs
  }

  noDefaultBranch(): Map<string, KStream<K, V>> {
    this.requireOpen()
    this.closed = true
    return this.outputs
  }

  private requireOpen(): void {
    if (this.closed) throw new Error('This split() has already been closed with a default branch')
  }

  private createBranch(branched: Branched<K, V> | null, index: number): void {
    const childName = `${this.splitterName}${branched?.name ?? index}`
    this.childNames.push(childName)
    this.source.builder.newProcessorName(Prefix.BRANCHCHILD)
    const node = new ProcessorGraphNode(childName, operator('KStreamPassThrough'))
    this.source.builder.addGraphNode(this.splitter, node)
    const branch = this.source.derive<K, V>(
      node,
      this.source.repartitionRequired,
      this.source.keySerde,
      this.source.valueSerde,
    )
    if (branched?.chainFunction != null) {
      const result = branched.chainFunction(branch)
      if (result != null) this.outputs.set(childName, result)
    } else if (branched?.chainConsumer != null) {
      branched.chainConsumer(branch)
    } else {
      this.outputs.set(childName, branch)
    }
  }
}

export { Branched }
