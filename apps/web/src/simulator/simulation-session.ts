// One simulation of a design, as the simulation worker runs it: the engine's TopologySimulator
// fed with the user's input records, stepped or played, reporting what a live run reports
// (status, metrics, taps, followed keys, store pages) plus what the simulator panel shows.
import {
  compileGraph,
  decodeField,
  encodeField,
  failedDesignNode,
  failedProcessingOf,
  FOLLOW_CAPACITY,
  keyPaths,
  keyText,
  logicalNodeMetrics,
  logicalNodeShapes,
  nodeRates,
  nodeRecordJson,
  planTopology,
  skippedRecord,
  SKIPPED_PER_UPDATE,
  storePage,
  TAP_CAPACITY,
  tapRecords,
  taskMetrics,
  TopologySimulator,
  type CodeExecutor,
  type LogicalNodeShape,
  type NodeMetricsSnapshot,
  type SimulatedRecord,
  type SimulationStep,
} from '@topology-studio/engine'
import {
  sampleDataSource,
  type NodeRecord as NodeRecordJson,
  type PhysicalPlan,
  type RunError,
  type RunStatus,
  type SkippedRecord,
} from '@topology-studio/shared'
import { designTopicsOf } from '../design/node-topics'
import { driverOutputs, savedTestFile, type ExpectedRecord } from './saved-test'
import {
  DEFAULT_CODEC,
  OUTPUTS_SHOWN,
  type FromSimulation,
  type SavedTest,
  type InputDraft,
  type PendingInput,
  type ShownRecord,
  type ShownStep,
  type SimulationStart,
  type SimulationView,
  type TopicCodec,
  type ToSimulation,
} from './simulation-protocol'

export interface SessionDeps {
  post(message: FromSimulation): void
  /**
   * A fresh runtime for the design's JavaScript parameters (QuickJS, never the page's own
   * engine), freed when the simulation using it ends.
   */
  codeExecutor(): Promise<CodeExecutor & { dispose(): void }>
  /** Calls `work` every `ms` until the returned function is called. */
  every(ms: number, work: () => void): () => void
  /** Real time (ms since the epoch), for rates. */
  now(): number
  /** High-resolution clock for per-node process time. */
  clock(): number
}

/** Inputs waiting to be sent that the view carries; the rest are counted. */
const PENDING_SHOWN = 50
/** Above this speed, playing does not compare stores before and after every step. */
const STORE_WRITES_MAX_PER_SECOND = 20
/** Play runs in ticks this long; each takes the steps its share of the speed allows. */
const PLAY_TICK_MS = 50
/** Steps per play tick at most, so a tick never holds the worker for long. */
const MAX_STEPS_PER_TICK = 500

/** What happened to the simulated cluster, in order: what a saved test replays. */
export type SimulationEvent =
  | { readonly kind: 'input'; readonly input: InputDraft }
  | { readonly kind: 'advance'; readonly ms: number }

interface Running {
  readonly start: SimulationStart
  readonly simulator: TopologySimulator
  readonly plan: PhysicalPlan
  readonly shapes: readonly LogicalNodeShape[]
  readonly logicalOf: ReadonlyMap<string, string>
  /** Design nodes with no processor of their own (groupByKey, windowedBy): records pass through. */
  readonly passThrough: ReadonlySet<string>
  readonly predecessors: ReadonlyMap<string, readonly string[]>
  readonly sinkTopics: readonly string[]
  readonly inputTopics: ReadonlySet<string>
  readonly startedAt: string
  readonly executor: { dispose(): void }
  status: RunStatus
  stopMetrics: () => void
  previous: { at: number; nodes: readonly NodeMetricsSnapshot[] }
}

export class SimulationSession {
  private running: Running | null = null
  private pending: PendingInput[] = []
  private nextInputId = 1
  private readonly history: SimulationEvent[] = []
  private readonly decodedOutputs = new WeakMap<SimulatedRecord, ShownRecord>()
  private produced = 0
  private steps = 0
  /**
   * The last step as the engine gave it, and as the panel shows it: the latter is made when
   * asked for, since a play tick can take hundreds of steps and show only its last.
   */
  private lastStep: { step: SimulationStep; number: number; shown: ShownStep | null } | null = null
  private breakpoints = new Set<string>()
  private pausedAt: string | null = null
  private stopPlay: (() => void) | null = null
  private perSecond = 5
  private readonly openTaps = new Set<string>()
  private readonly followedKeys = new Set<string>()
  private skipped: SkippedRecord[] = []

