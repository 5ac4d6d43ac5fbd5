import type { NodeRecord } from '@topology-studio/shared'
import { useStore } from 'zustand'
import type { RunStore } from '../stores/run-store'
import { formatValue } from './format-value'

/** Where a record came from: `lines-2@41`, or a punctuation's lack of one. */
function sourceOf(record: NodeRecord): string {
  return record.topic === null
    ? 'punctuation'
    : `${record.topic}-${record.partition}@${record.offset}`
}

/**
 * What went wrong at a node during the run: the error that stopped it, with the record it failed
 * on, and the latest records it skipped (processing errors under log-and-continue, late records,
 * expired windows) with the reason for each.
 */
export function NodeFailures({ run, nodeId }: { run: RunStore; nodeId: string }) {
  const status = useStore(run, (s) => s.run)
  const lastError = useStore(run, (s) => s.lastError)
  const skipped = useStore(run, (s) => s.skipped.get(nodeId))
  const error = status?.error ?? lastError
  const failedHere = error !== null && error.nodeId === nodeId
  if (!failedHere && (skipped === undefined || skipped.length === 0)) return null
  return (
    <section className="node-failures" aria-label="Failures" data-testid={`failures-${nodeId}`}>
      {failedHere && (
        <div className="node-failures__fatal" role="alert">
          <h4>The run failed here</h4>
          <p>{error.message}</p>
          {error.record !== null && (
            <table className="live-table" aria-label="The record it failed on">
              <tbody>
                <tr>
                  <th>Key</th>
                  <td>{formatValue(error.record.key)}</td>
                </tr>
                <tr>
                  <th>Value</th>
                  <td>{formatValue(error.record.value)}</td>
                </tr>
                <tr>
                  <th>Timestamp</th>
                  <td>{new Date(error.record.timestamp).toISOString()}</td>
                </tr>
                <tr>
                  <th>Read from</th>
                  <td>{sourceOf(error.record)}</td>
                </tr>
              </tbody>
            </table>
          )}
        </div>
      )}
      {skipped !== undefined && skipped.length > 0 && (
        <>
          <h4>Skipped records (latest {skipped.length})</h4>
          <table className="live-table" data-testid={`skipped-${nodeId}`}>
            <thead>
              <tr>
                <th>Why</th>
                <th>Key</th>
                <th>Value</th>
                <th>Read from</th>
              </tr>
            </thead>
            <tbody>
              {[...skipped].reverse().map((record, at) => (
                <tr key={`${record.at}-${at}`} title={record.message}>
                  <td>{record.reason}</td>
                  <td>{record.record === null ? '—' : formatValue(record.record.key)}</td>
                  <td>{record.record === null ? '—' : formatValue(record.record.value)}</td>
                  <td>{record.record === null ? record.taskId : sourceOf(record.record)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
