import type { Serde } from '@topology-studio/shared'
import { useState } from 'react'
import type { ClustersApi } from '../api/clusters'
import { useRecordForm } from './use-record-form'

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

/** Type a record (key, value, partition, timestamp) and produce it with the chosen serdes. */
export function ProduceForm(props: ProduceFormProps) {
  const { api, clusterId, topic, partitions, keySerde, valueSerde, onProduced } = props
  const { fields, setFields, problemOf, field, read } = useRecordForm()
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const produce = async () => {
    const request = read(keySerde, valueSerde, partitions)
    setOutcome(null)
    if (request === null) return
    setBusy(true)
    try {
      const [landed] = await api.produce(clusterId, topic, request)
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
          onChange={(event) => setFields({ ...fields, value: event.target.value })}
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
