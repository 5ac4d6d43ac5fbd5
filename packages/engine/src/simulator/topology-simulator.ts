// Runs a topology in memory as a cluster would run it, one record at a time: every topic has
// partitions, every sub-topology one task per partition of its inputs, and records cross
// repartition topics to the partition of their key. With one partition everywhere it runs the
// whole topology as task 0_0, exactly as TopologyTestDriver does.
import type { Header } from '../processor/record'
import { partitionForKey } from '../runtime/default-partitioner'
import { runtimeTopicNamer } from '../runtime/build-processor-topology'
import { planInternalTopics } from '../runtime/internal-topic-plan'
import { queryableStore, type QueryableStore, type TaskStore } from '../runtime/queryable-store'
import type { ProducedRecord, RecordCollector } from '../runtime/record-collector'
import {
  CHECK_AFTER_EVERY_RECORD,
  runtimeConfig,
  type RuntimeConfig,
  type RuntimeProps,
} from '../runtime/runtime-config'
import { StreamTask } from '../runtime/stream-task'
import { taskName } from '../runtime/task-assignment'
import {
  oldestFirst,
  sumNodeMetrics,
  type NodeMetricsSnapshot,
  type NodeRecord,
  type RuntimeWarning,
} from '../telemetry/node-telemetry'
import type { KeyFilter } from '../telemetry/record-tap'
import type { StreamsMetrics, TaskSnapshot } from '../telemetry/streams-telemetry'
import type { Topology } from '../topology/topology'
import { storeWrites, storeSnapshot, type StoreWrite } from './store-writes'

export interface SimulatorOptions {
  /**
   * Partition counts of the topics the topology reads from outside and writes to, by name;
   * a topic not named has one. Repartition topics follow Kafka Streams' rules.
   */
  readonly partitions?: Readonly<Record<string, number>>
  readonly props?: RuntimeProps
  readonly initialWallClockMs?: number
  /** High-resolution clock (ms) for per-node process time. */
  readonly clock?: () => number
  readonly onWarning?: (warning: RuntimeWarning) => void
}

/** A record in a topic partition of the simulated cluster. */
export interface SimulatedRecord {
  readonly topic: string
  readonly partition: number
  readonly offset: number
  /** Null for records sent without one (a suppression buffer's changelog). */
  readonly timestamp: number | null
  readonly key: Uint8Array | null
  readonly value: Uint8Array | null
  readonly headers: readonly Header[]
  /** Produced from outside (`produce`), rather than written by the topology. */
  readonly fromInput: boolean
}

/** A record to produce; without a partition, the key's partition (murmur2), as a producer. */
export interface InputRecord {
  readonly key: Uint8Array | null
  readonly value: Uint8Array | null
  readonly timestamp: number
  readonly headers?: readonly Header[]
  readonly partition?: number
}

/** What one step did: the record a task processed and all that followed from it. */
export interface SimulationStep {
  readonly taskId: string
  /** The record as its task's source node read it (deserialized). */
  readonly record: NodeRecord
  /** Every processor node the record, or what it became, reached, in order. */
  readonly reached: readonly { readonly node: string; readonly record: NodeRecord }[]
  /** What the step wrote to topics: sinks, repartition topics and changelogs. */
  readonly produced: readonly SimulatedRecord[]
  /** The entries of the task's stores the step changed. */
  readonly storeWrites: readonly StoreWrite[]
}

interface TopicLog {
  readonly partitions: SimulatedRecord[][]
  /** Every record in the order it was written, across partitions. */
  readonly written: SimulatedRecord[]
  /** Where the next keyless record goes (the producer's round robin). */
  nextKeyless: number
}

const DEFAULT_APPLICATION_ID = 'topology-simulator'

export class TopologySimulator {
  private readonly config: RuntimeConfig
  private readonly runtimeTopic: (topic: string) => string
  private readonly partitionCounts = new Map<string, number>()
  /** Tasks in sub-topology then partition order, which is the order steps serve them in. */
  private readonly tasks: StreamTask[] = []
  /** The input partition of each task. */
  private readonly partitionOf = new Map<StreamTask, number>()
  private readonly globalTask: StreamTask | null
  /** False when one partition everywhere lets the whole topology run as task 0_0. */
  private readonly partitioned: boolean
  private readonly logs = new Map<string, TopicLog>()
  private pending: ProducedRecord[] = []
  private wallClockMs: number
  private closed = false

