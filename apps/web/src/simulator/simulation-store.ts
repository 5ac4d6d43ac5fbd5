// The simulation of the open design, run in a Web Worker: its controls and what the simulator
// panel shows, and a run store fed by it, so the canvas and the Live tab show a simulation as
// they show a run on a cluster.
import type { RunStatus, SampleDataKind, TopologyGraph } from '@topology-studio/shared'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { RunsApi } from '../api/runs'
import { designTopics } from '../design/node-topics'
import type { RunChannel, RunFeed } from '../run/run-channel'
import { createRunStore, type RunStore } from '../stores/run-store'
import type {
  FromSimulation,
  InputDraft,
  SavedTest,
  SimulationView,
  TopicCodec,
  ToSimulation,
} from './simulation-protocol'

/** How the page talks to the simulation worker; tests plug a session in directly. */
export interface SimulationTransport {
  post(message: ToSimulation): void
  /** Messages from the simulation, and the failure that ends it (its worker did not load). */
  listen(listener: (message: FromSimulation) => void, failed: (error: Error) => void): void
}

export function workerTransport(): SimulationTransport {
  const worker = new Worker(new URL('./simulation-worker.ts', import.meta.url), {
    type: 'module',
  })
  return {
    post: (message) => worker.postMessage(message),
    listen: (listener, failed) => {
      worker.onmessage = (event: MessageEvent<FromSimulation>) => listener(event.data)
      worker.onerror = (event) =>
        failed(new Error(`The simulation worker failed: ${event.message || 'it did not load'}`))
      worker.onmessageerror = () =>
        failed(new Error('A message from the simulation worker could not be read'))
    },
  }
}

export interface SimulationStart {
  readonly design: TopologyGraph
  /** The stored design's id, or null for a design not saved yet. */
  readonly designId: string | null
  readonly codecs: Readonly<Record<string, TopicCodec>>
}

export interface SimulationState {
  /** What the worker last reported; null before the first simulation. */
  view: SimulationView | null
  /** The design as the running simulation started it, to tell when the canvas moved on. */
  started: TopologyGraph | null
  /** Design nodes where playing stops when a record reaches them. */
  breakpoints: ReadonlySet<string>
  /** Partition counts the next simulation gives topics; a topic not named has one. */
  partitions: Readonly<Record<string, number>>
  setPartitions(topic: string, count: number): void
  /** What went wrong with the last request, in words. */
  problem: string | null
  busy: boolean
  start(start: SimulationStart): Promise<void>
  stop(): Promise<void>
  /** Stops the simulation and forgets its inputs: another design was opened. */
  close(): Promise<void>
  step(): Promise<void>
  play(perSecond: number): Promise<void>
  pause(): Promise<void>
  advance(ms: number): Promise<void>
  addInputs(inputs: readonly InputDraft[]): Promise<boolean>
  generate(
    topic: string,
    kind: SampleDataKind,
    count: number,
    firstTimestamp: number,
    spacingMs: number,
  ): Promise<void>
  removeInput(id: number): Promise<void>
  clearInputs(): Promise<void>
  toggleBreakpoint(nodeId: string): Promise<void>
  /** The inputs produced so far and the outputs they produce, as a test file. */
  saveTest(): Promise<SavedTest>
}

export interface Simulation {
  readonly store: StoreApi<SimulationState>
  /** The simulation as a run: status, metrics, taps, followed keys, store pages. */
  readonly run: RunStore
}

const NO_CLUSTER = 'The simulator has no cluster: add input records in the Simulator tab instead.'

