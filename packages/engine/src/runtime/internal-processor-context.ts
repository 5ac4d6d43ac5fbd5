import type { ProcessorContext } from '../processor/processor'
import type { DropReason, NodeRecord } from '../telemetry/node-telemetry'
import type { RecordContext } from './record-context'
import type { RuntimeConfig } from './runtime-config'
import type { RuntimeStore } from './state/create-state-store'

/**
 * The context DSL operators run with: the public ProcessorContext plus what Kafka's
 * `InternalProcessorContext` gives its own processors (record context, dropped-record
 * accounting, typed access to stores).
 */
export interface InternalProcessorContext extends ProcessorContext {
  readonly config: RuntimeConfig
  currentNodeName(): string
  recordContext(): RecordContext
  hasRecordContext(): boolean
  setRecordContext(context: RecordContext | null): void
  /** Counts a dropped record at the current node and reports the reason. */
  recordDropped(reason: DropReason, message: string): void
  /** Reports something Kafka would log as a warning, without counting a drop. */
  warn(node: string, reason: DropReason, message: string, record?: NodeRecord): void
  getRuntimeStore(name: string): RuntimeStore
  /** The node now processing, to forward from it later (cache flushes, emit on close). */
  captureNode(): NodeHandle
  /** Runs `action` as `node`: its forwards go to that node's children. */
  runAs<T>(node: NodeHandle, action: () => T): T
  /**
   * One object per task and key, created on first use: lets processors share state that is
   * not a store, e.g. a suppress buffer read by a downstream join's value getter.
   */
  taskLocal<T>(key: string, create: () => T): T
}

/** An opaque reference to a processor node of the task. */
export interface NodeHandle {
  readonly name: string
}