  constructor(private readonly deps: SessionDeps) {}

  /** Handles one message from the page and replies to it. */
  async handle(message: ToSimulation): Promise<void> {
    try {
      const value = await this.answer(message)
      this.deps.post({ type: 'reply', requestId: message.requestId, ok: true, value })
    } catch (error) {
      this.deps.post({
        type: 'reply',
        requestId: message.requestId,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      })
    }
  }

  private async answer(message: ToSimulation): Promise<unknown> {
    switch (message.type) {
      case 'start':
        return this.start(message)
      case 'stop':
        this.stop('stopped')
        if (message.forget === true) {
          this.pending = []
          this.history.length = 0
          this.lastStep = null
          this.postView()
        }
        return null
      case 'add-inputs':
        this.addInputs(message.inputs)
        return null
      case 'generate':
        this.generate(message)
        return null
      case 'remove-input':
        this.pending = this.pending.filter((input) => input.id !== message.id)
        this.postView()
        return null
      case 'clear-inputs':
        this.pending = []
        this.postView()
        return null
      case 'step':
        this.pause()
        this.stepOnce()
        this.report()
        return null
      case 'play':
        this.play(message.perSecond)
        return null
      case 'pause':
        this.pause()
        this.postView()
        return null
      case 'advance':
        this.advance(message.ms)
        return null
      case 'breakpoints':
        this.breakpoints = new Set(message.nodeIds)
        return null
      case 'tap':
        this.tap(message.nodeId, message.enabled)
        return null
      case 'follow':
        this.follow(message.key, message.enabled)
        return null
      case 'state-page': {
        const running = this.requireRunning()
        if (!running.plan.stores.some((store) => store.name === message.request.store)) {
          throw new RangeError(
            `Store ${message.request.store} is not in the design as the simulation started it: Restart to include it`,
          )
        }
        return {
          runId: running.start.runId,
          ...storePage(running.simulator.store(message.request.store), message.request),
        }
      }
      case 'save-test':
        return this.savedTest()
    }
  }

  /**
   * The inputs produced so far, and every move of the wall clock, as a TopologyTestDriver test
   * expecting the outputs the driver writes for them.
   */
  private async savedTest(): Promise<SavedTest> {
    const running = this.running
    if (running === null) throw new Error('Start the simulation first')
    if (this.produced === 0) throw new Error('Step through some input records first')
    const input = {
      design: running.start.design,
      events: this.history,
      codecs: running.start.codecs,
      wallClockMs: running.start.wallClockMs,
      outputTopics: running.sinkTopics,
      partitioned: running.simulator.isPartitioned(),
    }
    const executor = await this.deps.codeExecutor()
    let expected: Record<string, ExpectedRecord[]>
    try {
      expected = driverOutputs(input, executor)
    } finally {
      executor.dispose()
    }
    const name = running.start.design.applicationId.replace(/[^A-Za-z0-9._-]+/g, '-')
    return {
      fileName: `${name}.test.ts`,
      text: savedTestFile(input, expected),
      inputs: this.produced,
      outputs: Object.values(expected).reduce((n, records) => n + records.length, 0),
    }
  }

