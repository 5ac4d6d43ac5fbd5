// One stream thread: a member of the application's consumer group that runs the tasks the
// assignor gives it. kafkajs drives it: eachBatch feeds the task owning the batch's partition
// and processes what the task has queued, with heartbeats between records; assignments arrive
// with GROUP_JOIN. Work is fenced by assignment generation: a batch of a task this thread no
// longer owns is neither processed nor committed. Restores run on the changelog reader while
// the task's input partitions stay paused; processing, commits and punctuation are serialized
// by one lock, so none of them sees a task half way through another.
import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs'
import type { InternalTopicPlan } from '../runtime/internal-topic-plan'
import { StreamTask } from '../runtime/stream-task'
import type { RuntimeStore } from '../runtime/state/runtime-store'
import type { TaskStore } from '../runtime/queryable-store'
import type { KeyFilter } from '../telemetry/record-tap'
import { sumNodeMetrics, type NodeMetricsSnapshot } from '../telemetry/node-telemetry'
import type { NodeRecord } from '../telemetry/node-telemetry'
import { parseTaskName } from '../runtime/task-assignment'
import type { Topology } from '../topology/topology'
import { ChangelogReader } from './changelog-reader'
import { reportedRestartPolicy } from './restart-policy'
import { rawRecord } from './kafka-records'
import { OutputBuffer } from './output-buffer'
import { decodeAssignmentUserData, streamsAssignor } from './streams-assignor'
import type { ClientAssignment } from './streams-assignment'
import { taskOfPartition } from './streams-assignment'
import type { StreamsConfig } from './streams-config'
import {
  errorEvent,
  type StreamsEvent,
  type TaskSnapshot,
  type ThreadSnapshot,
  type ThreadState,
} from '../telemetry/streams-telemetry'
import { PipelinedProducer, TransactionalTaskProducer } from './task-producers'

export interface ThreadContext {
  readonly index: number
  readonly processId: string
  readonly config: StreamsConfig
  readonly topology: Topology
  readonly kafka: Kafka
  readonly admin: Admin
  /** The plan the application started with. */
  readonly plan: InternalTopicPlan
  /** A fresh plan against the cluster (the leader assigns on it). */
  readonly refreshPlan: () => Promise<InternalTopicPlan>
  /** Partition counts of output topics, for murmur2 partitioning. */
  readonly partitionsOf: (topic: string) => number | null
  readonly runtimeTopic: (topic: string) => string
  readonly emit: (event: StreamsEvent) => void
  readonly onStateChange: () => void
  readonly onFatal: (error: Error) => void
  readonly clock: () => number
  /** The global stores of this instance, readable by every task. */
  readonly globalStores: ReadonlyMap<string, RuntimeStore> | undefined
  /** Open record taps (node name → records kept per task), also for tasks assigned later. */
  readonly taps: ReadonlyMap<string, number>
  /** The keys followed through every node, also in tasks assigned later; null when none. */
  readonly follow: () => { readonly keys: KeyFilter; readonly capacity: number } | null
}

interface TopicPartition {
  readonly topic: string
  readonly partition: number
}

interface ActiveTask {
  readonly id: string
  readonly task: StreamTask
  state: 'restoring' | 'running'
  readonly partitions: readonly TopicPartition[]
  readonly buffer: OutputBuffer
  producer: TransactionalTaskProducer | null
  readonly committed: Map<string, number>
  readonly endOffsets: Map<string, number>
  readonly restore: Map<string, { restored: number; total: number }>
  /** Set while the task restores, so that a second rebalance does not restore it twice. */
  restoring: Promise<void> | null
}

interface StandbyTask {
  readonly id: string
  readonly task: StreamTask
  readonly buffer: OutputBuffer
}

const tpKey = (topic: string, partition: number) => `${topic}:${partition}`
const RECORDS_BETWEEN_HEARTBEATS = 500
/** Records a task may hold while it waits for data of its other partitions. */
const MAX_BUFFERED_WHILE_IDLE = 10_000
const WALL_CLOCK_TICK_MS = 100

export class StreamThread {
  readonly name: string
  private state: ThreadState = 'CREATED'
  private readonly consumer: Consumer
  private readonly reader: ChangelogReader
  private readonly producer: PipelinedProducer | null
  private readonly active = new Map<string, ActiveTask>()
  private readonly standby = new Map<string, StandbyTask>()
  private readonly taskByPartition = new Map<string, ActiveTask>()
  private clients: readonly ClientAssignment[] = []
  private generation = 0
  private lock: Promise<unknown> = Promise.resolve()
  private lastCommitMs: number
  private timer: ReturnType<typeof setInterval> | null = null
  private failed: Error | null = null
  private readonly exactlyOnce: boolean
  private readonly closedNodeMetrics = new Map<string, NodeMetricsSnapshot>()
  private rebalances = 0

