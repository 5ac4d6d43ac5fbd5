// KafkaStreams: runs a Topology on a Kafka cluster as a Kafka Streams application would, with
// stream threads in the consumer group `application.id`, internal topics created before
// processing, state restored from changelogs, and commits per commit.interval.ms.
import { randomUUID } from 'node:crypto'
import kafkajs, {
  type Admin,
  type Kafka as KafkaClient,
  type KafkaConfig,
  type logLevel,
} from 'kafkajs'
import { runtimeTopicNamer } from '../runtime/build-processor-topology'
import { planInternalTopics, type InternalTopicPlan } from '../runtime/internal-topic-plan'
import type { RuntimeProps } from '../runtime/runtime-config'
import { oldestFirst, sumNodeMetrics, type NodeMetricsSnapshot } from '../telemetry/node-telemetry'
import type { NodeRecord } from '../telemetry/node-telemetry'
import type { KeyFilter } from '../telemetry/record-tap'
import { parseTaskName } from '../runtime/task-assignment'
import type { Topology } from '../topology/topology'
import { kafkajsClusterAdmin, type ClusterAdmin } from './cluster-admin'
import { ensureInternalTopics } from './ensure-internal-topics'
import { queryableStore, type QueryableStore } from '../runtime/queryable-store'
import { GlobalStreamThread } from './global-stream-thread'
import type { MetricsSample } from '../telemetry/node-rates'
import { sampleMetrics } from './metrics-sampler'
import { StreamThread } from './stream-thread'
import { streamsConfig, type StreamsConfig } from './streams-config'
import type {
  KafkaStreamsState,
  StreamsEvent,
  StreamsMetrics,
} from '../telemetry/streams-telemetry'
// kafkajs is CommonJS: Node's ESM loader sees only its default export.
const { Kafka, logLevel: kafkajsLogLevel } = kafkajs

export type StateListener = (newState: KafkaStreamsState, oldState: KafkaStreamsState) => void

/** One instance of the application, as `metadataForAllStreamsClients()` describes it. */
export interface StreamsMetadata {
  readonly processId: string
  /** `application.server` of that instance, or null. */
  readonly hostInfo: string | null
  readonly stateStoreNames: readonly string[]
  readonly activeTasks: readonly string[]
  readonly standbyTasks: readonly string[]
}

export interface KafkaStreamsOptions {
  /** kafkajs' own log level (default: nothing; the runtime reports through events). */
  readonly kafkajsLogLevel?: logLevel
}

export class IllegalStateException extends Error {
  override readonly name = 'IllegalStateException'
}

const TRANSITIONS: Readonly<Record<KafkaStreamsState, readonly KafkaStreamsState[]>> = {
  CREATED: ['REBALANCING', 'PENDING_SHUTDOWN', 'PENDING_ERROR'],
  REBALANCING: ['RUNNING', 'REBALANCING', 'PENDING_SHUTDOWN', 'PENDING_ERROR'],
  RUNNING: ['REBALANCING', 'PENDING_SHUTDOWN', 'PENDING_ERROR'],
  PENDING_SHUTDOWN: ['NOT_RUNNING'],
  NOT_RUNNING: [],
  PENDING_ERROR: ['ERROR'],
  ERROR: [],
}

export class KafkaStreams {
  readonly processId = randomUUID()
  private readonly config: StreamsConfig
  private readonly kafka: KafkaClient
  private readonly admin: Admin
  private readonly cluster: ClusterAdmin
  private current: KafkaStreamsState = 'CREATED'
  private stateListener: StateListener | null = null
  private readonly listeners = new Set<(event: StreamsEvent) => void>()
  private threads: StreamThread[] = []
  private globalThread: GlobalStreamThread | null = null
  private readonly samplers = new Set<() => void>()
  private readonly taps = new Map<string, number>()
  private following: { readonly keys: KeyFilter; readonly capacity: number } | null = null
  /** The processor nodes of the topology, for taps (read every second while a tap is open). */
  private nodeNames: Set<string> | null = null
  private topicPartitions = new Map<string, number>()
  private failure: Error | null = null
  private closing: Promise<boolean> | null = null
  private errorShutdown: Promise<void> | null = null