  private async start(start: SimulationStart): Promise<string | null> {
    this.stop('stopped')
    const executor = await this.deps.codeExecutor()
    const { topology, diagnostics } = compileGraph(start.design, { codeExecutor: executor })
    if (topology === null) {
      executor.dispose()
      const first = diagnostics.find((d) => d.severity === 'error')
      throw new Error(
        `The design cannot run: ${first?.message ?? 'it does not compile'}${first?.nodeId == null ? '' : ` (node ${first.nodeId})`}`,
      )
    }
    const simulator = new TopologySimulator(topology, {
      partitions: start.partitions,
      props: { 'application.id': start.design.applicationId },
      initialWallClockMs: start.wallClockMs,
      clock: () => this.deps.clock(),
      onWarning: (warning) => {
        if (this.skipped.length >= SKIPPED_PER_UPDATE) return
        const nodeId = this.running?.logicalOf.get(warning.node) ?? null
        this.skipped.push(skippedRecord(warning, nodeId, this.deps.now()))
      },
    })
    const plan = planTopology(topology)
    const startedAt = new Date(this.deps.now()).toISOString()
    const running: Running = {
      start,
      simulator,
      plan,
      shapes: logicalNodeShapes(plan),
      logicalOf: new Map(
        plan.nodes.flatMap((n) =>
          n.logicalNodeId === undefined ? [] : [[n.name, n.logicalNodeId] as const],
        ),
      ),
      passThrough: new Set(
        start.design.nodes
          .map((node) => node.id)
          .filter(
            (id) => !plan.logicalNodes.some((n) => n.nodeId === id && n.physicalNodes.length > 0),
          ),
      ),
      predecessors: new Map(
        start.design.nodes.map((node) => [
          node.id,
          start.design.edges.filter((e) => e.target === node.id).map((e) => e.source),
        ]),
      ),
      sinkTopics: designTopicsOf(start.design, 'sink'),
      inputTopics: new Set(designTopicsOf(start.design, 'source')),
      startedAt,
      executor,
      status: {
        id: start.runId,
        designId: start.designId,
        designName: start.design.name,
        clusterId: 'simulator',
        applicationId: start.design.applicationId,
        state: 'running',
        streamsState: 'RUNNING',
        restoreProgress: null,
        startedAt,
        stoppedAt: null,
        error: null,
      },
      stopMetrics: this.deps.every(1000, () => this.guarded(() => this.report())),
      previous: { at: this.deps.now(), nodes: simulator.metrics().nodes },
    }
    this.running = running
    // A restart replays from the beginning: the inputs sent before go first again, those the
    // design as it is now still takes.
    const sent = this.history.flatMap((event) => (event.kind === 'input' ? [event.input] : []))
    const dropped: string[] = []
    this.pending = [...sent, ...this.pending].flatMap((input, index) => {
      try {
        this.check(running, input, `Input ${index + 1} (${input.topic})`)
        return [{ ...input, id: this.nextInputId++ }]
      } catch (error) {
        dropped.push((error as Error).message)
        return []
      }
    })
    this.history.length = 0
    this.produced = 0
    this.steps = 0
    this.lastStep = null
    this.pausedAt = null
    this.skipped = []
    this.openTaps.clear()
    this.followedKeys.clear()
    this.deps.post({ type: 'status', status: running.status })
    this.report()
    return dropped.length === 0
      ? null
      : dropped.length === 1
        ? `1 input no longer fits the design and was left out: ${dropped.join('; ')}`
        : `${dropped.length} inputs no longer fit the design and were left out: ${dropped.join('; ')}`
  }

  private stop(state: 'stopped' | 'error', error: RunError | null = null): void {
    const running = this.running
    if (running === null) return
    this.pause()
    running.stopMetrics()
    if (state === 'stopped') {
      running.simulator.close()
      running.executor.dispose()
      this.running = null
    }
    running.status = {
      ...running.status,
      state,
      streamsState: state === 'error' ? 'ERROR' : 'NOT_RUNNING',
      stoppedAt: new Date(this.deps.now()).toISOString(),
      error,
    }
    this.deps.post({ type: 'status', status: running.status })
    if (error !== null) this.deps.post({ type: 'error', error })
    this.postView()
  }

  private requireRunning(): Running {
    if (this.running === null) throw new Error('Start the simulation first')
    if (this.running.status.state === 'error') {
      throw new Error('The simulation failed; start it again to reset it')
    }
    return this.running
  }

  private codecOf(topic: string): TopicCodec {
    return this.running?.start.codecs[topic] ?? DEFAULT_CODEC
  }

  private addInputs(inputs: readonly InputDraft[]): void {
    const running = this.requireRunning()
    inputs.forEach((input, index) =>
      this.check(running, input, inputs.length === 1 ? 'The record' : `Record ${index + 1}`),
    )
    for (const input of inputs) this.pending.push({ ...input, id: this.nextInputId++ })
    this.postView()
  }

