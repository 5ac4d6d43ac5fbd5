import type { ClusterHealth } from '@topology-studio/shared'
import { healthVerdict } from './topic-summary'

/** Brokers, the controller, and the partitions that are under-replicated or offline. */
export function ClusterHealthView({ health }: { health: ClusterHealth }) {
  const verdict = healthVerdict(health)
  return (
    <section className="cluster-health" aria-label="Cluster health" data-testid="cluster-health">
      <p
        className={verdict.ok ? 'cluster-health__verdict' : 'cluster-health__verdict is-error'}
        role={verdict.ok ? undefined : 'alert'}
      >
        {verdict.text}
      </p>
      <dl className="cluster-health__numbers">
        <dt>Cluster id</dt>
        <dd>
          <code>{health.clusterId}</code>
        </dd>
        <dt>Brokers</dt>
        <dd>
          {health.brokers.map((broker) => (
            <span key={broker.nodeId} className="cluster-health__broker">
              {broker.nodeId} ({broker.host}:{broker.port})
              {broker.nodeId === health.controller && <strong> controller</strong>}
            </span>
          ))}
        </dd>
        <dt>Topics</dt>
        <dd>
          {health.topicCount} with {health.partitionCount} partitions
        </dd>
        <dt>Under-replicated</dt>
        <dd data-testid="under-replicated">{health.underReplicatedPartitions}</dd>
        <dt>Offline</dt>
        <dd data-testid="offline-partitions">{health.offlinePartitions}</dd>
      </dl>
    </section>
  )
}
