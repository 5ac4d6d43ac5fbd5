import { useState } from 'react'
import { useStore } from 'zustand'
import type { RunStore } from '../stores/run-store'
import { RunErrorNotice } from '../run/RunErrorNotice'
import type { SimulationState } from './simulation-store'
import type { StoreApi } from 'zustand/vanilla'

export interface SimulatorControlsProps {
  simulation: StoreApi<SimulationState>
  run: RunStore
  /** Starts a simulation of the design as it is on the canvas. */
  onStart: () => void
  /** Selects a design node and shows it live (a failure's node, a breakpoint's). */
  onShowNode: (nodeId: string) => void
  /** Whether the design on the canvas no longer runs as the simulation started it. */
  edited: boolean
}

const SPEEDS = [1, 5, 20, 100, 1000]

/**
 * Start, step, play and stop a simulation of the open design in the browser, with its state,
 * the simulated wall clock and what waits to be processed always in view.
 */
export function SimulatorControls({
  simulation,
  run,
  onStart,
  onShowNode,
  edited,
}: SimulatorControlsProps) {
  const view = useStore(simulation, (s) => s.view)
  const busy = useStore(simulation, (s) => s.busy)
  const problem = useStore(simulation, (s) => s.problem)
  const status = useStore(run, (s) => s.run)
  const lastError = useStore(run, (s) => s.lastError)
  const [perSecond, setPerSecond] = useState(5)
  const [advanceMs, setAdvanceMs] = useState(1000)
  const running = view?.running === true
  const canStep = running && (view.pendingCount > 0 || view.queued > 0)
  const runProblem = useStore(run, (s) => s.problem)
  // With one partition the simulation is TopologyTestDriver, which moves the clock between inputs.
  const advanceWaits = running && !view.partitioned && view.queued > 0
  const state = status === null ? 'not simulating' : status.state
  const sim = simulation.getState()

  return (
    <div className="run-controls" role="group" aria-label="Simulation">
      <button
        type="button"
        className={running ? undefined : 'primary'}
        disabled={busy}
        title="Runs the design as it is on the canvas, in the browser, with no cluster"
        onClick={onStart}
      >
        {running ? 'Restart' : 'Simulate'}
      </button>
      {running && (
        <button type="button" disabled={busy} onClick={() => void sim.stop()}>
          Stop
        </button>
      )}
      <span
        className={`run-status run-status--${status?.state ?? 'none'}`}
        data-testid="run-status"
        data-state={status?.state ?? 'none'}
        title={
          view === null
            ? undefined
            : view.partitioned
              ? 'Tasks run per sub-topology and partition, as on a cluster'
              : 'One partition per topic: the whole topology runs as task 0_0, as TopologyTestDriver'
        }
      >
        {state === 'running' ? 'simulating' : state}
        {view !== null &&
          status !== null &&
          (view.partitioned ? ' · partitioned' : ' · 1 partition')}
      </span>
      {running && (
        <>
          <button
            type="button"
            disabled={busy || !canStep}
            title="Process the next record: one queued in a task, or else the next input"
            onClick={() => void sim.step()}
          >
            Step
          </button>
          {view.playing ? (
            <button type="button" onClick={() => void sim.pause()}>
              Pause
            </button>
          ) : (
            <button type="button" disabled={!canStep} onClick={() => void sim.play(perSecond)}>
              Play
            </button>
          )}
          <label className="count-field">
            Speed{' '}
            <select
              aria-label="Records per second"
              value={perSecond}
              onChange={(event) => {
                const speed = Number(event.target.value)
                setPerSecond(speed)
                if (view.playing) void sim.play(speed)
              }}
            >
              {SPEEDS.map((speed) => (
                <option key={speed} value={speed}>
                  {speed}/s
                </option>
              ))}
            </select>
          </label>
          <span className="run-note" data-testid="simulation-counts">
            {view.pendingCount} to send · {view.queued} queued · {view.steps} steps
          </span>
          <label className="count-field">
            Wall clock +{' '}
            <input
              type="number"
              aria-label="Milliseconds to advance the wall clock"
              min={0}
              value={advanceMs}
              onChange={(event) =>
                setAdvanceMs(Math.max(0, Math.round(Number(event.target.value)) || 0))
              }
            />{' '}
            ms
          </label>
          <button
            type="button"
            disabled={busy || advanceWaits}
            title={
              advanceWaits
                ? 'Step the queued records first: with one partition the wall clock moves only between input records, as in TopologyTestDriver'
                : `The simulated wall clock is ${new Date(view.wallClockMs).toISOString()}: moving it fires wall-clock punctuations`
            }
            onClick={() => void sim.advance(advanceMs)}
          >
            Advance
          </button>
        </>
      )}
      {running && edited && (
        <span className="run-note" role="status">
          The design changed since the simulation started: Restart to simulate the change.
        </span>
      )}
      {view?.pausedAt != null && (
        <span className="run-banner" role="status">
          Paused at a breakpoint
          <button
            type="button"
            className="run-problem__show"
            onClick={() => onShowNode(view.pausedAt as string)}
          >
            Show the node
          </button>
        </span>
      )}
      <RunErrorNotice error={status?.error ?? lastError} onShowNode={onShowNode} />
      {[problem, runProblem].map(
        (text, i) =>
          text !== null && (
            <span key={i} className="run-problem" role="alert">
              {text}
            </span>
          ),
      )}
    </div>
  )
}
