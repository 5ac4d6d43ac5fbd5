import { z } from 'zod'
import { FunctionParamSchema } from '../function-param'

const name = z.string().optional()

/** `filter` / `filterNot` on a KStream or KTable. */
export const FilterParamsSchema = z.strictObject({ predicate: FunctionParamSchema, name })
export type FilterParams = z.infer<typeof FilterParamsSchema>

/** `map`: new key and new value, each computed from the record. */
export const MapParamsSchema = z.strictObject({
  key: FunctionParamSchema,
  value: FunctionParamSchema,
  name,
})
export type MapParams = z.infer<typeof MapParamsSchema>

/** `mapValues`, `flatMap` (mapper returns a list of `{ key, value }`) and `flatMapValues`. */
export const MapperParamsSchema = z.strictObject({ mapper: FunctionParamSchema, name })
export type MapperParams = z.infer<typeof MapperParamsSchema>

/** `selectKey`. */
export const SelectKeyParamsSchema = z.strictObject({ keySelector: FunctionParamSchema, name })
export type SelectKeyParams = z.infer<typeof SelectKeyParamsSchema>

/** `peek` and `foreach`. */
export const ActionParamsSchema = z.strictObject({ action: FunctionParamSchema, name })
export type ActionParams = z.infer<typeof ActionParamsSchema>

/** One `branch(predicate, Branched.as(name))` of a split; `id` is the edge's `sourcePort`. */
export const SplitBranchSchema = z.strictObject({
  id: z.string(),
  name,
  predicate: FunctionParamSchema,
})
export type SplitBranch = z.infer<typeof SplitBranchSchema>

/** `split(Named)` followed by its branches and `defaultBranch()` or `noDefaultBranch()`. */
export const SplitParamsSchema = z.strictObject({
  name,
  branches: z.array(SplitBranchSchema),
  defaultBranch: z.boolean(),
  defaultBranchName: name,
})
export type SplitParams = z.infer<typeof SplitParamsSchema>

/** Params of nodes whose only option is a processor name (`merge`, `groupByKey`, `toStream`). */
export const NamedParamsSchema = z.strictObject({ name })
export type NamedParams = z.infer<typeof NamedParamsSchema>

/** `repartition(Repartitioned)`. */
export const RepartitionParamsSchema = z.strictObject({
  name,
  numberOfPartitions: z.number().optional(),
})
export type RepartitionParams = z.infer<typeof RepartitionParamsSchema>
