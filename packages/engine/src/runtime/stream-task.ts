// A task: one sub-topology group instance for one partition, as Kafka's StreamTask. It owns
// its processor nodes, stores, record queues, stream time and punctuation schedules.
import type { Cancellable, PunctuationType } from '../processor/processor'
import { Record, type Header } from '../processor/record'
import type { Serde } from '../serde/serde'
import { prepareSerde } from '../serde/wrapping-nullable-serde'
import type { InternalTopologyBuilder } from '../topology/internal-topology-builder'
import type {
  DropReason,
  NodeRecord,
  NodeMetricsSnapshot,
  RuntimeWarning,
} from '../telemetry/node-telemetry'
import { RecordTap, type KeyFilter } from '../telemetry/record-tap'
import {
  buildProcessorTopology,
  type ProcessorTopology,
  type SourceBinding,
} from './build-processor-topology'
import { suppressedValueHolder, type BufferedChange } from './operators/value-getter'
import { PartitionGroup, type StampedRecord } from './partition-group'
import { ProcessorContextImpl, type ContextOwner } from './processor-context-impl'
import type { ProcessorNode } from './processor-node'
import { PunctuationQueue, type PunctuationSchedule } from './punctuation-queue'
import type { RecordCollector } from './record-collector'
import { punctuationContext } from './record-context'
import type { ExceptionHandler, RuntimeConfig } from './runtime-config'
import { createStateStore, type RuntimeStore } from './state/create-state-store'
import type { ChangelogWriter } from './state/store-context'
import { ThreadCache } from './state/thread-cache'
import { FailedProcessingException, messageOf, StreamsException } from './streams-exception'
import { failOnInvalidTimestamp } from './timestamp-extractors'

/** A consumed record before deserialization. */
export interface RawRecord {
  readonly topic: string
  readonly partition: number
  readonly offset: number
  readonly timestamp: number
  readonly key: Uint8Array | null
  readonly value: Uint8Array | null
  readonly headers: readonly Header[]
}

export interface StreamTaskOptions {
  readonly id: string
  readonly partition: number
  readonly builder: InternalTopologyBuilder
  /** Global tasks hold the global stores: records update them at once, without stream time. */
  readonly global: boolean
  /** The sub-topology this task runs (task `<subtopology>_<partition>`); all when omitted. */
  readonly subtopology?: number
  readonly config: RuntimeConfig
  readonly collector: RecordCollector
  readonly runtimeTopic: (topic: string) => string
  /** Receives every write of logged stores; null when nobody needs changelogs. */
  readonly changelog: ChangelogWriter | null
  /** Stores of the global task, readable by every processor. */
  readonly globalStores?: ReadonlyMap<string, RuntimeStore>
  readonly wallClockMs: () => number
  /** High-resolution clock for per-node process time; omit to skip timing. */
  readonly clock?: () => number
  readonly onWarning?: (warning: RuntimeWarning) => void
  /** Replaces the configured deserialization exception handler (the test driver's global task). */
  readonly deserializationExceptionHandler?: ExceptionHandler
  /**
   * Leaves processors uninitialized until `initializeTopology()`: a Kafka runtime restores the
   * stores from their changelogs first, as processors may read them in `init`.
   */
  readonly deferInitialization?: boolean
}

/** The next offset to consume of one input partition: what a commit stores. */
export interface ConsumedOffset {
  readonly topic: string
  readonly partition: number
  /** The offset after the last processed record. */
  readonly offset: number
}

const MAX_WARNINGS = 100

export class StreamTask implements ContextOwner {
  readonly id: string
  readonly config: RuntimeConfig
  readonly context: ProcessorContextImpl
  private readonly topology: ProcessorTopology
  private readonly stores = new Map<string, RuntimeStore>()
  private readonly partitionGroup = new PartitionGroup()
  private readonly streamTimePunctuations = new PunctuationQueue('STREAM_TIME')
  private readonly wallClockPunctuations = new PunctuationQueue('WALL_CLOCK_TIME')
  private readonly sourceSerdes = new Map<string, { key: Serde<unknown>; value: Serde<unknown> }>()
  private readonly droppedBySource = new Map<DropReason, number>()
  private readonly consumed = new Map<string, ConsumedOffset>()
  private commitRequested = false
  private initialized = false
  private closed = false
  readonly warnings: RuntimeWarning[] = []
  private followFilter: KeyFilter | null = null

