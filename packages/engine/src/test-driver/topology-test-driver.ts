// Runs a topology in memory, record by record, as Kafka Streams' TopologyTestDriver: every
// input topic has one partition, the whole topology runs as task 0_0, repartition output is
// fed back in, and each piped record is processed to completion with a commit after it.
import type { Header } from '../processor/record'
import type { Serde } from '../serde/serde'
import type {
  KeyValueStore,
  SessionStore,
  StateStore,
  TimestampedKeyValueStore,
  TimestampedWindowStore,
  WindowStore,
} from '../state/state-store'
import type { NodeMetricsSnapshot, RuntimeWarning } from '../telemetry/node-telemetry'
import type { NodeRecord } from '../telemetry/node-telemetry'
import type { KeyFilter } from '../telemetry/record-tap'
import type { Topology } from '../topology/topology'
import { runtimeTopicNamer } from '../runtime/build-processor-topology'
import type { ProducedRecord, RecordCollector } from '../runtime/record-collector'
import {
  CHECK_AFTER_EVERY_RECORD,
  runtimeConfig,
  type RuntimeConfig,
  type RuntimeProps,
} from '../runtime/runtime-config'
import {
  isKeyValueStore,
  isSessionStore,
  isTimestamped,
  isWindowStore,
  keyValueView,
  windowView,
  type RuntimeStore,
} from '../runtime/state/create-state-store'
import { StreamTask } from '../runtime/stream-task'
import { TestInputTopic, type InputPipe } from './test-input-topic'
import { OutputQueue } from './output-queue'
import { TestOutputTopic, type OutputSource } from './test-output-topic'

export interface TestDriverOptions {
  /** High-resolution clock (ms) for per-node process time, e.g. `() => performance.now()`. */
  readonly clock?: () => number
  /** Called for every record the runtime skips (late, null key, bad data…). */
  readonly onWarning?: (warning: RuntimeWarning) => void
}

const DEFAULT_APPLICATION_ID = 'dummy-topology-test-driver-app-id'

export class TopologyTestDriver implements InputPipe, OutputSource {
  private readonly config: RuntimeConfig
  private readonly task: StreamTask | null
  private readonly globalTask: StreamTask | null
  private readonly runtimeTopic: (topic: string) => string
  private readonly sinkTopics: ReadonlySet<string>
  private readonly outputs = new Map<string, OutputQueue>()
  private readonly offsets = new Map<string, number>()
  private pending: ProducedRecord[] = []
  private readonly produced = new Set<string>()
  private wallClockMs: number
  private closed = false

  constructor(
    topology: Topology,
    props: RuntimeProps = {},
    initialWallClockTimeMs: number = Date.now(),
    options: TestDriverOptions = {},
  ) {
    const merged: RuntimeProps = {
      'application.id': DEFAULT_APPLICATION_ID,
      ...CHECK_AFTER_EVERY_RECORD,
      ...topology.config,
      ...props,
    }
    this.config = runtimeConfig(merged)
    this.wallClockMs = initialWallClockTimeMs
    const builder = topology.internalBuilder
    this.runtimeTopic = runtimeTopicNamer(builder, this.config.applicationId)
    const sinks = new Set<string>()
    for (const factory of builder.nodes().values()) {
      if (factory.type === 'sink' && factory.topic !== null)
        sinks.add(this.runtimeTopic(factory.topic))
    }
    this.sinkTopics = sinks
    const collector: RecordCollector = {
      send: (record) => void this.pending.push(record),
      partitionsFor: () => 1,
    }
    const groups = builder.nodeGroups()
    const common = {
      partition: 0,
      builder,
      config: this.config,
      collector,
      runtimeTopic: this.runtimeTopic,
      changelog: collector,
      wallClockMs: () => this.wallClockMs,
      ...(options.clock !== undefined ? { clock: options.clock } : {}),
      ...(options.onWarning !== undefined ? { onWarning: options.onWarning } : {}),
    }
    this.globalTask = groups.some((group) => group.global)
      ? new StreamTask({
          ...common,
          id: 'global',
          global: true,
          changelog: null,
          // As Kafka's driver, whatever the configured handler.
          deserializationExceptionHandler: () => 'CONTINUE',
        })
      : null
    this.task = groups.some((group) => !group.global)
      ? new StreamTask({
          ...common,
          id: '0_0',
          global: false,
          ...(this.globalTask !== null ? { globalStores: this.globalTask.localStores() } : {}),
        })
      : null
    // Processors may forward or write stores while initializing.
    this.captureOutputsAndReEnqueueInternalResults()
  }

