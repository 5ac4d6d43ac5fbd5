import { createSandboxedCodeExecutor } from '@topology-studio/engine'
import { wordCountDesign } from '@topology-studio/shared'
import { describe, expect, it } from 'vitest'
import type { FromSimulation } from './simulation-protocol'
import { SimulationSession } from './simulation-session'
import { createSimulation, type SimulationTransport } from './simulation-store'

/** The session in the same thread, answering as the worker would, one message at a time. */
function inProcess(): SimulationTransport {
  let listener: (message: FromSimulation) => void = () => undefined
  const session = new SimulationSession({
    post: (message) => queueMicrotask(() => listener(message)),
    codeExecutor: () => createSandboxedCodeExecutor(),
    every: () => () => undefined,
    now: () => Date.now(),
    clock: () => 0,
  })
  let queue = Promise.resolve()
  return {
    post: (message) => void (queue = queue.then(() => session.handle(message))),
    listen: (next) => void (listener = next),
  }
}

describe('createSimulation', () => {
  it('shows a simulation as the current run: status, metrics per node and store pages', async () => {
    const { store, run } = createSimulation(inProcess())
    store.getState().setPartitions('text-input', 2)
    await store.getState().start({ design: wordCountDesign(), designId: null, codecs: {} })
    expect(store.getState().problem).toBeNull()
    expect(run.getState().run).toMatchObject({ state: 'running', clusterId: 'simulator' })
    expect(store.getState().view?.partitioned).toBe(true)

    await store
      .getState()
      .addInputs([{ topic: 'text-input', key: 'l', value: 'a b a', timestamp: 1 }])
    for (let i = 0; i < 4; i++) await store.getState().step()
    expect(run.getState().nodes.get('count')?.recordsIn).toBe(3)
    expect(run.getState().tasks.map((t) => t.taskId)).toEqual(['0_0', '0_1', '1_0', '1_1'])
    const page = await run.getState().readStore('counts', '', 0, 10)
    expect(Object.fromEntries(page.entries.map((e) => [e.key, e.value]))).toEqual({ a: 2, b: 1 })

    await store.getState().toggleBreakpoint('count')
    expect(store.getState().breakpoints.has('count')).toBe(true)
    await run.getState().stop()
    expect(run.getState().run?.state).toBe('stopped')
  })

  it('says what is wrong when a design cannot be simulated', async () => {
    const { store, run } = createSimulation(inProcess())
    const design = wordCountDesign()
    await store.getState().start({
      design: { ...design, edges: design.edges.filter((e) => e.target !== 'count') },
      designId: null,
      codecs: {},
    })
    expect(store.getState().problem).toMatch(/^The design cannot run: /)
    expect(run.getState().run).toBeNull()
  })

  it('refuses every request, saying why, once its worker has failed', async () => {
    let failed: (error: Error) => void = () => undefined
    const { store } = createSimulation({
      post: () => undefined,
      listen: (_listener, onFailure) => void (failed = onFailure),
    })
    const starting = store
      .getState()
      .start({ design: wordCountDesign(), designId: null, codecs: {} })
    failed(new Error('The simulation worker failed: it did not load'))
    await starting
    expect(store.getState().problem).toBe('The simulation worker failed: it did not load')
    await store.getState().step()
    expect(store.getState().problem).toBe('The simulation worker failed: it did not load')
  })
})
