// Which internal topics an application needs on a cluster, with Kafka Streams' rules
// (RepartitionTopics, CopartitionedTopicsEnforcer, ChangelogTopics): repartition topics take
// the partition count of the sub-topologies writing them (or their numberOfPartitions),
// co-partitioned inputs must agree, and a changelog has one partition per task.
import type { Topology } from '../topology/topology'

export interface PlannedTopic {
  readonly name: string
  readonly type: 'repartition' | 'changelog'
  readonly partitions: number
  /** Topic configs Kafka Streams sets (cleanup policy, retention, …). */
  readonly config: Readonly<Record<string, string>>
}

export interface InternalTopicPlan {
  readonly topics: readonly PlannedTopic[]
  /** Tasks per sub-topology: the largest partition count among its source topics. */
  readonly tasksPerSubtopology: ReadonlyMap<number, number>
  /** What each (non-global) sub-topology reads and where its stores log, by runtime name. */
  readonly subtopologies: readonly PlannedSubtopology[]
  /** Partition counts of every source, repartition and changelog topic of the application. */
  readonly partitions: ReadonlyMap<string, number>
}

export interface PlannedSubtopology {
  readonly id: number
  readonly sourceTopics: readonly string[]
  /**
   * Each logged store and the topic it restores from: its changelog, or the source topic a
   * table reuses as its changelog (topology.optimization).
   */
  readonly changelogs: readonly { readonly store: string; readonly topic: string }[]
}

export interface InternalTopicPlanOptions {
  readonly applicationId: string
  /** Partition counts of the topics that exist on the cluster. */
  readonly existingTopics: ReadonlyMap<string, number>
  /** `windowstore.changelog.additional.retention.ms` (default one day). */
  readonly windowChangelogAdditionalRetentionMs?: number
  /**
   * Configs for every internal topic: the `topic.`-prefixed keys of the streams config, without
   * the prefix (e.g. `topic.segment.bytes`). They override the defaults; a store's own log
   * config overrides them.
   */
  readonly topicConfig?: Readonly<Record<string, string>>
}

/** Why an application cannot run on the cluster as it is (missing or mismatched topics). */
export class InternalTopicPlanError extends Error {
  override readonly name = 'InternalTopicPlanError'
}

const DAY_MS = 24 * 60 * 60 * 1000
const REPARTITION_CONFIG = {
  'cleanup.policy': 'delete',
  'segment.bytes': '52428800',
  'retention.ms': '-1',
  'message.timestamp.type': 'CreateTime',
}
/**
 * The log cleaner never compacts a topic's active segment, and Kafka's defaults (1 GiB or 7
 * days) keep a busy store's every update in it for long: restores then replay them all. Segments
 * of 50 MiB (the size Kafka Streams gives repartition topics) that roll at least hourly let
 * compaction keep restores close to one record per key. `topic.*` and a store's log config
 * override them.
 */
const CHANGELOG_SEGMENT_CONFIG = {
  'segment.bytes': '52428800',
  'segment.ms': '3600000',
}

interface Subtopology {
  readonly id: number
  readonly sources: readonly string[]
  readonly sinks: readonly string[]
  readonly nodes: ReadonlySet<string>
}