  createInputTopic<K, V>(
    topic: string,
    keySerde: Serde<K>,
    valueSerde: Serde<V>,
    startTimestampMs: number = this.wallClockMs,
    autoAdvanceMs = 0,
  ): TestInputTopic<K, V> {
    this.requireOpen()
    // As Kafka, an unknown topic fails when a record is piped to it.
    return new TestInputTopic(this, topic, keySerde, valueSerde, startTimestampMs, autoAdvanceMs)
  }

  createOutputTopic<K, V>(
    topic: string,
    keySerde: Serde<K>,
    valueSerde: Serde<V>,
  ): TestOutputTopic<K, V> {
    this.requireOpen()
    return new TestOutputTopic(this, topic, keySerde, valueSerde)
  }

  /** @internal Used by TestInputTopic. */
  pipeRecord(
    topic: string,
    timestamp: number,
    key: Uint8Array | null,
    value: Uint8Array | null,
    headers: readonly Header[],
  ): void {
    this.requireOpen()
    const inTask = this.task?.readsTopic(topic) === true
    const inGlobal = this.globalTask?.readsTopic(topic) === true
    if (!inTask && !inGlobal) throw new RangeError(`Unknown topic: ${topic}`)
    if (inTask) {
      this.enqueueTaskRecord(topic, timestamp, key, value, headers)
      this.completeAllProcessableWork()
    }
    if (inGlobal) this.processGlobalRecord(topic, timestamp, key, value, headers)
  }

  private nextOffset(topic: string): number {
    const offset = this.offsets.get(topic) ?? 0
    this.offsets.set(topic, offset + 1)
    return offset
  }

  private enqueueTaskRecord(
    topic: string,
    timestamp: number,
    key: Uint8Array | null,
    value: Uint8Array | null,
    headers: readonly Header[],
  ): void {
    const task = this.task as StreamTask
    // As Kafka's driver, topics read through one source pattern share one partition, hence
    // one offset sequence.
    const pattern = task.sourceFor(topic)?.factory.pattern ?? null
    const offset = this.nextOffset(pattern === null ? topic : `\u0000${String(pattern)}`)
    task.addRecord({
      topic,
      partition: 0,
      offset,
      timestamp,
      key,
      value,
      headers,
    })
  }

  private processGlobalRecord(
    topic: string,
    timestamp: number,
    key: Uint8Array | null,
    value: Uint8Array | null,
    headers: readonly Header[],
  ): void {
    const global = this.globalTask as StreamTask
    const offset = this.nextOffset(topic)
    global.addRecord({ topic, partition: 0, offset, timestamp, key, value, headers })
    global.commit()
  }

  private completeAllProcessableWork(): void {
    // Work started outside the loop (wall-clock punctuation, processor init) may have written
    // to internal topics: queue that first.
    this.captureOutputsAndReEnqueueInternalResults()
    const task = this.task
    if (task === null) return
    while (task.hasRecordsQueued()) {
      task.process()
      task.maybePunctuateStreamTime()
      task.commit()
      this.captureOutputsAndReEnqueueInternalResults()
    }
  }

  /**
   * Moves what the last commit produced to the output queues. Records for topics the topology
   * reads are only queued here, all of them, before the loop processes any (as Kafka's
   * driver): processing them one by one as they are captured would reorder outputs.
   */
  private captureOutputsAndReEnqueueInternalResults(): void {
    const output = this.pending
    this.pending = []
    for (const record of output) {
      let queue = this.outputs.get(record.topic)
      if (queue === undefined) {
        queue = new OutputQueue()
        this.outputs.set(record.topic, queue)
      }
      queue.push(record)
      this.produced.add(record.topic)
      const { topic, key, value, headers } = record
      // A record sent without a timestamp gets the broker's append time: the wall clock.
      const timestamp = record.timestamp ?? this.wallClockMs
      if (this.task?.readsTopic(topic) === true) {
        this.enqueueTaskRecord(topic, timestamp, key, value, headers)
      }
      if (this.globalTask?.readsTopic(topic) === true) {
        this.processGlobalRecord(topic, timestamp, key, value, headers)
      }
    }
  }

  /** Moves the mock wall clock, firing due WALL_CLOCK_TIME punctuators, then commits. */
  advanceWallClockTime(advanceMs: number): void {
    this.requireOpen()
    if (!Number.isFinite(advanceMs) || advanceMs < 0) {
      throw new RangeError(`advanceWallClockTime needs a non-negative duration, got ${advanceMs}`)
    }
    this.wallClockMs += advanceMs
    if (this.task !== null) {
      this.task.maybePunctuateSystemTime()
      this.task.commit()
    }
    this.captureOutputsAndReEnqueueInternalResults()
    this.completeAllProcessableWork()
  }

