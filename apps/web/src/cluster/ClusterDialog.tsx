import { useCallback, useState } from 'react'
import type { ClustersApi } from '../api/clusters'
import { Dialog } from '../shell/Dialog'
import { polledValue, usePolled } from '../shell/use-polled'
import type { RunStore } from '../stores/run-store'
import type { ClusterStore } from '../stores/cluster-store'
import { CountField } from '../run/CountField'
import { ClusterHealthView } from './ClusterHealthView'
import { TopicDetail } from './TopicDetail'
import type { TopicSerdes } from './topic-serdes'
import { filterTopics, topicRecords } from './topic-summary'

/** How often the dialog reads the cluster's health and topics again. */
const REFRESH_MS = 5_000

export interface ClusterDialogProps {
  api: Pick<ClustersApi, 'health' | 'topics' | 'peek' | 'produce'>
  clusters: ClusterStore
  clusterId: string
  clusterName: string
  run: RunStore
  /** The serdes the open design reads or writes a topic with. */
  topicSerdes: (topic: string) => TopicSerdes
  onClose: () => void
}

/** The chosen cluster: its health, its topics, and for one topic its records. */
export function ClusterDialog(props: ClusterDialogProps) {
  const { api, clusters, clusterId, clusterName, run, topicSerdes, onClose } = props
  const [filter, setFilter] = useState('')
  const [showInternal, setShowInternal] = useState(false)
  const [selected, setSelected] = useState<string | null>(null)
  const readHealth = useCallback(() => api.health(clusterId), [api, clusterId])
  const readTopics = useCallback(() => api.topics(clusterId), [api, clusterId])
  const [health] = usePolled(readHealth, REFRESH_MS)
  const [topicsPolled, reloadTopics] = usePolled(readTopics, REFRESH_MS)
  const topics = polledValue(topicsPolled)
  const shown = topics === null ? [] : filterTopics(topics, filter, showInternal)
  const chosen = topics?.find((t) => t.name === selected) ?? null

  return (
    <Dialog
      title={`Cluster ${clusterName}`}
      className="cluster-dialog"
      onClose={onClose}
      closeLabel="Close"
    >
      {health.state === 'failed' && (
        <p className="create-topics__problem" role="alert">
          Could not read the cluster's health: {health.problem}
        </p>
      )}
      {polledValue(health) !== null && <ClusterHealthView health={polledValue(health)!} />}
      <div className="cluster-dialog__body">
        <section className="topic-list" aria-label="Topics">
          <input
            type="search"
            aria-label="Filter topics"
            placeholder="Filter topics"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
          <label className="toolbar__option">
            <input
              type="checkbox"
              checked={showInternal}
              onChange={(event) => setShowInternal(event.target.checked)}
            />
            internal topics
          </label>
          {topicsPolled.state === 'failed' && (
            <p className="create-topics__problem" role="alert">
              Could not read topics: {topicsPolled.problem}
            </p>
          )}
          <ul>
            {shown.map((topic) => (
              <li key={topic.name}>
                <button
                  type="button"
                  aria-pressed={topic.name === selected}
                  onClick={() => setSelected(topic.name)}
                >
                  <span className="topic-list__name">{topic.name}</span>
                  <span className="topic-list__size">
                    {topic.partitions.length} p · {topicRecords(topic)?.toString() ?? '?'} rec
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {topics !== null && shown.length === 0 && (
            <p className="problems__empty">No topic matches.</p>
          )}
          <NewTopic
            clusters={clusters}
            onCreated={(name) => {
              reloadTopics()
              setSelected(name)
            }}
          />
        </section>
        {chosen === null ? (
          <p className="problems__empty">Choose a topic to see its partitions and records.</p>
        ) : (
          <TopicDetail
            key={chosen.name}
            api={api}
            clusterId={clusterId}
            topic={chosen}
            serdes={topicSerdes(chosen.name)}
            run={run}
            onChanged={reloadTopics}
          />
        )}
      </div>
    </Dialog>
  )
}

function NewTopic({
  clusters,
  onCreated,
}: {
  clusters: ClusterStore
  onCreated: (name: string) => void
}) {
  const [name, setName] = useState('')
  const [partitions, setPartitions] = useState(1)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const create = async () => {
    setBusy(true)
    setProblem(null)
    try {
      await clusters.getState().createTopic(name.trim(), partitions)
      onCreated(name.trim())
      setName('')
    } catch (error) {
      setProblem((error as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form
      className="new-topic"
      aria-label="New topic"
      onSubmit={(event) => {
        event.preventDefault()
        void create()
      }}
    >
      <input
        aria-label="New topic name"
        placeholder="new-topic"
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <CountField label="Partitions" value={partitions} max={10_000} onChange={setPartitions} />
      <button type="submit" disabled={busy || name.trim() === ''}>
        Create topic
      </button>
      {problem !== null && (
        <p className="create-topics__problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  )
}
