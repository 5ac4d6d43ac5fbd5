import { SerdeSchema, type Serde, type TopicInfo } from '@topology-studio/shared'
import { useState } from 'react'
import type { ClustersApi } from '../api/clusters'
import { SampleData } from '../run/SampleData'
import type { RunStore } from '../stores/run-store'
import { ProduceForm } from './ProduceForm'
import { TopicPeek } from './TopicPeek'
import type { TopicSerdes } from './topic-serdes'
import { partitionHealth, partitionRecords } from './topic-summary'

export interface TopicDetailProps {
  api: Pick<ClustersApi, 'peek' | 'produce'>
  clusterId: string
  topic: TopicInfo
  /** The serdes the open design reads or writes the topic with. */
  serdes: TopicSerdes
  run: RunStore
  /** Reads the topics again (after a record was produced). */
  onChanged: () => void
}

/** One topic: its partitions and offsets, its newest records, and records produced by hand. */
export function TopicDetail({ api, clusterId, topic, serdes, run, onChanged }: TopicDetailProps) {
  const [keySerde, setKeySerde] = useState<Serde>(serdes.keySerde)
  const [valueSerde, setValueSerde] = useState<Serde>(serdes.valueSerde)
  const serdeChoice = (label: string, value: Serde, onChange: (serde: Serde) => void) => (
    <label>
      {label}{' '}
      <select
        aria-label={`${label} serde`}
        value={value}
        onChange={(event) => onChange(event.target.value as Serde)}
      >
        {SerdeSchema.options.map((serde) => (
          <option key={serde}>{serde}</option>
        ))}
      </select>
    </label>
  )
  return (
    <div className="topic-detail" data-testid="topic-detail">
      <h3>
        {topic.name}
        {topic.internal && <span className="topic-detail__tag">internal</span>}
      </h3>
      <PartitionTable topic={topic} />
      {Object.keys(topic.configs).length > 0 && (
        <p className="dialog__help">
          {Object.entries(topic.configs)
            .map(([key, value]) => `${key}=${value}`)
            .join(' · ')}
        </p>
      )}
      <div className="topic-detail__serdes">
        {serdeChoice('Key', keySerde, setKeySerde)}{' '}
        {serdeChoice('Value', valueSerde, setValueSerde)}
        <span className="dialog__help">
          {serdes.from === null
            ? ' The design does not name this topic: its default serdes are chosen.'
            : ` As ${serdes.from} in the design.`}
        </span>
      </div>
      <TopicPeek
        api={api}
        clusterId={clusterId}
        topic={topic}
        keySerde={keySerde}
        valueSerde={valueSerde}
      />
      {!topic.internal && (
        <>
          <ProduceForm
            api={api}
            clusterId={clusterId}
            topic={topic.name}
            partitions={topic.partitions.length}
            keySerde={keySerde}
            valueSerde={valueSerde}
            onProduced={onChanged}
          />
          <SampleData run={run} clusterId={clusterId} topic={topic.name} />
        </>
      )}
    </div>
  )
}

function PartitionTable({ topic }: { topic: TopicInfo }) {
  return (
    <table className="live-table" aria-label={`Partitions of ${topic.name}`}>
      <thead>
        <tr>
          <th>Partition</th>
          <th>Leader</th>
          <th>Replicas</th>
          <th>In sync</th>
          <th>Start</th>
          <th>End</th>
          <th>Records</th>
        </tr>
      </thead>
      <tbody>
        {topic.partitions.map((p) => {
          const health = partitionHealth(p)
          return (
            <tr
              key={p.partition}
              className={health === 'ok' ? undefined : 'is-flagged'}
              title={health === 'ok' ? undefined : health}
            >
              <td>{p.partition}</td>
              <td>{p.leader < 0 ? 'none' : p.leader}</td>
              <td>{p.replicas.join(', ')}</td>
              <td>{p.isr.join(', ')}</td>
              <td>{p.startOffset ?? '?'}</td>
              <td>{p.endOffset ?? '?'}</td>
              <td>{partitionRecords(p)?.toString() ?? '?'}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