  /** @internal Used by TestOutputTopic: null until something was produced to the topic. */
  outputQueue(topic: string): OutputQueue | null {
    return this.outputs.get(topic) ?? null
  }

  /** @internal Kafka's driver only logs this; here it ends the "Uninitialized topic" error. */
  unknownTopicHint(topic: string): string {
    if (this.sinkTopics.has(topic)) return ''
    const known = [...new Set([...this.sinkTopics, ...this.outputs.keys()])]
    return ` (no sink writes it and nothing was produced to it; topics: ${known.join(', ')})`
  }

  /** Every topic the topology wrote to: sinks, repartition topics and changelogs. */
  producedTopicNames(): Set<string> {
    return new Set(this.produced)
  }

  getStateStore<S extends StateStore = StateStore>(name: string): S | null {
    return (this.findStore(name) as S | undefined) ?? null
  }

  getAllStateStores(): Map<string, StateStore> {
    const all = new Map<string, StateStore>()
    for (const task of [this.globalTask, this.task]) {
      for (const [name, store] of task?.localStores() ?? []) all.set(name, store)
    }
    return all
  }

  /** A key-value store with plain values (timestamped stores are unwrapped), or null. */
  getKeyValueStore<K, V>(name: string): KeyValueStore<K, V> | null {
    const store = this.findStore(name)
    if (store === undefined || !isKeyValueStore(store)) return null
    return keyValueView(store) as KeyValueStore<K, V>
  }

  getTimestampedKeyValueStore<K, V>(name: string): TimestampedKeyValueStore<K, V> | null {
    const store = this.findStore(name)
    if (store === undefined || !isKeyValueStore(store) || !isTimestamped(store)) return null
    return store as unknown as TimestampedKeyValueStore<K, V>
  }

  getWindowStore<K, V>(name: string): WindowStore<K, V> | null {
    const store = this.findStore(name)
    if (store === undefined || !isWindowStore(store)) return null
    return windowView(store) as WindowStore<K, V>
  }

  getTimestampedWindowStore<K, V>(name: string): TimestampedWindowStore<K, V> | null {
    const store = this.findStore(name)
    if (store === undefined || !isWindowStore(store) || !isTimestamped(store)) return null
    return store as unknown as TimestampedWindowStore<K, V>
  }

  getSessionStore<K, V>(name: string): SessionStore<K, V> | null {
    const store = this.findStore(name)
    if (store === undefined || !isSessionStore(store)) return null
    return store as unknown as SessionStore<K, V>
  }

  private findStore(name: string): RuntimeStore | undefined {
    return this.task?.localStores().get(name) ?? this.globalTask?.localStores().get(name)
  }

  /** Per-node counters of the stream task (records in/out, errors, dropped, process time). */
  metrics(): NodeMetricsSnapshot[] {
    return [...(this.globalTask?.nodeMetrics() ?? []), ...(this.task?.nodeMetrics() ?? [])]
  }

  /** Warnings of records the runtime skipped, most recent last (bounded). */
  warnings(): readonly RuntimeWarning[] {
    return [...(this.globalTask?.warnings ?? []), ...(this.task?.warnings ?? [])]
  }

  /** Keeps the last `capacity` records passing through a processor node. */
  openTap(nodeName: string, capacity = 100): void {
    this.taskOf(nodeName).openTap(nodeName, capacity)
  }

  closeTap(nodeName: string): void {
    this.taskOf(nodeName).closeTap(nodeName)
  }

  tapped(nodeName: string): NodeRecord[] {
    return this.taskOf(nodeName).tapped(nodeName)
  }

  /** Follows the keys `keys` accepts through every node, keeping their last `capacity` records. */
  follow(keys: KeyFilter | null, capacity = 20): void {
    this.globalTask?.follow(keys, capacity)
    this.task?.follow(keys, capacity)
  }

  followed(nodeName: string): NodeRecord[] {
    return this.taskOf(nodeName).followed(nodeName)
  }

  private taskOf(nodeName: string): StreamTask {
    if (this.globalTask?.nodeNames().includes(nodeName) === true) return this.globalTask
    if (this.task === null) throw new RangeError(`No processor node ${nodeName}`)
    return this.task
  }

  close(): void {
    if (this.closed) return
    this.task?.close()
    this.globalTask?.close()
    this.closed = true
  }

  private requireOpen(): void {
    if (this.closed) throw new Error('This TopologyTestDriver is closed')
  }
}
