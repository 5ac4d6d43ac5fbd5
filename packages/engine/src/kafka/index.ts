// The engine's Node-only entry point: running topologies on a real Kafka cluster (kafkajs).
export { kafkajsClusterAdmin } from './cluster-admin'
export type { ClusterAdmin, NewTopic } from './cluster-admin'
export { ensureInternalTopics } from './ensure-internal-topics'
export { murmur2, partitionForKey } from '../runtime/default-partitioner'
export { allTasks, assignTasks, taskName } from '../runtime/task-assignment'
export type { GroupMember, TaskId } from '../runtime/task-assignment'
export type { EnsuredInternalTopics, EnsureInternalTopicsOptions } from './ensure-internal-topics'
export { InternalTopicPlanError, planInternalTopics } from '../runtime/internal-topic-plan'
export type {
  InternalTopicPlan,
  InternalTopicPlanOptions,
  PlannedTopic,
} from '../runtime/internal-topic-plan'
