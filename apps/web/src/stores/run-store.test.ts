import type { NodeRunMetrics, RunMetrics, RunStatus } from '@topology-studio/shared'
import { describe, expect, it, vi } from 'vitest'
import { ApiRequestError } from '../api/request'
import type { RunsApi } from '../api/runs'
import type { RunChannel, RunFeed } from '../run/run-channel'
import { createRunStore, HISTORY_SECONDS, LAG_HISTORY_POINTS, SKIPPED_PER_NODE } from './run-store'

function status(state: RunStatus['state'], id = 'run-1'): RunStatus {
  return {
    id,
    designId: 'word-count',
    designName: 'Word count',
    clusterId: 'local',
    applicationId: 'word-count',
    state,
    streamsState: state.toUpperCase(),
    restoreProgress: null,
    startedAt: '2026-11-24T00:00:00.000Z',
    stoppedAt: null,
    error: null,
  }
}

function node(nodeId: string, inPerSecond: number, busyMsPerSecond = 0): NodeRunMetrics {
  return {
    nodeId,
    recordsIn: inPerSecond * 10,
    recordsOut: inPerSecond * 10,
    recordsInPerSecond: inPerSecond,
    recordsOutPerSecond: inPerSecond,
    errors: 0,
    dropped: 0,
    latencyP50Ms: 0.5,
    latencyP99Ms: 2,
    busyMsPerSecond,
  }
}

function metrics(runId: string, ...nodes: NodeRunMetrics[]): RunMetrics {
  return { runId, at: Date.now(), nodes, tasks: [], skipped: [] }
}

/** A channel whose feeds the test drives, and that records what is watched. */
function fakeChannel() {
  const feeds = new Map<string, RunFeed>()
  const unwatched: string[] = []
  const taps: string[] = []
  const channel: RunChannel = {
    watch(runId, feed) {
      feeds.set(runId, feed)
      return () => unwatched.push(runId)
    },
    tap: async (runId, nodeId, enabled) => void taps.push(`${runId}/${nodeId}:${enabled}`),
    follow: async (runId, key, enabled) => void taps.push(`${runId}/key ${key}:${enabled}`),
    statePage: async () => Promise.reject(new Error('not used')),
  }
  const feed = (runId: string) => {
    const found = feeds.get(runId)
    if (found === undefined) throw new Error(`${runId} is not watched`)
    return found
  }
  return { channel, feed, unwatched, taps }
}

function api(overrides: Partial<RunsApi> = {}): RunsApi {
  return {
    list: async () => [],
    start: async () => status('starting'),
    stop: async () => status('stopped'),
    reset: async () => ({ deletedTopics: ['word-count-counts-changelog'], deletedGroup: true }),
    ...overrides,
  }
}

/** A sample-data generator running into `lines`. */
const generator = {
  id: 'g1',
  clusterId: 'local',
  kind: 'sentences' as const,
  topic: 'lines',
  recordsPerSecond: 20,
  state: 'running' as const,
  produced: 0,
  startedAt: '2026-11-24T00:00:00.000Z',
  error: null,
}

const noGenerators = {
  startGenerator: () => Promise.reject(new Error('not used')),
  stopGenerator: () => Promise.reject(new Error('not used')),
  listGenerators: async () => [],
}

