// The live run of the open design: start, stop and reset it on the chosen cluster, and what the
// server streams back (status, per-node metrics with a minute of history, errors).
import type {
  GeneratorStatus,
  NodeRunMetrics,
  SampleDataKind,
  RunError,
  RunMetrics,
  RunStatus,
  RunTap,
  SkippedRecord,
  StatePage,
} from '@topology-studio/shared'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { RunsApi } from '../api/runs'
import { refusalOf } from '../api/runs'
import type { RunChannel } from '../run/run-channel'
import { nodeLoads, subtopologyLags, type LagPoint, type NodeLoad } from '../run/bottlenecks'

/** Runs that hold a consumer group membership, or are about to. */
const ACTIVE = new Set<RunStatus['state']>([
  'starting',
  'rebalancing',
  'restoring',
  'running',
  'stopping',
])

/** Whether a run in this state holds its consumer group membership, or is about to. */
export function isActive(state: RunStatus['state']): boolean {
  return ACTIVE.has(state)
}

/** Seconds of per-node rate history kept for sparklines. */
export const HISTORY_SECONDS = 60
/** Skipped records kept per node. */
export const SKIPPED_PER_NODE = 20
/** Metrics updates of lag history kept per sub-topology: five minutes at one a second. */
export const LAG_HISTORY_POINTS = 300

export interface RunStoreState {
  run: RunStatus | null
  /** The latest metrics of each design node, by node id. */
  nodes: ReadonlyMap<string, NodeRunMetrics>
  /** The run's tasks from the latest metrics: sub-topology, partition, thread, lag, stream time. */
  tasks: RunMetrics['tasks']
  /** Records in per second of each node, a value per metrics update, oldest first. */
  history: ReadonlyMap<string, readonly number[]>
  /** Each sub-topology's records behind over its active tasks, oldest first. */
  lagHistory: ReadonlyMap<number, readonly LagPoint[]>
  /** Each node's share of processing time, and whether it holds its sub-topology back. */
  loads: ReadonlyMap<string, NodeLoad>
  /** The sub-topology of each design node, from the plan, which bottlenecks are judged by. */
  subtopologyOf: ReadonlyMap<string, number>
  setSubtopologies(subtopologyOf: ReadonlyMap<string, number>): void
  /** The latest records through each node whose tap is open, newest last. */
  taps: ReadonlyMap<string, RunTap['records']>
  /** The nodes whose tap is open. */
  tapping: ReadonlySet<string>
  /** The key followed through the run, or null. */
  following: string | null
  /** The followed key's latest records at each node it reached, newest last. */
  path: ReadonlyMap<string, RunTap['records']>
  /** Follows a key through every node of the current run; null stops. */
  follow(key: string | null): Promise<void>
  /** The latest records each node skipped, and why, newest last. */
  skipped: ReadonlyMap<string, readonly SkippedRecord[]>
  /** The last processing error the run reported. */
  lastError: RunError | null
  /** What went wrong with the last request, in words; null when it worked. */
  problem: string | null
  /** Source topics the cluster lacks, from a refused start. */
  missingTopics: readonly string[]
  /** What the last reset deleted, in words. */
  resetNote: string | null
  busy: boolean
  start(designId: string, clusterId: string): Promise<void>
  /** Shows a run started elsewhere (a simulation in the browser) as the current run. */
  show(run: RunStatus): void
  /** Highlights the path of a record through design nodes (a simulation's last step). */
  showPath(path: ReadonlyMap<string, RunTap['records']>): void
  /**
   * Shows the run of a design that is running already (started before this page opened, or in
   * another tab), if any; otherwise, leaves a run of another design.
   */
  attach(designId: string | null): Promise<void>
  stop(): Promise<void>
  reset(): Promise<void>
  /** A page of a store of the current run: keys starting with `keyPrefix`. */
  readStore(store: string, keyPrefix: string, page: number, pageSize: number): Promise<StatePage>
  /** Opens or closes the record tap of a node of the current run. */
  setTap(nodeId: string, enabled: boolean): Promise<void>
  /** The sample-data generators started from here, by topic. */
  generators: ReadonlyMap<string, GeneratorStatus>
  /** Produces generated records of `kind` into `topic` at `perSecond` until stopped. */
  startSampleData(
    clusterId: string,
    topic: string,
    kind: SampleDataKind,
    perSecond: number,
  ): Promise<void>
  stopSampleData(topic: string): Promise<void>
  /** Creates the missing source topics with `partitions` each, then starts again. */
  createMissingTopics(designId: string, clusterId: string, partitions: number): Promise<void>
}

