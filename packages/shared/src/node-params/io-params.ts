import { z } from 'zod'
import { FunctionParamSchema } from '../function-param'
import { SerdeSchema } from '../serde'

// Numbers and lists are only type-checked here: emptiness and Kafka's naming rules are reported
// by the engine's validateGraph, so a half-edited design can still be saved and reopened.

const serdes = {
  name: z.string().optional(),
  keySerde: SerdeSchema.optional(),
  valueSerde: SerdeSchema.optional(),
}

/** `builder.stream(topics | pattern, Consumed)`: a list of topics or one regular expression. */
export const StreamParamsSchema = z.union(
  [
    z.strictObject({ topics: z.array(z.string()), ...serdes }),
    z.strictObject({ topicPattern: z.string(), ...serdes }),
  ],
  { error: 'A stream reads either `topics` (a list) or `topicPattern` (a regex), not both' },
)
export type StreamParams = z.infer<typeof StreamParamsSchema>

/** `builder.table(topic, Consumed, Materialized)`. */
export const TableParamsSchema = z.strictObject({
  topic: z.string(),
  storeName: z.string().optional(),
  ...serdes,
})
export type TableParams = z.infer<typeof TableParamsSchema>

/** `builder.globalTable(topic, Consumed, Materialized)`; same options as a table. */
export const GlobalTableParamsSchema = TableParamsSchema
export type GlobalTableParams = z.infer<typeof GlobalTableParamsSchema>

/** `KStream.to(topic | TopicNameExtractor, Produced)`. */
export const SinkParamsSchema = z.union(
  [
    z.strictObject({ topic: z.string(), ...serdes }),
    z.strictObject({ topicExtractor: FunctionParamSchema, ...serdes }),
  ],
  { error: 'A sink writes either to `topic` or through `topicExtractor`, not both' },
)
export type SinkParams = z.infer<typeof SinkParamsSchema>
