import type { GraphNode, RunTap } from '@topology-studio/shared'
import { nodeLabel } from '@topology-studio/engine'
import { useState } from 'react'
import { useStore } from 'zustand'
import type { RunStore } from '../stores/run-store'
import { formatTimeOfDay, formatValue } from './format-value'
import { formatCount, formatRate } from './node-stats-lines'
import { FollowKey } from './FollowKey'
import { LagChart } from './LagChart'
import { NodeFailures } from './NodeFailures'
import { parallelism } from './parallelism'
import { nodeTopics } from '../design/node-topics'
import { SampleData } from './SampleData'
import { StoreBrowser } from './StoreBrowser'
import type { WindowedAggregation } from './window-timing'

export interface LivePanelProps {
  run: RunStore
  /** The chosen cluster, which sample data goes to. */
  clusterId: string | null
  /** The selected design node, or null. */
  node: GraphNode | null
  /** The state stores the selected node keeps, from the plan. */
  stores: readonly string[]
  /** The window of the selected node when it is a windowed aggregation. */
  windowed: WindowedAggregation | null
  /** How lists name a design node. */
  labelOf: (nodeId: string) => string
}

const LIVE_STATES = new Set(['starting', 'rebalancing', 'restoring', 'running'])

/** The selected node during a run: its numbers, a tap of its records, and its stores' contents. */
export function LivePanel(props: LivePanelProps) {
  const { run, clusterId, node, stores, windowed, labelOf } = props
  const status = useStore(run, (s) => s.run)
  const sourceTopic = node === null || node.kind === 'sink' ? undefined : nodeTopics(node)[0]
  const sampleData =
    sourceTopic === undefined ? null : (
      <SampleData run={run} clusterId={clusterId} topic={sourceTopic} />
    )
  if (status === null) {
    return (
      <div className="live-panel" data-testid="live-panel">
        <p className="problems__empty">Run the design to see its nodes live.</p>
        {sampleData}
      </div>
    )
  }
  if (node === null) {
    return (
      <div className="live-panel" data-testid="live-panel">
        <p className="problems__empty">Select one node to see its records and stores.</p>
        {LIVE_STATES.has(status.state) && <FollowKey run={run} labelOf={labelOf} />}
        <LagChart run={run} />
        <TaskTable run={run} />
      </div>
    )
  }
  const live = LIVE_STATES.has(status.state)
  return (
    <div className="live-panel" data-testid="live-panel">
      <h3>{nodeLabel(node)}</h3>
      <NodeNumbers run={run} nodeId={node.id} />
      <NodeFailures run={run} nodeId={node.id} />
      {sampleData}
      {live ? (
        <RecordTap run={run} nodeId={node.id} />
      ) : (
        <p className="problems__empty">
          The run is {status.state}: taps and stores need it running.
        </p>
      )}
      {live &&
        stores.map((store) => (
          <StoreBrowser key={store} run={run} store={store} live windowed={windowed} />
        ))}
    </div>
  )
}

function NodeNumbers({ run, nodeId }: { run: RunStore; nodeId: string }) {
  const metrics = useStore(run, (s) => s.nodes.get(nodeId))
  if (metrics === undefined) return <p className="problems__empty">No numbers yet.</p>
  return (
    <dl className="live-numbers">
      <dt>In</dt>
      <dd>
        {formatRate(metrics.recordsInPerSecond)} · {formatCount(metrics.recordsIn)} in all
      </dd>
      <dt>Out</dt>
      <dd>
        {formatRate(metrics.recordsOutPerSecond)} · {formatCount(metrics.recordsOut)} in all
      </dd>
      <dt>Latency</dt>
      <dd>
        {metrics.latencyP50Ms === null
          ? 'not measured yet'
          : `p50 ${metrics.latencyP50Ms.toFixed(2)} ms · p99 ${(metrics.latencyP99Ms ?? 0).toFixed(2)} ms`}
      </dd>
      <dt>Failed</dt>
      <dd>
        {formatCount(metrics.errors)} failed · {formatCount(metrics.dropped)} dropped
      </dd>
    </dl>
  )
}