  constructor(
    topology: Topology,
    private readonly options: SimulatorOptions = {},
  ) {
    const props: RuntimeProps = {
      'application.id': DEFAULT_APPLICATION_ID,
      ...CHECK_AFTER_EVERY_RECORD,
      ...topology.config,
      ...options.props,
    }
    this.config = runtimeConfig(props)
    this.wallClockMs = options.initialWallClockMs ?? 0
    const builder = topology.internalBuilder
    this.runtimeTopic = runtimeTopicNamer(builder, this.config.applicationId)
    const internal = new Set([...builder.internalTopics().keys()].map(this.runtimeTopic))
    const external = new Map<string, number>()
    for (const factory of builder.nodes().values()) {
      const topics =
        factory.type === 'source'
          ? (factory.topics ?? [])
          : factory.type === 'sink' && factory.topic !== null
            ? [factory.topic]
            : []
      for (const topic of topics.map(this.runtimeTopic)) {
        if (!internal.has(topic)) external.set(topic, this.requestedPartitions(topic))
      }
    }
    // Topics named only in the options: those a source pattern reads.
    for (const topic of Object.keys(options.partitions ?? {})) {
      if (!external.has(topic)) external.set(topic, this.requestedPartitions(topic))
    }
    // Throws, as a cluster would refuse to start, when co-partitioned inputs disagree.
    const plan = planInternalTopics(topology, {
      applicationId: this.config.applicationId,
      existingTopics: external,
    })
    for (const [topic, count] of external) this.partitionCounts.set(topic, count)
    for (const [topic, count] of plan.partitions) this.partitionCounts.set(topic, count)
    this.partitioned = [...plan.tasksPerSubtopology.values()].some((count) => count > 1)

    const common = {
      builder,
      config: this.config,
      runtimeTopic: this.runtimeTopic,
      wallClockMs: () => this.wallClockMs,
      ...(options.clock !== undefined ? { clock: options.clock } : {}),
      ...(options.onWarning !== undefined ? { onWarning: options.onWarning } : {}),
    }
    const collector: RecordCollector = {
      send: (record) => void this.pending.push(record),
      partitionsFor: (topic) => this.partitionsOf(topic),
    }
    const groups = builder.nodeGroups()
    this.globalTask = groups.some((group) => group.global)
      ? new StreamTask({
          ...common,
          id: 'global',
          partition: 0,
          global: true,
          collector,
          changelog: null,
          deserializationExceptionHandler: () => 'CONTINUE',
        })
      : null
    const globalStores =
      this.globalTask === null ? {} : { globalStores: this.globalTask.localStores() }
    if (!this.partitioned) {
      if (groups.some((group) => !group.global)) {
        this.tasks.push(
          new StreamTask({
            ...common,
            ...globalStores,
            id: '0_0',
            partition: 0,
            global: false,
            collector,
            changelog: collector,
          }),
        )
      }
    } else {
      for (const [subtopology, count] of [...plan.tasksPerSubtopology].sort(([a], [b]) => a - b)) {
        for (let partition = 0; partition < count; partition++) {
          const task = new StreamTask({
            ...common,
            ...globalStores,
            id: taskName({ subtopology, partition }),
            partition,
            subtopology,
            global: false,
            collector,
            changelog: collector,
          })
          this.tasks.push(task)
          this.partitionOf.set(task, partition)
        }
      }
    }
    // Processors may forward or write stores while initializing.
    this.route(this.takePending())
  }

  private requestedPartitions(topic: string): number {
    const count = this.options.partitions?.[topic] ?? 1
    if (!Number.isInteger(count) || count < 1) {
      throw new RangeError(`Topic ${topic} needs a whole number of partitions ≥ 1, got ${count}`)
    }
    return count
  }

  /** Whether tasks run per sub-topology and partition, rather than all as task 0_0. */
  isPartitioned(): boolean {
    return this.partitioned
  }

  /** Partition count of a topic of the simulated cluster (1 for topics it does not know). */
  partitionsOf(topic: string): number {
    return this.partitionCounts.get(topic) ?? 1
  }

  /** Every topic the simulated cluster knows, with its partition count. */
  topics(): ReadonlyMap<string, number> {
    return new Map(this.partitionCounts)
  }

  /**
   * Appends a record to a topic, where the tasks reading its partition queue it; a global topic
   * updates its global stores at once. Nothing is processed until `step()`.
   */
  produce(topic: string, input: InputRecord): SimulatedRecord {
    this.requireOpen()
    const reads =
      this.tasks.some((task) => task.readsTopic(topic)) || this.globalTask?.readsTopic(topic)
    if (reads !== true) throw new RangeError(`No source of the topology reads topic ${topic}`)
    const count = this.partitionsOf(topic)
    if (
      input.partition !== undefined &&
      (!Number.isInteger(input.partition) || input.partition < 0 || input.partition >= count)
    ) {
      throw new RangeError(
        `Topic ${topic} has ${count} partition${count === 1 ? '' : 's'}; there is no partition ${input.partition}`,
      )
    }
    if (!Number.isFinite(input.timestamp) || input.timestamp < 0) {
      throw new RangeError(`A record's timestamp must be ≥ 0 ms, got ${input.timestamp}`)
    }
    const record = this.append({
      topic,
      partition: input.partition ?? null,
      key: input.key,
      value: input.value,
      timestamp: input.timestamp,
      headers: input.headers ?? [],
      fromInput: true,
    })
    this.deliver(record)
    return record
  }

