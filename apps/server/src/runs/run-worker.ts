// One run of a design on a cluster, in a worker thread of its own: the server's event loop
// never waits on the topology, and the server can end a run that stops answering. User code
// never runs here natively: code parameters run in the QuickJS sandbox, with a deadline per
// record and a memory cap.
import { parentPort } from 'node:worker_threads'
import {
  compileGraph,
  createSandboxedCodeExecutor,
  failedDesignNode,
  keyPaths,
  keyText,
  logicalNodeMetrics,
  logicalNodeShapes,
  nodeRecordJson,
  planTopology,
  skippedRecord,
  SKIPPED_PER_UPDATE,
  storePage,
  TAP_CAPACITY,
  tapRecords,
  taskMetrics,
  FOLLOW_CAPACITY,
} from '@topology-studio/engine'
import { KafkaStreams, type MetricsSample } from '@topology-studio/engine/kafka'
import type { PhysicalPlan, SkippedRecord, StreamsConfigValue } from '@topology-studio/shared'
import type { FromRunWorker, StartRun, ToRunWorker } from './run-protocol'

const port = parentPort
if (port === null) throw new Error('run-worker.ts runs as a worker thread only')
const post = (message: FromRunWorker) => port.postMessage(message)

let streams: KafkaStreams | null = null
let plan: PhysicalPlan | null = null
let shapes: ReturnType<typeof logicalNodeShapes> = []
const openTaps = new Set<string>()
let skipped: SkippedRecord[] = []
/** Keys followed through every node (their text, as store filters read keys). */
const followedKeys = new Set<string>()
let restoring = false
let restoreProgress: number | null = null

function postStatus(): void {
  if (streams === null) return
  post({ type: 'status', streamsState: streams.state(), restoreProgress, restoring })
}

/** The design node a physical processor node was built for. */
function logicalNodeOf(processor: string): string | null {
  return plan?.nodes.find((n) => n.name === processor)?.logicalNodeId ?? null
}

/** The design node a runtime error points to. */
function nodeOf(message: string, processor?: string): string | null {
  return plan === null ? null : failedDesignNode(plan, message, processor)
}

function onSample(sample: MetricsSample): void {
  const tasks = taskMetrics(sample)
  const restores = tasks.filter((t) => t.kind === 'active').flatMap((t) => t.restore)
  const restoringNow = tasks.some((t) => t.kind === 'active' && t.state === 'restoring')
  const total = restores.reduce((sum, r) => sum + r.total, 0)
  const progress =
    restoringNow && total > 0 ? restores.reduce((s, r) => s + r.restored, 0) / total : null
  if (restoringNow !== restoring || progress !== restoreProgress) {
    restoring = restoringNow
    restoreProgress = progress
    postStatus()
  }
  post({
    type: 'metrics',
    metrics: { at: sample.at, nodes: logicalNodeMetrics(shapes, sample), tasks, skipped },
  })
  skipped = []
  if (followedKeys.size > 0 && streams !== null) postFollows(streams)
  if (openTaps.size > 0 && streams !== null) {
    const running = streams
    post({
      type: 'tap',
      taps: [...openTaps].map((nodeId) => ({
        nodeId,
        records: tapRecords(running, entriesOf(nodeId)),
      })),
    })
  }
}

/** Each followed key's latest records at every design node it reached. */
function postFollows(running: KafkaStreams): void {
  post({ type: 'follow', follows: keyPaths(running, shapes, followedKeys) })
}

function requireStreams(): KafkaStreams {
  if (streams === null) throw new Error('The run has not started')
  return streams
}

function entriesOf(nodeId: string): readonly string[] {
  const shape = shapes.find((s) => s.nodeId === nodeId)
  if (shape === undefined) throw new RangeError(`The design has no node ${nodeId}`)
  return shape.entries
}

async function start(message: StartRun): Promise<void> {
  const config: Record<string, StreamsConfigValue> = { ...message.design.config, ...message.config }
  const design = { ...message.design, config }
  // Code parameters run in QuickJS, never in this thread's own JavaScript engine.
  const codeExecutor = await createSandboxedCodeExecutor()
  const { topology, diagnostics } = compileGraph(design, { codeExecutor })
  if (topology === null) {
    const first = diagnostics.find((d) => d.severity === 'error')
    post({
      type: 'error',
      message: first?.message ?? 'The design does not compile',
      nodeId: first?.nodeId ?? null,
      record: null,
    })
    post({ type: 'stopped' })
    return
  }
  plan = planTopology(topology)
  shapes = logicalNodeShapes(plan)
  const { cluster } = message
  streams = new KafkaStreams(topology, {
    ...config,
    'application.id': design.applicationId,
    'bootstrap.servers': cluster.bootstrapServers.join(','),
    'client.id': `topology-studio-${message.runId}`,
    ...(cluster.ssl === undefined ? {} : { ssl: cluster.ssl }),
    ...(cluster.sasl === undefined ? {} : { sasl: cluster.sasl }),
  })
  streams.setStateListener(() => postStatus())
  streams.onEvent((event) => {
    if (event.type === 'error')
      post({
        type: 'error',
        message: event.message,
        nodeId: nodeOf(event.message, event.processor),
        record: event.record === undefined ? null : nodeRecordJson(event.record),
      })
    if (event.type === 'warning' && skipped.length < SKIPPED_PER_UPDATE) {
      const { warning } = event
      skipped.push(skippedRecord(warning, logicalNodeOf(warning.node), Date.now()))
    }
  })
  streams.onMetrics(onSample, message.metricsIntervalMs)
  postStatus()
  try {
    await streams.start()
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    post({ type: 'error', message: text, nodeId: nodeOf(text), record: null })
  }
  postStatus()
}

port.on('message', (message: ToRunWorker) => {
  switch (message.type) {
    case 'start':
      void start(message)
      return
    case 'stop':
      void (async () => {
        await streams?.close({ timeout: message.timeoutMs })
        postStatus()
        post({ type: 'stopped' })
      })()
      return
    case 'tap':
      try {
        for (const node of entriesOf(message.nodeId)) {
          if (message.enabled) streams?.openTap(node, TAP_CAPACITY)
          else streams?.closeTap(node)
        }
        if (message.enabled) openTaps.add(message.nodeId)
        else openTaps.delete(message.nodeId)
        post({ type: 'reply', requestId: message.requestId, ok: true, value: null })
      } catch (error) {
        post({
          type: 'reply',
          requestId: message.requestId,
          ok: false,
          code: 'not_found',
          message: (error as Error).message,
        })
      }
      return
    case 'follow':
      if (message.enabled) followedKeys.add(message.key)
      else followedKeys.delete(message.key)
      streams?.follow(
        followedKeys.size === 0 ? null : (key) => followedKeys.has(keyText(key)),
        FOLLOW_CAPACITY * Math.max(1, followedKeys.size),
      )
      post({ type: 'reply', requestId: message.requestId, ok: true, value: null })
      return
    case 'state-page':
      try {
        post({
          type: 'reply',
          requestId: message.requestId,
          ok: true,
          value: storePage(requireStreams().store(message.request.store), message.request),
        })
      } catch (error) {
        post({
          type: 'reply',
          requestId: message.requestId,
          ok: false,
          code: error instanceof RangeError ? 'not_found' : 'bad_request',
          message: (error as Error).message,
        })
      }
      return
  }
})
