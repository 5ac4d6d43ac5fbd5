import { useState } from 'react'
import { useStore } from 'zustand'
import type { RunStore } from '../stores/run-store'
import { formatTimeOfDay, formatValue } from './format-value'

export interface FollowKeyProps {
  run: RunStore
  /** How the path names a design node. */
  labelOf: (nodeId: string) => string
}

/**
 * Follow one key through the running topology: the nodes its records reached light up on the
 * canvas, with the edges between them, and this lists the latest record of the key at each.
 */
export function FollowKey({ run, labelOf }: FollowKeyProps) {
  const following = useStore(run, (s) => s.following)
  const path = useStore(run, (s) => s.path)
  const busy = useStore(run, (s) => s.busy)
  const [key, setKey] = useState(following ?? '')
  return (
    <section className="follow-key" aria-label="Follow a key">
      <h4>Follow a key</h4>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void run.getState().follow(key.trim() === '' ? null : key.trim())
        }}
      >
        <input
          aria-label="Key to follow"
          placeholder="A key, as the store shows it"
          value={key}
          onChange={(event) => setKey(event.target.value)}
        />{' '}
        <button type="submit" disabled={busy || key.trim() === '' || key.trim() === following}>
          Follow
        </button>{' '}
        {following !== null && (
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setKey('')
              void run.getState().follow(null)
            }}
          >
            Stop following
          </button>
        )}
      </form>
      {following !== null &&
        (path.size === 0 ? (
          <p className="problems__empty">
            No record with key {following} has passed since following started.
          </p>
        ) : (
          <table className="live-table" data-testid="followed-path">
            <thead>
              <tr>
                <th>Node</th>
                <th>Latest value</th>
                <th>Timestamp</th>
                <th>Read from</th>
              </tr>
            </thead>
            <tbody>
              {[...path].map(([nodeId, records]) => {
                const latest = records.at(-1)
                return (
                  <tr key={nodeId} title={`${records.length} recent records of ${following}`}>
                    <td>{labelOf(nodeId)}</td>
                    <td>{latest === undefined ? '' : formatValue(latest.value)}</td>
                    <td>{latest === undefined ? '' : formatTimeOfDay(latest.timestamp)}</td>
                    <td>
                      {latest === undefined || latest.topic === null
                        ? ''
                        : `${latest.topic}-${latest.partition}@${latest.offset}`}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        ))}
    </section>
  )
}
