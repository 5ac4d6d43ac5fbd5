// Whether a crashed kafkajs consumer restarts. kafkajs restarts on any retriable error, at
// once and forever (a gone cluster means an endless loop); the runtime owns that decision:
// exponential backoff capped at 30 s, and at most 5 restarts in 5 minutes, after which the
// crash is final and the thread fails with the error.
export interface RestartPolicyOptions {
  readonly maxRestarts?: number
  readonly windowMs?: number
  readonly initialBackoffMs?: number
  readonly maxBackoffMs?: number
  readonly now?: () => number
  readonly sleep?: (ms: number) => Promise<void>
  /** Told before each restart (for telemetry). */
  readonly onRestart?: (attempt: number, backoffMs: number, error: Error) => void
}

import type { StreamsEvent } from '../telemetry/streams-telemetry'

/** The policy for one thread's consumer, reporting each restart as an event. */
export function reportedRestartPolicy(
  thread: string,
  emit: (event: StreamsEvent) => void,
): (error: Error) => Promise<boolean> {
  return restartPolicy({
    onRestart: (attempt, backoffMs, error) =>
      emit({ type: 'consumer-restart', thread, attempt, backoffMs, message: error.message }),
  })
}

export function restartPolicy(
  options: RestartPolicyOptions = {},
): (error: Error) => Promise<boolean> {
  const maxRestarts = options.maxRestarts ?? 5
  const windowMs = options.windowMs ?? 5 * 60_000
  const initial = options.initialBackoffMs ?? 1_000
  const cap = options.maxBackoffMs ?? 30_000
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const restarts: number[] = []
  return async (error) => {
    const at = now()
    while (restarts.length > 0 && (restarts[0] as number) <= at - windowMs) restarts.shift()
    if (restarts.length >= maxRestarts) return false
    restarts.push(at)
    const backoff = Math.min(cap, initial * 2 ** (restarts.length - 1))
    options.onRestart?.(restarts.length, backoff, error)
    await sleep(backoff)
    return true
  }
}