  /** Throws, naming the record (`where`) and what is wrong, unless the simulation takes it. */
  private check(running: Running, input: InputDraft, where: string): void {
    if (!running.inputTopics.has(input.topic)) {
      throw new Error(
        `${where}: no source of the design reads topic ${input.topic}; sources read ${[...running.inputTopics].join(', ')}`,
      )
    }
    this.encode(input, where)
    const partitions = running.simulator.partitionsOf(input.topic)
    if (
      input.partition !== undefined &&
      (!Number.isInteger(input.partition) || input.partition < 0 || input.partition >= partitions)
    ) {
      throw new Error(
        `${where}: topic ${input.topic} has partitions 0 to ${partitions - 1}, not ${input.partition}`,
      )
    }
    if (!Number.isSafeInteger(input.timestamp) || input.timestamp < 0) {
      throw new Error(`${where}: the timestamp must be whole milliseconds ≥ 0`)
    }
  }

  private encode(input: InputDraft, where: string) {
    const { keySerde, valueSerde } = this.codecOf(input.topic)
    const field = (name: 'key' | 'value', serde: typeof keySerde, value: unknown) => {
      try {
        return encodeField(serde, input.topic, value)
      } catch (error) {
        throw new Error(`${where}: the ${name} is not ${serde}: ${(error as Error).message}`, {
          cause: error,
        })
      }
    }
    return {
      key: field('key', keySerde, input.key),
      value: field('value', valueSerde, input.value),
    }
  }

  private generate(request: Extract<ToSimulation, { type: 'generate' }>): void {
    if (!Number.isInteger(request.count) || request.count < 1 || request.count > 10_000) {
      throw new Error(`Generate 1 to 10,000 records, not ${request.count}`)
    }
    // After every input so far, so generated records are not late for the windows they reach.
    // A loop, not a spread into Math.max: inputs can outnumber a call's arguments.
    let latest = -Infinity
    for (const input of this.pending) latest = Math.max(latest, input.timestamp)
    for (const event of this.history)
      if (event.kind === 'input') latest = Math.max(latest, event.input.timestamp)
    const first = Math.max(request.firstTimestamp, latest + request.spacingMs)
    let timestamp = first - request.spacingMs
    // Each batch differs from the last.
    const next = sampleDataSource(request.kind, first + this.nextInputId, () => {
      timestamp += request.spacingMs
      return timestamp
    })
    const { valueSerde } = this.codecOf(request.topic)
    const inputs = Array.from({ length: request.count }, () => {
      const record = next()
      // Sample values are JSON text: a Json topic takes them as objects.
      const value = valueSerde === 'Json' ? (JSON.parse(record.value) as unknown) : record.value
      return { topic: request.topic, key: record.key, value, timestamp: record.timestamp }
    })
    this.addInputs(inputs)
  }

  /**
   * Processes one record: the next queued in a task, or else the next input, produced to its
   * topic. Null when there is nothing left to do.
   */
  private stepOnce(storeWrites = true): SimulationStep | null {
    const running = this.requireRunning()
    const { simulator } = running
    try {
      while (!simulator.hasWork()) {
        const input = this.pending.shift()
        if (input === undefined) return null
        const { key, value } = this.encode(input, 'The record')
        simulator.produce(input.topic, {
          key,
          value,
          timestamp: input.timestamp,
          ...(input.partition === undefined ? {} : { partition: input.partition }),
        })
        const { id: _id, ...draft } = input
        this.history.push({ kind: 'input', input: draft })
        this.produced++
      }
      const step = simulator.step({ storeWrites })
      if (step === null) return null
      this.steps++
      this.lastStep = { step, number: this.steps, shown: null }
      return step
    } catch (error) {
      this.fail(error)
      return null
    }
  }

  /** Runs timer work; a failure there ends the simulation with its reason, not the worker. */
  private guarded(work: () => void): void {
    try {
      work()
    } catch (error) {
      this.fail(error)
    }
  }

  private fail(error: unknown): void {
    const started = failedProcessingOf(error)
    const message = error instanceof Error ? error.message : String(error)
    const plan = this.running?.plan
    this.stop('error', {
      message,
      nodeId: plan === undefined ? null : failedDesignNode(plan, message, started?.processorName),
      at: new Date(this.deps.now()).toISOString(),
      record: started?.record == null ? null : nodeRecordJson(started.record),
    })
  }

