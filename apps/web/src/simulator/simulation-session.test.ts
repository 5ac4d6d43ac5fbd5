import { createSandboxedCodeExecutor } from '@topology-studio/engine'
import { latestPriceDesign, wordCountDesign, type TopologyGraph } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import type { FromSimulation, SimulationView, ToSimulation } from './simulation-protocol'
import { SimulationSession } from './simulation-session'

type Command = ToSimulation extends infer M
  ? M extends { requestId: number }
    ? Omit<M, 'requestId'>
    : never
  : never

/** A session whose timers tick only when the test says so. */
function harness() {
  const posted: FromSimulation[] = []
  const timers = new Map<number, { ms: number; work: () => void }>()
  let nextTimer = 0
  let requestId = 0
  const session = new SimulationSession({
    post: (message) => posted.push(message),
    codeExecutor: () => createSandboxedCodeExecutor(),
    every: (ms, work) => {
      const id = ++nextTimer
      timers.set(id, { ms, work })
      return () => void timers.delete(id)
    },
    now: () => 1_700_000_000_000,
    clock: () => 0,
  })
  const send = async (command: Command) => {
    const id = ++requestId
    await session.handle({ ...command, requestId: id } as ToSimulation)
    const reply = posted.find((m) => m.type === 'reply' && m.requestId === id)
    if (reply?.type !== 'reply') throw new Error('no reply')
    if (!reply.ok) throw new Error(reply.message)
    return reply.value
  }
  const view = () => session.view()
  /** Runs every timer of `ms` once (the play ticks are 50 ms). */
  const tick = (ms: number) => {
    for (const timer of [...timers.values()]) if (timer.ms === ms) timer.work()
  }
  return { session, send, view, tick, posted }
}

const codecs = {
  'stock-trades': { keySerde: 'String', valueSerde: 'Json' },
  'latest-prices': { keySerde: 'String', valueSerde: 'Json' },
} as const

async function startLatestPrice(h: ReturnType<typeof harness>, design = latestPriceDesign()) {
  await h.send({
    type: 'start',
    runId: 'sim-1',
    designId: 'unsaved',
    design,
    partitions: {},
    codecs,
    wallClockMs: 0,
  })
}

async function startWordCount(h: ReturnType<typeof harness>, partitions: number) {
  await h.send({
    type: 'start',
    runId: `word-count-${partitions}`,
    designId: 'unsaved',
    design: wordCountDesign(),
    partitions: { 'text-input': partitions },
    codecs: {},
    wallClockMs: 0,
  })
}

const trade = (isin: string, price: number, timestamp: number) => ({
  topic: 'stock-trades',
  key: isin,
  value: { isin, price },
  timestamp,
})