  constructor(
    private readonly topology: Topology,
    props: RuntimeProps,
    options: KafkaStreamsOptions = {},
  ) {
    this.config = streamsConfig({ ...topology.config, ...props }, this.processId)
    const kafkaConfig: KafkaConfig = {
      clientId: this.config.clientId,
      brokers: [...this.config.bootstrapServers],
      logLevel: options.kafkajsLogLevel ?? kafkajsLogLevel.NOTHING,
      ...(this.config.ssl !== undefined ? { ssl: this.config.ssl } : {}),
      ...(this.config.sasl !== undefined ? { sasl: this.config.sasl } : {}),
    }
    this.kafka = new Kafka(kafkaConfig)
    this.admin = this.kafka.admin()
    this.cluster = kafkajsClusterAdmin(this.admin)
  }

  state(): KafkaStreamsState {
    return this.current
  }

  /** As Kafka's: one listener, told of every state change; only before start. */
  setStateListener(listener: StateListener): void {
    if (this.current !== 'CREATED') {
      throw new IllegalStateException('Can only set a StateListener before calling start()')
    }
    this.stateListener = listener
  }

  /** Every event of the runtime (state changes, rebalances, restores, warnings, errors). */
  onEvent(listener: (event: StreamsEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(event: StreamsEvent): void {
    for (const listener of this.listeners) listener(event)
  }

  private setState(next: KafkaStreamsState): boolean {
    const previous = this.current
    if (previous === next) return true
    if (!TRANSITIONS[previous].includes(next)) return false
    this.current = next
    this.stateListener?.(next, previous)
    this.emit({ type: 'state', state: next, previous })
    return true
  }

  /**
   * Creates or checks the internal topics, starts the stream threads, and resolves once every
   * thread runs its tasks (state RUNNING); rejects with the reason when it cannot start.
   */
  async start(): Promise<void> {
    if (this.current !== 'CREATED') {
      throw new IllegalStateException(
        `KafkaStreams can only be started once, from CREATED; it is ${this.current}`,
      )
    }
    this.setState('REBALANCING')
    try {
      await this.admin.connect()
      const plan = await this.refreshPlan()
      await ensureInternalTopics(this.cluster, plan, {
        replicationFactor: this.config.replicationFactor,
      })
      this.topicPartitions = new Map([...this.topicPartitions, ...plan.partitions])
      const runtimeTopic = runtimeTopicNamer(
        this.topology.internalBuilder,
        this.config.applicationId,
      )
      if (this.topology.internalBuilder.nodeGroups().some((group) => group.global)) {
        this.globalThread = new GlobalStreamThread({
          config: this.config,
          topology: this.topology,
          kafka: this.kafka,
          admin: this.admin,
          processId: this.processId,
          runtimeTopic,
          emit: (event) => this.emit(event),
          onFatal: (error) => this.onThreadFailure(error),
        })
        // As Kafka: the global stores hold their topics' current contents before any task runs.
        await this.globalThread.start()
      }
      this.threads = Array.from(
        { length: this.config.numStreamThreads },
        (_, index) =>
          new StreamThread({
            index,
            processId: this.processId,
            config: this.config,
            topology: this.topology,
            kafka: this.kafka,
            admin: this.admin,
            plan,
            refreshPlan: () => this.refreshPlan(),
            partitionsOf: (topic) => this.topicPartitions.get(topic) ?? null,
            runtimeTopic,
            emit: (event) => this.emit(event),
            onStateChange: () => this.onThreadStateChange(),
            onFatal: (error) => this.onThreadFailure(error),
            clock: () => performance.now(),
            globalStores: this.globalThread?.stores(),
            taps: this.taps,
            follow: () => this.following,
          }),
      )
      const running = this.untilRunning()
      await Promise.all(this.threads.map((thread) => thread.start()))
      await running
    } catch (error) {
      await this.shutDownAfterError(error)
      throw this.failure ?? error
    }
  }

  private async refreshPlan(): Promise<InternalTopicPlan> {
    this.topicPartitions = await this.cluster.topicPartitions()
    return planInternalTopics(this.topology, {
      applicationId: this.config.applicationId,
      existingTopics: this.topicPartitions,
      windowChangelogAdditionalRetentionMs: this.config.windowChangelogAdditionalRetentionMs,
      topicConfig: this.config.topicConfig,
    })
  }

  private untilRunning(): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.current === 'RUNNING') resolve()
        else if (this.current === 'PENDING_ERROR' || this.current === 'ERROR') {
          reject(this.failure ?? new Error('KafkaStreams failed to start'))
        } else if (this.current === 'PENDING_SHUTDOWN' || this.current === 'NOT_RUNNING') {
          reject(new IllegalStateException('KafkaStreams was closed before it ran'))
        } else return
        unsubscribe()
      }
      const unsubscribe = this.onEvent((event) => {
        if (event.type === 'state') check()
      })
      check()
    })
  }

  private onThreadStateChange(): void {
    if (this.current !== 'REBALANCING' && this.current !== 'RUNNING') return
    const states = this.threads.map((t) => t.threadState())
    this.setState(states.every((s) => s === 'RUNNING') ? 'RUNNING' : 'REBALANCING')
  }

  private onThreadFailure(error: Error): void {
    this.failure ??= new Error(
      `A stream thread of ${this.config.applicationId} failed: ${error.message}`,
      {
        cause: error,
      },
    )
    void this.shutDownAfterError(error)
  }

  private shutDownAfterError(error: unknown): Promise<void> {
    this.failure ??= error instanceof Error ? error : new Error(String(error))
    if (this.setState('PENDING_ERROR')) {
      this.errorShutdown = this.stopThreads().then(() => void this.setState('ERROR'))
    }
    return this.errorShutdown ?? Promise.resolve()
  }

  private async stopThreads(): Promise<void> {
    for (const stop of this.samplers) stop()
    this.samplers.clear()
    await Promise.allSettled(this.threads.map((thread) => thread.shutdown()))
    await this.globalThread?.stop()
    await this.admin.disconnect().catch(() => undefined)
  }

  /** The error that stopped the instance, once in ERROR. */
  error(): Error | null {
    return this.failure
  }

  /**
   * Commits, closes every task and leaves the group. Resolves true when done within
   * `timeout` ms (default: no limit), false when the time ran out first.
   */
  async close(options: { timeout?: number } = {}): Promise<boolean> {
    this.closing ??= this.doClose()
    if (options.timeout === undefined) return this.closing
    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), options.timeout)
    })
    try {
      return await Promise.race([this.closing, timedOut])
    } finally {
      clearTimeout(timer)
    }
  }

  private async doClose(): Promise<boolean> {
    if (this.errorShutdown !== null) {
      await this.errorShutdown
      return true
    }
    if (!this.setState('PENDING_SHUTDOWN')) return true
    await this.stopThreads()
    this.setState('NOT_RUNNING')
    return true
  }

  /**
   * Kafka deletes the local state directory here. This runtime keeps state in memory and
   * restores it from changelogs, so there is nothing on disk; the call checks the state as
   * Kafka's does.
   */
  cleanUp(): void {
    if (this.current !== 'CREATED' && this.current !== 'NOT_RUNNING' && this.current !== 'ERROR') {
      throw new IllegalStateException(
        `Cannot clean up while running: KafkaStreams is ${this.current}; close it first`,
      )
    }
  }

  /** Every instance of the application in the group, with its tasks and stores. */
  metadataForAllStreamsClients(): StreamsMetadata[] {
    this.requireStarted('metadataForAllStreamsClients')
    const clients = this.threads.map((t) => t.allClients()).find((c) => c.length > 0) ?? []
    const plan = this.topology.internalBuilder
    const storesOf = (tasks: readonly string[]) => {
      const subtopologies = new Set(tasks.map((t) => parseTaskName(t).subtopology))
      const names = new Set<string>()
      for (const group of plan.nodeGroups()) {
        if (!subtopologies.has(group.id)) continue
        for (const [name, { users }] of plan.stateStores()) {
          if (users.some((u) => group.nodes.includes(u))) names.add(name)
        }
      }
      return [...names].sort()
    }
    return clients.map((c) => ({
      processId: c.processId,
      hostInfo: c.endpoint,
      stateStoreNames: storesOf([...c.active, ...c.standby]),
      activeTasks: c.active,
      standbyTasks: c.standby,
    }))
  }

  /** Reads a store across the tasks this instance runs (interactive queries). */
  store<K = unknown, V = unknown>(name: string): QueryableStore<K, V> {
    if (this.current !== 'RUNNING' && this.current !== 'REBALANCING') {
      throw new IllegalStateException(
        `Cannot query store ${name}: KafkaStreams is ${this.current}, not RUNNING`,
      )
    }
    const builder = this.topology.internalBuilder
    const global = builder.globalStores().has(name)
    if (!global && !builder.stateStores().has(name)) {
      const names = [...builder.stateStores().keys(), ...builder.globalStores().keys()]
      throw new RangeError(
        `Unknown state store ${name}; the topology has: ${names.join(', ') || 'no stores'}`,
      )
    }
    return queryableStore<K, V>(name, () => {
      if (!global) return this.threads.flatMap((t) => t.stores(name))
      const store = this.globalThread?.stores().get(name)
      return store === undefined ? [] : [{ taskId: 'global', store }]
    })
  }

  /**
   * Samples `metrics()` every `intervalMs` (default 1 s) with per-node rates since the previous
   * sample, for telemetry; returns a function that stops sampling.
   */
  onMetrics(listener: (sample: MetricsSample) => void, intervalMs = 1000): () => void {
    const stop = sampleMetrics(() => this.metrics(), listener, intervalMs)
    this.samplers.add(stop)
    return () => {
      stop()
      this.samplers.delete(stop)
    }
  }

  /**
   * Keeps the last `capacity` records through a processor node in every task of this instance
   * that has it, tasks assigned later included (a record tap, for debugging).
   */
  openTap(node: string, capacity = 100): void {
    this.requireNode(node)
    if (!Number.isInteger(capacity) || capacity <= 0) {
      throw new RangeError(`A record tap needs a positive capacity, got ${capacity}`)
    }
    this.taps.set(node, capacity)
    for (const thread of this.threads) thread.applyTaps()
  }

  closeTap(node: string): void {
    this.taps.delete(node)
    for (const thread of this.threads) thread.applyTaps()
  }

  /**
   * Follows the keys `keys` accepts through every processor node, keeping the last `capacity`
   * of their records at each node in each task (tasks assigned later too); null stops.
   */
  follow(keys: KeyFilter | null, capacity = 20): void {
    if (!Number.isInteger(capacity) || capacity <= 0) {
      throw new RangeError(`Following keys needs a positive capacity, got ${capacity}`)
    }
    this.following = keys === null ? null : { keys, capacity }
    for (const thread of this.threads) thread.applyTaps()
  }

  /** The records of followed keys through a node, from all tasks, oldest first. */
  followed(node: string): NodeRecord[] {
    this.requireNode(node)
    return oldestFirst(this.threads.flatMap((thread) => thread.followed(node)))
  }

  /** The records an open tap holds, from all tasks, oldest first by timestamp then offset. */
  tapped(node: string): NodeRecord[] {
    this.requireNode(node)
    return oldestFirst(this.threads.flatMap((thread) => thread.tapped(node)))
  }

  private requireNode(node: string): void {
    this.nodeNames ??= new Set(
      this.topology
        .describe()
        .subtopologies()
        .flatMap((s) => s.nodes.map((n) => n.name)),
    )
    if (!this.nodeNames.has(node)) throw new RangeError(`Unknown processor node ${node}`)
  }

  /** Threads, tasks (lag, stream time, restore progress) and per-node counters. */
  metrics(): StreamsMetrics {
    const threads = this.threads.map((t) => t.snapshot())
    const nodes = new Map<string, NodeMetricsSnapshot>()
    const add = (node: NodeMetricsSnapshot) => {
      const seen = nodes.get(node.node)
      nodes.set(node.node, seen === undefined ? node : sumNodeMetrics(seen, node))
    }
    this.globalThread?.nodeMetrics().forEach(add)
    for (const thread of threads) {
      thread.closedTaskNodes.forEach(add)
      for (const task of thread.tasks) task.nodes.forEach(add)
    }
    return { state: this.current, threads, nodes: [...nodes.values()] }
  }

  private requireStarted(what: string): void {
    if (this.current === 'CREATED') {
      throw new IllegalStateException(`${what} needs a started KafkaStreams`)
    }
  }
}