  constructor(private readonly options: StreamTaskOptions) {
    this.id = options.id
    this.config = options.config
    this.context = new ProcessorContextImpl(this, options.clock ?? null)
    this.topology = buildProcessorTopology(options.builder, {
      global: options.global,
      ...(options.subtopology !== undefined ? { subtopology: options.subtopology } : {}),
      context: this.context,
      collector: options.collector,
      runtimeTopic: options.runtimeTopic,
    })
    const cache =
      this.config.cacheMaxBytes > 0 && !options.global
        ? new ThreadCache(this.config.cacheMaxBytes)
        : null
    for (const storeBuilder of this.topology.storeBuilders) {
      if (options.globalStores?.has(storeBuilder.name) === true) continue
      this.stores.set(
        storeBuilder.name,
        createStateStore(
          storeBuilder,
          {
            applicationId: this.config.applicationId,
            taskId: this.id,
            partition: options.partition,
            defaultKeySerde: this.config.defaultKeySerde,
            defaultValueSerde: this.config.defaultValueSerde,
            recordContext: () =>
              this.context.hasRecordContext()
                ? this.context.recordContext()
                : punctuationContext(Math.max(0, this.streamTime())),
            changelog: options.global ? null : options.changelog,
            cacheMaxBytes: options.global ? 0 : this.config.cacheMaxBytes,
          },
          cache,
        ),
      )
    }
    for (const { node, factory } of this.sources()) {
      this.sourceSerdes.set(node.name, {
        key: this.sourceSerde(factory.keySerde, this.config.defaultKeySerde, 'key', node.name),
        value: this.sourceSerde(
          factory.valueSerde,
          this.config.defaultValueSerde,
          'value',
          node.name,
        ),
      })
    }
    if (options.deferInitialization !== true) this.initializeTopology()
  }

  /** Initializes the processors, in node order; once. */
  initializeTopology(): void {
    if (this.initialized) return
    this.initialized = true
    for (const node of this.topology.nodes) {
      this.context.currentNode = node
      try {
        node.processor.init?.(this.context)
      } catch (error) {
        throw new StreamsException(
          `Failed to initialize processor ${node.name} of task ${this.id}: ${messageOf(error)}`,
          { cause: error },
        )
      }
    }
    this.context.currentNode = null
  }

  private sources(): SourceBinding[] {
    return [...new Set([...this.topology.sourcesByTopic.values(), ...this.topology.patternSources])]
  }

  private sourceSerde(
    serde: Serde<unknown> | null,
    fallback: Serde<unknown> | null,
    which: 'key' | 'value',
    node: string,
  ): Serde<unknown> {
    const chosen = serde ?? fallback
    if (chosen === null) {
      throw new StreamsException(
        `Source ${node} has no ${which} serde: set one with Consumed.with(...) or configure default.${which}.serde`,
      )
    }
    return prepareSerde(chosen, this.config.defaultKeySerde, this.config.defaultValueSerde)
  }

  /** The source node reading `topic`, if this task reads it. */
  sourceFor(topic: string): SourceBinding | undefined {
    const direct = this.topology.sourcesByTopic.get(topic)
    if (direct !== undefined) return direct
    return this.topology.patternSources.find((source) => {
      source.pattern.lastIndex = 0
      return source.pattern.test(topic)
    })
  }

  readsTopic(topic: string): boolean {
    return this.sourceFor(topic) !== undefined
  }

