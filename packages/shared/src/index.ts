export { assertNever } from './assert-never'
export {
  DIAGNOSTIC_SEVERITIES,
  DiagnosticFixSchema,
  DiagnosticSchema,
  DiagnosticSeveritySchema,
} from './diagnostic'
export type { Diagnostic, DiagnosticFix, DiagnosticSeverity } from './diagnostic'
export {
  FUNCTION_LANGS,
  FunctionParamSchema,
  isUnwrittenFunction,
  unwrittenFunction,
  unwrittenProcessor,
} from './function-param'
export type { FunctionLang, FunctionParam } from './function-param'
export { DEFAULT_BRANCH_PORT, GraphEdgeSchema, JOIN_PORTS } from './graph-edge'
export type { GraphEdge, JoinPort } from './graph-edge'
export { GraphNodeSchema, NODE_KINDS, PositionSchema, isNodeKind } from './node-kinds'
export type { GraphNode, GraphNodeOfKind, NodeKind, NodeParams, Position } from './node-kinds'
export {
  AggregateParamsSchema,
  CogroupInputSchema,
  CogroupParamsSchema,
  CountParamsSchema,
  GroupByParamsSchema,
  ReduceParamsSchema,
  SuppressParamsSchema,
  ToTableParamsSchema,
  WindowSchema,
  WindowedByParamsSchema,
} from './node-params/aggregation-params'
export type {
  AggregateParams,
  CogroupInput,
  CogroupParams,
  CountParams,
  GroupByParams,
  ReduceParams,
  SuppressParams,
  ToTableParams,
  Window,
  WindowType,
  WindowedByParams,
} from './node-params/aggregation-params'
export {
  GlobalTableParamsSchema,
  SinkParamsSchema,
  StreamParamsSchema,
  TableParamsSchema,
} from './node-params/io-params'
export type {
  GlobalTableParams,
  SinkParams,
  StreamParams,
  TableParams,
} from './node-params/io-params'
export { JOIN_TYPES, JoinParamsSchema, JoinWindowSchema } from './node-params/join-params'
export type { JoinParams, JoinType, JoinWindow } from './node-params/join-params'
export { ProcessParamsSchema, ProcessorStoreSchema } from './node-params/process-params'
export type { ProcessParams, ProcessorStore } from './node-params/process-params'
export {
  ActionParamsSchema,
  FilterParamsSchema,
  MapParamsSchema,
  MapperParamsSchema,
  NamedParamsSchema,
  RepartitionParamsSchema,
  SelectKeyParamsSchema,
  SplitBranchSchema,
  SplitParamsSchema,
} from './node-params/stateless-params'
export type {
  ActionParams,
  FilterParams,
  MapParams,
  MapperParams,
  NamedParams,
  RepartitionParams,
  SelectKeyParams,
  SplitBranch,
  SplitParams,
} from './node-params/stateless-params'
export {
  InternalTopicSchema,
  LogicalNodePlacementSchema,
  PhysicalNodeSchema,
  PhysicalPlanSchema,
  PhysicalStoreSchema,
  SubtopologySchema,
} from './physical-plan'
export type {
  InternalTopic,
  LogicalNodePlacement,
  PhysicalNode,
  PhysicalPlan,
  PhysicalStore,
  Subtopology,
} from './physical-plan'
export { SerdeSchema } from './serde'
export type { Serde } from './serde'
export {
  StreamsConfigValueSchema,
  TOPOLOGY_GRAPH_LOAD_ERROR_CODES,
  TOPOLOGY_GRAPH_VERSION,
  TopologyGraphSchema,
  migrateTopologyGraph,
} from './topology-graph'
export type {
  MigrateTopologyGraphResult,
  StreamsConfigValue,
  TopologyGraph,
  TopologyGraphLoadError,
  TopologyGraphLoadErrorCode,
} from './topology-graph'
export {
  API_ERROR_CODES,
  ApiErrorBodySchema,
  ApiErrorCodeSchema,
  CSRF_HEADER,
} from './api/api-error'
export type { ApiErrorBody, ApiErrorCode } from './api/api-error'
export {
  CreateDesignRequestSchema,
  DesignIdSchema,
  DesignListSchema,
  DesignRecordSchema,
  DesignSummarySchema,
  DuplicateDesignRequestSchema,
  RevisionSchema,
  UpdateDesignRequestSchema,
} from './api/designs-api'
export type {
  CreateDesignRequest,
  DesignId,
  DesignList,
  DesignRecord,
  DesignSummary,
  DuplicateDesignRequest,
  UpdateDesignRequest,
} from './api/designs-api'
export { wordCountDesign } from './examples/word-count'
export type { WordCountTopics } from './examples/word-count'
export { latestPriceDesign } from './examples/latest-price'
export type { LatestPriceTopics } from './examples/latest-price'
export { clickEnrichmentDesign } from './examples/click-enrichment'
export type { ClickEnrichmentTopics } from './examples/click-enrichment'
export { EXAMPLE_DESIGNS } from './examples'
export type { ExampleDesign } from './examples'
export {
  BrokerSchema,
  ClusterHealthSchema,
  ClusterListSchema,
  ClusterSchema,
  ConnectClusterRequestSchema,
  CreateTopicRequestSchema,
  GeneratorListSchema,
  GeneratorStatusSchema,
  PeekQuerySchema,
  PeekedRecordSchema,
  PeekResponseSchema,
  ProduceRecordSchema,
  ProduceRequestSchema,
  ProducedOffsetSchema,
  ProduceResponseSchema,
  SAMPLE_DATA_KINDS,
  SampleDataKindSchema,
  StartGeneratorRequestSchema,
  TopicInfoSchema,
  TopicListSchema,
  TopicPartitionInfoSchema,
} from './api/clusters-api'
export type {
  Cluster,
  ClusterHealth,
  ConnectClusterRequest,
  CreateTopicRequest,
  GeneratorStatus,
  PeekQuery,
  PeekedRecord,
  ProduceRequest,
  ProducedOffset,
  SampleDataKind,
  StartGeneratorRequest,
  TopicInfo,
} from './api/clusters-api'
export { seededRandom } from './seeded-random'
export { sampleDataSource } from './sample-data'
export type { SampleRecord } from './sample-data'
export {
  FollowRequestSchema,
  NodeRecordSchema,
  NodeRunMetricsSchema,
  RUN_STATES,
  RunErrorSchema,
  RunMetricsSchema,
  RunRefusalSchema,
  RunFollowSchema,
  RunListSchema,
  RunResetSchema,
  RunStateSchema,
  RunStatusSchema,
  RunTapSchema,
  SkippedRecordSchema,
  StartRunRequestSchema,
  StateEntrySchema,
  StatePageRequestSchema,
  StatePageSchema,
  TapRequestSchema,
  TaskRunMetricsSchema,
} from './api/runs-api'
export type {
  FollowRequest,
  NodeRecord,
  NodeRunMetrics,
  RunError,
  RunFollow,
  RunMetrics,
  RunState,
  RunReset,
  RunStatus,
  RunTap,
  SkippedRecord,
  StartRunRequest,
  StatePage,
  StatePageRequest,
  TapRequest,
  TaskRunMetrics,
} from './api/runs-api'
export { RUN_ROOM_PREFIX } from './api/socket-events'
export type {
  Ack,
  ClientToServerEvents,
  ServerToClientEvents,
  SnapshotAck,
} from './api/socket-events'
export { schemaIssues } from './schema-issues'
export type { SchemaIssue } from './schema-issues'
export { slug } from './slug'
