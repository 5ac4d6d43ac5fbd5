import { useCallback, useEffect, useRef, useState } from 'react'

export type Polled<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'failed'; readonly problem: string; readonly last: T | null }

/**
 * Reads `read()` now and every `everyMs` while mounted, keeping the last good value when a read
 * fails; `reload()` reads again at once (after a write). Answers that arrive after a newer read
 * started, or after unmounting, are dropped. `read` changing (new deps) starts over.
 */
export function usePolled<T>(
  read: () => Promise<T>,
  everyMs: number,
): readonly [Polled<T>, () => void] {
  // Answers remember which `read` they came from, so a new one shows as loading at once.
  const [answer, setAnswer] = useState<{ read: () => Promise<T>; result: Polled<T> } | null>(null)
  const latest = useRef(0)

  const reload = useCallback(() => {
    const request = ++latest.current
    read().then(
      (value) => {
        if (request === latest.current) setAnswer({ read, result: { state: 'ready', value } })
      },
      (error: unknown) => {
        if (request !== latest.current) return
        const problem = error instanceof Error ? error.message : String(error)
        setAnswer((before) => ({
          read,
          result: {
            state: 'failed',
            problem,
            last: before?.read === read ? polledValue(before.result) : null,
          },
        }))
      },
    )
  }, [read])

  useEffect(() => {
    const requests = latest
    reload()
    const timer = setInterval(reload, everyMs)
    return () => {
      clearInterval(timer)
      requests.current++
    }
  }, [reload, everyMs])

  const result: Polled<T> =
    answer !== null && answer.read === read ? answer.result : { state: 'loading' }
  return [result, reload] as const
}

/** The value to show: the latest, or the last good one while a read fails. */
export function polledValue<T>(polled: Polled<T>): T | null {
  return polled.state === 'ready' ? polled.value : polled.state === 'failed' ? polled.last : null
}
