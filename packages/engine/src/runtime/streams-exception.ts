import type { NodeRecord } from '../telemetry/node-telemetry'

/** A failure of the runtime, as Kafka's `StreamsException`; the message says where it happened. */
export class StreamsException extends Error {
  override readonly name: string = 'StreamsException'

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** A processor threw and the processing exception handler chose to fail. */
export class FailedProcessingException extends StreamsException {
  override readonly name = 'FailedProcessingException'

  constructor(
    readonly processorName: string,
    cause: unknown,
    /** The record the processor failed on; absent in a punctuation. */
    readonly record?: NodeRecord,
  ) {
    super(`Exception caught during processing in processor ${processorName}: ${messageOf(cause)}`, {
      cause,
    })
  }
}

/** The processor and record a failure started at, from anywhere in its chain of causes. */
export function failedProcessingOf(
  error: unknown,
): { readonly processorName: string; readonly record: NodeRecord | null } | null {
  for (let at: unknown = error, depth = 0; at instanceof Error && depth < 10; depth++) {
    if (at instanceof FailedProcessingException)
      return { processorName: at.processorName, record: at.record ?? null }
    at = at.cause
  }
  return null
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