export function planInternalTopics(
  topology: Topology,
  options: InternalTopicPlanOptions,
): InternalTopicPlan {
  const builder = topology.internalBuilder
  const internal = builder.internalTopics()
  const name = (topic: string) =>
    internal.has(topic) ? `${options.applicationId}-${topic}` : topic
  const factories = builder.nodes()
  const subtopologies: Subtopology[] = builder
    .nodeGroups()
    .filter((group) => !group.global)
    .map((group) => {
      const sources: string[] = []
      const sinks: string[] = []
      for (const node of group.nodes) {
        const factory = factories.get(node)
        if (factory?.type === 'source') {
          if (factory.topics !== null) sources.push(...factory.topics.map(name))
          if (factory.pattern !== null) {
            const pattern = factory.pattern
            sources.push(...[...options.existingTopics.keys()].filter((t) => pattern.test(t)))
          }
        } else if (factory?.type === 'sink' && factory.topic !== null) {
          sinks.push(name(factory.topic))
        }
      }
      return { id: group.id, sources, sinks, nodes: new Set(group.nodes) }
    })

  const repartitionTopics = new Map<string, number | null>(
    [...internal].map(([topic, props]) => [name(topic), props.numberOfPartitions ?? null]),
  )
  const missing = [
    ...new Set(
      subtopologies
        .flatMap((s) => s.sources)
        .filter((t) => !repartitionTopics.has(t) && !options.existingTopics.has(t)),
    ),
  ]
  if (missing.length > 0) {
    throw new InternalTopicPlanError(
      `Source topic${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        `${missing.length > 1 ? 'do' : 'does'} not exist on the cluster; create ${missing.length > 1 ? 'them' : 'it'} before starting the application.`,
    )
  }
  const partitionsOf = (topic: string): number | null =>
    repartitionTopics.has(topic)
      ? (repartitionTopics.get(topic) ?? null)
      : (options.existingTopics.get(topic) ?? null)

  const explicit = new Set(
    [...internal]
      .filter(([, props]) => props.numberOfPartitions !== undefined)
      .map(([t]) => name(t)),
  )
  resolveRepartitionCounts(subtopologies, repartitionTopics, partitionsOf)
  enforceCopartitioning(topology, name, repartitionTopics, explicit, options.existingTopics)

  const tasksPerSubtopology = new Map<number, number>()
  for (const sub of subtopologies) {
    const counts = sub.sources.map((t) => partitionsOf(t) ?? 0)
    tasksPerSubtopology.set(sub.id, Math.max(0, ...counts))
  }

  const topics: PlannedTopic[] = [...repartitionTopics].map(([topic, partitions]) => ({
    name: topic,
    type: 'repartition',
    partitions: partitions as number,
    config: { ...REPARTITION_CONFIG, ...options.topicConfig },
  }))
  const sourceChangelogs = builder.sourceChangelogTopics()
  const changelogsBySubtopology = new Map<number, { store: string; topic: string }[]>()
  for (const [storeName, { builder: store, users }] of builder.stateStores()) {
    // A table reusing its source topic has logging off: the topic is its changelog.
    if (!store.loggingEnabled && !sourceChangelogs.has(storeName)) continue
    const owner = subtopologies.find((sub) => users.some((user) => sub.nodes.has(user)))
    if (owner === undefined) continue
    const sourceChangelog = sourceChangelogs.get(storeName)
    const changelog = sourceChangelog ?? `${options.applicationId}-${storeName}-changelog`
    changelogsBySubtopology.set(owner.id, [
      ...(changelogsBySubtopology.get(owner.id) ?? []),
      { store: storeName, topic: sourceChangelog === undefined ? changelog : name(changelog) },
    ])
    if (sourceChangelog !== undefined) continue
    const windowed = store.supplier.shape === 'window' || store.supplier.shape === 'session'
    const retention =
      (store.supplier.retentionMs ?? 0) + (options.windowChangelogAdditionalRetentionMs ?? DAY_MS)
    topics.push({
      name: changelog,
      type: 'changelog',
      partitions: tasksPerSubtopology.get(owner.id) ?? 0,
      config: {
        'cleanup.policy': windowed ? 'compact,delete' : 'compact',
        ...(windowed ? { 'retention.ms': String(retention) } : {}),
        'message.timestamp.type': 'CreateTime',
        ...CHANGELOG_SEGMENT_CONFIG,
        ...options.topicConfig,
        ...store.logConfig,
      },
    })
  }
  const partitions = new Map<string, number>()
  for (const sub of subtopologies) {
    for (const topic of sub.sources) partitions.set(topic, partitionsOf(topic) ?? 0)
  }
  for (const topic of topics) partitions.set(topic.name, topic.partitions)
  return {
    topics,
    tasksPerSubtopology,
    subtopologies: subtopologies.map((sub) => ({
      id: sub.id,
      sourceTopics: [...new Set(sub.sources)],
      changelogs: changelogsBySubtopology.get(sub.id) ?? [],
    })),
    partitions,
  }
}

/**
 * A repartition topic without numberOfPartitions gets the largest task count of the
 * sub-topologies writing to it, resolved until nothing changes (writers may read other
 * repartition topics).
 */
function resolveRepartitionCounts(
  subtopologies: readonly Subtopology[],
  repartitionTopics: Map<string, number | null>,
  partitionsOf: (topic: string) => number | null,
): void {
  let progress = true
  while (progress) {
    progress = false
    for (const [topic, count] of repartitionTopics) {
      if (count !== null) continue
      const writers = subtopologies.filter((sub) => sub.sinks.includes(topic))
      const counts = writers.flatMap((sub) => sub.sources.map(partitionsOf))
      if (counts.length === 0 || counts.some((c) => c === null)) continue
      repartitionTopics.set(topic, Math.max(...(counts as number[])))
      progress = true
    }
  }
  const unresolved = [...repartitionTopics].filter(([, count]) => count === null)
  if (unresolved.length > 0) {
    throw new InternalTopicPlanError(
      `Cannot work out the partition count of repartition topic ${unresolved.map(([t]) => t).join(', ')}: no sub-topology with known inputs writes to it.`,
    )
  }
}

/**
 * Inputs of a join must have as many partitions as each other. Repartition topics without an
 * explicit count follow the others; user topics or explicit counts that differ are an error.
 */
function enforceCopartitioning(
  topology: Topology,
  name: (topic: string) => string,
  repartitionTopics: Map<string, number | null>,
  explicit: ReadonlySet<string>,
  existingTopics: ReadonlyMap<string, number>,
): void {
  const builder = topology.internalBuilder
  for (const group of builder.copartitionGroups()) {
    const topics = builder.copartitionGroupTopics(group).map(name)
    const fixed = topics.filter((t) => !repartitionTopics.has(t) || explicit.has(t))
    const counts = new Map(
      fixed.map((t) => [t, existingTopics.get(t) ?? (repartitionTopics.get(t) as number)]),
    )
    const distinct = new Set(counts.values())
    if (distinct.size > 1) {
      throw new InternalTopicPlanError(
        `Topics not co-partitioned: ${[...counts].map(([t, n]) => `${t} (${n} partitions)`).join(', ')}. ` +
          'A join needs inputs with the same number of partitions; repartition one side (repartition() with numberOfPartitions) or recreate the topic.',
      )
    }
    const target =
      distinct.size === 1
        ? ([...distinct][0] as number)
        : Math.max(...topics.map((t) => repartitionTopics.get(t) ?? 0))
    for (const topic of topics) {
      if (repartitionTopics.has(topic) && !explicit.has(topic)) {
        repartitionTopics.set(topic, target)
      }
    }
  }
}