export type RunStore = StoreApi<RunStoreState>

export interface RunStoreDeps {
  api: RunsApi
  channel: RunChannel
  createTopic(clusterId: string, name: string, partitions: number): Promise<unknown>
  startGenerator(
    clusterId: string,
    request: { kind: SampleDataKind; topic: string; recordsPerSecond: number },
  ): Promise<GeneratorStatus>
  stopGenerator(clusterId: string, generatorId: string): Promise<GeneratorStatus>
  /** The generators of a cluster, so a reloaded page can stop the ones it started. */
  listGenerators(clusterId: string): Promise<GeneratorStatus[]>
}

/** What a run streams back, before anything has arrived. */
function noRunData() {
  return {
    nodes: new Map<string, NodeRunMetrics>(),
    tasks: [],
    history: new Map<string, readonly number[]>(),
    lagHistory: new Map<number, readonly LagPoint[]>(),
    skipped: new Map<string, readonly SkippedRecord[]>(),
    loads: new Map<string, NodeLoad>(),
    taps: new Map<string, RunTap['records']>(),
    tapping: new Set<string>(),
    following: null,
    path: new Map<string, RunTap['records']>(),
    lastError: null,
    resetNote: null,
  } satisfies Partial<RunStoreState>
}

export function createRunStore(deps: RunStoreDeps): RunStore {
  const { api, channel, createTopic } = deps
  let unwatch: (() => void) | null = null

  return createStore<RunStoreState>()((set, get) => {
    const attempt = async (work: () => Promise<void>) => {
      set({ busy: true, problem: null })
      try {
        await work()
      } catch (error) {
        set({ problem: (error as Error).message })
      } finally {
        set({ busy: false })
      }
    }

    const follow = (run: RunStatus) => {
      unwatch?.()
      set({ run, ...noRunData() })
      unwatch = channel.watch(run.id, {
        status: (status) => set({ run: status }),
        error: (error) => set({ lastError: error }),
        rejoined: () => {
          const { tapping, following } = get()
          for (const nodeId of tapping) void channel.tap(run.id, nodeId, true).catch(() => {})
          if (following !== null) void channel.follow(run.id, following, true).catch(() => {})
        },
        follow: (follow) => {
          if (follow.key !== get().following) return
          set({ path: new Map(follow.nodes.map((n) => [n.nodeId, n.records])) })
        },
        tap: (tap) => {
          if (!get().tapping.has(tap.nodeId)) return
          set({ taps: new Map(get().taps).set(tap.nodeId, tap.records) })
        },
        metrics: (metrics) => {
          const before = get().history
          const history = new Map<string, readonly number[]>()
          for (const node of metrics.nodes) {
            const past = before.get(node.nodeId) ?? []
            history.set(node.nodeId, [...past, node.recordsInPerSecond].slice(-HISTORY_SECONDS))
          }
          const lagHistory = new Map<number, readonly LagPoint[]>()
          for (const [subtopology, lag] of subtopologyLags(metrics.tasks)) {
            const past = get().lagHistory.get(subtopology) ?? []
            lagHistory.set(
              subtopology,
              [...past, { at: metrics.at, lag }].slice(-LAG_HISTORY_POINTS),
            )
          }
          const nodes = new Map(metrics.nodes.map((n) => [n.nodeId, n]))
          let skipped = get().skipped
          if (metrics.skipped.length > 0) {
            const next = new Map(skipped)
            for (const record of metrics.skipped) {
              if (record.nodeId === null) continue
              const past = next.get(record.nodeId) ?? []
              next.set(record.nodeId, [...past, record].slice(-SKIPPED_PER_NODE))
            }
            skipped = next
          }
          set({
            skipped,
            nodes,
            history,
            tasks: metrics.tasks,
            lagHistory,
            loads: nodeLoads(nodes, get().subtopologyOf, lagHistory),
          })
        },
      })
    }

    const start = async (designId: string, clusterId: string) => {
      try {
        follow(await api.start({ designId, clusterId }))
        set({ missingTopics: [] })
      } catch (error) {
        set({ missingTopics: refusalOf(error)?.missingTopics ?? [] })
        throw error
      }
    }

    return {
      run: null,
      ...noRunData(),
      problem: null,
      missingTopics: [],
      busy: false,
      generators: new Map(),
      subtopologyOf: new Map(),
      setSubtopologies: (subtopologyOf) =>
        set({ subtopologyOf, loads: nodeLoads(get().nodes, subtopologyOf, get().lagHistory) }),
      startSampleData: (clusterId, topic, kind, perSecond) =>
        attempt(async () => {
          const started = await deps.startGenerator(clusterId, {
            kind,
            topic,
            recordsPerSecond: perSecond,
          })
          set({ generators: new Map(get().generators).set(topic, started) })
        }),
      stopSampleData: (topic) =>
        attempt(async () => {
          const running = get().generators.get(topic)
          if (running === undefined) return
          await deps.stopGenerator(running.clusterId, running.id)
          const generators = new Map(get().generators)
          generators.delete(topic)
          set({ generators })
        }),
      start: (designId, clusterId) => attempt(() => start(designId, clusterId)),
      show: (run) => follow(run),
      showPath: (path) => set({ path }),
      attach: (designId) =>
        attempt(async () => {
          const current = get().run
          if (current !== null && current.designId === designId) return
          const running =
            designId === null
              ? undefined
              : (await api.list())
                  .filter((r) => r.designId === designId && ACTIVE.has(r.state))
                  .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0]
          if (running !== undefined) {
            follow(running)
            const generators = await deps.listGenerators(running.clusterId)
            set({
              generators: new Map(
                generators.filter((g) => g.state === 'running').map((g) => [g.topic, g]),
              ),
            })
          } else if (current !== null && !ACTIVE.has(current.state)) {
            unwatch?.()
            unwatch = null
            set({ run: null, ...noRunData() })
          }
        }),
      stop: () =>
        attempt(async () => {
          const run = get().run
          if (run !== null) set({ run: await api.stop(run.id) })
        }),
      reset: () =>
        attempt(async () => {
          const run = get().run
          if (run === null) return
          const { deletedTopics, deletedGroup } = await api.reset(run.id)
          const topics = deletedTopics.length
          set({
            ...noRunData(),
            resetNote:
              `Reset ${run.applicationId}: deleted ${topics} internal topic${topics === 1 ? '' : 's'}` +
              (deletedGroup ? ' and its committed offsets' : '') +
              '; the next run reads its input from the start.',
          })
        }),
      readStore: async (store, keyPrefix, page, pageSize) => {
        const run = get().run
        if (run === null) throw new Error('No run is open.')
        return channel.statePage({ runId: run.id, store, keyPrefix, page, pageSize })
      },
      setTap: (nodeId, enabled) =>
        attempt(async () => {
          const run = get().run
          if (run === null) return
          await channel.tap(run.id, nodeId, enabled)
          const tapping = new Set(get().tapping)
          const taps = new Map(get().taps)
          if (enabled) tapping.add(nodeId)
          else {
            tapping.delete(nodeId)
            taps.delete(nodeId)
          }
          set({ tapping, taps })
        }),
      follow: (key) =>
        attempt(async () => {
          const run = get().run
          const before = get().following
          if (run === null || key === before) return
          if (before !== null) await channel.follow(run.id, before, false)
          set({ following: key, path: new Map() })
          if (key !== null) await channel.follow(run.id, key, true)
        }),
      createMissingTopics: (designId, clusterId, partitions) =>
        attempt(async () => {
          for (const topic of get().missingTopics) await createTopic(clusterId, topic, partitions)
          set({ missingTopics: [] })
          await start(designId, clusterId)
        }),
    }
  })
}
