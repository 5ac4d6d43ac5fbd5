import type { StatePage } from '@topology-studio/shared'
import { useEffect, useState } from 'react'
import type { RunStore } from '../stores/run-store'
import { formatValue } from './format-value'

const PAGE_SIZE = 25
/** How often an open store is read again while the run processes. */
const REFRESH_MS = 2_000

export interface StoreBrowserProps {
  run: RunStore
  store: string
  /** Reads again while the run is live. */
  live: boolean
}

/** The contents of one state store of a run: key-value entries, windows or sessions, by page. */
export function StoreBrowser({ run, store, live }: StoreBrowserProps) {
  const [prefix, setPrefix] = useState('')
  const [page, setPage] = useState(0)
  const [result, setResult] = useState<{ page: StatePage } | { problem: string } | null>(null)

  useEffect(() => {
    let current = true
    const read = () =>
      run
        .getState()
        .readStore(store, prefix, page, PAGE_SIZE)
        .then(
          (answer) => current && setResult({ page: answer }),
          (error: Error) => current && setResult({ problem: error.message }),
        )
    void read()
    const timer = live ? setInterval(() => void read(), REFRESH_MS) : null
    return () => {
      current = false
      if (timer !== null) clearInterval(timer)
    }
  }, [run, store, prefix, page, live])

  const shown = result !== null && 'page' in result ? result.page : null
  const pages = shown === null ? 1 : Math.max(1, Math.ceil(shown.totalEntries / PAGE_SIZE))
  const windowed = shown?.kind === 'window' || shown?.kind === 'session'
  return (
    <section className="store-browser" aria-label={`Store ${store}`} data-testid={`store-${store}`}>
      <h4>
        {store}
        {shown !== null && (
          <span className="store-browser__count">
            {' '}
            · {shown.totalEntries} {shown.kind === 'session' ? 'sessions' : 'entries'}
          </span>
        )}
      </h4>
      <input
        type="search"
        aria-label={`Keys of ${store} starting with`}
        placeholder="Key prefix"
        value={prefix}
        onChange={(event) => {
          setPrefix(event.target.value)
          setPage(0)
        }}
      />
      {result !== null && 'problem' in result && (
        <p className="run-problem" role="alert">
          {result.problem}
        </p>
      )}
      {shown !== null && (
        <table className="live-table">
          <thead>
            <tr>
              <th>Key</th>
              {windowed && <th>{shown.kind === 'session' ? 'Session' : 'Window'}</th>}
              <th>Value</th>
            </tr>
          </thead>
          <tbody>
            {shown.entries.map((entry, at) => (
              <tr key={at}>
                <td>{formatValue(entry.key)}</td>
                {windowed && (
                  <td>
                    {entry.window === null
                      ? ''
                      : `${new Date(entry.window.start).toISOString()} – ${new Date(entry.window.end).toISOString()}`}
                  </td>
                )}
                <td>{formatValue(entry.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <div className="store-browser__pages">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            Next
          </button>
        </div>
      )}
    </section>
  )
}
