/** A `-->` or `<--` line: the names listed, where it was. */
export interface ParsedArrow {
  readonly names: readonly string[]
  readonly line: number
}

/** A Source, Processor or Sink line of the pasted text with its arrow lines. */
export interface ParsedNode {
  readonly type: 'source' | 'processor' | 'sink'
  readonly name: string
  readonly line: number
  /** Index of its block in `ParsedDescription.blocks`. */
  readonly block: number
  /** Source: subscribed topics, or the pattern when the subscription is a regex. */
  readonly topics?: readonly string[]
  readonly topicPattern?: string
  /** Processor: listed stores. */
  readonly stores?: readonly string[]
  /** Sink: the static topic, or the extractor's text. */
  readonly topic?: string
  readonly topicExtractor?: string
  successors: ParsedArrow | null
  predecessors: ParsedArrow | null
}

/** A `Sub-topology: N` block, or a global store block. */
export interface ParsedBlock {
  readonly id: number
  readonly global: boolean
  readonly line: number
  readonly nodes: ParsedNode[]
}

export interface ParsedDescription {
  /** In the order they appear in the text. */
  readonly blocks: ParsedBlock[]
}
