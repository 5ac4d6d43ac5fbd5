// Runs inside a browser Web Worker: a design whose word splitter is JavaScript code, run through
// the TopologyTestDriver with the engine's QuickJS sandbox, and a runaway function stopped at
// its deadline. The page hands over QuickJS's WebAssembly bytes.
import {
  compileGraph,
  createSandboxedCodeExecutor,
  Serdes,
  TopologyTestDriver,
} from '@topology-studio/engine'
import { wordCountDesign } from '@topology-studio/shared'
import { newQuickJSWASMModuleFromVariant, newVariant, RELEASE_SYNC } from 'quickjs-emscripten'

const worker = globalThis as unknown as {
  postMessage(message: unknown): void
  onmessage: ((event: { data: number[] }) => void) | null
}

worker.onmessage = ({ data: bytes }) => {
  run(new Uint8Array(bytes).buffer).catch((error: unknown) =>
    worker.postMessage({
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    }),
  )
}

async function run(wasmBinary: ArrayBuffer): Promise<void> {
  const executor = await createSandboxedCodeExecutor({
    deadlineMs: 50,
    loadQuickJS: () => newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, { wasmBinary })),
  })
  const design = wordCountDesign({ input: 'lines', output: 'counts' })
  const withCode = {
    ...design,
    nodes: design.nodes.map((n) =>
      n.kind === 'flatMapValues'
        ? {
            ...n,
            params: {
              ...n.params,
              mapper: {
                lang: 'code' as const,
                source:
                  '(line) => line.toLowerCase().split(" ").concat([typeof window, typeof fetch])',
              },
            },
          }
        : n,
    ),
  }
  const { topology, diagnostics } = compileGraph(withCode, { codeExecutor: executor })
  if (topology === null) throw new Error(JSON.stringify(diagnostics))
  const S = Serdes.String()
  const driver = new TopologyTestDriver(topology, { 'application.id': 'sandbox' })
  driver.createInputTopic('lines', S, S).pipeInput(null, 'Hello sandbox hello', 1)
  const counts = Object.fromEntries(
    driver.createOutputTopic('counts', S, Serdes.Long()).readKeyValuesToMap(),
  )
  const runaway = executor.compile('() => { for (;;) {} }', { nodeId: 'n', param: 'mapper' })
  const started = Date.now()
  let stopped = ''
  try {
    runaway()
  } catch (error) {
    stopped = (error as Error).message
  }
  worker.postMessage({ counts, stopped, stoppedWithinMs: Date.now() - started < 1_000 })
}
