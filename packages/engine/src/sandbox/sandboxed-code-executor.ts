// JavaScript code parameters run inside QuickJS compiled to WebAssembly: a separate engine in
// its own linear memory, with no host objects (no process, require, fetch or DOM), a memory cap,
// and a deadline per call enforced by QuickJS's interrupt handler. Records cross as JSON.
// Browser-safe: the in-browser simulator uses the same executor.
import type { QuickJSContext, QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten'
import { UserCodeError, type CodeExecutor, type FunctionOrigin } from '../graph/code-executor'

export interface SandboxOptions {
  /** Longest a single call (or the evaluation of a parameter) may run; default 50 ms. */
  readonly deadlineMs?: number
  /** Memory of all the code of one executor together; default 32 MiB. */
  readonly memoryLimitBytes?: number
  /** Default 512 KiB: deep recursion fails instead of crashing the host. */
  readonly maxStackBytes?: number
  /**
   * Loads QuickJS; by default the release build, its .wasm found beside its module (Node, or a
   * bundler that serves it). Pages that bundle differently pass the bytes in themselves.
   */
  readonly loadQuickJS?: () => Promise<QuickJSWASMModule>
}

export interface SandboxedCodeExecutor extends CodeExecutor {
  /** Frees the QuickJS runtime; functions compiled by this executor must not be called after. */
  dispose(): void
}

/** Thrown by a sandboxed function that ran past its deadline. */
export class UserCodeTimeoutError extends Error {
  override readonly name = 'UserCodeTimeoutError'

  constructor(
    message: string,
    readonly origin: FunctionOrigin,
  ) {
    super(message)
  }
}

const CALL_HELPER = `(() => {
  const { parse, stringify } = JSON
  return (fn, args) => {
    const result = fn(...parse(args))
    return result === undefined ? undefined : stringify(result)
  }
})()`

/** Loads QuickJS (once per process or page) and makes an executor with its own runtime. */
export async function createSandboxedCodeExecutor(
  options: SandboxOptions = {},
): Promise<SandboxedCodeExecutor> {
  const quickjs =
    options.loadQuickJS === undefined
      ? await (await import('quickjs-emscripten')).getQuickJS()
      : await options.loadQuickJS()
  const deadlineMs = options.deadlineMs ?? 50
  const runtime = quickjs.newRuntime()
  runtime.setMemoryLimit(options.memoryLimitBytes ?? 32 * 1024 * 1024)
  runtime.setMaxStackSize(options.maxStackBytes ?? 512 * 1024)
  let deadline = Infinity
  runtime.setInterruptHandler(() => Date.now() > deadline)
  const vm = runtime.newContext()
  const helper = vm.unwrapResult(vm.evalCode(CALL_HELPER))
  const handles: QuickJSHandle[] = [helper]
  let disposed = false

  const describe = (origin: FunctionOrigin) =>
    `The code of ${origin.param} on node ${origin.nodeId}`
  const failure = (
    vm: QuickJSContext,
    error: QuickJSHandle,
    origin: FunctionOrigin,
    doing: string,
  ) => {
    const dumped = vm.dump(error) as { name?: string; message?: string } | string
    error.dispose()
    const name = typeof dumped === 'object' && dumped !== null ? dumped.name : undefined
    const message = typeof dumped === 'object' && dumped !== null ? dumped.message : String(dumped)
    if (name === 'InternalError' && message === 'interrupted') {
      return new UserCodeTimeoutError(
        `${describe(origin)} ran longer than ${deadlineMs} ms ${doing} and was stopped`,
        origin,
      )
    }
    return new Error(`${describe(origin)} threw ${doing}: ${name ?? 'Error'}: ${message ?? ''}`)
  }

  return {
    compile(source, origin) {
      if (disposed) throw new Error('The sandbox has been disposed')
      deadline = Date.now() + deadlineMs
      const evaluated = vm.evalCode(`(${source}\n)`, `${origin.nodeId}.${origin.param}.js`)
      deadline = Infinity
      if (evaluated.error !== undefined) {
        const error = failure(vm, evaluated.error, origin, 'while it was evaluated')
        throw new UserCodeError(
          error instanceof UserCodeTimeoutError
            ? error.message
            : `${describe(origin)} does not compile: ${error.message.replace(/^.*?: /, '')}`,
          origin,
        )
      }
      const fn = evaluated.value
      if (vm.typeof(fn) !== 'function') {
        const type = vm.typeof(fn)
        fn.dispose()
        throw new UserCodeError(
          `${describe(origin)} must be a function, e.g. (key, value) => ..., but is ${type}`,
          origin,
        )
      }
      handles.push(fn)
      const lengthHandle = vm.getProp(fn, 'length')
      const arity = vm.getNumber(lengthHandle)
      lengthHandle.dispose()
      const call = (...args: unknown[]): unknown => {
        if (disposed) throw new Error('The sandbox has been disposed')
        const json = vm.newString(JSON.stringify(args, (_key, value: unknown) => value ?? null))
        deadline = Date.now() + deadlineMs
        const result = vm.callFunction(helper, vm.undefined, fn, json)
        deadline = Infinity
        json.dispose()
        if (result.error !== undefined) throw failure(vm, result.error, origin, 'on a record')
        const value = result.value
        const text = vm.typeof(value) === 'string' ? vm.getString(value) : undefined
        value.dispose()
        return text === undefined ? undefined : (JSON.parse(text) as unknown)
      }
      return Object.defineProperty(call, 'length', { value: arity })
    },
    dispose() {
      if (disposed) return
      disposed = true
      for (const handle of handles) handle.dispose()
      vm.dispose()
      runtime.dispose()
    },
  }
}
