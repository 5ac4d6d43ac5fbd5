// What the cluster dialog says about a topic and the cluster, in words and numbers.
import type { ClusterHealth, TopicInfo } from '@topology-studio/shared'

/** Records a partition holds now: end minus start offset, or null while offsets are unknown. */
export function partitionRecords(partition: TopicInfo['partitions'][number]): bigint | null {
  if (partition.startOffset === null || partition.endOffset === null) return null
  return BigInt(partition.endOffset) - BigInt(partition.startOffset)
}

/** Records the topic holds now over its partitions, or null while any offset is unknown. */
export function topicRecords(topic: TopicInfo): bigint | null {
  let total = 0n
  for (const partition of topic.partitions) {
    const records = partitionRecords(partition)
    if (records === null) return null
    total += records
  }
  return total
}

export type PartitionHealth = 'ok' | 'under-replicated' | 'offline'

export function partitionHealth(partition: TopicInfo['partitions'][number]): PartitionHealth {
  if (partition.leader < 0) return 'offline'
  return partition.isr.length < partition.replicas.length ? 'under-replicated' : 'ok'
}

/** One line on the cluster's health, naming what is wrong. */
export function healthVerdict(health: ClusterHealth): { ok: boolean; text: string } {
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`
  const problems = [
    health.offlinePartitions > 0 &&
      `${plural(health.offlinePartitions, 'partition')} offline (no leader: neither readable nor writable)`,
    health.underReplicatedPartitions > 0 &&
      `${plural(health.underReplicatedPartitions, 'partition')} under-replicated (fewer in-sync replicas than replicas)`,
    health.controller === null && 'no active controller',
  ].filter((p): p is string => typeof p === 'string')
  return problems.length === 0
    ? {
        ok: true,
        text: `Healthy: ${plural(health.brokers.length, 'broker')}, every partition led and fully in sync`,
      }
    : { ok: false, text: problems.join('; ') }
}

/** Topics whose name contains `filter` (any case), internal ones only when asked, by name. */
export function filterTopics(
  topics: readonly TopicInfo[],
  filter: string,
  showInternal: boolean,
): TopicInfo[] {
  const wanted = filter.trim().toLowerCase()
  return topics
    .filter((t) => (showInternal || !t.internal) && t.name.toLowerCase().includes(wanted))
    .sort((a, b) => a.name.localeCompare(b.name))
}
