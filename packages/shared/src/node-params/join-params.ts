import { z } from 'zod'
import { FunctionParamSchema } from '../function-param'

/** `JoinWindows`: a left record at `t` matches right records in `[t - beforeMs, t + afterMs]`. */
export const JoinWindowSchema = z.strictObject({
  beforeMs: z.number(),
  afterMs: z.number(),
  graceMs: z.number().optional(),
})
export type JoinWindow = z.infer<typeof JoinWindowSchema>

/** The join variants: `join`, `leftJoin`, `outerJoin`. */
export const JOIN_TYPES = ['inner', 'left', 'outer'] as const
export type JoinType = (typeof JOIN_TYPES)[number]

/**
 * A join; which one (stream–stream, stream–table, stream–globalTable, table–table) follows from
 * the nodes connected to its `left` and `right` ports.
 */
export const JoinParamsSchema = z.strictObject({
  joinType: z.enum(JOIN_TYPES),
  joiner: FunctionParamSchema,
  window: JoinWindowSchema.optional(),
  keySelector: FunctionParamSchema.optional(),
  /**
   * Makes a table–table join a foreign-key join: the left table's records are matched with the
   * right table's record whose key this extracts from each left value (inner or left only).
   */
  foreignKey: FunctionParamSchema.optional(),
  name: z.string().optional(),
  storeName: z.string().optional(),
})
export type JoinParams = z.infer<typeof JoinParamsSchema>
