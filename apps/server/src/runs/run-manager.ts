// Runs: a stored design started on a connected cluster, checked first (diagnostics with errors
// and missing source and sink topics refuse the start), kept until stopped so a browser can come
// back.
import { randomBytes } from 'node:crypto'
import { functionParamsOf, planGraph } from '@topology-studio/engine'
import type { RunStatus, StartRunRequestSchema, TopologyGraph } from '@topology-studio/shared'
import { EventEmitter } from 'node:events'
import type { z } from 'zod'
import type { ClusterRegistry } from '../clusters/cluster-registry'
import type { DesignStore } from '../designs/design-store'
import { ApiError } from '../http/api-error'
import { RunHandle, type RunEvents } from './run-handle'
import { runWorkerScript } from './run-worker-script'

export const METRICS_INTERVAL_MS = 1_000

/** Every run's events, each tagged with its run. */
export type RunManagerEvents = { [K in keyof RunEvents]: [string, ...RunEvents[K]] }

export class RunManager {
  readonly events = new EventEmitter<RunManagerEvents>()
  private readonly runs = new Map<string, RunHandle>()

  constructor(
    private readonly designs: DesignStore,
    private readonly clusters: ClusterRegistry,
    /** `--disable-code`: designs with JavaScript code parameters are refused. */
    private readonly codeDisabled = false,
  ) {}

  async start(request: z.output<typeof StartRunRequestSchema>): Promise<RunStatus> {
    const { design } = await this.designs.get(request.designId)
    const connection = this.clusters.get(request.clusterId)
    const config = { ...design.config, ...request.config }
    const { diagnostics, plan } = planGraph({ ...design, config })
    const errors = diagnostics.filter((d) => d.severity === 'error')
    if (plan === null || errors.length > 0) {
      throw new ApiError(
        422,
        'run_refused',
        `Design ${request.designId} has ${errors.length} error${errors.length === 1 ? '' : 's'}: ${errors[0]?.message ?? 'it does not compile'}`,
        { diagnostics: errors, missingTopics: [] },
      )
    }
    const code = this.codeDisabled ? codeParams(design) : []
    if (code.length > 0) {
      throw new ApiError(
        422,
        'run_refused',
        `This server runs no JavaScript code parameters (--disable-code); node ${code[0]?.nodeId} has code in ${code[0]?.param}`,
        { diagnostics: [], missingTopics: [], codeParams: code },
      )
    }
    // Topics the design reads and writes must exist: the runtime's producers do not create
    // topics, and a send to a missing one would stall its stream thread.
    const internal = new Set(plan.internalTopics.map((t) => t.name))
    const external = (topics: string[]) =>
      [...new Set(topics)].filter((topic) => !internal.has(topic))
    const sources = external(
      plan.nodes.flatMap((n) => (n.type === 'source' ? (n.topics ?? []) : [])),
    )
    const sinks = external(
      plan.nodes.flatMap((n) => (n.type === 'sink' && n.topic ? [n.topic] : [])),
    )
    const existing = new Set(await connection.topicNames())
    const missingSources = sources.filter((topic) => !existing.has(topic))
    const missingSinks = sinks.filter((topic) => !existing.has(topic) && !sources.includes(topic))
    const missing = [...missingSources, ...missingSinks]
    if (missing.length > 0) {
      const named = (role: string, topics: string[]) =>
        topics.length === 0
          ? []
          : [`${role} topic${topics.length === 1 ? '' : 's'} ${topics.join(', ')}`]
      const what = [...named('Source', missingSources), ...named('sink', missingSinks)].join(
        ' and ',
      )
      throw new ApiError(
        422,
        'run_refused',
        `${what.charAt(0).toUpperCase()}${what.slice(1)} ${missing.length === 1 ? 'does' : 'do'} not exist on the cluster; create ${missing.length === 1 ? 'it' : 'them'} first`,
        { diagnostics: [], missingTopics: missing },
      )
    }
    const busy = [...this.runs.values()].find(
      (run) =>
        run.active() &&
        run.status().clusterId === request.clusterId &&
        run.status().applicationId === design.applicationId,
    )
    if (busy !== undefined) {
      throw new ApiError(
        409,
        'run_active',
        `Run ${busy.id} already runs application ${design.applicationId} on this cluster; stop it first`,
        { runId: busy.id },
      )
    }
    const id = `run-${randomBytes(4).toString('hex')}`
    const run = new RunHandle(
      {
        type: 'start',
        runId: id,
        design,
        cluster: connection.settings,
        config: request.config,
        metricsIntervalMs: METRICS_INTERVAL_MS,
      },
      {
        id,
        designId: request.designId,
        designName: design.name,
        clusterId: request.clusterId,
        applicationId: design.applicationId,
        startedAt: new Date().toISOString(),
      },
      [...internal].map((topic) => `${design.applicationId}-${topic}`),
      await runWorkerScript(),
    )
    run.events.on('status', (status) => this.events.emit('status', id, status))
    run.events.on('metrics', (metrics) => this.events.emit('metrics', id, metrics))
    run.events.on('tap', (tap) => this.events.emit('tap', id, tap))
    run.events.on('follow', (follow) => this.events.emit('follow', id, follow))
    run.events.on('failed', (error) => this.events.emit('failed', id, error))
    this.runs.set(id, run)
    return run.status()
  }

  list(): RunStatus[] {
    return [...this.runs.values()].map((run) => run.status())
  }

  get(id: string): RunHandle {
    const run = this.runs.get(id)
    if (run === undefined) throw new ApiError(404, 'run_not_found', `No run with id ${id}`, { id })
    return run
  }

  async stop(id: string): Promise<RunStatus> {
    const run = this.get(id)
    await run.stop()
    return run.status()
  }

  /**
   * As Kafka's application reset tool: deletes the run's internal topics and its consumer group
   * (committed offsets), so the next run reprocesses its input from the start.
   */
  async reset(id: string): Promise<{ deletedTopics: string[]; deletedGroup: boolean }> {
    const run = this.get(id)
    if (run.active()) {
      throw new ApiError(409, 'run_active', `Stop run ${id} before resetting it`, { runId: id })
    }
    const { clusterId, applicationId } = run.status()
    const busy = [...this.runs.values()].find(
      (other) =>
        other.active() &&
        other.status().clusterId === clusterId &&
        other.status().applicationId === applicationId,
    )
    if (busy !== undefined) {
      throw new ApiError(
        409,
        'run_active',
        `Run ${busy.id} runs application ${applicationId}; stop it before resetting`,
        { runId: busy.id },
      )
    }
    return this.clusters.get(clusterId).resetApplication(applicationId, run.internalTopics)
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.runs.values()].map((run) => run.stop(10_000)))
  }
}

/** Every JavaScript code parameter of a design, by node and parameter path. */
export function codeParams(design: TopologyGraph): { nodeId: string; param: string }[] {
  return design.nodes.flatMap((node) =>
    functionParamsOf(node)
      .filter(({ param }) => param.lang === 'code')
      .map(({ path }) => ({ nodeId: node.id, param: path })),
  )
}