  /** Deserializes and stamps a consumed record, then queues it (or drops it, counted). */
  addRecord(raw: RawRecord): void {
    const source = this.sourceFor(raw.topic)
    if (source === undefined) {
      throw new StreamsException(`Task ${this.id} does not read topic ${raw.topic}`)
    }
    const serdes = this.sourceSerdes.get(source.node.name) as {
      key: Serde<unknown>
      value: Serde<unknown>
    }
    let key: unknown
    let value: unknown
    try {
      key = serdes.key.deserialize(raw.topic, raw.key)
      value = serdes.value.deserialize(raw.topic, raw.value)
    } catch (error) {
      const handler =
        this.options.deserializationExceptionHandler ?? this.config.deserializationExceptionHandler
      const response = handler(
        {
          topic: raw.topic,
          partition: raw.partition,
          offset: raw.offset,
          processorNodeId: source.node.name,
          taskId: this.id,
          timestamp: raw.timestamp,
        },
        error,
      )
      if (response === 'FAIL') {
        throw new StreamsException(
          `Deserialization exception handler is set to fail upon a deserialization error (topic ${raw.topic}, partition ${raw.partition}, offset ${raw.offset}, source ${source.node.name}): ${messageOf(error)}. Set deserialization.exception.handler to LogAndContinueExceptionHandler to skip such records.`,
          { cause: error },
        )
      }
      this.sourceDropped(
        source.node,
        'deserialization-error',
        // Kafka logs the exception under the line.
        `Skipping record due to deserialization error. topic=[${raw.topic}] partition=[${raw.partition}] offset=[${raw.offset}]\n${messageOf(error)}`,
      )
      this.markSkipped(raw)
      return
    }
    if (this.options.global) {
      // As Kafka's GlobalStateUpdateTask: the consumed record's timestamp, no extractor.
      this.processStamped({ ...raw, key, value })
      return
    }
    const extractor =
      source.factory.timestampExtractor ??
      this.config.defaultTimestampExtractor ??
      failOnInvalidTimestamp
    let timestamp: number
    try {
      timestamp = extractor.extract(
        { timestamp: raw.timestamp, key, value },
        this.partitionGroup.partitionTime(raw.topic, raw.partition),
      )
    } catch (error) {
      throw new StreamsException(
        `Timestamp extraction failed for the record at offset ${raw.offset} of ${raw.topic}-${raw.partition} (source ${source.node.name}): ${messageOf(error)}`,
        { cause: error },
      )
    }
    if (timestamp < 0) {
      this.sourceDropped(
        source.node,
        'invalid-timestamp',
        `Skipping record due to negative extracted timestamp. topic=[${raw.topic}] partition=[${raw.partition}] offset=[${raw.offset}] extractedTimestamp=[${timestamp}] extractor=[${String(extractor)}]`,
      )
      this.markSkipped(raw)
      return
    }
    const stamped: StampedRecord = {
      topic: raw.topic,
      partition: raw.partition,
      offset: raw.offset,
      timestamp,
      key,
      value,
      headers: raw.headers,
    }
    this.partitionGroup.add(stamped)
  }

  private sourceDropped(node: ProcessorNode, reason: DropReason, message: string): void {
    node.telemetry.recordDropped(reason)
    this.droppedBySource.set(reason, (this.droppedBySource.get(reason) ?? 0) + 1)
    this.warn(node.name, reason, message)
  }

  hasRecordsQueued(): boolean {
    return this.partitionGroup.numBuffered() > 0
  }

  /** Processes the queued record with the smallest timestamp; false when none is queued. */
  process(): boolean {
    const record = this.partitionGroup.nextRecord()
    if (record === undefined) return false
    this.processStamped(record)
    return true
  }

  private markConsumed(record: { topic: string; partition: number; offset: number }): void {
    const partitionKey = `${record.topic}\u0000${record.partition}`
    const consumed = this.consumed.get(partitionKey)
    if (consumed === undefined || consumed.offset <= record.offset) {
      this.consumed.set(partitionKey, {
        topic: record.topic,
        partition: record.partition,
        offset: record.offset + 1,
      })
    }
  }

  /** A skipped record counts as consumed once nothing before it waits in its partition. */
  private markSkipped(raw: RawRecord): void {
    if (this.partitionGroup.numBufferedIn(raw.topic, raw.partition) === 0) this.markConsumed(raw)
  }

  private processStamped(record: StampedRecord): void {
    const source = this.sourceFor(record.topic) as SourceBinding
    this.markConsumed(record)
    this.context.setRecordContext({
      timestamp: record.timestamp,
      offset: record.offset,
      partition: record.partition,
      topic: record.topic,
      headers: record.headers,
    })
    this.context.currentNode = source.node
    try {
      source.node.process(
        new Record(record.key, record.value, record.timestamp, record.headers),
        this.context,
      )
    } catch (error) {
      const node =
        error instanceof FailedProcessingException
          ? error.processorName
          : (this.context.currentNode?.name ?? source.node.name)
      throw new StreamsException(
        `Exception caught in process. taskId=${this.id}, processor=${node}${this.originSuffix(node)}, topic=${record.topic}, partition=${record.partition}, offset=${record.offset}: ${error instanceof FailedProcessingException ? messageOf(error.cause) : messageOf(error)}`,
        { cause: error },
      )
    } finally {
      this.context.currentNode = null
      this.context.setRecordContext(null)
    }
  }