export function createSimulation(transport: SimulationTransport): Simulation {
  let nextRequest = 0
  let runs = 0
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  const feeds = new Map<string, RunFeed>()
  const statuses = new Map<string, RunStatus>()
  type Command = ToSimulation extends infer M
    ? M extends { requestId: number }
      ? Omit<M, 'requestId'>
      : never
    : never
  let failure: Error | null = null
  const ask = (command: Command) =>
    new Promise<unknown>((resolve, reject) => {
      if (failure !== null) {
        reject(failure)
        return
      }
      const requestId = ++nextRequest
      waiting.set(requestId, { resolve, reject })
      transport.post({ ...command, requestId } as ToSimulation)
    })

  const fail = (error: Error) => {
    failure = error
    for (const { reject } of waiting.values()) reject(error)
    waiting.clear()
    store.setState({ problem: error.message, busy: false, view: null, started: null })
  }
  transport.listen((message) => {
    switch (message.type) {
      case 'reply': {
        const pending = waiting.get(message.requestId)
        waiting.delete(message.requestId)
        if (message.ok) pending?.resolve(message.value)
        else pending?.reject(new Error(message.message))
        return
      }
      case 'status':
        statuses.set(message.status.id, message.status)
        feeds.get(message.status.id)?.status(message.status)
        return
      case 'metrics':
        feeds.get(message.metrics.runId)?.metrics(message.metrics)
        return
      case 'tap':
        feeds.get(message.tap.runId)?.tap(message.tap)
        return
      case 'follow':
        feeds.get(message.follow.runId)?.follow(message.follow)
        return
      case 'error':
        for (const feed of feeds.values()) feed.error(message.error)
        return
      case 'view': {
        const before = store.getState().view?.lastStep?.number
        store.setState({ view: message.view })
        // The canvas lights up each new step's path; a followed key's path stays until the next.
        const lastStep = message.view.lastStep
        if (lastStep != null && lastStep.number !== before)
          run.getState().showPath(new Map(lastStep.path.map((p) => [p.nodeId, [...p.records]])))
        return
      }
    }
  }, fail)

  const channel: RunChannel = {
    watch(runId, feed) {
      feeds.set(runId, feed)
      return () => void feeds.delete(runId)
    },
    tap: async (_runId, nodeId, enabled) => void (await ask({ type: 'tap', nodeId, enabled })),
    follow: async (_runId, key, enabled) => void (await ask({ type: 'follow', key, enabled })),
    statePage: async ({ runId: _runId, store, keyPrefix = '', page = 0, pageSize = 50 }) =>
      (await ask({
        type: 'state-page',
        request: { store, keyPrefix, page, pageSize },
      })) as Awaited<ReturnType<RunChannel['statePage']>>,
  }
  const api: RunsApi = {
    list: () => Promise.resolve([]),
    start: () => Promise.reject(new Error('Start a simulation from the Simulator tab.')),
    stop: async (id) => {
      await ask({ type: 'stop' })
      const status = statuses.get(id)
      if (status === undefined) throw new Error(`No simulation ${id}`)
      return status
    },
    reset: () => Promise.reject(new Error('Start the simulation again to begin afresh.')),
  }
  const run = createRunStore({
    api,
    channel,
    createTopic: () => Promise.reject(new Error(NO_CLUSTER)),
    startGenerator: () => Promise.reject(new Error(NO_CLUSTER)),
    stopGenerator: () => Promise.reject(new Error(NO_CLUSTER)),
    listGenerators: () => Promise.resolve([]),
  })

  const store = createStore<SimulationState>()((set, get) => {
    // Requests overlap (a step while a play starts): busy until the last one is answered.
    let inFlight = 0
    const attempt = async (work: () => Promise<unknown>): Promise<boolean> => {
      inFlight++
      set({ busy: true, problem: null })
      try {
        await work()
        return true
      } catch (error) {
        set({ problem: (error as Error).message })
        return false
      } finally {
        inFlight--
        set({ busy: inFlight > 0 })
      }
    }
    const command = (message: Command) => attempt(() => ask(message)).then(() => undefined)
    return {
      view: null,
      started: null,
      breakpoints: new Set(),
      partitions: {},
      setPartitions: (topic, count) => set({ partitions: { ...get().partitions, [topic]: count } }),
      problem: null,
      busy: false,
      start: (start) =>
        attempt(async () => {
          const runId = `simulation-${++runs}`
          // Only the design's own topics: counts kept for other designs change nothing here.
          const topics = new Set(designTopics(start.design))
          const note = await ask({
            type: 'start',
            runId,
            designId: start.designId ?? 'unsaved',
            design: start.design,
            partitions: Object.fromEntries(
              Object.entries(get().partitions).filter(([topic]) => topics.has(topic)),
            ),
            codecs: start.codecs,
            wallClockMs: Date.now(),
          })
          await ask({ type: 'breakpoints', nodeIds: [...get().breakpoints] })
          set({ started: start.design })
          const status = statuses.get(runId)
          if (status !== undefined) run.getState().show(status)
          // Inputs the edited design no longer takes were left out: say which.
          if (typeof note === 'string') set({ problem: note })
        }).then(() => undefined),
      close: () =>
        attempt(async () => {
          await ask({ type: 'stop', forget: true })
          set({ started: null })
          // The stopped simulation's numbers leave the canvas.
          await run.getState().attach(null)
        }).then(() => undefined),
      stop: () => run.getState().stop(),
      step: () => command({ type: 'step' }),
      play: (perSecond) => command({ type: 'play', perSecond }),
      pause: () => command({ type: 'pause' }),
      advance: (ms) => command({ type: 'advance', ms }),
      addInputs: (inputs) => attempt(() => ask({ type: 'add-inputs', inputs })),
      generate: (topic, kind, count, firstTimestamp, spacingMs) =>
        command({ type: 'generate', topic, kind, count, firstTimestamp, spacingMs }),
      removeInput: (id) => command({ type: 'remove-input', id }),
      clearInputs: () => command({ type: 'clear-inputs' }),
      toggleBreakpoint: async (nodeId) => {
        const breakpoints = new Set(get().breakpoints)
        if (breakpoints.has(nodeId)) breakpoints.delete(nodeId)
        else breakpoints.add(nodeId)
        set({ breakpoints })
        await command({ type: 'breakpoints', nodeIds: [...breakpoints] })
      },
      saveTest: async () => (await ask({ type: 'save-test' })) as SavedTest,
    }
  })
  return { store, run }
}
