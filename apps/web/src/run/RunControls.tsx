import { useState } from 'react'
import { useStore } from 'zustand'
import { isDirty, type DesignStore } from '../design/design-store'
import type { ClusterStore } from '../stores/cluster-store'
import { isActive, type RunStore } from '../stores/run-store'
import { CountField } from './CountField'
import { RunErrorNotice } from './RunErrorNotice'

export interface RunControlsProps {
  design: DesignStore
  clusters: ClusterStore
  run: RunStore
  /** Selects a design node and shows it live (a failure's node, with its record). */
  onShowNode: (nodeId: string) => void
}

/** Why the design cannot run yet, or null. */
function blocker(savedId: string | null, clusterId: string | null): string | null {
  if (clusterId === null) return 'Choose a cluster in the header to run on.'
  if (savedId === null) return 'Save the design first: a run starts the stored design.'
  return null
}

/**
 * Start, stop and reset a run of the open design on the chosen cluster, with its state always in
 * view (starting, rebalancing, restoring with progress, running, error).
 */
export function RunControls({ design, clusters, run, onShowNode }: RunControlsProps) {
  const savedId = useStore(design, (s) => s.saved?.id ?? null)
  const dirty = useStore(design, isDirty)
  const clusterId = useStore(clusters, (s) => s.activeId)
  const status = useStore(run, (s) => s.run)
  const busy = useStore(run, (s) => s.busy)
  const problem = useStore(run, (s) => s.problem)
  const missing = useStore(run, (s) => s.missingTopics)
  const lastError = useStore(run, (s) => s.lastError)
  const resetNote = useStore(run, (s) => s.resetNote)
  const [partitions, setPartitions] = useState(3)

  const error = status?.error ?? lastError
  const active = status !== null && isActive(status.state)
  const ofThisDesign = status !== null && status.designId === savedId
  const blocked = blocker(savedId, clusterId)
  const state =
    status === null
      ? 'not running'
      : status.state === 'restoring' && status.restoreProgress !== null
        ? `restoring ${Math.round(status.restoreProgress * 100)} %`
        : status.state

  return (
    <div className="run-controls" role="group" aria-label="Run">
      {active ? (
        <button type="button" disabled={busy} onClick={() => void run.getState().stop()}>
          Stop
        </button>
      ) : (
        <button
          type="button"
          className="primary"
          disabled={busy || blocked !== null}
          title={
            blocked ??
            (dirty ? 'Runs the design as last saved, not the unsaved changes.' : undefined)
          }
          onClick={() =>
            savedId !== null && clusterId !== null && void run.getState().start(savedId, clusterId)
          }
        >
          Run
        </button>
      )}
      {status !== null && !active && ofThisDesign && (
        <button
          type="button"
          disabled={busy}
          title="Delete the application's internal topics and committed offsets, so the next run starts from the beginning of its input"
          onClick={() => void run.getState().reset()}
        >
          Reset
        </button>
      )}
      <span
        className={`run-status run-status--${status?.state ?? 'none'}`}
        data-testid="run-status"
        data-state={status?.state ?? 'none'}
        title={status === null ? undefined : `Kafka Streams state: ${status.streamsState}`}
      >
        {state}
      </span>
      {status?.state === 'rebalancing' && (
        <span className="run-banner">Rebalancing: tasks are being assigned.</span>
      )}
      <RunErrorNotice error={error} onShowNode={onShowNode} />
      {problem !== null && (
        <span className="run-problem" role="alert">
          {problem}
        </span>
      )}
      {missing.length > 0 && savedId !== null && clusterId !== null && (
        <span className="run-missing">
          <CountField label="Partitions" value={partitions} max={1000} onChange={setPartitions} />
          <button
            type="button"
            disabled={busy}
            onClick={() => void run.getState().createMissingTopics(savedId, clusterId, partitions)}
          >
            Create {missing.length === 1 ? `topic ${missing[0]}` : `${missing.length} topics`} and
            run
          </button>
        </span>
      )}
      {resetNote !== null && <span className="run-note">{resetNote}</span>}
    </div>
  )
}