  /** Whether some task has a record queued. */
  hasWork(): boolean {
    return this.tasks.some((task) => task.hasRecordsQueued())
  }

  /** Records queued in tasks, not yet processed. */
  queued(): number {
    return this.tasks.reduce((sum, task) => sum + task.numBuffered(), 0)
  }

  /**
   * Processes one record: the first task (in sub-topology and partition order) with one queued
   * takes its next record, runs it through its nodes, punctuates on stream time and commits, as
   * the test driver does after every record. Null when no task has a record.
   */
  step(options: { readonly storeWrites?: boolean } = {}): SimulationStep | null {
    this.requireOpen()
    const task = this.tasks.find((t) => t.hasRecordsQueued())
    if (task === undefined) return null
    const reached: { node: string; record: NodeRecord }[] = []
    const before = options.storeWrites === true ? storeSnapshot(this.taskStores(task)) : null
    task.context.trace = (node, record) => void reached.push({ node, record })
    try {
      task.process()
      task.maybePunctuateStreamTime()
      task.commit()
    } finally {
      task.context.trace = null
    }
    const produced = this.route(this.takePending())
    const first = reached[0]
    if (first === undefined) throw new Error(`Task ${task.id} processed a record no node received`)
    return {
      taskId: task.id,
      record: first.record,
      reached,
      produced,
      storeWrites: before === null ? [] : storeWrites(before, this.taskStores(task)),
    }
  }

  /** Steps until no task has a record queued, or `maxSteps` were taken; returns how many. */
  runUntilIdle(maxSteps = Number.MAX_SAFE_INTEGER): number {
    let steps = 0
    while (steps < maxSteps && this.step() !== null) steps++
    return steps
  }

  /** Moves the wall clock, firing due WALL_CLOCK_TIME punctuators and committing every task. */
  advanceWallClockTime(advanceMs: number): SimulatedRecord[] {
    this.requireOpen()
    if (!Number.isFinite(advanceMs) || advanceMs < 0) {
      throw new RangeError(`The wall clock moves forward only, got ${advanceMs} ms`)
    }
    this.wallClockMs += advanceMs
    for (const task of this.tasks) {
      task.maybePunctuateSystemTime()
      task.commit()
    }
    return this.route(this.takePending())
  }

  wallClockTime(): number {
    return this.wallClockMs
  }

  /** The records of a topic in the order they were written, across its partitions. */
  records(topic: string): SimulatedRecord[] {
    return [...(this.logs.get(topic)?.written ?? [])]
  }

  /** The last `count` records the topology wrote to a topic (not those produced to it). */
  latestWritten(topic: string, count: number): SimulatedRecord[] {
    const written = this.logs.get(topic)?.written ?? []
    const latest: SimulatedRecord[] = []
    for (let i = written.length - 1; i >= 0 && latest.length < count; i--) {
      const record = written[i] as SimulatedRecord
      if (!record.fromInput) latest.push(record)
    }
    return latest.reverse()
  }

  /** Every topic something was written to, sinks, repartition topics and changelogs among them. */
  writtenTopics(): string[] {
    return [...this.logs.keys()]
  }

  /** A store read across the tasks that hold it, as interactive queries read it. */
  store<K, V>(name: string): QueryableStore<K, V> {
    return queryableStore<K, V>(name, () =>
      [...this.tasks, ...(this.globalTask === null ? [] : [this.globalTask])].flatMap((task) =>
        this.taskStores(task).filter((s) => s.store.name() === name),
      ),
    )
  }

  private taskStores(task: StreamTask): TaskStore[] {
    return [...task.localStores()].map(([name, store]) => ({
      taskId: task.id,
      store,
      buffered: task.suppressionBuffer(name),
    }))
  }

  /** Tasks, their input partitions, stream time and counters, in a running instance's form. */
  metrics(): StreamsMetrics {
    const tasks: TaskSnapshot[] = this.tasks.map((task) => this.taskSnapshot(task))
    const nodes = new Map<string, NodeMetricsSnapshot>()
    const add = (node: NodeMetricsSnapshot) => {
      const seen = nodes.get(node.node)
      nodes.set(node.node, seen === undefined ? node : sumNodeMetrics(seen, node))
    }
    this.globalTask?.nodeMetrics().forEach(add)
    for (const task of tasks) task.nodes.forEach(add)
    return {
      state: this.closed ? 'NOT_RUNNING' : 'RUNNING',
      threads: [{ name: 'simulator', state: 'RUNNING', rebalances: 0, tasks, closedTaskNodes: [] }],
      nodes: [...nodes.values()],
    }
  }