describe('run store', () => {
  it('starts a stored design, follows its status and keeps a minute of rates per node', async () => {
    const { channel, feed } = fakeChannel()
    const store = createRunStore({ api: api(), channel, createTopic: vi.fn(), ...noGenerators })
    await store.getState().start('word-count', 'local')
    expect(store.getState().run?.state).toBe('starting')

    feed('run-1').status(status('running'))
    for (let second = 1; second <= HISTORY_SECONDS + 5; second++) {
      feed('run-1').metrics(metrics('run-1', node('lines', second)))
    }
    const state = store.getState()
    expect(state.run?.state).toBe('running')
    expect(state.nodes.get('lines')?.recordsInPerSecond).toBe(HISTORY_SECONDS + 5)
    const history = state.history.get('lines') ?? []
    expect(history).toHaveLength(HISTORY_SECONDS)
    expect(history[0]).toBe(6)
    expect(history.at(-1)).toBe(HISTORY_SECONDS + 5)
  })

  it('keeps five minutes of lag per sub-topology and names the node that holds one back', async () => {
    const { channel, feed } = fakeChannel()
    const store = createRunStore({ api: api(), channel, createTopic: vi.fn(), ...noGenerators })
    store.getState().setSubtopologies(
      new Map([
        ['lines', 0],
        ['count', 1],
      ]),
    )
    await store.getState().start('word-count', 'local')
    const task = (subtopology: number, lag: number): RunMetrics['tasks'][number] => ({
      taskId: `${subtopology}_0`,
      subtopology,
      partition: 0,
      thread: 'app-StreamThread-1',
      kind: 'active',
      state: 'running',
      streamTime: 0,
      partitions: [{ topic: 't', partition: 0, position: 0, endOffset: lag, lag }],
      restore: [],
    })
    for (let second = 0; second < LAG_HISTORY_POINTS + 10; second++) {
      feed('run-1').metrics({
        runId: 'run-1',
        at: second * 1000,
        nodes: [node('lines', 10, 100), node('count', 10, 300)],
        // The count's sub-topology falls 20 records further behind every second.
        tasks: [task(0, 3), task(1, second * 20)],
        skipped: [],
      })
    }
    const { lagHistory, loads } = store.getState()
    expect(lagHistory.get(0)).toHaveLength(LAG_HISTORY_POINTS)
    expect(lagHistory.get(1)?.at(-1)).toEqual({
      at: (LAG_HISTORY_POINTS + 9) * 1000,
      lag: (LAG_HISTORY_POINTS + 9) * 20,
    })
    expect(loads.get('lines')).toMatchObject({ share: 0.25, heat: 'warm', bottleneck: null })
    expect(loads.get('count')).toMatchObject({ share: 0.75, heat: 'hot' })
    expect(loads.get('count')?.bottleneck).toMatch(
      /^Sub-topology 1 falls behind: its lag grew by 20 records\/s/,
    )

    // Judged again when the plan moves the count to another sub-topology.
    store.getState().setSubtopologies(
      new Map([
        ['lines', 0],
        ['count', 0],
      ]),
    )
    expect(store.getState().loads.get('count')?.bottleneck).toBeNull()
  })

  it('keeps the latest records each node skipped, with the record where there is one', async () => {
    const { channel, feed } = fakeChannel()
    const store = createRunStore({ api: api(), channel, createTopic: vi.fn(), ...noGenerators })
    await store.getState().start('word-count', 'local')
    const skip = (n: number): RunMetrics['skipped'][number] => ({
      nodeId: 'words',
      processor: 'KSTREAM-FLATMAPVALUES-0000000001',
      taskId: '0_0',
      reason: 'processing-error',
      message: `Skipping record: Error: bad line ${n}`,
      at: n,
      record: {
        key: null,
        value: `line ${n}`,
        timestamp: n,
        topic: 'lines',
        partition: 0,
        offset: n,
      },
    })
    for (let update = 0; update < 3; update++)
      feed('run-1').metrics({
        ...metrics('run-1', node('words', 1)),
        skipped: Array.from({ length: 10 }, (_, i) => skip(update * 10 + i)),
      })
    const kept = store.getState().skipped.get('words') ?? []
    expect(kept).toHaveLength(SKIPPED_PER_NODE)
    expect(kept[0]?.record?.value).toBe('line 10')
    expect(kept.at(-1)?.message).toBe('Skipping record: Error: bad line 29')
  })

  it('follows one key at a time through the run, keeping its path by node', async () => {
    const { channel, feed, taps } = fakeChannel()
    const store = createRunStore({ api: api(), channel, createTopic: vi.fn(), ...noGenerators })
    await store.getState().start('word-count', 'local')
    await store.getState().follow('fox')
    const record = (value: number) => ({
      key: 'fox',
      value,
      timestamp: value,
      topic: 'word-count-counts-repartition',
      partition: 0,
      offset: value,
    })
    feed('run-1').follow({
      runId: 'run-1',
      key: 'fox',
      nodes: [
        { nodeId: 'count', records: [record(1)] },
        { nodeId: 'out', records: [record(1)] },
      ],
    })
    expect([...store.getState().path.keys()]).toEqual(['count', 'out'])
    // A late snapshot of a key no longer followed changes nothing.
    await store.getState().follow('dog')
    feed('run-1').follow({ runId: 'run-1', key: 'fox', nodes: [{ nodeId: 'x', records: [] }] })
    expect(store.getState()).toMatchObject({ following: 'dog', path: new Map() })
    await store.getState().follow(null)
    expect(taps).toEqual([
      'run-1/key fox:true',
      'run-1/key fox:false',
      'run-1/key dog:true',
      'run-1/key dog:false',
    ])
  })

  it('shows the run of an opened design that is running already, and leaves a finished one', async () => {
    const { channel, feed, unwatched } = fakeChannel()
    const running = { ...status('running', 'run-2'), startedAt: '2026-11-24T01:00:00.000Z' }
    const older = { ...status('running', 'run-1'), startedAt: '2026-11-24T00:00:00.000Z' }
    const other = { ...status('running', 'run-3'), designId: 'other' }
    const store = createRunStore({
      api: api({ list: async () => [older, { ...status('stopped', 'run-0') }, running, other] }),
      channel,
      createTopic: vi.fn(),
      ...noGenerators,
      listGenerators: async () => [generator, { ...generator, topic: 'old', state: 'stopped' }],
    })
    await store.getState().attach('word-count')
    expect(store.getState().run?.id).toBe('run-2')
    // The sample data it runs on can be stopped from this page too.
    expect([...store.getState().generators.keys()]).toEqual(['lines'])
    feed('run-2').metrics(metrics('run-2', node('lines', 3)))
    expect(store.getState().nodes.get('lines')?.recordsInPerSecond).toBe(3)

    // Opening a design with no run leaves a finished run of another design.
    feed('run-2').status(status('stopped', 'run-2'))
    await store.getState().attach('nothing-runs')
    expect(store.getState().run).toBeNull()
    expect(unwatched).toEqual(['run-2'])
  })

  it('asks again for its taps and followed key when the connection comes back', async () => {
    const { channel, feed, taps } = fakeChannel()
    const store = createRunStore({ api: api(), channel, createTopic: vi.fn(), ...noGenerators })
    await store.getState().start('word-count', 'local')
    await store.getState().setTap('count', true)
    await store.getState().follow('fox')
    taps.length = 0
    feed('run-1').rejoined()
    await Promise.resolve()
    expect(taps).toEqual(['run-1/count:true', 'run-1/key fox:true'])
  })

  it('offers to create the source topics a refused start names, then starts', async () => {
    const { channel } = fakeChannel()
    let refuse = true
    const createTopic = vi.fn(async () => undefined)
    const store = createRunStore({
      api: api({
        start: async () => {
          if (!refuse) return status('starting')
          throw new ApiRequestError('Source topic text-input does not exist', 422, 'run_refused', {
            diagnostics: [],
            missingTopics: ['text-input'],
          })
        },
      }),
      channel,
      createTopic,
      ...noGenerators,
    })
    await store.getState().start('word-count', 'local')
    expect(store.getState()).toMatchObject({
      run: null,
      missingTopics: ['text-input'],
      problem: 'Source topic text-input does not exist',
    })
    refuse = false
    await store.getState().createMissingTopics('word-count', 'local', 3)
    expect(createTopic).toHaveBeenCalledWith('local', 'text-input', 3)
    expect(store.getState()).toMatchObject({ missingTopics: [], problem: null })
    expect(store.getState().run?.state).toBe('starting')
  })

  it('stops, then resets, saying what the reset deleted and clearing the numbers', async () => {
    const { channel, feed } = fakeChannel()
    const store = createRunStore({ api: api(), channel, createTopic: vi.fn(), ...noGenerators })
    await store.getState().start('word-count', 'local')
    feed('run-1').metrics(metrics('run-1', node('lines', 5)))
    await store.getState().stop()
    expect(store.getState().run?.state).toBe('stopped')
    await store.getState().reset()
    expect(store.getState().nodes.size).toBe(0)
    expect(store.getState().resetNote).toContain(
      'deleted 1 internal topic and its committed offsets',
    )
  })

  it('follows only the newest run, and shows a failed request in words', async () => {
    const { channel, unwatched } = fakeChannel()
    let next = 0
    const store = createRunStore({
      api: api({
        start: async () => status('starting', `run-${++next}`),
        stop: async () => Promise.reject(new Error('The server answered HTTP 502')),
      }),
      channel,
      createTopic: vi.fn(),
      ...noGenerators,
    })
    await store.getState().start('word-count', 'local')
    await store.getState().start('word-count', 'local')
    expect(unwatched).toEqual(['run-1'])
    await store.getState().stop()
    expect(store.getState()).toMatchObject({ problem: 'The server answered HTTP 502', busy: false })
    expect(store.getState().run?.id).toBe('run-2')
  })

  it('keeps the records of open taps only, and forgets a tap once closed', async () => {
    const { channel, feed, taps } = fakeChannel()
    const store = createRunStore({ api: api(), channel, createTopic: vi.fn(), ...noGenerators })
    await store.getState().start('word-count', 'local')
    const record = { key: 'fox', value: 3, timestamp: 5, topic: null, partition: 0, offset: 7 }
    feed('run-1').tap({ runId: 'run-1', nodeId: 'count', records: [record] })
    expect(store.getState().taps.size).toBe(0)
    await store.getState().setTap('count', true)
    feed('run-1').tap({ runId: 'run-1', nodeId: 'count', records: [record] })
    expect(store.getState().taps.get('count')).toEqual([record])
    await store.getState().setTap('count', false)
    expect(store.getState().taps.size).toBe(0)
    expect(taps).toEqual(['run-1/count:true', 'run-1/count:false'])
  })

  it('starts and stops sample data into a topic, remembering the generator by topic', async () => {
    const { channel } = fakeChannel()
    const startGenerator = vi.fn(async () => generator)
    const stopGenerator = vi.fn(async () => ({ ...generator, state: 'stopped' as const }))
    const store = createRunStore({
      api: api(),
      channel,
      createTopic: vi.fn(),
      startGenerator,
      stopGenerator,
      listGenerators: async () => [],
    })
    await store.getState().startSampleData('local', 'lines', 'sentences', 20)
    expect(startGenerator).toHaveBeenCalledWith('local', {
      kind: 'sentences',
      topic: 'lines',
      recordsPerSecond: 20,
    })
    expect(store.getState().generators.get('lines')?.id).toBe('g1')
    await store.getState().stopSampleData('lines')
    expect(stopGenerator).toHaveBeenCalledWith('local', 'g1')
    expect(store.getState().generators.size).toBe(0)
  })
})
