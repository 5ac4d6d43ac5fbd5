// The public door of @topology-studio/engine: every name is listed on purpose.
export { StreamsBuilder } from './dsl/streams-builder'
export { KStream } from './dsl/kstream'
export type { Predicate, KeyValueMapper, ValueJoiner, ForeachAction } from './dsl/kstream'
export { BranchedKStream } from './dsl/branched-kstream'
export { KTable } from './dsl/ktable'
export { GlobalKTable } from './dsl/global-ktable'
export { KGroupedStream } from './dsl/kgrouped-stream'
export type { Reducer, Initializer, Aggregator } from './dsl/kgrouped-stream'
export { KGroupedTable } from './dsl/kgrouped-table'
export { TimeWindowedKStream } from './dsl/time-windowed-kstream'
export { EmitStrategy } from './dsl/emit-strategy'
export { SessionWindowedKStream } from './dsl/session-windowed-kstream'
export type { Merger } from './dsl/session-windowed-kstream'
export {
  CogroupedKStream,
  TimeWindowedCogroupedKStream,
  SessionWindowedCogroupedKStream,
} from './dsl/cogrouped-kstream'
export { Named } from './dsl/named'
export { Grouped } from './dsl/grouped'
export { Materialized } from './dsl/materialized'
export { Produced } from './dsl/produced'
export { Consumed } from './dsl/consumed'
export { Repartitioned } from './dsl/repartitioned'
export { Joined } from './dsl/joined'
export { StreamJoined } from './dsl/stream-joined'
export { Suppressed, BufferConfig } from './dsl/suppressed'
export { Branched } from './dsl/branched'
export { TableJoined } from './dsl/table-joined'
export { TimeWindows, SlidingWindows, SessionWindows, JoinWindows } from './dsl/windows'
export { Duration } from './dsl/duration'
export { KeyValue } from './dsl/key-value'
export { Window, Windowed } from './dsl/windowed'
export { WindowedSerdes } from './dsl/windowed-serdes'
export { Serdes, serdeByName } from './serde/serdes'
export type { Serde } from './serde/serde'
export { SerializationException } from './serde/serde'
export { Stores } from './state/stores'
export { StoreBuilder } from './state/store-builder'
export type { StoreSupplier, StoreType } from './state/store-builder'
export { Record } from './processor/record'
export type { Header } from './processor/record'
export type {
  Processor,
  ProcessorContext,
  ProcessorSupplier,
  FixedKeyProcessorSupplier,
  PunctuationType,
  Cancellable,
  RecordMetadata,
  TopicNameExtractor,
} from './processor/processor'
export { Topology } from './topology/topology'
export type { StreamsConfig } from './topology/topology'
export { TopologyDescription } from './topology/topology-description'
export type {
  DescribedNode,
  DescribedSubtopology,
  DescribedGlobalStore,
} from './topology/topology-description'
export { TopologyException } from './topology/topology-exception'
export type {
  OperatorDefinition,
  ProcessorLogic,
  StreamPartitioner,
  TimestampExtractor,
  OffsetResetPolicy,
} from './topology/node-factory'
export { InternalTopologyBuilder } from './topology/internal-topology-builder'
export { validateGraph } from './graph/validate-graph'
export { applyDiagnosticFix } from './graph/apply-diagnostic-fix'
export { diffDesigns, upgradeReport } from './graph/compare-designs'
export type { ChangeKind, DesignDiff, UpgradeFinding, UpgradeReport } from './graph/compare-designs'
export { inferNodeShapes, SHAPES, shapeName } from './graph/infer-shapes'
export { acceptedInputShapes, SOURCE_KINDS } from './graph/internal/shape-rules'
export { functionParamsOf } from './graph/internal/function-params-of'
export type { LocatedFunctionParam } from './graph/internal/function-params-of'
export type { Shape } from './graph/infer-shapes'
export { DIAGNOSTIC_SEVERITY_BY_CODE } from './graph/diagnostic-codes'
export type { DiagnosticCode } from './graph/diagnostic-codes'
export { compileGraph } from './graph/compile-graph'
export type { CompileOptions, CompileResult, NodeSerdes } from './graph/compile-graph'
export { serdeConflict } from './graph/compile-graph'
export { planGraph, planTopology } from './graph/plan-graph'
export { nodeLabel } from './graph/internal/node-label'
export type { ClusterTopics, PlanOptions, PlanResult } from './graph/plan-graph'
export { nativeCodeExecutor, UserCodeError } from './graph/code-executor'
export type { CodeExecutor, FunctionOrigin } from './graph/code-executor'
export { functionVariables } from './graph/function-variables'
export { parseExpression } from './expression/parse-expression'
export type { ExpressionParseResult } from './expression/parse-expression'
export { evaluateExpression } from './expression/evaluate-expression'
export { ExpressionError } from './expression/expression-error'
export { compileExpression, checkExpression } from './expression/compile-expression'
export type { CompiledExpression, ExpressionProblem } from './expression/compile-expression'
export { expressionToTypeScript } from './expression/expression-to-typescript'
export { expressionRuntime } from './expression/expression-runtime'
export type { ExpressionRuntime } from './expression/expression-runtime'
export { expressionBuiltins } from './expression/expression-builtins'
export type { BuiltinName, BuiltinSignature } from './expression/expression-builtins'
export type { Expression } from './expression/expression-ast'
export { fromDescription } from './graph/from-description'
export { designFromPlan } from './graph/design-from-plan'
export type { DesignFromPlanOptions, DesignFromPlanResult } from './graph/design-from-plan'
export type { FromDescriptionResult } from './graph/from-description'
export { topologyFromPlan } from './graph/topology-from-plan'
export { TopologyTestDriver } from './test-driver/topology-test-driver'
export type { TestDriverOptions } from './test-driver/topology-test-driver'
export { TopologySimulator } from './simulator/topology-simulator'
export type {
  InputRecord,
  SimulatedRecord,
  SimulationStep,
  SimulatorOptions,
} from './simulator/topology-simulator'
export type { StoreWrite } from './simulator/store-writes'
export { TestInputTopic } from './test-driver/test-input-topic'
export { TestOutputTopic } from './test-driver/test-output-topic'
export { TestRecord } from './test-driver/test-record'
export { ValueAndTimestamp } from './state/value-and-timestamp'
export type {
  StateStore,
  KeyValueIterator,
  WindowStoreIterator,
  ReadOnlyKeyValueStore,
  KeyValueStore,
  TimestampedKeyValueStore,
  ReadOnlyWindowStore,
  WindowStore,
  TimestampedWindowStore,
  ReadOnlySessionStore,
  SessionStore,
} from './state/state-store'
export { StreamsException, failedProcessingOf } from './runtime/streams-exception'
export { configuredSerde } from './runtime/runtime-config'
export type {
  RuntimeProps,
  ExceptionHandler,
  ExceptionHandlerResponse,
  ErrorHandlerContext,
} from './runtime/runtime-config'
export type {
  NodeMetricsSnapshot,
  RuntimeWarning,
  DropReason,
  NodeRecord,
} from './telemetry/node-telemetry'
export { emptyNodeMetrics, oldestFirst } from './telemetry/node-telemetry'
export { LATENCY_BUCKET_BOUNDS_MS, latencyQuantile } from './telemetry/latency-histogram'
export { nodeRates } from './telemetry/node-rates'
export type { MetricsSample, NodeRate } from './telemetry/node-rates'
export type { StreamsMetrics, TaskSnapshot, ThreadSnapshot } from './telemetry/streams-telemetry'
export type { QueryableStore } from './runtime/queryable-store'
export { fromBase64, jsonSafe, keyText, nodeRecordJson } from './run-view/json-safe'
export { failedDesignNode } from './run-view/failed-node'
export {
  FOLLOW_CAPACITY,
  keyPaths,
  skippedRecord,
  SKIPPED_PER_UPDATE,
  TAP_CAPACITY,
  tapRecords,
} from './run-view/record-feeds'
export type { RecordFeeds } from './run-view/record-feeds'
export { logicalNodeMetrics, logicalNodeShapes, taskMetrics } from './run-view/logical-metrics'
export type { LogicalNodeShape } from './run-view/logical-metrics'
export { storePage } from './run-view/store-page'
export { builtInSerde, decodeField, encodeField, FieldEncodingError } from './run-view/record-codec'
export type { StatePageResult, StorePageRequest } from './run-view/store-page'
export {
  createSandboxedCodeExecutor,
  UserCodeTimeoutError,
} from './sandbox/sandboxed-code-executor'
export type { SandboxedCodeExecutor, SandboxOptions } from './sandbox/sandboxed-code-executor'