  private taskSnapshot(task: StreamTask): TaskSnapshot {
    const partitions = [...this.logs]
      .filter(([topic]) => task.readsTopic(topic))
      .flatMap(([topic, log]) =>
        log.partitions.flatMap((records, partition) => {
          if (!this.taskReads(task, partition)) return []
          const endOffset = records.length
          const position = task.consumedOffset(topic, partition) ?? 0
          // Queued records are fetched but not processed: they count as lag, as on a cluster.
          return [
            {
              topic,
              partition,
              position,
              committed: position,
              endOffset,
              lag: endOffset - position,
              partitionTime: task.partitionTime(topic, partition),
            },
          ]
        }),
      )
    return {
      id: task.id,
      kind: 'active',
      state: 'running',
      streamTime: task.streamTime(),
      partitions,
      restore: [],
      produced: {},
      nodes: task.nodeMetrics(),
    }
  }

  private taskReads(task: StreamTask, partition: number): boolean {
    return !this.partitioned || this.partitionOf.get(task) === partition
  }

  /** Warnings of skipped records, most recent last. */
  warnings(): RuntimeWarning[] {
    return [this.globalTask, ...this.tasks].flatMap((task) => task?.warnings ?? [])
  }

  openTap(nodeName: string, capacity = 100): void {
    for (const task of this.tasksOf(nodeName)) task.openTap(nodeName, capacity)
  }

  closeTap(nodeName: string): void {
    for (const task of this.tasksOf(nodeName)) task.closeTap(nodeName)
  }

  /** The latest records through a node over all its tasks, oldest first. */
  tapped(nodeName: string): NodeRecord[] {
    return oldestFirst(this.tasksOf(nodeName).flatMap((task) => task.tapped(nodeName)))
  }

  follow(keys: KeyFilter | null, capacity = 20): void {
    this.globalTask?.follow(keys, capacity)
    for (const task of this.tasks) task.follow(keys, capacity)
  }

  followed(nodeName: string): NodeRecord[] {
    return oldestFirst(this.tasksOf(nodeName).flatMap((task) => task.followed(nodeName)))
  }

  private tasksOf(nodeName: string): StreamTask[] {
    const tasks = [this.globalTask, ...this.tasks].filter(
      (task): task is StreamTask => task !== null && task.nodeNames().includes(nodeName),
    )
    if (tasks.length === 0) throw new RangeError(`The topology has no processor node ${nodeName}`)
    return tasks
  }

  close(): void {
    if (this.closed) return
    for (const task of this.tasks) task.close()
    this.globalTask?.close()
    this.closed = true
  }

  private takePending(): ProducedRecord[] {
    const pending = this.pending
    this.pending = []
    return pending
  }

  /**
   * Writes what tasks produced to their topics, all of it before any is queued for a task, as
   * the test driver does; records for global topics update the global stores at once.
   */
  private route(produced: readonly ProducedRecord[]): SimulatedRecord[] {
    const written = produced.map((record) => this.append({ ...record, fromInput: false }))
    for (const record of written) this.deliver(record)
    return written
  }

  private append(record: ProducedRecord & { fromInput: boolean }): SimulatedRecord {
    let log = this.logs.get(record.topic)
    const count = this.partitionsOf(record.topic)
    if (log === undefined) {
      log = { partitions: Array.from({ length: count }, () => []), written: [], nextKeyless: 0 }
      this.logs.set(record.topic, log)
    }
    let partition = record.partition
    if (partition === null) {
      if (record.key === null) {
        partition = log.nextKeyless
        log.nextKeyless = (log.nextKeyless + 1) % count
      } else partition = partitionForKey(record.key, count)
    }
    const records = log.partitions[partition]
    if (records === undefined) {
      throw new RangeError(`Topic ${record.topic} has no partition ${partition} (it has ${count})`)
    }
    const appended: SimulatedRecord = {
      topic: record.topic,
      partition,
      offset: records.length,
      timestamp: record.timestamp,
      key: record.key,
      value: record.value,
      headers: record.headers,
      fromInput: record.fromInput,
    }
    records.push(appended)
    log.written.push(appended)
    return appended
  }

  private deliver(record: SimulatedRecord): void {
    // A record sent without a timestamp is read with the broker's append time: the wall clock.
    const consumed = { ...record, timestamp: record.timestamp ?? this.wallClockMs }
    for (const task of this.tasks) {
      if (task.readsTopic(record.topic) && this.taskReads(task, record.partition)) {
        task.addRecord(consumed)
      }
    }
    if (this.globalTask?.readsTopic(record.topic) === true) {
      this.globalTask.addRecord(consumed)
      this.globalTask.commit()
    }
  }

  private requireOpen(): void {
    if (this.closed) throw new Error('This simulation is closed')
  }
}
