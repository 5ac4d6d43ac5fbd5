import { SAMPLE_DATA_KINDS, type SampleDataKind } from '@topology-studio/shared'
import { useState } from 'react'
import { useStore } from 'zustand'
import type { RunStore } from '../stores/run-store'
import { CountField } from './CountField'
import { Choice } from '../shell/form-fields'

export interface SampleDataProps {
  run: RunStore
  /** The chosen cluster, or null. */
  clusterId: string | null
  topic: string
}

/** Start or stop generated records into a source topic of the chosen cluster, at a chosen rate. */
export function SampleData({ run, clusterId, topic }: SampleDataProps) {
  const generator = useStore(run, (s) => s.generators.get(topic))
  const busy = useStore(run, (s) => s.busy)
  const [kind, setKind] = useState<SampleDataKind>('sentences')
  const [perSecond, setPerSecond] = useState(20)
  if (clusterId === null) return null
  return (
    <section className="sample-data" aria-label={`Sample data into ${topic}`}>
      <h4>Sample data into {topic}</h4>
      {generator === undefined ? (
        <>
          <Choice label="Kind" value={kind} options={SAMPLE_DATA_KINDS} onChange={setKind} />{' '}
          <CountField label="Records/s" value={perSecond} max={100_000} onChange={setPerSecond} />{' '}
          <button
            type="button"
            disabled={busy}
            onClick={() => void run.getState().startSampleData(clusterId, topic, kind, perSecond)}
          >
            Start sample data
          </button>
        </>
      ) : (
        <>
          <span>
            {generator.kind} at {generator.recordsPerSecond}/s{' '}
          </span>
          <button
            type="button"
            disabled={busy}
            onClick={() => void run.getState().stopSampleData(topic)}
          >
            Stop sample data
          </button>
        </>
      )}
    </section>
  )
}
