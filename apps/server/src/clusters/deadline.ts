import { ApiError } from '../http/api-error'

/**
 * Fails with `cluster_unreachable` when the cluster does not answer in time, so a request to a
 * cluster that is down ends in seconds instead of after kafkajs's own retries.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ApiError(
            502,
            'cluster_unreachable',
            `The cluster did not answer within ${ms / 1000} s while ${what}`,
            { timeoutMs: ms },
          ),
        ),
      ms,
    )
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
    // The abandoned work may still fail later; that must not become an unhandled rejection.
    work.catch(() => undefined)
  }
}
