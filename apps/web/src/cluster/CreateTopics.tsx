import { useState } from 'react'
import type { ClusterStore } from '../stores/cluster-store'
import { CountField } from '../run/CountField'

export interface CreateTopicsProps {
  clusters: ClusterStore
  /** Topics the node reads or writes that the chosen cluster does not have. */
  missing: readonly string[]
  /** How many partitions to suggest. */
  partitions?: number
}

/** One click from the node that needs them: create the topics it names that are not there yet. */
export function CreateTopics({ clusters, missing, partitions = 1 }: CreateTopicsProps) {
  const [count, setCount] = useState(partitions)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  if (missing.length === 0) return null
  const create = async () => {
    setBusy(true)
    setProblem(null)
    try {
      for (const topic of missing) await clusters.getState().createTopic(topic, count)
    } catch (error) {
      setProblem((error as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const names = missing.map((topic) => `"${topic}"`).join(', ')
  return (
    <div className="create-topics" role="group" aria-label={`Create ${names}`}>
      <CountField label="Partitions" value={count} max={10_000} onChange={setCount} />{' '}
      <button type="button" disabled={busy} onClick={() => void create()}>
        {busy ? 'Creating…' : `Create ${names}`}
      </button>
      {problem !== null && (
        <p className="create-topics__problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