function RecordTap({ run, nodeId }: { run: RunStore; nodeId: string }) {
  const open = useStore(run, (s) => s.tapping.has(nodeId))
  const records = useStore(run, (s) => s.taps.get(nodeId))
  const [frozen, setFrozen] = useState<RunTap['records'] | null>(null)
  const shown = frozen ?? records ?? []
  return (
    <section className="record-tap" aria-label="Record tap">
      <h4>Records through this node</h4>
      <button
        type="button"
        onClick={() => {
          setFrozen(null)
          void run.getState().setTap(nodeId, !open)
        }}
      >
        {open ? 'Close tap' : 'Open tap'}
      </button>
      {open && (
        <button type="button" onClick={() => setFrozen(frozen === null ? (records ?? []) : null)}>
          {frozen === null ? 'Pause' : 'Resume'}
        </button>
      )}
      {open && shown.length === 0 && <p className="problems__empty">Waiting for records…</p>}
      {shown.length > 0 && (
        <table className="live-table" data-testid={`tap-${nodeId}`}>
          <thead>
            <tr>
              <th>Key</th>
              <th>Value</th>
              <th>Timestamp</th>
              <th title="Partition">P</th>
              <th>Offset</th>
            </tr>
          </thead>
          <tbody>
            {[...shown].reverse().map((record, at) => (
              <tr key={at}>
                <td>{formatValue(record.key)}</td>
                <td>{formatValue(record.value)}</td>
                <td title={new Date(record.timestamp).toISOString()}>
                  {formatTimeOfDay(record.timestamp)}
                </td>
                <td>{record.partition}</td>
                <td>{record.offset}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/**
 * Where the work runs: per sub-topology, the partitions each task reads, the thread and instance
 * that own it, its state, lag and stream time.
 */
function TaskTable({ run }: { run: RunStore }) {
  const tasks = useStore(run, (s) => s.tasks)
  if (tasks.length === 0) return null
  return (
    <section aria-label="Tasks">
      <h4>Tasks</h4>
      <table className="live-table" data-testid="run-tasks">
        <thead>
          <tr>
            <th>Task, thread</th>
            <th>Reads</th>
            <th>State</th>
            <th>Lag</th>
            <th>Stream time</th>
          </tr>
        </thead>
        {parallelism(tasks).map((group) => (
          <tbody key={group.subtopology} data-testid={`subtopology-${group.subtopology}-tasks`}>
            <tr className="live-table__group">
              <th colSpan={5}>
                Sub-topology {group.subtopology}: {group.tasks.length} task
                {group.tasks.length === 1 ? '' : 's'} on {group.threads} thread
                {group.threads === 1 ? '' : 's'} of {group.instances} instance
                {group.instances === 1 ? '' : 's'}
              </th>
            </tr>
            {group.tasks.map((task) => {
              const { partitions, streamTime } = task.metrics
              return (
                <tr key={`${task.taskId}/${task.kind}/${task.instance}/${task.thread}`}>
                  <td title={`${task.thread} of ${task.instance}`}>
                    {task.taskId}
                    {task.kind === 'standby' ? ' (standby)' : ''}
                    <span className="live-table__thread">{task.thread}</span>
                  </td>
                  <td>{task.partitions.join(', ')}</td>
                  <td>{task.state}</td>
                  <td
                    title={partitions
                      .map((p) => `${p.topic}-${p.partition}: ${p.lag} behind`)
                      .join('\n')}
                  >
                    {formatCount(partitions.reduce((sum, p) => sum + p.lag, 0))}
                  </td>
                  <td>{streamTime < 0 ? '—' : formatTimeOfDay(streamTime)}</td>
                </tr>
              )
            })}
          </tbody>
        ))}
      </table>
    </section>
  )
}
