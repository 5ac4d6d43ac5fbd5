// The Web Worker that simulates designs (simulation-session.ts): the page stays responsive
// while a simulation plays, and JavaScript parameters run in QuickJS inside it, never in the
// page, so a design from someone else cannot reach the server with the user's session.
import { createSandboxedCodeExecutor, type SandboxedCodeExecutor } from '@topology-studio/engine'
import type { FromSimulation, ToSimulation } from './simulation-protocol'
import { SimulationSession } from './simulation-session'

// The app's TypeScript sees the DOM's `self`; in a worker it is the worker's global scope.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToSimulation>) => void) | null
  postMessage(message: FromSimulation): void
}

let sandbox: Promise<SandboxedCodeExecutor> | null = null

const session = new SimulationSession({
  post: (message) => scope.postMessage(message),
  codeExecutor: () => (sandbox ??= createSandboxedCodeExecutor()),
  every: (ms, work) => {
    const timer = setInterval(work, ms)
    return () => clearInterval(timer)
  },
  now: () => Date.now(),
  clock: () => performance.now(),
})

// Messages are handled one at a time, in order: a step asked for after a start waits for it.
let queue = Promise.resolve()
scope.onmessage = (event) => {
  queue = queue.then(() => session.handle(event.data))
}
