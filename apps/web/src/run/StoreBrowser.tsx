import type { StatePage } from '@topology-studio/shared'
import { Fragment, useEffect, useState } from 'react'
import { useStore } from 'zustand'
import type { RunStore } from '../stores/run-store'
import { formatTimeOfDay, formatValue, formatWindow } from './format-value'
import { formatDuration, windowState, type WindowedAggregation } from './window-timing'

const PAGE_SIZE = 25

export interface StoreBrowserProps {
  run: RunStore
  store: string
  /** Reads again while the run is live. */
  live: boolean
  /** The window of the node that keeps the store, to say when each window closes. */
  windowed?: WindowedAggregation | null
}

/** The contents of one state store of a run: key-value entries, windows or sessions, by page. */
export function StoreBrowser({ run, store, live, windowed = null }: StoreBrowserProps) {
  const [prefix, setPrefix] = useState('')
  const [page, setPage] = useState(0)
  const tasks = useStore(run, (s) => s.tasks)
  const [asked, setAsked] = useState<string | null>(null)
  const [result, setResult] = useState<{ page: StatePage } | { problem: string } | null>(null)

  // Read again with every metrics update of a live run: once a second on a cluster, after
  // every step of a simulation.
  const updated = live ? tasks : null
  useEffect(() => {
    let current = true
    void run
      .getState()
      .readStore(store, prefix, page, PAGE_SIZE)
      .then(
        (answer) => current && setResult({ page: answer }),
        (error: Error) => current && setResult({ problem: error.message }),
      )
    return () => {
      current = false
    }
  }, [run, store, prefix, page, updated])

  const shown = result !== null && 'page' in result ? result.page : null
  const pages = shown === null ? 1 : Math.max(1, Math.ceil(shown.totalEntries / PAGE_SIZE))
  const held = shown?.kind === 'suppression'
  const windowedKind =
    shown?.kind === 'window' ||
    shown?.kind === 'session' ||
    (held && shown.entries.some((entry) => entry.window !== null))
  const timed = windowedKind && windowed !== null
  const taskOf = (taskId: string) => tasks.find((t) => t.taskId === taskId && t.kind === 'active')
  const columns = 2 + (windowedKind ? 1 : 0) + (timed ? 2 : 0)
  return (
    <section className="store-browser" aria-label={`Store ${store}`} data-testid={`store-${store}`}>
      <h4>
        {store}
        {shown !== null && (
          <span className="store-browser__count">
            {' '}
            ·{' '}
            {held
              ? `${shown.totalEntries} held back until their window closes or time is up`
              : `${shown.totalEntries} ${shown.kind === 'session' ? 'sessions' : 'entries'}`}
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
              {windowedKind && <th>{shown.kind === 'session' ? 'Session' : 'Window'}</th>}
              <th>{held ? 'Latest value, held back' : 'Value'}</th>
              {timed && <th>Task</th>}
              {timed && <th>Closes (stream time)</th>}
            </tr>
          </thead>
          <tbody>
            {shown.entries.map((entry, at) => {
              const id = `${entry.taskId}/${formatValue(entry.key)}/${entry.window?.start}`
              const state =
                timed && windowed !== null && entry.window !== null
                  ? windowState(windowed, entry.window, taskOf(entry.taskId))
                  : null
              return (
                <Fragment key={at}>
                  <tr className={state?.open === false ? 'is-closed' : undefined}>
                    <td>{formatValue(entry.key)}</td>
                    {windowedKind && (
                      <td>{entry.window === null ? '' : formatWindow(entry.window)}</td>
                    )}
                    <td>{formatValue(entry.value)}</td>
                    {timed && <td>{entry.taskId}</td>}
                    {state !== null && (
                      <td>
                        {formatTimeOfDay(state.closesAt)}{' '}
                        {state.open
                          ? state.streamTime === null
                            ? '(open)'
                            : `(in ${formatDuration(state.closesAt - state.streamTime)})`
                          : '(closed)'}{' '}
                        <button
                          type="button"
                          className="store-browser__why"
                          aria-expanded={asked === id}
                          onClick={() => setAsked(asked === id ? null : id)}
                        >
                          {state.open ? 'Why not emitted?' : 'What happened?'}
                        </button>
                      </td>
                    )}
                  </tr>
                  {state !== null && asked === id && (
                    <tr className="store-browser__answer">
                      <td colSpan={columns} role="note">
                        {state.why}
                      </td>
                    </tr>
                  )}
                </Fragment>
              )
            })}
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
