import type { PeekedRecord, Serde, TopicInfo } from '@topology-studio/shared'
import { useCallback, useState } from 'react'
import type { ClustersApi } from '../api/clusters'
import { formatValue } from '../run/format-value'
import { usePolled, polledValue } from '../shell/use-polled'
import { latestRecords } from './latest-records'

/** How often an open peek reads the topic's end again. */
const PEEK_REFRESH_MS = 3_000
const LIMITS = [10, 20, 50, 100] as const

export interface TopicPeekProps {
  api: Pick<ClustersApi, 'peek'>
  clusterId: string
  topic: TopicInfo
  keySerde: Serde
  valueSerde: Serde
}

/** The newest records of a topic over all its partitions, read again every few seconds. */
export function TopicPeek({ api, clusterId, topic, keySerde, valueSerde }: TopicPeekProps) {
  const [limit, setLimit] = useState<number>(20)
  const name = topic.name
  // A topic's partitions are numbered 0 to n - 1; their count alone keeps the reader stable.
  const count = topic.partitions.length
  const read = useCallback(
    async () =>
      latestRecords(
        await Promise.all(
          Array.from({ length: count }, (_, partition) =>
            api.peek(clusterId, name, partition, { limit, keySerde, valueSerde }),
          ),
        ),
        limit,
      ),
    [api, clusterId, name, count, limit, keySerde, valueSerde],
  )
  const [polled] = usePolled(read, PEEK_REFRESH_MS)
  const records = polledValue(polled)
  return (
    <section className="topic-peek" aria-label={`Recent records of ${name}`}>
      <h4>
        Recent records{' '}
        <select
          aria-label="How many records"
          value={limit}
          onChange={(event) => setLimit(Number(event.target.value))}
        >
          {LIMITS.map((n) => (
            <option key={n} value={n}>
              last {n}
            </option>
          ))}
        </select>
      </h4>
      {polled.state === 'failed' && (
        <p className="create-topics__problem" role="alert">
          Could not read {name}: {polled.problem}
        </p>
      )}
      {records === null ? (
        <p className="problems__empty">Reading…</p>
      ) : records.length === 0 ? (
        <p className="problems__empty">{name} holds no records.</p>
      ) : (
        <RecordTable records={records} />
      )}
    </section>
  )
}

function RecordTable({ records }: { records: readonly PeekedRecord[] }) {
  return (
    <table className="live-table" data-testid="peeked-records">
      <thead>
        <tr>
          <th>Partition</th>
          <th>Offset</th>
          <th>Timestamp</th>
          <th>Key</th>
          <th>Value</th>
        </tr>
      </thead>
      <tbody>
        {records.map((record) => (
          <tr
            key={`${record.partition}@${record.offset}`}
            className={record.decodeError === undefined ? undefined : 'is-flagged'}
            title={
              record.decodeError === undefined
                ? undefined
                : `Shown as base64: ${record.decodeError}`
            }
          >
            <td>{record.partition}</td>
            <td>{record.offset}</td>
            <td>{new Date(record.timestamp).toISOString()}</td>
            <td>{formatValue(record.key)}</td>
            <td>{formatValue(record.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
