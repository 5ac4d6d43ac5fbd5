// The engine's Node-only entry point: running topologies on a real Kafka cluster (kafkajs).
export { kafkajsClusterAdmin } from './cluster-admin'
export type { ClusterAdmin, NewTopic } from './cluster-admin'
export { ensureInternalTopics } from './ensure-internal-topics'
export { murmur2, partitionForKey } from '../runtime/default-partitioner'
export { allTasks, assignTasks, parseTaskName, taskName } from '../runtime/task-assignment'
export type { GroupMember, TaskId } from '../runtime/task-assignment'
export type { EnsuredInternalTopics, EnsureInternalTopicsOptions } from './ensure-internal-topics'
export { InternalTopicPlanError, planInternalTopics } from '../runtime/internal-topic-plan'
export type {
  InternalTopicPlan,
  InternalTopicPlanOptions,
  PlannedTopic,
} from '../runtime/internal-topic-plan'
export { KafkaStreams, IllegalStateException } from './kafka-streams'
export type { KafkaStreamsOptions, StateListener, StreamsMetadata } from './kafka-streams'
export type { QueryableStore } from '../runtime/queryable-store'
export { StreamsConfigError } from './streams-config'
export type {
  KafkaStreamsState,
  PartitionSnapshot,
  StreamsEvent,
  StreamsMetrics,
  TaskSnapshot,
  ThreadSnapshot,
  ThreadState,
} from '../telemetry/streams-telemetry'
export type { MetricsSample, NodeRate } from '../telemetry/node-rates'
export type { NodeRecord } from '../telemetry/node-telemetry'
