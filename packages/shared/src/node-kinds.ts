import { z } from 'zod'
import {
  AggregateParamsSchema,
  CogroupParamsSchema,
  CountParamsSchema,
  GroupByParamsSchema,
  ReduceParamsSchema,
  SuppressParamsSchema,
  ToTableParamsSchema,
  WindowedByParamsSchema,
} from './node-params/aggregation-params'
import {
  GlobalTableParamsSchema,
  SinkParamsSchema,
  StreamParamsSchema,
  TableParamsSchema,
} from './node-params/io-params'
import { JoinParamsSchema } from './node-params/join-params'
import { ProcessParamsSchema } from './node-params/process-params'
import {
  ActionParamsSchema,
  FilterParamsSchema,
  MapParamsSchema,
  MapperParamsSchema,
  NamedParamsSchema,
  RepartitionParamsSchema,
  SelectKeyParamsSchema,
  SplitParamsSchema,
} from './node-params/stateless-params'

/** Where a node sits on the canvas. */
export const PositionSchema = z.strictObject({ x: z.number(), y: z.number() })
export type Position = z.infer<typeof PositionSchema>

function nodeSchema<K extends string, P extends z.ZodType>(kind: K, params: P) {
  return z.strictObject({
    id: z.string().min(1),
    kind: z.literal(kind),
    label: z.string().optional(),
    position: PositionSchema,
    params,
  })
}

/** One DSL-level operation of a design, discriminated by `kind`. */
export const GraphNodeSchema = z.discriminatedUnion('kind', [
  nodeSchema('stream', StreamParamsSchema),
  nodeSchema('table', TableParamsSchema),
  nodeSchema('globalTable', GlobalTableParamsSchema),
  nodeSchema('filter', FilterParamsSchema),
  nodeSchema('filterNot', FilterParamsSchema),
  nodeSchema('map', MapParamsSchema),
  nodeSchema('mapValues', MapperParamsSchema),
  nodeSchema('flatMap', MapperParamsSchema),
  nodeSchema('flatMapValues', MapperParamsSchema),
  nodeSchema('selectKey', SelectKeyParamsSchema),
  nodeSchema('peek', ActionParamsSchema),
  nodeSchema('foreach', ActionParamsSchema),
  nodeSchema('split', SplitParamsSchema),
  nodeSchema('merge', NamedParamsSchema),
  nodeSchema('repartition', RepartitionParamsSchema),
  nodeSchema('groupByKey', NamedParamsSchema),
  nodeSchema('groupBy', GroupByParamsSchema),
  nodeSchema('windowedBy', WindowedByParamsSchema),
  nodeSchema('cogroup', CogroupParamsSchema),
  nodeSchema('count', CountParamsSchema),
  nodeSchema('reduce', ReduceParamsSchema),
  nodeSchema('aggregate', AggregateParamsSchema),
  nodeSchema('toTable', ToTableParamsSchema),
  nodeSchema('toStream', NamedParamsSchema),
  nodeSchema('join', JoinParamsSchema),
  nodeSchema('suppress', SuppressParamsSchema),
  nodeSchema('process', ProcessParamsSchema),
  nodeSchema('sink', SinkParamsSchema),
])
export type GraphNode = z.infer<typeof GraphNodeSchema>
export type NodeKind = GraphNode['kind']

/** The node of one kind, e.g. `GraphNodeOfKind<'join'>`. */
export type GraphNodeOfKind<K extends NodeKind> = Extract<GraphNode, { kind: K }>

/** The params of one kind, e.g. `NodeParams<'windowedBy'>`. */
export type NodeParams<K extends NodeKind> = GraphNodeOfKind<K>['params']

/** Every node kind, in palette order (sources, stateless, grouping and aggregation, joins, sinks). */
export const NODE_KINDS = [
  'stream',
  'table',
  'globalTable',
  'filter',
  'filterNot',
  'map',
  'mapValues',
  'flatMap',
  'flatMapValues',
  'selectKey',
  'peek',
  'foreach',
  'split',
  'merge',
  'repartition',
  'groupByKey',
  'groupBy',
  'windowedBy',
  'cogroup',
  'count',
  'reduce',
  'aggregate',
  'toTable',
  'toStream',
  'join',
  'suppress',
  'process',
  'sink',
] as const satisfies readonly NodeKind[]

/** Tells whether a string names a node kind. */
export function isNodeKind(value: string): value is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(value)
}
