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
  ) {
    super(`Exception caught during processing in processor ${processorName}: ${messageOf(cause)}`, {
      cause,
    })
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