  constructor(private readonly context: ThreadContext) {
    const { config, kafka } = context
    this.name = `${config.clientId}-StreamThread-${context.index + 1}`
    this.exactlyOnce = config.processingGuarantee === 'exactly_once'
    this.lastCommitMs = context.clock()
    this.consumer = kafka.consumer({
      groupId: config.applicationId,
      partitionAssigners: [
        streamsAssignor({
          plan: context.refreshPlan,
          numStandbyReplicas: config.numStandbyReplicas,
          subscription: () => ({
            processId: context.processId,
            endpoint: config.applicationServer,
            previousActive: [...this.active.keys()],
            previousStandby: [...this.standby.keys()],
          }),
        }),
      ],
      sessionTimeout: config.sessionTimeoutMs,
      heartbeatInterval: config.heartbeatIntervalMs,
      rebalanceTimeout: config.rebalanceTimeoutMs,
      // Kafka Streams reads uncommitted data under at-least-once, committed data under EOS.
      readUncommitted: !this.exactlyOnce,
      allowAutoTopicCreation: false,
      // Kafka's fetch.max.wait.ms; kafkajs' 5 s default also delays leaving the group.
      maxWaitTimeInMs: 500,
      retry: { retries: 10, restartOnFailure: reportedRestartPolicy(this.name, context.emit) },
    })
    const changelogTopics = new Map<string, number>()
    for (const sub of context.plan.subtopologies) {
      for (const { topic } of sub.changelogs) {
        changelogTopics.set(topic, context.plan.partitions.get(topic) ?? 0)
      }
    }
    this.reader = new ChangelogReader({
      kafka,
      admin: context.admin,
      groupId: `${this.name}-restore-consumer-${context.processId}`,
      topics: changelogTopics,
      readCommitted: this.exactlyOnce,
      sessionTimeoutMs: config.sessionTimeoutMs,
      heartbeatIntervalMs: config.heartbeatIntervalMs,
      restartOnFailure: reportedRestartPolicy(`${this.name}-restore-consumer`, context.emit),
    })
    this.producer = this.exactlyOnce
      ? null
      : new PipelinedProducer(
          kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 10 } }),
        )
  }

  threadState(): ThreadState {
    return this.state
  }

  async start(): Promise<void> {
    this.setState('STARTING')
    await this.reader.start()
    await this.producer?.connect()
    const sources = [...new Set(this.context.plan.subtopologies.flatMap((s) => s.sourceTopics))]
    await this.consumer.connect()
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) =>
      this.onAssignment(payload.memberId, payload.memberAssignment),
    )
    this.consumer.on(this.consumer.events.REBALANCING, () => {
      this.rebalances++
      this.setState('PARTITIONS_REVOKED')
    })
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (this.state === 'PENDING_SHUTDOWN' || this.state === 'DEAD') return
      if (!payload.restart) this.fail(payload.error)
    })
    await this.consumer.subscribe({ topics: sources, fromBeginning: true })
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: (payload) => this.onBatch(payload),
    })
    this.timer = setInterval(() => void this.onTick(), WALL_CLOCK_TICK_MS)
  }

  private setState(state: ThreadState): void {
    if (this.state === state || this.state === 'DEAD') return
    if (this.state === 'PENDING_SHUTDOWN' && state !== 'DEAD') return
    this.state = state
    this.context.emit({ type: 'thread-state', thread: this.name, state })
    this.context.onStateChange()
  }

  private locked<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work, work)
    this.lock = run.catch(() => undefined)
    return run
  }

  // --- assignment ---------------------------------------------------------------------------

  private onAssignment(memberId: string, assignment: Record<string, number[]>): void {
    const generation = ++this.generation
    const plan = this.context.plan
    const assigned = new Map<string, TopicPartition[]>()
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) {
        const task = taskOfPartition(plan, topic, partition)
        if (task === null) continue
        assigned.set(task, [...(assigned.get(task) ?? []), { topic, partition }])
      }
    }
    // Before kafkajs fetches: new partitions wait for their task's restore.
    const fresh = [...assigned].filter(([id]) => !this.active.has(id))
    if (fresh.length > 0) {
      this.consumer.pause(
        fresh.flatMap(([, tps]) =>
          tps.map((tp) => ({ topic: tp.topic, partitions: [tp.partition] })),
        ),
      )
    }
    this.setState('PARTITIONS_ASSIGNED')
    void this.locked(async () => {
      for (const [id, entry] of [...this.active]) {
        if (!assigned.has(id)) await this.closeActive(entry, false)
      }
      for (const [id, partitions] of assigned) {
        if (!this.active.has(id)) this.createActive(id, partitions)
      }
      const userData = await this.assignmentUserData(memberId)
      if (generation !== this.generation) return
      this.clients = userData?.clients ?? this.clients
      const standbys = new Set(userData?.standby ?? [])
      for (const [id, entry] of [...this.standby]) {
        if (!standbys.has(id)) this.closeStandby(entry)
      }
      for (const id of standbys)
        if (!this.standby.has(id) && !this.active.has(id)) this.createStandby(id)
      this.context.emit({
        type: 'rebalance',
        thread: this.name,
        active: [...this.active.keys()],
        standby: [...this.standby.keys()],
      })
    }).then(
      () => this.prepareRestoring(),
      (error: unknown) => this.fail(error),
    )
  }

  private async assignmentUserData(memberId: string) {
    try {
      const { groups } = await this.context.admin.describeGroups([
        this.context.config.applicationId,
      ])
      const member = groups[0]?.members.find((m) => m.memberId === memberId)
      return member === undefined ? null : decodeAssignmentUserData(member.memberAssignment)
    } catch {
      // A group rebalancing again answers without assignments; the next GROUP_JOIN retries.
      return null
    }
  }

  private newTask(id: string): { task: StreamTask; buffer: OutputBuffer } {
    const { subtopology, partition } = parseTaskName(id)
    const buffer = new OutputBuffer(this.context.partitionsOf)
    const task = new StreamTask({
      id,
      partition,
      subtopology,
      builder: this.context.topology.internalBuilder,
      global: false,
      config: this.context.config.runtime,
      collector: buffer,
      changelog: buffer,
      runtimeTopic: this.context.runtimeTopic,
      wallClockMs: () => Date.now(),
      clock: this.context.clock,
      deferInitialization: true,
      ...(this.context.globalStores !== undefined
        ? { globalStores: this.context.globalStores }
        : {}),
      onWarning: (warning) => this.context.emit({ type: 'warning', thread: this.name, warning }),
    })
    this.applyTaps(task)
    return { task, buffer }
  }

  private createActive(id: string, partitions: readonly TopicPartition[]): void {
    const standby = this.standby.get(id)
    if (standby !== undefined) this.standby.delete(id)
    const { task, buffer } = standby ?? this.newTask(id)
    const entry: ActiveTask = {
      id,
      task,
      state: 'restoring',
      partitions,
      buffer,
      producer: null,
      committed: new Map(),
      endOffsets: new Map(),
      restore: new Map(),
      restoring: null,
    }
    this.active.set(id, entry)
    for (const tp of partitions) this.taskByPartition.set(tpKey(tp.topic, tp.partition), entry)
  }

  private changelogsOf(id: string) {
    const { subtopology, partition } = parseTaskName(id)
    const sub = this.context.plan.subtopologies.find((s) => s.id === subtopology)
    return (sub?.changelogs ?? []).map((c) => ({ ...c, partition }))
  }

  /** Restores every task still restoring, then lets it process. */
  private async prepareRestoring(): Promise<void> {
    const restoring = [...this.active.values()].filter((e) => e.state === 'restoring')
    await Promise.all(restoring.map((entry) => (entry.restoring ??= this.restoreActive(entry))))
    this.maybeRunning()
  }

  private async restoreActive(entry: ActiveTask): Promise<void> {
    try {
      if (this.exactlyOnce && entry.producer === null) {
        const producer = new TransactionalTaskProducer(
          this.context.kafka,
          `${this.context.config.applicationId}-${entry.id}`,
          this.context.config.transactionTimeoutMs,
        )
        // Fences a previous owner and aborts what it left open, before the changelog is read.
        await producer.connect()
        entry.producer = producer
      }
      await Promise.all(
        this.changelogsOf(entry.id).map(async ({ store, topic, partition }) => {
          const restorer = entry.task.localStores().get(store)?.restorer ?? null
          if (restorer === null) return
          const from = this.reader.release(topic, partition) ?? 0
          const progress = { restored: 0, total: 0 }
          entry.restore.set(store, progress)
          // A table whose source topic is its changelog holds what was processed: the topic
          // up to the committed offset; processing goes on from there.
          const until = entry.partitions.some((tp) => tp.topic === topic)
            ? await this.committedOffset(topic, partition)
            : undefined
          await this.reader.restore(
            topic,
            partition,
            restorer,
            from,
            (p) => {
              progress.restored = p.restored
              progress.total = p.total
              this.context.emit({
                type: 'restore',
                thread: this.name,
                task: entry.id,
                store,
                restored: progress.restored,
                total: progress.total,
              })
            },
            until,
          )
        }),
      )
      if (this.active.get(entry.id) !== entry) return
      await this.locked(async () => {
        if (this.active.get(entry.id) !== entry) return
        entry.task.initializeTopology()
        await this.loadInputOffsets(entry)
        entry.state = 'running'
        this.consumer.resume(
          entry.partitions.map((tp) => ({ topic: tp.topic, partitions: [tp.partition] })),
        )
        this.context.emit({ type: 'task-running', thread: this.name, task: entry.id })
      })
    } catch (error) {
      this.fail(error)
    }
  }

  private async committedOffset(topic: string, partition: number): Promise<number> {
    const { admin, config } = this.context
    const [committed] = await admin.fetchOffsets({ groupId: config.applicationId, topics: [topic] })
    const offset = Number(committed?.partitions.find((p) => p.partition === partition)?.offset)
    return Number.isFinite(offset) && offset > 0 ? offset : 0
  }

  private async loadInputOffsets(entry: ActiveTask): Promise<void> {
    const topics = [...new Set(entry.partitions.map((tp) => tp.topic))]
    const { admin, config } = this.context
    const committed = await admin.fetchOffsets({ groupId: config.applicationId, topics })
    for (const { topic, partitions } of committed) {
      for (const { partition, offset } of partitions) {
        if (Number(offset) >= 0) entry.committed.set(tpKey(topic, partition), Number(offset))
      }
    }
    for (const topic of topics) {
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        entry.endOffsets.set(tpKey(topic, partition), Number(high))
      }
    }
  }

  private maybeRunning(): void {
    if ([...this.active.values()].every((e) => e.state === 'running')) this.setState('RUNNING')
  }

  private createStandby(id: string): void {
    const { task, buffer } = this.newTask(id)
    const entry: StandbyTask = { id, task, buffer }
    this.standby.set(id, entry)
    for (const { store, topic, partition } of this.changelogsOf(id)) {
      const restorer = task.localStores().get(store)?.restorer ?? null
      if (restorer !== null) this.reader.follow(topic, partition, restorer, 0)
    }
  }

  private closeStandby(entry: StandbyTask): void {
    for (const { topic, partition } of this.changelogsOf(entry.id))
      this.reader.release(topic, partition)
    this.standby.delete(entry.id)
    entry.task.close()
  }

  /** Closes a task; `clean` commits it first (it is still ours), else drops its work. */
  private async closeActive(entry: ActiveTask, clean: boolean): Promise<void> {
    if (clean && entry.state === 'running') await this.commitTasks([entry])
    this.active.delete(entry.id)
    for (const tp of entry.partitions) this.taskByPartition.delete(tpKey(tp.topic, tp.partition))
    for (const { topic, partition } of this.changelogsOf(entry.id))
      this.reader.release(topic, partition)
    for (const node of entry.task.nodeMetrics()) this.keepNodeMetrics(node)
    entry.buffer.clear()
    try {
      entry.task.close()
    } finally {
      await entry.producer?.close()
    }
  }

  private keepNodeMetrics(node: NodeMetricsSnapshot): void {
    const kept = this.closedNodeMetrics.get(node.node)
    this.closedNodeMetrics.set(node.node, kept === undefined ? node : sumNodeMetrics(kept, node))
  }

  // --- processing ---------------------------------------------------------------------------

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload
    const key = tpKey(batch.topic, batch.partition)
    await this.locked(async () => {
      const entry = this.taskByPartition.get(key)
      if (entry === undefined || entry.state !== 'running' || this.failed !== null) return
      const generation = this.generation
      try {
        for (const message of batch.messages) {
          entry.task.addRecord(rawRecord(batch.topic, batch.partition, message))
        }
        entry.endOffsets.set(key, Number(batch.highWatermark))
        payload.resolveOffset(batch.lastOffset())
        if (!this.readyToProcess(entry)) return
        let processed = 0
        while (entry.task.process()) {
          entry.task.maybePunctuateStreamTime()
          if (++processed % RECORDS_BETWEEN_HEARTBEATS === 0) {
            await this.send(entry)
            await this.heartbeat(payload)
            if (generation !== this.generation || payload.isStale() || !payload.isRunning()) return
          }
        }
        await this.send(entry)
        if (
          this.context.clock() - this.lastCommitMs >= this.context.config.commitIntervalMs ||
          entry.task.commitNeeded()
        ) {
          await this.commitTasks([...this.active.values()])
        }
      } catch (error) {
        if (isRebalance(error)) throw error
        this.fail(error)
      }
    })
    await this.heartbeat(payload)
  }

  /**
   * Kafka Streams' max.task.idle.ms = 0: a task with several input partitions processes once
   * every partition has records queued or is known to be caught up, so that a join sees the
   * table's records before the stream's with later timestamps.
   */
  private readyToProcess(entry: ActiveTask): boolean {
    if (entry.partitions.length < 2 || entry.task.numBuffered() > MAX_BUFFERED_WHILE_IDLE)
      return true
    return entry.partitions.every(({ topic, partition }) => {
      const end = entry.endOffsets.get(tpKey(topic, partition)) ?? 0
      return (
        this.position(entry, topic, partition) >= end ||
        entry.task.numBufferedIn(topic, partition) > 0
      )
    })
  }

  /** The next offset to process: after the last processed record, else the committed one. */
  private position(entry: ActiveTask, topic: string, partition: number): number {
    return (
      entry.task.consumedOffset(topic, partition) ??
      entry.committed.get(tpKey(topic, partition)) ??
      0
    )
  }

  private async heartbeat(payload: EachBatchPayload): Promise<void> {
    try {
      await payload.heartbeat()
    } catch (error) {
      // The group is rebalancing: hand over committed work before kafkajs rejoins.
      if (isRebalance(error) && this.failed === null) {
        await this.commitTasks([...this.active.values()]).catch(() => undefined)
      }
      throw error
    }
  }

  private async send(entry: ActiveTask): Promise<void> {
    const messages = entry.buffer.drain()
    if (messages.length === 0) return
    if (entry.producer !== null) await entry.producer.send(messages)
    else await this.producer?.send(messages)
  }

  /** Flushes the tasks' caches and output, then commits their consumed offsets. */
  private async commitTasks(entries: readonly ActiveTask[]): Promise<void> {
    const running = entries.filter((e) => e.state === 'running')
    for (const entry of running) {
      entry.task.commit()
      await this.send(entry)
    }
    if (this.exactlyOnce) {
      for (const entry of running) {
        const offsets = this.uncommitted(entry)
        await entry.producer?.commit(this.context.config.applicationId, offsets)
        for (const o of offsets) entry.committed.set(tpKey(o.topic, o.partition), o.offset)
      }
    } else {
      await this.producer?.flush()
      const offsets = running.flatMap((entry) =>
        this.uncommitted(entry).map((o) => ({ ...o, entry })),
      )
      if (offsets.length > 0) {
        await this.consumer.commitOffsets(
          offsets.map((o) => ({
            topic: o.topic,
            partition: o.partition,
            offset: String(o.offset),
          })),
        )
        for (const o of offsets) o.entry.committed.set(tpKey(o.topic, o.partition), o.offset)
      }
    }
    this.lastCommitMs = this.context.clock()
  }

  private uncommitted(entry: ActiveTask) {
    return entry.task
      .consumedOffsets()
      .filter((o) => entry.committed.get(tpKey(o.topic, o.partition)) !== o.offset)
  }

  /** Wall-clock punctuation, and commits while no batch arrives. */
  private async onTick(): Promise<void> {
    if (this.state === 'PENDING_SHUTDOWN' || this.state === 'DEAD' || this.failed !== null) return
    await this.locked(async () => {
      try {
        for (const entry of this.active.values()) {
          if (entry.state !== 'running') continue
          entry.task.maybePunctuateSystemTime()
          if (this.readyToProcess(entry))
            while (entry.task.process()) entry.task.maybePunctuateStreamTime()
          await this.send(entry)
        }
        if (this.context.clock() - this.lastCommitMs >= this.context.config.commitIntervalMs) {
          await this.commitTasks([...this.active.values()])
        }
        this.reader.throwIfFailed()
      } catch (error) {
        if (!isRebalance(error)) this.fail(error)
      }
    })
  }

  private fail(error: unknown): void {
    if (this.failed !== null) return
    this.failed = error instanceof Error ? error : new Error(String(error))
    this.context.emit(errorEvent(this.name, error))
    this.context.onFatal(this.failed)
  }

  // --- shutdown -----------------------------------------------------------------------------

  /** Commits (unless failed), closes every task and leaves the group. */
  async shutdown(): Promise<void> {
    if (this.state === 'DEAD') return
    this.setState('PENDING_SHUTDOWN')
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
    await this.locked(async () => {
      const clean = this.failed === null
      for (const entry of [...this.active.values()]) {
        try {
          await this.closeActive(entry, clean)
        } catch (error) {
          if (clean) this.failed ??= error instanceof Error ? error : new Error(String(error))
        }
      }
      for (const entry of [...this.standby.values()]) this.closeStandby(entry)
    })
    await Promise.allSettled([
      this.consumer.disconnect(),
      this.reader.stop(),
      this.producer?.close(),
    ])
    this.setState('DEAD')
  }

  // --- queries ------------------------------------------------------------------------------

  /** This thread's instances of a store, by task, for interactive queries (running tasks). */
  stores(name: string): TaskStore[] {
    return [...this.active.values()]
      .filter((e) => e.state === 'running')
      .flatMap((e) => {
        const store = e.task.localStores().get(name)
        return store === undefined
          ? []
          : [{ taskId: e.task.id, store, buffered: e.task.suppressionBuffer(name) }]
      })
  }

  /** Opens and closes taps on this thread's active tasks to match `context.taps` and `follow`. */
  applyTaps(only?: StreamTask): void {
    const tasks = only === undefined ? [...this.active.values()].map((e) => e.task) : [only]
    const follow = this.context.follow()
    for (const task of tasks) {
      if (!task.follows(follow?.keys ?? null))
        task.follow(follow?.keys ?? null, follow?.capacity ?? 0)
      for (const node of task.nodeNames()) {
        const capacity = this.context.taps.get(node)
        if (capacity === undefined) task.closeTap(node)
        else if (task.tapCapacity(node) !== capacity) task.openTap(node, capacity)
      }
    }
  }

  /** The records of followed keys through a node in this thread's active tasks. */
  followed(node: string): NodeRecord[] {
    return this.fromTasksWith(node, (task) => task.followed(node))
  }

  /** The records a node's tap holds in this thread's active tasks. */
  tapped(node: string): NodeRecord[] {
    return this.fromTasksWith(node, (task) => task.tapped(node))
  }

  private fromTasksWith(node: string, read: (task: StreamTask) => NodeRecord[]): NodeRecord[] {
    return [...this.active.values()].flatMap((e) =>
      e.task.nodeNames().includes(node) ? read(e.task) : [],
    )
  }

  allClients(): readonly ClientAssignment[] {
    return this.clients
  }

  snapshot(): ThreadSnapshot {
    const tasks: TaskSnapshot[] = []
    for (const entry of this.active.values()) {
      tasks.push({
        id: entry.id,
        kind: 'active',
        state: entry.state,
        streamTime: entry.task.streamTime(),
        partitions: entry.partitions.map(({ topic, partition }) => {
          const key = tpKey(topic, partition)
          const position = this.position(entry, topic, partition)
          const end = entry.endOffsets.get(key) ?? position
          return {
            topic,
            partition,
            position,
            committed: entry.committed.get(key) ?? null,
            endOffset: end,
            lag: Math.max(0, end - position),
            partitionTime: entry.task.partitionTime(topic, partition),
          }
        }),
        restore: [...entry.restore].map(([store, p]) => ({ store, ...p })),
        produced: Object.fromEntries(entry.buffer.sentByTopic),
        nodes: entry.task.nodeMetrics(),
      })
    }
    for (const entry of this.standby.values()) {
      tasks.push({
        id: entry.id,
        kind: 'standby',
        state: 'standby',
        streamTime: -1,
        partitions: [],
        restore: [],
        produced: {},
        nodes: [],
      })
    }
    return {
      name: this.name,
      state: this.state,
      rebalances: this.rebalances,
      tasks,
      closedTaskNodes: [...this.closedNodeMetrics.values()],
    }
  }
}

function isRebalance(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type
  return (
    type === 'REBALANCE_IN_PROGRESS' ||
    type === 'NOT_COORDINATOR_FOR_GROUP' ||
    type === 'ILLEGAL_GENERATION' ||
    type === 'UNKNOWN_MEMBER_ID'
  )
}
