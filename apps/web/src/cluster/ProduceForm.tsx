import type { Serde } from '@topology-studio/shared'
import { useState } from 'react'
import type { ClustersApi } from '../api/clusters'
import { TextField } from '../shell/form-fields'
import { parseRecordForm, type RecordForm, type RecordFormProblem } from './record-input'

export interface ProduceFormProps {
  api: Pick<ClustersApi, 'produce'>
  clusterId: string
  topic: string
  partitions: number
  keySerde: Serde
  valueSerde: Serde
  /** After a record landed, so the topic's offsets and peek show it. */
  onProduced: () => void
}

const EMPTY = { key: '', value: '', partition: '', timestamp: '' }

/** Type a record (key, value, partition, timestamp) and produce it with the chosen serdes. */
export function ProduceForm(props: ProduceFormProps) {
  const { api, clusterId, topic, partitions, keySerde, valueSerde, onProduced } = props
  const [fields, setFields] = useState(EMPTY)
  const [problems, setProblems] = useState<readonly RecordFormProblem[]>([])
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const problemOf = (field: keyof RecordForm) => problems.find((p) => p.field === field)?.message
  const set = (field: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setFields({ ...fields, [field]: event.target.value })

  const produce = async () => {
    const parsed = parseRecordForm({ ...fields, keySerde, valueSerde }, partitions)
    setOutcome(null)
    if (!parsed.ok) {
      setProblems(parsed.problems)
      return
    }
    setProblems([])
    setBusy(true)
    try {
      const [landed] = await api.produce(clusterId, topic, parsed.request)
      setOutcome({
        ok: true,
        text: `Produced to partition ${landed?.partition} at offset ${landed?.offset}`,
      })
      onProduced()
    } catch (error) {
      setOutcome({ ok: false, text: (error as Error).message })
    } finally {
      setBusy(false)
    }
  }

  const field = (name: keyof typeof EMPTY, label: string, placeholder: string) => (
    <TextField
      label={label}
      value={fields[name]}
      placeholder={placeholder}
      problem={problemOf(name)}
      onChange={(value) => setFields({ ...fields, [name]: value })}
    />
  )

  return (
    <form
      className="produce-form"
      aria-label={`Produce a record to ${topic}`}
      onSubmit={(event) => {
        event.preventDefault()
        void produce()
      }}
    >
      <h4>Produce a record</h4>
      {field('key', `key (${keySerde})`, 'empty: null key')}
      <label className="field">
        <span className="field__name">value ({valueSerde})</span>
        <textarea
          rows={3}
          value={fields.value}
          placeholder="empty: a tombstone (null value)"
          aria-invalid={problemOf('value') !== undefined}
          onChange={set('value')}
        />
        {problemOf('value') !== undefined && (
          <span className="field__error">{problemOf('value')}</span>
        )}
      </label>
      <div className="produce-form__row">
        {field('partition', 'partition', `0–${partitions - 1}, empty: by key`)}
        {field('timestamp', 'timestamp', 'ms or 2026-01-01T00:00:00Z; empty: now')}
      </div>
      <button type="submit" disabled={busy}>
        {busy ? 'Producing…' : 'Produce'}
      </button>
      {outcome !== null && (
        <p
          className={outcome.ok ? 'produce-form__outcome' : 'produce-form__outcome is-error'}
          role={outcome.ok ? 'status' : 'alert'}
        >
          {outcome.text}
        </p>
      )}
    </form>
  )
}