  private shownLastStep(): ShownStep | null {
    const last = this.lastStep
    if (last === null) return null
    last.shown ??= this.shown(last.step, last.number)
    return last.shown
  }

  private shown(step: SimulationStep, number: number): ShownStep {
    const running = this.running as Running
    const path: { nodeId: string; records: NodeRecordJson[] }[] = []
    for (const { node, record } of step.reached) {
      const nodeId = running.logicalOf.get(node)
      if (nodeId === undefined) continue
      const seen = nodeRecordJson(record)
      // Nodes without processors of their own lie on the path of what reached their successor.
      for (const passed of this.passedThrough(nodeId, path)) {
        path.push({ nodeId: passed, records: [seen] })
      }
      const last = path[path.length - 1]
      if (last?.nodeId === nodeId) {
        // A design node of several processors shows what entered it, not every hop inside.
        if (!last.records.some((r) => sameRecord(r, seen))) last.records.push(seen)
      } else {
        const earlier = path.find((p) => p.nodeId === nodeId)
        if (earlier === undefined) path.push({ nodeId, records: [seen] })
        else if (!earlier.records.some((r) => sameRecord(r, seen))) earlier.records.push(seen)
      }
    }
    return {
      number,
      taskId: step.taskId,
      record: nodeRecordJson(step.record),
      path,
      storeWrites: step.storeWrites.map((write) => ({ ...write })),
      outputs: step.produced.filter((r) => running.sinkTopics.includes(r.topic)).length,
    }
  }

  /** The pass-through design nodes between a reached node and the path so far, upstream first. */
  private passedThrough(nodeId: string, path: readonly { nodeId: string }[]): string[] {
    const running = this.running as Running
    const onPath = new Set(path.map((p) => p.nodeId))
    const found: string[] = []
    const visit = (id: string) => {
      for (const before of running.predecessors.get(id) ?? []) {
        if (!running.passThrough.has(before) || onPath.has(before) || found.includes(before)) {
          continue
        }
        visit(before)
        found.push(before)
      }
    }
    if (!onPath.has(nodeId)) visit(nodeId)
    return found
  }

  private play(perSecond: number): void {
    if (!Number.isFinite(perSecond) || perSecond <= 0 || perSecond > 10_000) {
      throw new Error(`Play at 1 to 10,000 records a second, not ${perSecond}`)
    }
    this.requireRunning()
    this.pause()
    this.perSecond = perSecond
    this.pausedAt = null
    let budget = 1
    this.stopPlay = this.deps.every(PLAY_TICK_MS, () =>
      this.guarded(() => {
        budget = Math.min(budget + (perSecond * PLAY_TICK_MS) / 1000, MAX_STEPS_PER_TICK)
        while (budget >= 1) {
          budget--
          const step = this.stepOnce(perSecond <= STORE_WRITES_MAX_PER_SECOND)
          if (step === null) {
            this.pause()
            this.report()
            return
          }
          const hit =
            this.breakpoints.size === 0
              ? undefined
              : this.shownLastStep()?.path.find((p) => this.breakpoints.has(p.nodeId))
          if (hit !== undefined) {
            this.pausedAt = hit.nodeId
            this.pause()
            this.report()
            return
          }
        }
        this.postView()
      }),
    )
    this.postView()
  }

  private pause(): void {
    this.stopPlay?.()
    this.stopPlay = null
  }

  private advance(ms: number): void {
    const running = this.requireRunning()
    const queued = running.simulator.queued()
    if (!running.simulator.isPartitioned() && queued > 0) {
      throw new Error(
        `Step the ${queued} queued record${queued === 1 ? '' : 's'} first: with one partition the simulation runs as TopologyTestDriver, which moves the wall clock only between input records`,
      )
    }
    try {
      running.simulator.advanceWallClockTime(ms)
      this.history.push({ kind: 'advance', ms })
    } catch (error) {
      if (error instanceof RangeError) throw error
      this.fail(error)
    }
    this.report()
  }

  private tap(nodeId: string, enabled: boolean): void {
    const running = this.requireRunning()
    for (const node of this.entriesOf(running, nodeId)) {
      if (enabled) running.simulator.openTap(node, TAP_CAPACITY)
      else running.simulator.closeTap(node)
    }
    if (enabled) this.openTaps.add(nodeId)
    else this.openTaps.delete(nodeId)
    this.postTaps()
  }

