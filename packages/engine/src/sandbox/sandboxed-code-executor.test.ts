import { afterEach, describe, expect, it } from 'vitest'
import { UserCodeError } from '../graph/code-executor'
import {
  createSandboxedCodeExecutor,
  UserCodeTimeoutError,
  type SandboxedCodeExecutor,
} from './sandboxed-code-executor'

const origin = { nodeId: 'n1', param: 'mapper' }
let executor: SandboxedCodeExecutor | null = null

afterEach(() => {
  executor?.dispose()
  executor = null
})

async function sandbox(options = {}): Promise<SandboxedCodeExecutor> {
  executor = await createSandboxedCodeExecutor(options)
  return executor
}

describe('sandboxed code executor', () => {
  it('runs a function on records passed as JSON and keeps its arity', async () => {
    const run = await sandbox()
    const split = run.compile('(key, value) => value.toUpperCase().split(" ")', origin)
    expect(split('k', 'hello kafka streams')).toEqual(['HELLO', 'KAFKA', 'STREAMS'])
    expect(split.length).toBe(2)
    const joiner = run.compile('(key, left, right) => ({ key, total: left.n + right.n })', origin)
    expect(joiner.length).toBe(3)
    expect(joiner('a', { n: 1 }, { n: 2 })).toEqual({ key: 'a', total: 3 })
    expect(run.compile('(k, v) => { }', origin)('k', 'v')).toBeUndefined()
    expect(run.compile('(k, v) => v', origin)('k', null)).toBeNull()
  })

  it('keeps state between calls of one function, as a closure would', async () => {
    const run = await sandbox()
    const counter = run.compile('(() => { let n = 0; return () => ++n })()', origin)
    counter()
    expect(counter()).toBe(2)
  })

  it('has no host objects to reach', async () => {
    const run = await sandbox()
    const probe = run.compile(
      '() => [typeof process, typeof require, typeof fetch, typeof globalThis.window, typeof setTimeout]',
      origin,
    )
    expect(probe()).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined'])
    const escape = run.compile('() => (function () { return this })().constructor.name', origin)
    expect(escape()).toBe('Object')
  })

  it('stops a runaway function at its deadline, naming the node, and stays usable', async () => {
    const run = await sandbox({ deadlineMs: 30 })
    const loop = run.compile('(k, v) => { while (true) {} }', origin)
    const started = Date.now()
    expect(() => loop('k', 'v')).toThrow(UserCodeTimeoutError)
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(() => loop('k', 'v')).toThrow(/mapper on node n1 ran longer than 30 ms/)
    expect(run.compile('(k, v) => v + 1', origin)('k', 1)).toBe(2)
  })

  it('stops code that evaluates forever while it is compiled', async () => {
    const run = await sandbox({ deadlineMs: 30 })
    expect(() => run.compile('(() => { for (;;) {} })()', origin)).toThrow(UserCodeError)
  })

  it('caps memory', async () => {
    const run = await sandbox({ memoryLimitBytes: 8 * 1024 * 1024, deadlineMs: 5_000 })
    const hog = run.compile('() => { const a = []; for (;;) a.push({ a }) }', origin)
    expect(() => hog()).toThrow(/out of memory/)
  })

  it('reports a function that throws, with its message', async () => {
    const run = await sandbox()
    const bad = run.compile('(k, v) => v.missing.field', origin)
    expect(() => bad('k', {})).toThrow(/mapper on node n1 threw on a record: TypeError/)
  })

  it('refuses source that does not compile or is not a function', async () => {
    const run = await sandbox()
    expect(() => run.compile('(k, v) => {', origin)).toThrow(/mapper on node n1 does not compile/)
    expect(() => run.compile('42', origin)).toThrow(/must be a function.*but is number/)
  })
})
