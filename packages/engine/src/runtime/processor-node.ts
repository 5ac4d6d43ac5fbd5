import type { Processor } from '../processor/processor'
import type { Record } from '../processor/record'
import { NodeTelemetry, type NodeRecord } from '../telemetry/node-telemetry'
import type { ProcessorContextImpl } from './processor-context-impl'
import { FailedProcessingException } from './streams-exception'

export type NodeKind = 'source' | 'processor' | 'sink'

/**
 * One processor node of a task: the processor instance, its children in insertion order and
 * its counters. Exceptions from the processor go to the processing exception handler here, so
 * a skipped record at one child does not stop its siblings (Kafka's ProcessorNode#process).
 */
export class ProcessorNode {
  readonly children: ProcessorNode[] = []
  readonly childByName = new Map<string, ProcessorNode>()
  readonly telemetry: NodeTelemetry
  /** Set while a fixed-key processor runs, to refuse forwards that change the key. */
  fixedKeyInput: { key: unknown } | null = null

  constructor(
    readonly name: string,
    readonly kind: NodeKind,
    readonly processor: Processor<unknown, unknown, unknown, unknown>,
    /** Stores this node may read and write (global stores are open to all). */
    readonly storeNames: ReadonlySet<string>,
    /** `processValues`: forwarded records must keep the input key. */
    readonly fixedKey: boolean,
    /** The design node this physical node was built for, if any. */
    readonly origin: string | undefined,
  ) {
    this.telemetry = new NodeTelemetry(name)
  }

  addChild(child: ProcessorNode): void {
    this.children.push(child)
    this.childByName.set(child.name, child)
  }

  process(record: Record<unknown, unknown>, context: ProcessorContextImpl): void {
    const telemetry = this.telemetry
    telemetry.recordsIn++
    if (telemetry.tap !== null) telemetry.tap.push(seen(record, context))
    if (context.trace !== null) context.trace(this.name, seen(record, context))
    if (telemetry.follow?.accepts(record.key()) === true)
      telemetry.follow.push(seen(record, context))
    const clock = context.clock
    const started = clock === null ? 0 : clock()
    if (this.fixedKey) this.fixedKeyInput = { key: record.key() }
    try {
      this.processor.process(record)
    } catch (error) {
      // As Kafka, every other exception, StreamsExceptions included, goes to the handler.
      if (error instanceof FailedProcessingException) throw error
      telemetry.errors++
      const rc = context.recordContext()
      const failed = seen(record, context)
      const response = context.config.processingExceptionHandler(
        {
          topic: rc.topic,
          partition: rc.partition,
          offset: rc.offset,
          processorNodeId: this.name,
          taskId: context.taskId(),
          timestamp: rc.timestamp,
        },
        error,
      )
      if (response === 'FAIL') throw new FailedProcessingException(this.name, error, failed)
      telemetry.recordDropped('processing-error')
      context.warn(this.name, 'processing-error', `Skipping record: ${String(error)}`, failed)
    } finally {
      if (this.fixedKey) this.fixedKeyInput = null
      if (clock !== null) telemetry.recordProcessTime(clock() - started)
    }
  }
}

/** The record as this node saw it, with where its task read it from. */
function seen(record: Record<unknown, unknown>, context: ProcessorContextImpl): NodeRecord {
  const rc = context.recordContext()
  return {
    key: record.key(),
    value: record.value(),
    timestamp: record.timestamp(),
    topic: rc.topic,
    partition: rc.partition,
    offset: rc.offset,
  }
}
