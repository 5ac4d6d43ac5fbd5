import type { RunError } from '@topology-studio/shared'

export interface RunErrorNoticeProps {
  error: RunError | null
  /** Selects the failed node and shows it live, with its record. */
  onShowNode: (nodeId: string) => void
}

/** A run's failure in words, with a way to the node (and record) it failed on. */
export function RunErrorNotice({ error, onShowNode }: RunErrorNoticeProps) {
  if (error === null) return null
  const { nodeId } = error
  return (
    <span className="run-problem" role="alert" title={error.at}>
      {error.message}
      {nodeId !== null && (
        <button type="button" className="run-problem__show" onClick={() => onShowNode(nodeId)}>
          {error.record === null ? 'Show the node' : 'Show the node and record'}
        </button>
      )}
    </span>
  )
}