  private originSuffix(nodeName: string): string {
    const origin = this.topology.nodeByName.get(nodeName)?.origin
    return origin === undefined ? '' : ` (design node ${origin})`
  }

  streamTime(): number {
    return this.partitionGroup.streamTime()
  }

  /** The largest timestamp processed from one input partition (-1 before any). */
  partitionTime(topic: string, partition: number): number {
    return this.partitionGroup.partitionTime(topic, partition)
  }

  /** Records queued for one input partition. */
  numBufferedIn(topic: string, partition: number): number {
    return this.partitionGroup.numBufferedIn(topic, partition)
  }

  /** Records deserialized and queued, not yet processed. */
  numBuffered(): number {
    return this.partitionGroup.numBuffered()
  }

  /** The offset after the last record processed from one input partition, if any was. */
  consumedOffset(topic: string, partition: number): number | undefined {
    return this.consumed.get(`${topic}\u0000${partition}`)?.offset
  }

  /** Per input partition, the offset after the last record processed: what to commit. */
  consumedOffsets(): ConsumedOffset[] {
    return [...this.consumed.values()]
  }

  wallClockMs(): number {
    return this.options.wallClockMs()
  }

  store(name: string): RuntimeStore | undefined {
    return this.stores.get(name) ?? this.options.globalStores?.get(name)
  }

  isGlobalStore(name: string): boolean {
    return this.options.globalStores?.has(name) === true
  }

  /** This task's own stores, in registration order. */
  localStores(): ReadonlyMap<string, RuntimeStore> {
    return this.stores
  }

  schedule(
    node: ProcessorNode,
    intervalMs: number,
    type: PunctuationType,
    punctuator: (timestamp: number) => void,
  ): Cancellable {
    if (this.options.global) {
      throw new StreamsException('Global state processors cannot schedule punctuations')
    }
    const schedule =
      type === 'STREAM_TIME'
        ? // Aligned to 0: fires as soon as the task has a stream time.
          this.streamTimePunctuations.schedule(node.name, 0, intervalMs, punctuator)
        : this.wallClockPunctuations.schedule(
            node.name,
            this.wallClockMs() + intervalMs,
            intervalMs,
            punctuator,
          )
    return { cancel: () => void (schedule.cancelled = true) }
  }

  maybePunctuateStreamTime(): boolean {
    const streamTime = this.streamTime()
    if (streamTime < 0) return false
    return this.streamTimePunctuations.maybePunctuate(streamTime, (s, now) =>
      this.punctuate(s, now, 'STREAM_TIME'),
    )
  }

  maybePunctuateSystemTime(): boolean {
    return this.wallClockPunctuations.maybePunctuate(this.wallClockMs(), (s, now) =>
      this.punctuate(s, now, 'WALL_CLOCK_TIME'),
    )
  }

  private punctuate(schedule: PunctuationSchedule, timestamp: number, type: PunctuationType): void {
    const node = this.topology.nodeByName.get(schedule.nodeName) as ProcessorNode
    this.context.currentNode = node
    this.context.setRecordContext(punctuationContext(timestamp))
    try {
      schedule.punctuator(timestamp)
    } catch (error) {
      // As Kafka's StreamTask#punctuate, the processing exception handler decides (without a
      // record) whether the task fails; errors of downstream nodes were handled there already.
      if (!(error instanceof FailedProcessingException)) {
        node.telemetry.errors++
        const response = this.config.processingExceptionHandler(
          {
            topic: null,
            partition: -1,
            offset: -1,
            processorNodeId: node.name,
            taskId: this.id,
            timestamp,
          },
          error,
        )
        if (response === 'CONTINUE') {
          node.telemetry.recordDropped('processing-error')
          this.warn(node.name, 'processing-error', `Skipping punctuation: ${String(error)}`)
          return
        }
      }
      const failed = error instanceof FailedProcessingException ? error.processorName : node.name
      throw new StreamsException(
        `Exception caught while punctuating processor ${failed}${this.originSuffix(failed)} (${type} at ${timestamp}) in task ${this.id}: ${error instanceof FailedProcessingException ? messageOf(error.cause) : messageOf(error)}`,
        { cause: error },
      )
    } finally {
      this.context.currentNode = null
      this.context.setRecordContext(null)
    }
  }

