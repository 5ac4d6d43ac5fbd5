import { useState } from 'react'
import { useStore } from 'zustand'
import type { ClustersApi } from '../api/clusters'
import type { ClusterStore } from '../stores/cluster-store'
import type { RunStore } from '../stores/run-store'
import { ClusterDialog } from './ClusterDialog'
import { ConnectClusterDialog } from './ConnectClusterDialog'
import type { TopicSerdes } from './topic-serdes'

export interface ClusterPickerProps {
  clusters: ClusterStore
  /** What the cluster dialog reads and writes through. */
  api: Pick<ClustersApi, 'health' | 'topics' | 'peek' | 'produce'>
  run: RunStore
  topicSerdes: (topic: string) => TopicSerdes
}

/**
 * The cluster the design is checked against (partition counts of join inputs) and whose topics
 * the properties suggest: one of those the server is connected to, a new one, or none.
 */
export function ClusterPicker({ clusters, api, run, topicSerdes }: ClusterPickerProps) {
  const list = useStore(clusters, (s) => s.clusters)
  const activeId = useStore(clusters, (s) => s.activeId)
  const topics = useStore(clusters, (s) => s.topics)
  const loading = useStore(clusters, (s) => s.loading)
  const error = useStore(clusters, (s) => s.error)
  const [connecting, setConnecting] = useState(false)
  const [browsing, setBrowsing] = useState(false)
  const active = list.find((cluster) => cluster.id === activeId)
  const status = loading
    ? 'reading topics…'
    : error !== null
      ? error
      : topics === null
        ? ''
        : `${topics.size} topic${topics.size === 1 ? '' : 's'}`
  return (
    <div className="cluster-picker">
      <label>
        <span className="cluster-picker__label">Cluster</span>
        <select
          aria-label="Cluster"
          value={activeId ?? ''}
          onChange={(event) => void clusters.getState().choose(event.target.value || null)}
        >
          <option value="">None (design only)</option>
          {list.map((cluster) => (
            <option key={cluster.id} value={cluster.id}>
              {cluster.name} ({cluster.bootstrapServers.join(', ')})
            </option>
          ))}
        </select>
      </label>
      {activeId !== null && (
        <button
          type="button"
          title="Read the cluster's topics again"
          aria-label="Refresh topics"
          onClick={() => void clusters.getState().choose(activeId)}
        >
          ↻
        </button>
      )}
      {active !== undefined && (
        <button
          type="button"
          title="Health, topics, recent records; produce by hand"
          onClick={() => setBrowsing(true)}
        >
          Browse…
        </button>
      )}
      <button type="button" onClick={() => setConnecting(true)}>
        Connect…
      </button>
      <span
        className={error === null ? 'cluster-picker__status' : 'cluster-picker__status is-error'}
        data-testid="cluster-status"
        role={error === null ? undefined : 'alert'}
      >
        {status}
      </span>
      {browsing && active !== undefined && (
        <ClusterDialog
          api={api}
          clusters={clusters}
          clusterId={active.id}
          clusterName={active.name}
          run={run}
          topicSerdes={topicSerdes}
          onClose={() => {
            setBrowsing(false)
            // Topics created or filled here count for the design's checks at once.
            void clusters.getState().choose(active.id)
          }}
        />
      )}
      {connecting && (
        <ConnectClusterDialog clusters={clusters} onClose={() => setConnecting(false)} />
      )}
    </div>
  )
}
