import type { Cancellable, PunctuationType } from '../processor/processor'
import type { Record } from '../processor/record'
import type { DropReason, NodeRecord } from '../telemetry/node-telemetry'
import type { InternalProcessorContext, NodeHandle } from './internal-processor-context'
import type { ProcessorNode } from './processor-node'
import type { RecordContext } from './record-context'
import type { RuntimeConfig } from './runtime-config'
import type { RuntimeStore } from './state/create-state-store'
import { StreamsException } from './streams-exception'

/** What the context needs from the task that owns it. */
export interface ContextOwner {
  readonly id: string
  readonly config: RuntimeConfig
  streamTime(): number
  wallClockMs(): number
  store(name: string): RuntimeStore | undefined
  isGlobalStore(name: string): boolean
  schedule(
    node: ProcessorNode,
    intervalMs: number,
    type: PunctuationType,
    punctuator: (timestamp: number) => void,
  ): Cancellable
  requestCommit(): void
  warn(node: string, reason: DropReason, message: string, record?: NodeRecord): void
}

/**
 * The processor context of one task, shared by all its nodes as in Kafka: the task moves the
 * current node and record context as records flow depth-first through the topology.
 */
export class ProcessorContextImpl implements InternalProcessorContext {
  currentNode: ProcessorNode | null = null
  private readonly locals = new Map<string, unknown>()
  private currentRecordContext: RecordContext | null = null
  /** Told of every record a node of the task receives, while a debugger steps through it. */
  trace: ((node: string, record: NodeRecord) => void) | null = null

  constructor(
    private readonly owner: ContextOwner,
    /** High-resolution clock for process-time telemetry; null turns timing off. */
    readonly clock: (() => number) | null,
  ) {}

  get config(): RuntimeConfig {
    return this.owner.config
  }

  forward<K, V>(record: Record<K, V>, childName?: string): void {
    const node = this.requireNode()
    if (node.fixedKeyInput !== null && !Object.is(node.fixedKeyInput.key, record.key())) {
      throw new StreamsException(
        `Processor ${node.name} is a fixed-key processor (processValues) and may not change the key (from ${String(node.fixedKeyInput.key)} to ${String(record.key())})`,
      )
    }
    const previous = this.currentRecordContext
    // Downstream nodes see the forwarded record's timestamp and headers, as in Kafka.
    this.currentRecordContext = {
      timestamp: record.timestamp(),
      headers: record.headers(),
      topic: previous?.topic ?? null,
      partition: previous?.partition ?? -1,
      offset: previous?.offset ?? -1,
    }
    node.telemetry.recordsOut++
    if (childName !== undefined) {
      const child = node.childByName.get(childName)
      if (child === undefined) {
        throw new StreamsException(
          `Unknown downstream node: ${childName} either does not exist or is not connected to this processor (${node.name}).`,
        )
      }
      this.currentNode = child
      child.process(record as Record<unknown, unknown>, this)
    } else {
      for (const child of node.children) {
        this.currentNode = child
        child.process(record as Record<unknown, unknown>, this)
      }
    }
    this.currentNode = node
    this.currentRecordContext = previous
  }

  getStateStore<S = unknown>(name: string): S {
    return this.getRuntimeStore(name) as S
  }

  getRuntimeStore(name: string): RuntimeStore {
    const node = this.requireNode()
    const store = this.owner.store(name)
    if (store === undefined || (!node.storeNames.has(name) && !this.owner.isGlobalStore(name))) {
      throw new StreamsException(
        `Processor ${node.name} has no access to StateStore ${name} as the store is not connected to the processor. Connect it with addStateStore(builder, '${node.name}'), connectProcessorAndStateStores('${node.name}', '${name}'), by naming it in process(), or by returning it from the supplier's stores().`,
      )
    }
    return store
  }

  schedule(
    intervalMs: number,
    type: PunctuationType,
    punctuator: (timestamp: number) => void,
  ): Cancellable {
    if (!Number.isFinite(intervalMs) || intervalMs < 1) {
      throw new RangeError('The minimum supported scheduling interval is 1 millisecond.')
    }
    return this.owner.schedule(this.requireNode(), intervalMs, type, punctuator)
  }

  recordMetadata(): { topic(): string | null; partition(): number; offset(): number } | null {
    const rc = this.currentRecordContext
    if (rc === null) return null
    return { topic: () => rc.topic, partition: () => rc.partition, offset: () => rc.offset }
  }

  recordContext(): RecordContext {
    if (this.currentRecordContext === null) {
      throw new StreamsException(
        'There is no record being processed (the record context is only set inside process and punctuators)',
      )
    }
    return this.currentRecordContext
  }

  hasRecordContext(): boolean {
    return this.currentRecordContext !== null
  }

  setRecordContext(context: RecordContext | null): void {
    this.currentRecordContext = context
  }

  currentStreamTimeMs(): number {
    return this.owner.streamTime()
  }

  currentSystemTimeMs(): number {
    return this.owner.wallClockMs()
  }

  applicationId(): string {
    return this.owner.config.applicationId
  }

  taskId(): string {
    return this.owner.id
  }

  commit(): void {
    this.owner.requestCommit()
  }

  currentNodeName(): string {
    return this.requireNode().name
  }

  captureNode(): NodeHandle {
    return this.requireNode()
  }

  runAs<T>(node: NodeHandle, action: () => T): T {
    const previous = this.currentNode
    this.currentNode = node as ProcessorNode
    try {
      return action()
    } finally {
      this.currentNode = previous
    }
  }

  taskLocal<T>(key: string, create: () => T): T {
    if (!this.locals.has(key)) this.locals.set(key, create())
    return this.locals.get(key) as T
  }

  recordDropped(reason: DropReason, message: string): void {
    const node = this.requireNode()
    node.telemetry.recordDropped(reason)
    this.owner.warn(node.name, reason, message)
  }

  warn(node: string, reason: DropReason, message: string, record?: NodeRecord): void {
    this.owner.warn(node, reason, message, record)
  }

  private requireNode(): ProcessorNode {
    if (this.currentNode === null) {
      throw new StreamsException('The processor context is used outside of a processor')
    }
    return this.currentNode
  }
}