describe('SimulationSession', () => {
  it('steps the latest-price pipeline record by record, showing path, store writes and output', async () => {
    const h = harness()
    await startLatestPrice(h)
    await h.send({
      type: 'add-inputs',
      inputs: [trade('NL1', 10, 1000), trade('NL1', 11, 1500), trade('NL1', 12, 4100)],
    })
    expect(h.view().pending).toHaveLength(3)

    await h.send({ type: 'step' })
    let step = h.view().lastStep
    expect(step?.taskId).toBe('0_0')
    expect(step?.record).toMatchObject({ key: 'NL1', timestamp: 1000, offset: 0 })
    expect(step?.path.map((p) => p.nodeId)).toEqual([
      'trades',
      'by-isin',
      'every-2s',
      'latest',
      'window-closed',
    ])
    expect(step?.storeWrites).toContainEqual({
      store: 'latest-trades',
      taskId: '0_0',
      key: 'NL1',
      window: { start: 0, end: 2000 },
      before: null,
      after: { isin: 'NL1', price: 10 },
    })
    expect(h.view().outputs[0]?.records).toEqual([])

    await h.send({ type: 'step' })
    await h.send({ type: 'step' })
    step = h.view().lastStep
    // Stream time 4100 passed the first window's end + grace (2000 + 500): it is emitted.
    expect(step?.outputs).toBe(1)
    expect(h.view().outputs[0]).toMatchObject({
      topic: 'latest-prices',
      records: [
        {
          key: 'NL1',
          value: { isin: 'NL1', price: 11, windowStart: 0, windowEnd: 2000 },
          timestamp: 1500,
        },
      ],
    })
    expect(h.view().produced).toBe(3)
    expect(h.view().pending).toEqual([])
  })

  it('reports metrics and store pages in a live run’s shape', async () => {
    const h = harness()
    await startLatestPrice(h)
    await h.send({ type: 'add-inputs', inputs: [trade('NL1', 10, 1000)] })
    await h.send({ type: 'step' })
    const metrics = h.posted.filter((m) => m.type === 'metrics').at(-1)
    expect(metrics?.type === 'metrics' && metrics.metrics.runId).toBe('sim-1')
    const nodes = metrics?.type === 'metrics' ? metrics.metrics.nodes : []
    expect(nodes.find((n) => n.nodeId === 'latest')?.recordsIn).toBe(1)
    expect(metrics?.type === 'metrics' && metrics.metrics.tasks.map((t) => t.taskId)).toEqual([
      '0_0',
    ])
    const page = (await h.send({
      type: 'state-page',
      request: { store: 'latest-trades', keyPrefix: '', page: 0, pageSize: 50 },
    })) as { runId: string; entries: unknown[]; kind: string }
    expect(page.runId).toBe('sim-1')
    expect(page.kind).toBe('window')
    expect(page.entries).toEqual([
      {
        key: 'NL1',
        value: { isin: 'NL1', price: 10 },
        window: { start: 0, end: 2000 },
        taskId: '0_0',
        bufferTime: null,
      },
    ])
  })

  it('plays at a speed and pauses when a record reaches a breakpoint', async () => {
    const h = harness()
    await startLatestPrice(h)
    await h.send({ type: 'breakpoints', nodeIds: ['price'] })
    await h.send({
      type: 'add-inputs',
      inputs: [trade('A', 1, 100), trade('A', 2, 200), trade('A', 3, 3000), trade('A', 4, 3100)],
    })
    await h.send({ type: 'play', perSecond: 1000 })
    expect(h.view().playing).toBe(true)
    h.tick(50)
    const view: SimulationView = h.view()
    expect(view.playing).toBe(false)
    expect(view.pausedAt).toBe('price')
    // The third trade closed the first window; the fourth waits.
    expect(view.produced).toBe(3)
    expect(view.pending).toHaveLength(1)
    expect(view.lastStep?.path.map((p) => p.nodeId)).toContain('price')
  })

  it('runs partitioned: a task per partition, the input going to its key’s partition', async () => {
    const h = harness()
    await startWordCount(h, 4)
    expect(h.view().partitioned).toBe(true)
    await h.send({
      type: 'add-inputs',
      inputs: [{ topic: 'text-input', key: 'k', value: 'to be or not to be', timestamp: 5 }],
    })
    for (let i = 0; i < 7; i++) await h.send({ type: 'step' })
    expect(h.view().lastStep?.taskId).toMatch(/^1_[0-3]$/)
    const page = (await h.send({
      type: 'state-page',
      request: { store: 'counts', keyPrefix: '', page: 0, pageSize: 50 },
    })) as { entries: { key: string; value: number; taskId: string }[] }
    expect(Object.fromEntries(page.entries.map((e) => [e.key, e.value]))).toEqual({
      to: 2,
      be: 2,
      or: 1,
      not: 1,
    })
  })

  it('refuses inputs its topic’s serdes cannot encode, naming the record and field', async () => {
    const h = harness()
    await startLatestPrice(h)
    await expect(
      h.send({ type: 'add-inputs', inputs: [trade('A', 1, 5), { ...trade('A', 1, 5), key: 7 }] }),
    ).rejects.toThrow('Record 2: the key is not String: String needs text, got 7')
    await expect(
      h.send({ type: 'add-inputs', inputs: [{ ...trade('A', 1, 5), topic: 'elsewhere' }] }),
    ).rejects.toThrow('The record: no source of the design reads topic elsewhere')
    expect(h.view().pending).toEqual([])
  })

  it('stops with the failing node and record when user code throws, in QuickJS', async () => {
    const h = harness()
    const design: TopologyGraph = latestPriceDesign()
    const failing: TopologyGraph = {
      ...design,
      nodes: design.nodes.map((node) =>
        node.id === 'latest'
          ? {
              ...node,
              params: {
                ...node.params,
                reducer: {
                  lang: 'code',
                  source:
                    '(a, b) => { if (typeof process === "undefined") throw new Error("sandboxed " + b.price); return b }',
                },
              },
            }
          : node,
      ),
    } as TopologyGraph
    await startLatestPrice(h, failing)
    await h.send({ type: 'add-inputs', inputs: [trade('A', 1, 100), trade('A', 2, 200)] })
    await h.send({ type: 'step' })
    await h.send({ type: 'step' })
    const error = h.posted.find((m) => m.type === 'error')
    expect(error?.type === 'error' && error.error.nodeId).toBe('latest')
    expect(error?.type === 'error' && error.error.message).toContain('sandboxed 2')
    expect(error?.type === 'error' && error.error.record).toMatchObject({ key: 'A' })
    expect(h.view().running).toBe(false)
  })

  it('generates sample inputs with spaced timestamps, and moves the wall clock on request', async () => {
    const h = harness()
    await startLatestPrice(h)
    await h.send({
      type: 'generate',
      topic: 'stock-trades',
      kind: 'stock-trades',
      count: 5,
      firstTimestamp: 10_000,
      spacingMs: 250,
    })
    const pending = h.view().pending
    expect(pending.map((p) => p.timestamp)).toEqual([10_000, 10_250, 10_500, 10_750, 11_000])
    expect(pending[0]?.value).toMatchObject({ isin: pending[0]?.key })
    await h.send({ type: 'remove-input', id: pending[1]?.id ?? -1 })
    expect(h.view().pending).toHaveLength(4)
    await expect(
      h.send({
        type: 'generate',
        topic: 'stock-trades',
        kind: 'stock-trades',
        count: 0,
        firstTimestamp: 0,
        spacingMs: 1,
      }),
    ).rejects.toThrow('Generate 1 to 10,000 records, not 0')

    await h.send({ type: 'advance', ms: 1500 })
    expect(h.view().wallClockMs).toBe(1500)
    await expect(h.send({ type: 'advance', ms: -1 })).rejects.toThrow(
      'The wall clock moves forward only',
    )
  })

  it('replays the inputs sent so far when it starts again', async () => {
    const h = harness()
    await startLatestPrice(h)
    await h.send({ type: 'add-inputs', inputs: [trade('A', 1, 100), trade('A', 2, 200)] })
    await h.send({ type: 'step' })
    expect(h.view().pending.map((p) => p.value)).toEqual([{ isin: 'A', price: 2 }])
    await startLatestPrice(h)
    expect(h.view().steps).toBe(0)
    expect(h.view().pending.map((p) => p.value)).toEqual([
      { isin: 'A', price: 1 },
      { isin: 'A', price: 2 },
    ])
  })

  it('leaves out, and names, the inputs an edited design no longer takes when it restarts', async () => {
    const h = harness()
    await startLatestPrice(h)
    await h.send({ type: 'add-inputs', inputs: [trade('A', 1, 100)] })
    const renamed = latestPriceDesign({ trades: 'trades-v2' })
    const note = await h.send({
      type: 'start',
      runId: 'sim-3',
      designId: 'unsaved',
      design: renamed,
      partitions: {},
      codecs,
      wallClockMs: 0,
    })
    expect(note).toBe(
      '1 input no longer fits the design and was left out: Input 1 (stock-trades): no source of the design reads topic stock-trades; sources read trades-v2',
    )
    expect(h.view().pendingCount).toBe(0)
  })

  it('moves the wall clock only between input records with one partition, as the driver', async () => {
    const h = harness()
    await startWordCount(h, 1)
    await h.send({
      type: 'add-inputs',
      inputs: [{ topic: 'text-input', key: 'k', value: 'a b c', timestamp: 5 }],
    })
    await h.send({ type: 'step' })
    await expect(h.send({ type: 'advance', ms: 10 })).rejects.toThrow(
      'Step the 3 queued records first',
    )
  })

  it('generates records after the inputs there are, so they are not late', async () => {
    const h = harness()
    await startLatestPrice(h)
    await h.send({ type: 'add-inputs', inputs: [trade('A', 1, 50_000)] })
    await h.send({
      type: 'generate',
      topic: 'stock-trades',
      kind: 'stock-trades',
      count: 2,
      firstTimestamp: 0,
      spacingMs: 100,
    })
    expect(h.view().pending.map((p) => p.timestamp)).toEqual([50_000, 50_100, 50_200])
  })
})
