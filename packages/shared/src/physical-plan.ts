import { z } from 'zod'

const subtopologyId = z.int().nonnegative()

/** A group of physical nodes connected without an internal topic; one task per partition. */
export const SubtopologySchema = z.strictObject({
  id: subtopologyId,
  global: z.boolean(),
  nodes: z.array(z.string()),
})
export type Subtopology = z.infer<typeof SubtopologySchema>

/** A Source, Processor or Sink of the compiled topology, as `describe()` lists it. */
export const PhysicalNodeSchema = z.strictObject({
  name: z.string(),
  type: z.enum(['source', 'processor', 'sink']),
  subtopology: subtopologyId,
  logicalNodeId: z.string().optional(),
  topics: z.array(z.string()).optional(),
  topicPattern: z.string().optional(),
  topic: z.string().optional(),
  topicExtractor: z.string().optional(),
  stores: z.array(z.string()),
  predecessors: z.array(z.string()),
  successors: z.array(z.string()),
})
export type PhysicalNode = z.infer<typeof PhysicalNodeSchema>

/** A state store of the compiled topology and the processors connected to it. */
export const PhysicalStoreSchema = z.strictObject({
  name: z.string(),
  type: z.enum([
    'keyValue',
    'timestampedKeyValue',
    'window',
    'timestampedWindow',
    'session',
    'versionedKeyValue',
  ]),
  logged: z.boolean(),
  changelogTopic: z.string().optional(),
  global: z.boolean(),
  processors: z.array(z.string()),
  logicalNodeId: z.string().optional(),
})
export type PhysicalStore = z.infer<typeof PhysicalStoreSchema>

/** A repartition or changelog topic the application creates (name as `describe()` shows it). */
export const InternalTopicSchema = z.strictObject({
  name: z.string(),
  type: z.enum(['repartition', 'changelog']),
  sourceOf: subtopologyId.optional(),
  sinkOf: z.array(subtopologyId).optional(),
})
export type InternalTopic = z.infer<typeof InternalTopicSchema>

/** Which physical nodes and sub-topologies one node of the design became. */
export const LogicalNodePlacementSchema = z.strictObject({
  nodeId: z.string(),
  physicalNodes: z.array(z.string()),
  subtopologies: z.array(subtopologyId),
})
export type LogicalNodePlacement = z.infer<typeof LogicalNodePlacementSchema>

/** The JSON form of a planned topology: `describe()` text plus the structure the canvas draws. */
export const PhysicalPlanSchema = z.strictObject({
  describe: z.string(),
  subtopologies: z.array(SubtopologySchema),
  nodes: z.array(PhysicalNodeSchema),
  stores: z.array(PhysicalStoreSchema),
  internalTopics: z.array(InternalTopicSchema),
  logicalNodes: z.array(LogicalNodePlacementSchema),
})
export type PhysicalPlan = z.infer<typeof PhysicalPlanSchema>