  requestCommit(): void {
    this.commitRequested = true
  }

  /** True once a processor called `context.commit()` since the last commit. */
  commitNeeded(): boolean {
    return this.commitRequested
  }

  /** Flushes caches (forwarding what they held) and stores, in registration order. */
  commit(): void {
    for (const store of this.stores.values()) {
      try {
        store.flushCache()
      } catch (error) {
        if (error instanceof StreamsException) throw error
        throw new StreamsException(
          `Exception caught while flushing the cache of store ${store.name()} in task ${this.id}: ${messageOf(error)}`,
          { cause: error },
        )
      } finally {
        this.context.currentNode = null
        this.context.setRecordContext(null)
      }
    }
    for (const store of this.stores.values()) store.flush()
    this.commitRequested = false
  }

  warn(node: string, reason: DropReason, message: string, record?: NodeRecord): void {
    const warning: RuntimeWarning = {
      taskId: this.id,
      node,
      reason,
      message,
      ...(record === undefined ? {} : { record }),
    }
    if (this.warnings.length >= MAX_WARNINGS) this.warnings.shift()
    this.warnings.push(warning)
    this.options.onWarning?.(warning)
  }

  nodeMetrics(): NodeMetricsSnapshot[] {
    return this.topology.nodes.map((node) => node.telemetry.snapshot())
  }

  /** Records dropped by this task, all nodes together (Kafka's task dropped-records-total). */
  droppedRecordsTotal(): number {
    let total = 0
    for (const node of this.topology.nodes) total += node.telemetry.dropped
    return total
  }

  /** Starts keeping the last `capacity` records through a node. */
  openTap(nodeName: string, capacity: number): void {
    this.requireNode(nodeName).telemetry.tap = new RecordTap(capacity)
  }

  /** The capacity of a node's open tap, or null when it has none. */
  tapCapacity(nodeName: string): number | null {
    return this.requireNode(nodeName).telemetry.tap?.capacity ?? null
  }

  closeTap(nodeName: string): void {
    this.requireNode(nodeName).telemetry.tap = null
  }

  tapped(nodeName: string): NodeRecord[] {
    return this.requireNode(nodeName).telemetry.tap?.records() ?? []
  }

  /** Keeps the last `capacity` records of the keys `keys` accepts at every node, or stops. */
  follow(keys: KeyFilter | null, capacity: number): void {
    this.followFilter = keys
    for (const node of this.topology.nodes)
      node.telemetry.follow = keys === null ? null : new RecordTap(capacity, keys)
  }

  /** Whether the task follows keys with this filter already. */
  follows(keys: KeyFilter | null): boolean {
    return this.followFilter === keys
  }

  followed(nodeName: string): NodeRecord[] {
    return this.requireNode(nodeName).telemetry.follow?.records() ?? []
  }

  /** What a suppress buffer of this task holds back, or null when it has no such buffer. */
  suppressionBuffer(storeName: string): BufferedChange[] | null {
    if (this.localStores().get(storeName)?.builder.suppressionBuffer !== true) return null
    return suppressedValueHolder(this.context, storeName).view?.buffered() ?? null
  }

  nodeNames(): string[] {
    return this.topology.nodes.map((node) => node.name)
  }

  private requireNode(name: string): ProcessorNode {
    const node = this.topology.nodeByName.get(name)
    if (node === undefined) {
      throw new RangeError(
        `Task ${this.id} has no processor node ${name}; nodes: ${this.nodeNames().join(', ')}`,
      )
    }
    return node
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    for (const node of this.topology.nodes) {
      this.context.currentNode = node
      node.processor.close?.()
    }
    this.context.currentNode = null
    for (const store of this.stores.values()) store.close()
  }
}
