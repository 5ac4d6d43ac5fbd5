// The server's side of one run: the worker thread running it, its latest status and metrics,
// and requests to it (taps, store pages) answered by message.
import { EventEmitter } from 'node:events'
import { Worker } from 'node:worker_threads'
import type {
  NodeRecord,
  RunError,
  RunFollow,
  RunMetrics,
  RunState,
  RunStatus,
  RunTap,
  StatePage,
  StatePageRequestSchema,
} from '@topology-studio/shared'
import type { z } from 'zod'
import { ApiError } from '../http/api-error'
import type { FromRunWorker, StartRun, ToRunWorker } from './run-protocol'

export interface RunEvents {
  status: [RunStatus]
  metrics: [RunMetrics]
  tap: [RunTap]
  follow: [RunFollow]
  failed: [RunError]
}

export function runStateOf(streamsState: string, restoring: boolean): RunState {
  switch (streamsState) {
    case 'CREATED':
      return 'starting'
    case 'REBALANCING':
      return restoring ? 'restoring' : 'rebalancing'
    case 'RUNNING':
      return restoring ? 'restoring' : 'running'
    case 'PENDING_SHUTDOWN':
      return 'stopping'
    case 'NOT_RUNNING':
      return 'stopped'
    default:
      return 'error'
  }
}

export class RunHandle {
  readonly events = new EventEmitter<RunEvents>()
  private current: RunStatus
  private latest: RunMetrics | null = null
  private readonly worker: Worker
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >()
  private nextRequest = 1
  private stopping: Promise<void> | null = null
  private exited = false
  private lastHeard = Date.now()
  private readonly watchdog: ReturnType<typeof setInterval>

  constructor(
    start: StartRun,
    base: Omit<RunStatus, 'state' | 'streamsState' | 'restoreProgress' | 'stoppedAt' | 'error'>,
    /** Internal topics of the run's plan, for reset. */
    readonly internalTopics: readonly string[],
    script: URL,
    /**
     * A running worker reports metrics every second; silent this long, its thread is stuck (code
     * the sandbox failed to interrupt, a blocked loop) and it is ended.
     */
    silenceLimitMs = 20_000,
  ) {
    this.current = {
      ...base,
      state: 'starting',
      streamsState: 'CREATED',
      restoreProgress: null,
      stoppedAt: null,
      error: null,
    }
    this.worker = new Worker(script)
    this.watchdog = setInterval(
      () => {
        // A stopping run is silent while it closes; stop() has its own deadline.
        if (this.exited || this.current.state === 'stopping') return
        if (Date.now() - this.lastHeard < silenceLimitMs) return
        this.fail(
          `The run stopped answering for ${silenceLimitMs / 1000} s and was ended`,
          null,
          null,
        )
        void this.worker.terminate()
      },
      Math.min(1_000, silenceLimitMs),
    )
    this.watchdog.unref()
    this.worker.on('message', (message: FromRunWorker) => {
      this.lastHeard = Date.now()
      this.onMessage(message)
    })
    this.worker.on('error', (error) => this.fail(error.message, null, null))
    this.worker.on('exit', () => {
      this.exited = true
      clearInterval(this.watchdog)
      for (const { reject } of this.pending.values()) reject(new Error('The run has ended'))
      this.pending.clear()
      if (this.current.state !== 'stopped' && this.current.state !== 'error') {
        this.fail('The run ended unexpectedly', null, null)
      }
    })
    this.send(start)
  }

  get id(): string {
    return this.current.id
  }

  status(): RunStatus {
    return this.current
  }

  metrics(): RunMetrics | null {
    return this.latest
  }

  /** Still holds a consumer group membership (or is about to). */
  active(): boolean {
    return this.current.state !== 'stopped' && this.current.state !== 'error'
  }

  /** Closes the run (committing what it processed); ends the worker if it does not answer. */
  stop(timeoutMs = 30_000): Promise<void> {
    this.stopping ??= new Promise<void>((resolve) => {
      if (this.exited) {
        resolve()
        return
      }
      this.update({ state: 'stopping' })
      const deadline = setTimeout(() => void this.worker.terminate(), timeoutMs + 5_000)
      this.worker.once('exit', () => {
        clearTimeout(deadline)
        if (this.current.state !== 'error') this.update({ state: 'stopped' })
        resolve()
      })
      this.send({ type: 'stop', timeoutMs })
    })
    return this.stopping
  }

  async tap(nodeId: string, enabled: boolean): Promise<void> {
    await this.request({ type: 'tap', requestId: 0, nodeId, enabled })
  }

  async follow(key: string, enabled: boolean): Promise<void> {
    await this.request({ type: 'follow', requestId: 0, key, enabled })
  }

  async statePage(
    request: Omit<z.output<typeof StatePageRequestSchema>, 'runId'>,
  ): Promise<StatePage> {
    const page = (await this.request({ type: 'state-page', requestId: 0, request })) as Omit<
      StatePage,
      'runId'
    >
    return { runId: this.id, ...page }
  }

  private request(message: Extract<ToRunWorker, { requestId: number }>): Promise<unknown> {
    if (this.exited || !this.active()) {
      return Promise.reject(
        new ApiError(409, 'run_refused', `Run ${this.id} is ${this.current.state}`, {
          state: this.current.state,
        }),
      )
    }
    const requestId = this.nextRequest++
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject })
      this.send({ ...message, requestId })
    })
  }

  private onMessage(message: FromRunWorker): void {
    switch (message.type) {
      case 'status':
        if (this.current.state === 'stopping' && message.streamsState !== 'NOT_RUNNING') {
          this.update({ streamsState: message.streamsState })
          return
        }
        this.update({
          streamsState: message.streamsState,
          restoreProgress: message.restoreProgress,
          state:
            this.current.state === 'error'
              ? 'error'
              : runStateOf(message.streamsState, message.restoring),
        })
        return
      case 'metrics':
        this.latest = { runId: this.id, ...message.metrics }
        this.events.emit('metrics', this.latest)
        return
      case 'tap':
        for (const tap of message.taps) this.events.emit('tap', { runId: this.id, ...tap })
        return
      case 'follow':
        for (const follow of message.follows)
          this.events.emit('follow', { runId: this.id, ...follow })
        return
      case 'error':
        this.fail(message.message, message.nodeId, message.record)
        return
      case 'stopped':
        void this.worker.terminate()
        return
      case 'reply': {
        const pending = this.pending.get(message.requestId)
        this.pending.delete(message.requestId)
        if (message.ok) pending?.resolve(message.value)
        else {
          const status = message.code === 'not_found' ? 404 : 400
          pending?.reject(new ApiError(status, message.code, message.message))
        }
        return
      }
    }
  }

  private fail(message: string, nodeId: string | null, record: NodeRecord | null): void {
    const error: RunError = { message, nodeId, at: new Date().toISOString(), record }
    this.update({ state: 'error', error })
    this.events.emit('failed', error)
  }

  private update(change: Partial<RunStatus>): void {
    const next = { ...this.current, ...change }
    if (
      (next.state === 'stopped' || next.state === 'error') &&
      this.current.stoppedAt === null &&
      next.stoppedAt === null
    ) {
      next.stoppedAt = new Date().toISOString()
    }
    this.current = next
    this.events.emit('status', next)
  }

  private send(message: ToRunWorker): void {
    this.worker.postMessage(message)
  }
}
