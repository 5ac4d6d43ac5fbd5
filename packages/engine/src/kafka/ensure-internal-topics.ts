// Creates the internal topics an application needs before it processes anything, and checks
// the ones that already exist, as Kafka Streams' InternalTopicManager does.
import { InternalTopicPlanError, type InternalTopicPlan } from '../runtime/internal-topic-plan'
import type { ClusterAdmin } from './cluster-admin'

export interface EnsureInternalTopicsOptions {
  /** `replication.factor`; -1 (the default) takes the broker's default. */
  readonly replicationFactor?: number
}

export interface EnsuredInternalTopics {
  readonly created: readonly string[]
  readonly existing: readonly string[]
}

export async function ensureInternalTopics(
  admin: ClusterAdmin,
  plan: InternalTopicPlan,
  options: EnsureInternalTopicsOptions = {},
): Promise<EnsuredInternalTopics> {
  const partitions = await admin.topicPartitions()
  const existing = plan.topics.filter((t) => partitions.has(t.name))
  const configs = await admin.topicConfigs(existing.map((t) => t.name))
  const problems: string[] = []
  for (const topic of existing) {
    const actual = partitions.get(topic.name) as number
    if (actual !== topic.partitions) {
      problems.push(
        `${topic.type} topic ${topic.name} has ${actual} partitions, but the application needs ${topic.partitions}`,
      )
    }
    const config = configs.get(topic.name) ?? {}
    const wanted = topic.config['cleanup.policy']
    const policy = config['cleanup.policy']
    if (topic.type === 'changelog' && wanted !== undefined && policy !== undefined) {
      const has = new Set(policy.split(','))
      if (wanted.split(',').some((p) => !has.has(p))) {
        problems.push(
          `changelog topic ${topic.name} has cleanup.policy=${policy}, but the application needs ${wanted}`,
        )
      }
    }
    const retention = Number(config['retention.ms'])
    const needed = Number(topic.config['retention.ms'])
    if (topic.type === 'changelog' && needed > 0 && retention >= 0 && retention < needed) {
      problems.push(
        `changelog topic ${topic.name} keeps records ${retention} ms, less than the ${needed} ms its window store needs`,
      )
    }
  }
  if (problems.length > 0) {
    throw new InternalTopicPlanError(
      `Existing internal topics do not fit the application: ${problems.join('; ')}. ` +
        'Reset the application (delete its internal topics and committed offsets) or use another application.id.',
    )
  }
  const missing = plan.topics.filter((t) => !partitions.has(t.name))
  await admin.createTopics(
    missing.map((t) => ({
      name: t.name,
      partitions: t.partitions,
      replicationFactor: options.replicationFactor ?? -1,
      config: t.config,
    })),
  )
  return { created: missing.map((t) => t.name), existing: existing.map((t) => t.name) }
}