  private follow(key: string, enabled: boolean): void {
    const running = this.requireRunning()
    if (enabled) this.followedKeys.add(key)
    else this.followedKeys.delete(key)
    running.simulator.follow(
      this.followedKeys.size === 0 ? null : (k) => this.followedKeys.has(keyText(k)),
      FOLLOW_CAPACITY * Math.max(1, this.followedKeys.size),
    )
    this.postTaps()
  }

  private entriesOf(running: Running, nodeId: string): readonly string[] {
    const shape = running.shapes.find((s) => s.nodeId === nodeId)
    if (shape === undefined) {
      throw new RangeError(
        `Node ${nodeId} is not in the design as the simulation started it: Restart to include it`,
      )
    }
    return shape.entries
  }

  /** Metrics, taps, followed keys and the view, at once: after a step, and once a second. */
  private report(): void {
    const running = this.running
    if (running !== null && running.status.state === 'running') {
      const metrics = running.simulator.metrics()
      const at = this.deps.now()
      const sample = {
        ...metrics,
        at,
        rates: nodeRates(running.previous.nodes, metrics.nodes, at - running.previous.at),
      }
      running.previous = { at, nodes: metrics.nodes }
      this.deps.post({
        type: 'metrics',
        metrics: {
          runId: running.start.runId,
          at,
          nodes: logicalNodeMetrics(running.shapes, sample),
          tasks: taskMetrics(sample),
          skipped: this.skipped,
        },
      })
      this.skipped = []
      this.postTaps()
    }
    this.postView()
  }

  private postTaps(): void {
    const running = this.running
    if (running === null) return
    const { simulator } = running
    const runId = running.start.runId
    for (const nodeId of this.openTaps) {
      const records = tapRecords(simulator, this.entriesOf(running, nodeId))
      this.deps.post({ type: 'tap', tap: { runId, nodeId, records } })
    }
    if (this.followedKeys.size === 0) return
    for (const path of keyPaths(simulator, running.shapes, this.followedKeys))
      this.deps.post({ type: 'follow', follow: { runId, ...path } })
  }

  view(): SimulationView {
    const running = this.running
    const simulator = running?.simulator ?? null
    const queued = simulator?.queued() ?? 0
    const named = running === null ? [] : [...running.inputTopics, ...running.sinkTopics]
    return {
      running: running !== null && running.status.state === 'running',
      partitioned: simulator?.isPartitioned() ?? false,
      topics: [...new Set(named)].map((topic) => ({
        topic,
        partitions: simulator?.partitionsOf(topic) ?? 1,
      })),
      pending: this.pending.slice(0, PENDING_SHOWN),
      pendingCount: this.pending.length,
      produced: this.produced,
      queued,
      steps: this.steps,
      wallClockMs: simulator?.wallClockTime() ?? 0,
      playing: this.stopPlay !== null,
      perSecond: this.perSecond,
      pausedAt: this.pausedAt,
      lastStep: this.shownLastStep(),
      outputs: (running?.sinkTopics ?? []).map((topic) => ({
        topic,
        // Records sent to a topic the design also writes are inputs, not outputs.
        records: (simulator?.latestWritten(topic, OUTPUTS_SHOWN) ?? []).map((record) =>
          this.outputShown(topic, record),
        ),
      })),
    }
  }

  /** An output record as the panel shows it, decoded once: views are made on every play tick. */
  private outputShown(topic: string, record: SimulatedRecord): ShownRecord {
    const known = this.decodedOutputs.get(record)
    if (known !== undefined) return known
    const { keySerde, valueSerde } = this.codecOf(topic)
    const shown: ShownRecord = {
      key: decodeField(keySerde, topic, record.key).value,
      value: decodeField(valueSerde, topic, record.value).value,
      timestamp: record.timestamp,
      partition: record.partition,
      offset: record.offset,
    }
    this.decodedOutputs.set(record, shown)
    return shown
  }

  private postView(): void {
    this.deps.post({ type: 'view', view: this.view() })
  }
}

function sameRecord(a: NodeRecordJson, b: NodeRecordJson): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
