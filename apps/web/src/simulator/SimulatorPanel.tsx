import { SAMPLE_DATA_KINDS, type GraphNode, type SampleDataKind } from '@topology-studio/shared'
import { useState } from 'react'
import { useStore } from 'zustand'
import type { StoreApi } from 'zustand/vanilla'
import { useRecordForm } from '../cluster/use-record-form'
import { CountField } from '../run/CountField'
import { Choice } from '../shell/form-fields'
import { formatKey, formatTimeOfDay, formatValue, formatWindow } from '../run/format-value'
import type { TopicCodec } from './simulation-protocol'
import type { SimulationState } from './simulation-store'
import { SavedTest } from './SavedTest'
import { OUTPUTS_SHOWN } from './simulation-protocol'

export interface SimulatorPanelProps {
  simulation: StoreApi<SimulationState>
  /** Topics the design's sources read, which inputs go to. */
  inputTopics: readonly string[]
  /** Topics the design names, whose partition counts the simulation takes. */
  topics: readonly string[]
  codecOf: (topic: string) => TopicCodec
  /** The selected design node, or null. */
  node: GraphNode | null
  labelOf: (nodeId: string) => string
}

/** Inputs, partitions, breakpoints, the last step and the outputs of a simulation. */
export function SimulatorPanel(props: SimulatorPanelProps) {
  const { simulation, node, labelOf } = props
  const view = useStore(simulation, (s) => s.view)
  const breakpoints = useStore(simulation, (s) => s.breakpoints)
  const running = view?.running === true
  return (
    <div className="live-panel simulator-panel" data-testid="simulator-panel">
      {!running && (
        <p className="problems__empty">
          Simulate the design in the browser, with no cluster: set partition counts, start it, then
          add input records and step through them.
        </p>
      )}
      <Partitions {...props} running={running} />
      {running && <InputForm {...props} />}
      {running && <Generate {...props} />}
      {view !== null && view.pendingCount > 0 && (
        <section aria-label="Inputs to send">
          <h4>
            To send ({view.pendingCount}){' '}
            <button type="button" onClick={() => void simulation.getState().clearInputs()}>
              Clear
            </button>
          </h4>
          <table className="live-table" data-testid="pending-inputs">
            <thead>
              <tr>
                <th>Topic</th>
                <th>Key</th>
                <th>Value</th>
                <th>Time</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {view.pending.map((input) => (
                <tr key={input.id}>
                  <td>{input.topic}</td>
                  <td>{formatValue(input.key)}</td>
                  <td>{formatValue(input.value)}</td>
                  <td title={`${input.timestamp} ms`}>{formatTimeOfDay(input.timestamp)}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={`Remove input ${input.id}`}
                      onClick={() => void simulation.getState().removeInput(input.id)}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {view.pendingCount > view.pending.length && (
            <p className="run-note">and {view.pendingCount - view.pending.length} more</p>
          )}
        </section>
      )}
      {node !== null && (
        <label className="simulator-panel__breakpoint">
          <input
            type="checkbox"
            checked={breakpoints.has(node.id)}
            onChange={() => void simulation.getState().toggleBreakpoint(node.id)}
          />{' '}
          Pause playing when a record reaches {labelOf(node.id)}
        </label>
      )}
      {view?.lastStep != null && <LastStep step={view.lastStep} labelOf={labelOf} />}
      {view !== null &&
        view.outputs.map((output) => (
          <section key={output.topic} aria-label={`Output ${output.topic}`}>
            <h4>
              {output.topic} (
              {output.records.length === OUTPUTS_SHOWN
                ? `latest ${OUTPUTS_SHOWN}`
                : output.records.length}
              )
            </h4>
            {output.records.length === 0 ? (
              <p className="problems__empty">Nothing written yet.</p>
            ) : (
              <table className="live-table" data-testid={`output-${output.topic}`}>
                <thead>
                  <tr>
                    <th>Key</th>
                    <th>Value</th>
                    <th>Time</th>
                    <th>P/offset</th>
                  </tr>
                </thead>
                <tbody>
                  {output.records.map((record) => (
                    <tr key={`${record.partition}-${record.offset}`}>
                      <td>{formatValue(record.key)}</td>
                      <td>{formatValue(record.value)}</td>
                      <td title={record.timestamp === null ? undefined : `${record.timestamp} ms`}>
                        {record.timestamp === null ? '–' : formatTimeOfDay(record.timestamp)}
                      </td>
                      <td>
                        {record.partition}/{record.offset}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      {view !== null && view.produced > 0 && <SavedTest simulation={simulation} />}
    </div>
  )
}

function Partitions({ simulation, topics, running }: SimulatorPanelProps & { running: boolean }) {
  const partitions = useStore(simulation, (s) => s.partitions)
  const view = useStore(simulation, (s) => s.view)
  if (topics.length === 0) return null
  const shown = (topic: string) =>
    running ? (view?.topics.find((t) => t.topic === topic)?.partitions ?? 1) : null
  return (
    <section aria-label="Partitions">
      <h4>Partitions</h4>
      <p className="run-note">
        One partition everywhere runs the design as TopologyTestDriver does; more run a task per
        sub-topology and partition, as a cluster would. Changes apply when the simulation
        (re)starts.
      </p>
      {topics.map((topic) => (
        <div key={topic} className="simulator-panel__partitions">
          <CountField
            label={topic}
            value={partitions[topic] ?? 1}
            max={64}
            onChange={(count) => simulation.getState().setPartitions(topic, count)}
          />
          {shown(topic) !== null && shown(topic) !== (partitions[topic] ?? 1) && (
            <span className="run-note"> (running with {shown(topic)})</span>
          )}
        </div>
      ))}
    </section>
  )
}

function InputForm({ simulation, inputTopics, codecOf }: SimulatorPanelProps) {
  const view = useStore(simulation, (s) => s.view)
  const [topic, setTopic] = useState(inputTopics[0] ?? '')
  const { field, read, clear } = useRecordForm()
  // Typing waits while a record is added, so what is typed next is not cleared with it.
  const [adding, setAdding] = useState(false)
  const chosen = inputTopics.includes(topic) ? topic : (inputTopics[0] ?? '')
  if (chosen === '') return <p className="problems__empty">The design has no source topic.</p>
  const codec = codecOf(chosen)
  const partitions = view?.topics.find((t) => t.topic === chosen)?.partitions ?? 1
  const add = async () => {
    const [record] = read(codec.keySerde, codec.valueSerde, partitions)?.records ?? []
    if (record === undefined) return
    setAdding(true)
    try {
      const added = await simulation.getState().addInputs([
        {
          topic: chosen,
          key: record.key ?? null,
          value: record.value ?? null,
          timestamp: record.timestamp ?? view?.wallClockMs ?? Date.now(),
          ...(record.partition === undefined ? {} : { partition: record.partition }),
        },
      ])
      if (added) clear(['timestamp'])
    } finally {
      setAdding(false)
    }
  }
  return (
    <form
      className="produce-form"
      aria-label="Input record"
      onSubmit={(event) => {
        event.preventDefault()
        void add()
      }}
    >
      <h4>Input record</h4>
      <fieldset className="simulator-panel__fields" disabled={adding}>
        <Choice label="Topic" value={chosen} options={inputTopics} onChange={setTopic} />
        {field('key', `Key (${codec.keySerde})`, 'empty: null key')}
        {field('value', `Value (${codec.valueSerde})`, 'empty: null (a tombstone)')}
        {field('timestamp', 'Timestamp', 'epoch ms or ISO time; empty: the wall clock')}
        {partitions > 1 &&
          field('partition', 'Partition', `empty: the key's (0–${partitions - 1})`)}
        <button type="submit">Add input</button>
      </fieldset>
    </form>
  )
}

function Generate({ simulation, inputTopics }: SimulatorPanelProps) {
  const view = useStore(simulation, (s) => s.view)
  const [topic, setTopic] = useState(inputTopics[0] ?? '')
  const [kind, setKind] = useState<SampleDataKind>('sentences')
  const [count, setCount] = useState(10)
  const [spacingMs, setSpacingMs] = useState(500)
  const chosen = inputTopics.includes(topic) ? topic : (inputTopics[0] ?? '')
  if (chosen === '') return null
  return (
    <section className="sample-data" aria-label="Generate inputs">
      <h4>Generate inputs</h4>
      <Choice label="Into" value={chosen} options={inputTopics} onChange={setTopic} />{' '}
      <Choice label="Kind" value={kind} options={SAMPLE_DATA_KINDS} onChange={setKind} />{' '}
      <CountField label="Records" value={count} max={10_000} onChange={setCount} />{' '}
      <CountField label="Every (ms)" value={spacingMs} max={3_600_000} onChange={setSpacingMs} />{' '}
      <button
        type="button"
        onClick={() =>
          void simulation
            .getState()
            .generate(chosen, kind, count, view?.wallClockMs ?? Date.now(), spacingMs)
        }
      >
        Generate
      </button>
    </section>
  )
}

function LastStep({
  step,
  labelOf,
}: {
  step: NonNullable<NonNullable<SimulationState['view']>['lastStep']>
  labelOf: (nodeId: string) => string
}) {
  return (
    <section aria-label="Last step" data-testid="last-step">
      <h4>
        Step {step.number}: task {step.taskId} read {step.record.topic}-{step.record.partition}@
        {step.record.offset}
      </h4>
      <ol className="simulator-panel__path">
        {step.path.map((hop) => (
          <li key={hop.nodeId}>
            <strong>{labelOf(hop.nodeId)}</strong>{' '}
            {hop.records.map((r, i) => (
              <span key={i} className="simulator-panel__record">
                {formatKey(r.key)} → {formatValue(r.value)} at {formatTimeOfDay(r.timestamp)}
              </span>
            ))}
          </li>
        ))}
      </ol>
      {step.storeWrites.length > 0 && (
        <table className="live-table" data-testid="store-writes">
          <thead>
            <tr>
              <th>Store</th>
              <th>Key</th>
              <th>Before</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody>
            {step.storeWrites.map((write, i) => (
              <tr key={i}>
                <td>{write.store}</td>
                <td>
                  {formatValue(write.key)}
                  {write.window !== null && ` [${formatWindow(write.window)}]`}
                </td>
                <td>{write.before === null ? '–' : formatValue(write.before)}</td>
                <td>{write.after === null ? 'deleted' : formatValue(write.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="run-note">
        {step.outputs === 0
          ? 'Nothing written to an output topic.'
          : `${step.outputs} record${step.outputs === 1 ? '' : 's'} written to output topics.`}
      </p>
    </section>
  )
}
