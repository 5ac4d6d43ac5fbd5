// The global stream thread: keeps the global stores (global tables and global state stores)
// of this instance up to date with every partition of their topics. As Kafka's
// GlobalStreamThread it reads the topics to their end before the stream threads start, then
// follows them. State is in memory, so each start reads the topics from the beginning (the
// source topic is a global store's changelog).
//
// kafkajs has no assign(), so the consumer is alone in a group of its own and commits nothing.
import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs'
import { StreamTask } from '../runtime/stream-task'
import type { RuntimeStore } from '../runtime/state/runtime-store'
import type { NodeMetricsSnapshot } from '../telemetry/node-telemetry'
import type { Topology } from '../topology/topology'
import { rawRecord } from './kafka-records'
import { reportedRestartPolicy } from './restart-policy'
import type { StreamsConfig } from './streams-config'
import { errorEvent, type StreamsEvent } from '../telemetry/streams-telemetry'

export interface GlobalThreadContext {
  readonly config: StreamsConfig
  readonly topology: Topology
  readonly kafka: Kafka
  readonly admin: Admin
  readonly processId: string
  readonly runtimeTopic: (topic: string) => string
  readonly emit: (event: StreamsEvent) => void
  readonly onFatal: (error: Error) => void
}

const keyOf = (topic: string, partition: number) => `${topic}:${partition}`

export class GlobalStreamThread {
  readonly name: string
  readonly task: StreamTask
  private readonly consumer: Consumer
  private readonly topics: string[]
  /** End offsets to reach before the instance may start processing. */
  private readonly bootstrapEnd = new Map<string, number>()
  private readonly positions = new Map<string, number>()
  private bootstrap: { resolve: () => void; reject: (error: Error) => void } | null = null
  private failed = false

  constructor(private readonly context: GlobalThreadContext) {
    const { config, topology, kafka } = context
    this.name = `${config.clientId}-GlobalStreamThread`
    this.topics = [...topology.internalBuilder.globalTopicNames()].map(context.runtimeTopic)
    this.task = new StreamTask({
      id: 'global',
      partition: 0,
      builder: topology.internalBuilder,
      global: true,
      config: config.runtime,
      collector: {
        send: (record) => {
          throw new Error(
            `Global state processors cannot forward to topics (tried to write to ${record.topic})`,
          )
        },
        partitionsFor: () => null,
      },
      changelog: null,
      runtimeTopic: context.runtimeTopic,
      wallClockMs: () => Date.now(),
      onWarning: (warning) => context.emit({ type: 'warning', thread: this.name, warning }),
    })
    this.consumer = kafka.consumer({
      groupId: `${this.name}-${context.processId}`,
      readUncommitted: config.processingGuarantee !== 'exactly_once',
      sessionTimeout: config.sessionTimeoutMs,
      heartbeatInterval: config.heartbeatIntervalMs,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 500,
      retry: { retries: 10, restartOnFailure: reportedRestartPolicy(this.name, context.emit) },
    })
  }

  /** Reads every global topic to its current end; resolves once the global stores hold it. */
  async start(): Promise<void> {
    const { admin } = this.context
    const existing = new Set(await admin.listTopics())
    const missing = this.topics.filter((t) => !existing.has(t))
    if (missing.length > 0) {
      throw new Error(
        `Global table topic${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'do' : 'does'} not exist on the cluster; create ${missing.length > 1 ? 'them' : 'it'} before starting the application.`,
      )
    }
    for (const topic of this.topics) {
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        if (Number(high) > 0) this.bootstrapEnd.set(keyOf(topic, partition), Number(high))
      }
    }
    const bootstrapped = new Promise<void>((resolve, reject) => {
      this.bootstrap = { resolve, reject }
    })
    this.maybeBootstrapped()
    await this.consumer.connect()
    this.consumer.on(this.consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      this.advance(payload.topic, payload.partition, Number(payload.lastOffset) + 1)
    })
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.fail(payload.error)
    })
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true })
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.onBatch(payload),
    })
    await bootstrapped
  }

  private async onBatch({ batch, resolveOffset, heartbeat }: EachBatchPayload): Promise<void> {
    if (this.failed) return
    try {
      for (const message of batch.messages) {
        // A global task applies each record to its store at once.
        this.task.addRecord(rawRecord(batch.topic, batch.partition, message))
      }
      this.task.commit()
    } catch (error) {
      this.fail(error)
      return
    }
    resolveOffset(batch.lastOffset())
    this.advance(batch.topic, batch.partition, Number(batch.lastOffset()) + 1)
    await heartbeat()
  }

  private advance(topic: string, partition: number, position: number): void {
    const key = keyOf(topic, partition)
    this.positions.set(key, Math.max(this.positions.get(key) ?? 0, position))
    this.maybeBootstrapped()
  }

  private maybeBootstrapped(): void {
    if (this.bootstrap === null) return
    for (const [key, end] of this.bootstrapEnd) {
      if ((this.positions.get(key) ?? 0) < end) return
    }
    this.bootstrap.resolve()
    this.bootstrap = null
  }

  private fail(error: unknown): void {
    if (this.failed) return
    this.failed = true
    const failure = error instanceof Error ? error : new Error(String(error))
    this.context.emit(errorEvent(this.name, failure))
    this.bootstrap?.reject(failure)
    this.bootstrap = null
    this.context.onFatal(failure)
  }

  stores(): ReadonlyMap<string, RuntimeStore> {
    return this.task.localStores()
  }

  nodeMetrics(): NodeMetricsSnapshot[] {
    return this.task.nodeMetrics()
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect().catch(() => undefined)
    this.task.close()
  }
}
